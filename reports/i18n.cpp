#include "reports/i18n.h"

#include <yaml-cpp/yaml.h>

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
    if (l["thousands"]) t.numbers_.thousands = l["thousands"].as<std::string>();
    if (l["decimal"]) t.numbers_.decimal_mark = l["decimal"].as<std::string>();
    if (l["percent"]) t.numbers_.percent_pattern = l["percent"].as<std::string>();
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
  return fill_placeholders(text(key), values);
}

std::string Translation::message(const Message& m, const std::string& fallback, const MessageStyle& style) const {
  if (m.empty()) return style.prose ? style.prose(fallback) : fallback;
  NumberFormat numbers = numbers_;
  numbers.date = [this](std::string_view iso) { return as_of(std::string(iso)); };
  return render(m, lang_, numbers, style);
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
