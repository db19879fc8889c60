#include "core/text_format.h"

#include <cmath>

namespace rh {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  if (from.empty()) return s;
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

std::string fill_placeholders(std::string s, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    s = replace_all(s, "{" + name + "}", value);
    // "{name|singular|plural}": the value and the word that agrees with it.
    const std::string open = "{" + name + "|";
    for (size_t pos; (pos = s.find(open)) != std::string::npos;) {
      size_t bar = s.find('|', pos + open.size()), close = s.find('}', pos);
      if (bar == std::string::npos || close == std::string::npos || bar > close) break;
      std::string one = s.substr(pos + open.size(), bar - pos - open.size());
      std::string many = s.substr(bar + 1, close - bar - 1);
      s.replace(pos, close - pos + 1, value + " " + (value == "1" ? one : many));
    }
  }
  return s;
}

std::string NumberFormat::integer(int64_t value) const {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  int n = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++n) {
    if (n > 0 && n % 3 == 0) out.insert(0, thousands);
    out.insert(out.begin(), *it);
  }
  return value < 0 ? "-" + out : out;
}

std::string NumberFormat::decimal(double value, int digits) const {
  if (!std::isfinite(value)) return "–";
  double scale = std::pow(10.0, digits);
  double rounded = std::round(value * scale) / scale;
  auto whole = static_cast<int64_t>(std::trunc(rounded));
  std::string out = integer(whole);
  if (rounded < 0 && whole == 0) out = "-" + out;
  if (digits > 0) {
    auto frac = static_cast<int64_t>(std::llround(std::fabs(rounded - static_cast<double>(whole)) * scale));
    std::string f = std::to_string(frac);
    while (static_cast<int>(f.size()) < digits) f.insert(f.begin(), '0');
    out += decimal_mark + f;
  }
  return out;
}

std::string NumberFormat::percent(double fraction, int digits) const {
  return replace_all(percent_pattern, "{n}", decimal(fraction * 100.0, digits));
}

}  // namespace rh
