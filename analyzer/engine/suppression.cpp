#include "engine/suppression.h"

#include <cctype>

#include "core/glob.h"
#include "engine/rule.h"

namespace rh {
namespace {

constexpr std::string_view kMarker = "repohealth-ignore";

bool id_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == '*'; }

std::string clean_reason(std::string_view s) {
  // Drop comment closers and decoration around the reason.
  auto strip_suffix = [&](std::string_view closer) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (s.ends_with(closer)) s.remove_suffix(closer.size());
  };
  for (std::string_view closer : {"*/", "-->", "--}}", "#}", "%>", "?>", "*)"}) strip_suffix(closer);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '-' || s.front() == ':' ||
                        s.front() == '(' ))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ')')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<InlineIgnore> parse_inline_ignore(std::string_view line) {
  size_t at = line.find(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = line.substr(at + kMarker.size());
  if (!rest.empty() && id_char(rest[0]) && rest[0] != '*') return std::nullopt;  // repohealth-ignored, …
  InlineIgnore out;
  if (!rest.empty() && rest[0] == ':') {
    rest.remove_prefix(1);
    // ids separated by commas; the list ends at the first id not followed by a comma
    while (true) {
      size_t i = 0;
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
      size_t j = i;
      while (j < rest.size() && id_char(rest[j])) ++j;
      if (j == i) break;
      out.rules.emplace_back(rest.substr(i, j - i));
      size_t k = j;
      while (k < rest.size() && (rest[k] == ' ' || rest[k] == '\t')) ++k;
      if (k < rest.size() && rest[k] == ',') {
        rest.remove_prefix(k + 1);
        continue;
      }
      rest.remove_prefix(j);
      break;
    }
  }
  out.reason = clean_reason(rest);
  return out;
}

std::optional<Suppression> inline_suppression(FileText& text, int64_t line, const std::string& rule_id) {
  for (int64_t l : {line, line - 1}) {
    if (l < 1) continue;
    std::string_view s = text.line(l);
    if (s.find(kMarker) == std::string_view::npos) continue;
    auto ignore = parse_inline_ignore(s);
    if (!ignore) continue;
    bool applies = ignore->rules.empty();
    for (const auto& r : ignore->rules) applies = applies || rule_selected(r, rule_id);
    if (applies) return Suppression{"in_source", ignore->reason};
  }
  return std::nullopt;
}

std::optional<Suppression> config_suppression(const std::vector<PathSuppression>& entries, std::string_view path) {
  for (const auto& e : entries) {
    bool hit = e.paths.empty();
    for (const auto& g : e.paths) hit = hit || glob_match(g, path);
    if (hit) return Suppression{"config", e.reason.empty() ? "suppressed by " + e.where : e.reason};
  }
  return std::nullopt;
}

}  // namespace rh
