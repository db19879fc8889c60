#pragma once
// Report translations (reports/i18n/<lang>.yml, embedded): the texts of the HTML and Markdown
// reports and how numbers and dates are written in each language.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/message.h"
#include "core/text_format.h"

namespace rh {

class Translation {
 public:
  /// Loads the embedded translation for `lang`; an unknown language gives English.
  static const Translation& get(const std::string& lang);

  const std::string& lang() const { return lang_; }
  /// The text for a dotted key ("overview.title"); the key itself when missing, so a missing
  /// translation is visible and a test can catch it.
  const std::string& text(std::string_view key) const;
  /// text(key) when the translation has it, else `fallback` (texts that come with the model,
  /// such as check titles, translated where a translation exists).
  std::string text_or(std::string_view key, const std::string& fallback) const;
  /// text(key) with "{name}" placeholders replaced by the values, and "{name|one|many}" by the
  /// value and the singular or plural word (values are not escaped here).
  std::string format(std::string_view key,
                     const std::vector<std::pair<std::string, std::string>>& values) const;
  /// Every dotted key under "text" (for the template and for completeness tests).
  const std::map<std::string, std::string, std::less<>>& texts() const { return texts_; }

  /// How this language writes numbers (core/text_format.h).
  const NumberFormat& numbers() const { return numbers_; }
  /// 12345 -> "12,345" (en) / "12.345" (da).
  std::string integer(int64_t value) const { return numbers_.integer(value); }
  /// 3.14159, 1 -> "3.1" (en) / "3,1" (da).
  std::string decimal(double value, int digits = 1) const { return numbers_.decimal(value, digits); }
  /// A fraction in [0, 1] -> "45%" (en) / "45 %" (da).
  std::string percent(double fraction, int digits = 0) const { return numbers_.percent(fraction, digits); }
  /// An analyzer message (core/message.h) in this language; `fallback` (the English text stored
  /// with it) when the model has no message, as in facts.json written before messages existed.
  std::string message(const Message& m, const std::string& fallback, const MessageStyle& style = {}) const;
  /// A text of the analyzer's catalogue (core/message.h) without arguments in this language, such
  /// as "check.docs.readme.title"; `fallback` when the catalogue has no such key.
  std::string catalogue(std::string_view key, const std::string& fallback) const {
    const std::string* s = message_text(key, lang_);
    return s ? *s : fallback;
  }
  /// "2024-01-15T12:00:00Z" -> "15 January 2024" (en) / "15. januar 2024" (da); the input when it
  /// is not an ISO date.
  std::string date(std::string_view iso) const;
  /// As date() with the time of day in UTC when the input has one.
  std::string date_time(std::string_view iso) const;
  /// A scan's reference date (scan.as_of): a date ("2024-06-01") as date(), a timestamp as
  /// date_time(); "" stays "".
  std::string as_of(std::string_view as_of) const {
    if (as_of.empty()) return "";
    return as_of.size() > 10 ? date_time(as_of) : date(as_of);
  }

 private:
  std::string lang_;
  std::map<std::string, std::string, std::less<>> texts_;
  NumberFormat numbers_;
  std::string date_pattern_ = "{day} {month} {year}";
  std::string date_time_pattern_ = "{date}, {hour}:{minute} UTC";
  std::vector<std::string> months_;
};

}  // namespace rh
