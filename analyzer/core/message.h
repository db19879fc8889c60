#pragma once
// Prose the analyzer writes for a reader (check summaries and remedies, evidence, scoring rules):
// a catalogue key with named arguments, rendered in the reader's language. The texts live in
// each check's record (rules/repo/<family>/<name>.yml: `title`, `da.title` and `repo.messages`),
// rules/health/messages/*.yml for the texts checks share (`en` and `da` for every key), and the
// requirement texts in rules/health/requirements.yml. The analyzer stores the English rendering
// next to the message (facts.json keeps both, so JSON and SARIF consumers read English and a
// report renders its own language). docs/health.md describes the catalogue.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_format.h"

namespace rh {

/// One named argument. Kinds: "text" (repository content - a path, a name, a licence id, code -
/// shown as it is), "int" (an integer), "decimal" (a number such as "4.2", shown with as many
/// digits), "percent" (a percentage such as "26" or "4.2", shown with the language's sign),
/// "date" (an ISO date or timestamp, shown as the language writes dates; ISO in English),
/// "key" (a catalogue key, shown translated; its text may use the message's other arguments), "keys" (catalogue keys separated by '\n', shown as
/// a translated list "a, b and c").
struct MessageArg {
  std::string name;
  std::string value;
  std::string kind = "text";
  bool operator==(const MessageArg&) const = default;
};

struct Message {
  std::string key;  ///< empty: no message (facts.json written before messages existed)
  std::vector<MessageArg> args;
  bool empty() const { return key.empty(); }
  bool operator==(const Message&) const = default;
};

/// A message from its key and arguments (`msg("docs.readme.missing", {text_arg("path", p)})`).
inline Message msg(std::string key, std::vector<MessageArg> args = {}) { return {std::move(key), std::move(args)}; }
/// Text that has no catalogue entry, shown as it is in every language: what a library or the
/// operating system said (an errno text, a libgit2 error), or a note read from facts.json written
/// before notes were messages.
inline Message verbatim(std::string text) { return {"common.verbatim", {{"text", std::move(text), "text"}}}; }

/// `key`'s message with `inner` in its placeholder `name`: inner's arguments join the outer's
/// ("{reason}; the scan runs without the cache" around "{path}: cannot create the cache folder").
/// Inner messages nest one level deep; their argument names must differ from the outer's.
Message nest(std::string key, std::string name, const Message& inner, std::vector<MessageArg> more = {});

MessageArg text_arg(std::string name, std::string value);
MessageArg int_arg(std::string name, int64_t value);
MessageArg decimal_arg(std::string name, double value, int digits = 1);
/// A share in [0, 1] as a percentage with `digits` decimals (0.256 -> 26 %).
MessageArg percent_arg(std::string name, double share, int digits = 0);
MessageArg key_arg(std::string name, std::string key);
/// An ISO date ("2024-06-01") or UTC timestamp ("2024-06-01T12:00:00Z").
MessageArg date_arg(std::string name, std::string iso);
MessageArg keys_arg(std::string name, const std::vector<std::string>& keys);

/// How a rendering marks its parts: `prose` is applied to catalogue text (an HTML writer escapes
/// it), `content` to repository content (a code span, a translate="no" element).
struct MessageStyle {
  std::function<std::string(std::string_view)> prose;
  std::function<std::string(std::string_view)> content;
};

/// The catalogue text of `key` in `lang` (English when the language lacks it); nullptr when the
/// key is not in the catalogue.
const std::string* message_text(std::string_view key, std::string_view lang);
/// Every key of the catalogue with its texts by language (for completeness tests).
const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>& message_catalogue();

/// The message in `lang`, numbers written with `numbers`; a key missing from the catalogue is
/// shown as the key itself, so a test can catch it.
std::string render(const Message& m, std::string_view lang, const NumberFormat& numbers = {},
                   const MessageStyle& style = {});
/// The English rendering (what facts.json stores as the text).
inline std::string english(const Message& m) { return render(m, "en"); }

}  // namespace rh
