#pragma once
// How numbers (and dates) are written in a language, and the placeholder filler every catalogue shares (the
// report texts of reports/i18n and the analyzer's messages of rules/health/messages). English is
// the default; reports/i18n/<lang>.yml `locale:` sets another language's marks.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rh {

struct NumberFormat {
  std::string thousands = ",";
  std::string decimal_mark = ".";
  std::string percent_pattern = "{n}%";

  /// 12345 -> "12,345" (en) / "12.345" (da).
  std::string integer(int64_t value) const;
  /// 3.14159, 1 -> "3.1" (en) / "3,1" (da); "–" when not finite.
  std::string decimal(double value, int digits = 1) const;
  /// A fraction in [0, 1] -> "45%" (en) / "45 %" (da).
  std::string percent(double fraction, int digits = 0) const;
  /// An ISO date or timestamp as the language writes it ("1. juni 2024"); unset: left as it is
  /// (the English rendering facts.json stores keeps ISO dates).
  std::function<std::string(std::string_view)> date;
};

/// Every occurrence of `from` in `s` replaced by `to`.
std::string replace_all(std::string s, std::string_view from, std::string_view to);

/// `pattern` with "{name}" replaced by the value, and "{name|one|many}" by the value and the word
/// that agrees with it ("1" takes the singular). Values are inserted as they are (not escaped).
std::string fill_placeholders(std::string pattern, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace rh
