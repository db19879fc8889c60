#include "engine/call_matcher.h"

#include <algorithm>
#include <optional>
#include <string_view>

namespace rh {

bool callee_matches(std::string_view p, std::string_view s) {
  // Iterative glob with '*' (any run) and '?' (one character); no classes.
  size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi;
      ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

namespace {

/// The end of the quoted string starting at `i` (one past the closing quote), or npos.
size_t skip_quoted(std::string_view s, size_t i) {
  const char q = s[i];
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') ++i;
    else if (s[i] == q) return i + 1;
  }
  return std::string_view::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// One or more adjacent quoted strings (`"a" "b"`, C's concatenation), with an optional
/// encoding prefix (L, u, U, u8).
bool is_string_literal(std::string_view s) {
  size_t i = 0, strings = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    while (i < s.size() && (s[i] == 'L' || s[i] == 'u' || s[i] == 'U' || s[i] == '8')) ++i;
    if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return false;
    i = skip_quoted(s, i);
    if (i == std::string_view::npos) return false;
    ++strings;
  }
  return strings > 0;
}

/// The arguments of `text` when it is one call `callee(a, b, ...)`, split at its top-level
/// commas (quotes and brackets respected); nullopt when it is anything else.
std::optional<std::vector<std::string_view>> call_arguments(std::string_view text, std::string_view callee) {
  size_t b = 0;
  while (b < text.size() && is_space(text[b])) ++b;
  if (text.substr(b, callee.size()) != callee) return std::nullopt;
  size_t i = b + callee.size();
  while (i < text.size() && is_space(text[i])) ++i;
  if (i >= text.size() || text[i] != '(') return std::nullopt;
  std::vector<std::string_view> args;
  int depth = 0;
  size_t start = i + 1;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      i = skip_quoted(text, i);
      if (i == std::string_view::npos) return std::nullopt;
      --i;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if ((c == ',' && depth == 1) || ((c == ')' || c == ']' || c == '}') && --depth == 0)) {
      args.push_back(text.substr(start, i - start));
      start = i + 1;
      if (depth == 0) break;
    }
  }
  if (i >= text.size()) return std::nullopt;
  for (++i; i < text.size(); ++i)
    if (!is_space(text[i])) return std::nullopt;  // `_("a") + x`: more than the call
  return args;
}

/// `_("...")`, `ngettext("...", "...", n)`: a wrapper call whose message arguments are literals.
bool wrapped_literal(std::string_view text, const ArgumentCondition& cond) {
  for (const auto& [callee, positions] : cond.literal_wrappers) {
    auto args = call_arguments(text, callee);
    if (!args) continue;
    // Positions past the end are left out (glib's Q_ takes one argument, git's three).
    bool all = true;
    size_t seen = 0;
    for (int p : positions) {
      if (static_cast<size_t>(p) >= args->size()) continue;
      ++seen;
      all = all && is_string_literal((*args)[static_cast<size_t>(p)]);
    }
    if (all && seen > 0) return true;
  }
  return false;
}

}  // namespace

void CallMatcher::build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
                        std::vector<std::string>& errors) {
  for (const auto& r : rules) {
    bool ok = true;
    for (const auto& a : r.second->call.arguments) {
      if (a.matches.empty() || regexes_.count(a.matches)) continue;
      auto re = HsRegex::compile(a.matches);
      if (!re) {
        errors.push_back(r.second->source + ": field 'call.arguments.matches': " + re.error().message);
        ok = false;
        continue;
      }
      scratch.reserve((*re)->database());
      regexes_.emplace(a.matches, std::move(*re));
    }
    if (ok) rules_.push_back(r);
  }
}

bool CallMatcher::call_matches(const CallSpec& spec, const CallSite& call, hs_scratch_t* scratch) const {
  bool named = false;
  for (const auto& c : spec.callees) named = named || callee_matches(c, call.callee);
  if (!named) return false;
  for (const auto& c : spec.not_callees)
    if (callee_matches(c, call.callee)) return false;
  for (const ArgumentCondition& cond : spec.arguments) {
    const CallArgument* arg = nullptr;
    int positional = 0;
    for (const auto& a : call.arguments) {
      if (cond.index >= 0 && a.keyword.empty() && positional++ == cond.index) arg = &a;
      if (!cond.keyword.empty() && a.keyword == cond.keyword) arg = &a;
      if (arg) break;
    }
    if (cond.present && *cond.present != (arg != nullptr)) return false;
    if (!arg) {
      if (cond.literal || !cond.equals.empty() || !cond.matches.empty()) return false;
      continue;
    }
    if (cond.literal && *cond.literal != (arg->literal || wrapped_literal(arg->text, cond))) return false;
    if (!cond.equals.empty() && std::find(cond.equals.begin(), cond.equals.end(), arg->text) == cond.equals.end())
      return false;
    if (!cond.matches.empty()) {
      auto it = regexes_.find(cond.matches);
      if (it == regexes_.end() || !it->second->search(arg->text, scratch)) return false;
    }
  }
  return true;
}

void CallMatcher::match(const FileInput& file, const std::vector<bool>& enabled, hs_scratch_t* scratch,
                        std::vector<RawMatch>& out) const {
  if (!file.syntax || file.syntax->calls.empty()) return;
  std::vector<const std::pair<size_t, const Rule*>*> active;
  for (const auto& r : rules_)
    if (enabled[r.first]) active.push_back(&r);
  if (active.empty()) return;
  for (const CallSite& call : file.syntax->calls) {
    for (const auto* r : active) {
      if (!call_matches(r->second->call, call, scratch)) continue;
      RawMatch m;
      m.rule = r->first;
      m.start_line = call.line;
      m.start_column = call.column;
      m.end_line = call.end_line;
      m.end_column = call.end_column;
      m.matched = call.callee;
      for (const auto& a : call.arguments) m.matched += (a.keyword.empty() ? "," : "," + a.keyword + "=") + a.text;
      m.function = call.function;
      m.function_known = true;
      m.vars.emplace_back("name", call.callee);
      m.vars.emplace_back("callee", call.callee);
      out.push_back(std::move(m));
    }
  }
}

}  // namespace rh
