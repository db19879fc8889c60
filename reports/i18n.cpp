#include "reports/i18n.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>

#include "reports/report_assets.h"

namespace rh {
namespace {

void flatten(const YAML::Node& node, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
  if (node.IsMap()) {
    for (const auto& kv : node) {
      std::string key = kv.first.as<std::string>();
      flatten(kv.second, prefix.empty() ? key : prefix + "." + key, out);
    }
  } else if (node.IsScalar()) {
    out[prefix] = node.as<std::string>();
  }
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

const Translation& Translation::get(const std::string& requested) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Translation>> cache;
  std::lock_guard lock(mu);
  std::string lang = report_asset("i18n/" + requested + ".yml").empty() ? "en" : requested;
  auto& slot = cache[lang];
  if (slot) return *slot;
  slot = std::make_unique<Translation>();
  Translation& t = *slot;
  t.lang_ = lang;
  YAML::Node root = YAML::Load(std::string(report_asset("i18n/" + lang + ".yml")));
  flatten(root["text"], "", t.texts_);
  if (YAML::Node l = root["locale"]) {
    if (l["thousands"]) t.thousands_ = l["thousands"].as<std::string>();
    if (l["decimal"]) t.decimal_ = l["decimal"].as<std::string>();
    if (l["percent"]) t.percent_pattern_ = l["percent"].as<std::string>();
    if (l["date"]) t.date_pattern_ = l["date"].as<std::string>();
    if (l["date_time"]) t.date_time_pattern_ = l["date_time"].as<std::string>();
    if (l["months"])
      for (const auto& m : l["months"]) t.months_.push_back(m.as<std::string>());
  }
  return t;
}

const std::string& Translation::text(std::string_view key) const {
  auto it = texts_.find(key);
  if (it != texts_.end()) return it->second;
  static thread_local std::string missing;
  missing = std::string(key);
  return missing;
}

std::string Translation::text_or(std::string_view key, const std::string& fallback) const {
  auto it = texts_.find(key);
  return it != texts_.end() ? it->second : fallback;
}

std::string Translation::format(std::string_view key,
                                const std::vector<std::pair<std::string, std::string>>& values) const {
  std::string s = text(key);
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

std::string Translation::integer(int64_t value) const {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  int n = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++n) {
    if (n > 0 && n % 3 == 0) out.insert(0, thousands_);
    out.insert(out.begin(), *it);
  }
  return value < 0 ? "-" + out : out;
}

std::string Translation::decimal(double value, int digits) const {
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
    out += decimal_ + f;
  }
  return out;
}

std::string Translation::percent(double fraction, int digits) const {
  return replace_all(percent_pattern_, "{n}", decimal(fraction * 100.0, digits));
}

std::string Translation::date(std::string_view iso) const {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 ||
      std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
      m > 12 || months_.size() != 12)
    return std::string(iso);
  std::string s = replace_all(date_pattern_, "{day}", std::to_string(d));
  s = replace_all(s, "{month}", months_[static_cast<size_t>(m - 1)]);
  return replace_all(s, "{year}", std::to_string(y));
}

std::string Translation::date_time(std::string_view iso) const {
  std::string day = date(iso);
  int hh = 0, mm = 0;
  if (day == iso || iso.size() < 16 || iso[10] != 'T' ||
      std::sscanf(std::string(iso.substr(11, 5)).c_str(), "%2d:%2d", &hh, &mm) != 2)
    return day;
  std::string s = replace_all(date_time_pattern_, "{date}", day);
  s = replace_all(s, "{hour}", two(hh));
  return replace_all(s, "{minute}", two(mm));
}

}  // namespace rh
