#include "engine/call_matcher.h"

#include <algorithm>

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
    if (cond.literal && *cond.literal != arg->literal) return false;
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
