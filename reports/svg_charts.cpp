#include "reports/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace rh {
namespace {

/// Shortens text to about `max_chars` characters (UTF-8 aware), with an ellipsis.
std::string fit(std::string_view text, size_t max_chars) {
  size_t chars = 0, i = 0;
  while (i < text.size()) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    if (chars + 1 > max_chars) {
      if (max_chars == 0) return "";
      // Drop the last character kept and put the ellipsis in its place.
      size_t cut = i;
      while (cut > 0 && (static_cast<unsigned char>(text[cut - 1]) & 0xC0) == 0x80) --cut;
      if (cut > 0) --cut;
      return std::string(text.substr(0, cut)) + "…";
    }
    i += len;
    ++chars;
  }
  return std::string(text);
}

double worst_ratio(double sum, double smallest, double largest, double side) {
  double s2 = sum * sum, w2 = side * side;
  return std::max(w2 * largest / s2, s2 / (w2 * smallest));
}

}  // namespace

std::string svg_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string svg_open(double w, double h, std::string_view title, const char* cls) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + std::string(cls) + "\" viewBox=\"0 0 " +
         svg_number(w) + " " + svg_number(h) + "\" role=\"img\" aria-label=\"" + html_escape(title) + "\"><title>" +
         html_escape(title) + "</title>";
}


std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_path(std::string_view path) {
  std::string escaped = html_escape(path), out;
  out.reserve(escaped.size() + escaped.size() / 4);
  for (char c : escaped) {
    out += c;
    if (c == '/') out += "<wbr>";
  }
  return out;
}

std::vector<Rect> squarify(const std::vector<double>& sizes, Rect area) {
  std::vector<Rect> out(sizes.size());
  double total = std::accumulate(sizes.begin(), sizes.end(), 0.0);
  if (total <= 0 || area.w <= 0 || area.h <= 0) return out;
  const double scale = area.w * area.h / total;
  size_t i = 0;
  while (i < sizes.size()) {
    const double side = std::min(area.w, area.h);
    double sum = sizes[i] * scale, smallest = sum, largest = sum;
    double worst = worst_ratio(sum, smallest, largest, side);
    size_t j = i + 1;
    for (; j < sizes.size(); ++j) {
      double a = sizes[j] * scale;
      double next = worst_ratio(sum + a, std::min(smallest, a), std::max(largest, a), side);
      if (next > worst) break;
      sum += a;
      smallest = std::min(smallest, a);
      largest = std::max(largest, a);
      worst = next;
    }
    // Lay the row along the shorter side, then continue in the rest of the rectangle.
    if (area.w >= area.h) {
      double width = sum / area.h, y = area.y;
      for (size_t k = i; k < j; ++k) {
        double h = sizes[k] * scale / width;
        out[k] = {area.x, y, width, h};
        y += h;
      }
      area.x += width;
      area.w = std::max(0.0, area.w - width);
    } else {
      double height = sum / area.w, x = area.x;
      for (size_t k = i; k < j; ++k) {
        double w = sizes[k] * scale / height;
        out[k] = {x, area.y, w, height};
        x += w;
      }
      area.y += height;
      area.h = std::max(0.0, area.h - height);
    }
    i = j;
  }
  return out;
}

int heat_class(double heat) {
  if (!(heat > 0)) return 0;
  return std::clamp(static_cast<int>(std::ceil(heat * 5.0)) - 1, 0, 4);
}

const char* heat_fill(int c) {
  // A sequential orange scale (ColorBrewer "Oranges"), readable in greyscale print as well.
  static const char* fills[] = {"#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"};
  return fills[std::clamp(c, 0, 4)];
}

std::string svg_histogram(const std::vector<ChartBar>& bins, std::string_view title,
                          std::string_view x_label) {
  const double W = 640, H = 260, left = 16, right = 16, top = 24, bottom = 48;
  double max_v = 0;
  for (const auto& b : bins) max_v = std::max(max_v, b.value);
  std::string svg = svg_open(W, H, title, "chart histogram");
  const double plot_w = W - left - right, plot_h = H - top - bottom;
  const double slot = bins.empty() ? plot_w : plot_w / static_cast<double>(bins.size());
  for (size_t k = 0; k < bins.size(); ++k) {
    const auto& b = bins[k];
    double h = max_v > 0 ? plot_h * b.value / max_v : 0;
    if (b.value > 0) h = std::max(h, 1.0);
    double x = left + slot * static_cast<double>(k) + slot * 0.1;
    double y = top + plot_h - h;
    svg += "<rect class=\"bar\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(slot * 0.8) +
           "\" height=\"" + svg_number(h) + "\"/>";
    svg += "<text class=\"value\" x=\"" + svg_number(x + slot * 0.4) + "\" y=\"" + svg_number(y - 4) +
           "\" text-anchor=\"middle\">" + html_escape(b.value_text) + "</text>";
    svg += "<text class=\"axis\" x=\"" + svg_number(x + slot * 0.4) + "\" y=\"" + svg_number(top + plot_h + 16) +
           "\" text-anchor=\"middle\">" + html_escape(b.label) + "</text>";
  }
  svg += "<line class=\"axis-line\" x1=\"" + svg_number(left) + "\" y1=\"" + svg_number(top + plot_h) + "\" x2=\"" +
         svg_number(W - right) + "\" y2=\"" + svg_number(top + plot_h) + "\"/>";
  svg += "<text class=\"axis\" x=\"" + svg_number(W / 2) + "\" y=\"" + svg_number(H - 8) + "\" text-anchor=\"middle\">" +
         html_escape(x_label) + "</text>";
  return svg + "</svg>";
}

std::string svg_bars(const std::vector<ChartBar>& bars, std::string_view title, double max_value) {
  const double W = 640, row = 24, label_w = 200, value_w = 90;
  const double H = std::max(row, row * static_cast<double>(bars.size())) + 8;
  double max_v = max_value;
  if (max_v <= 0)
    for (const auto& b : bars) max_v = std::max(max_v, b.value);
  std::string svg = svg_open(W, H, title, "chart bars");
  const double plot_w = W - label_w - value_w;
  for (size_t k = 0; k < bars.size(); ++k) {
    const auto& b = bars[k];
    double y = 4 + row * static_cast<double>(k);
    double w = max_v > 0 ? plot_w * b.value / max_v : 0;
    if (b.value > 0) w = std::max(w, 1.0);
    svg += "<g><title>" + html_escape(b.label) + ": " + html_escape(b.value_text) + "</title>";
    svg += "<text class=\"axis\" x=\"" + svg_number(label_w - 6) + "\" y=\"" + svg_number(y + 16) +
           "\" text-anchor=\"end\">" + html_escape(fit(b.label, 28)) + "</text>";
    svg += "<rect class=\"bar\" x=\"" + svg_number(label_w) + "\" y=\"" + svg_number(y + 3) + "\" width=\"" + svg_number(w) +
           "\" height=\"" + svg_number(row - 8) + "\"/>";
    svg += "<text class=\"value\" x=\"" + svg_number(label_w + w + 6) + "\" y=\"" + svg_number(y + 16) + "\">" +
           html_escape(b.value_text) + "</text></g>";
  }
  return svg + "</svg>";
}

}  // namespace rh
