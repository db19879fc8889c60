#include "engine/pattern_matcher.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/text.h"
#include "engine/secret_filter.h"

namespace rh {
namespace {

struct Hit {
  unsigned id;
  unsigned long long from, to;
};

std::string_view trim_value_junk(std::string_view s) {
  auto junk = [](char c) { return c == ' ' || c == '\t' || c == ';' || c == ',' || c == ')' || c == '@' || c == '\r' || c == '\n'; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

/// The `pattern.check` of a rule on one match.
SecretVerdict check_value(const PatternSpec& spec, std::string_view matched, std::string_view value) {
  if (spec.check == "secret")
    return check_assigned_secret(matched, assigned_value(matched), spec.min_length, spec.min_entropy);
  if (spec.check == "url-password") return check_url_password(matched);
  if (spec.check == "url-default-password") return check_url_default_password(matched);
  if (spec.check == "jwt") return check_jwt(matched);
  return SecretVerdict{true, value};
}

}  // namespace

std::string_view match_value(std::string_view m) {
  m = trim_value_junk(m);
  size_t last = m.find_last_of("\"'`");
  if (last != std::string_view::npos) {
    if (last + 1 == m.size() && last > 0) {  // a closing quote: the value is the quoted string
      size_t open = m.find_last_of(m[last], last - 1);
      if (open != std::string_view::npos) return m.substr(open + 1, last - open - 1);
    } else if (last + 1 < m.size()) {  // an opening quote: the value runs to the end
      return m.substr(last + 1);
    }
  }
  size_t sep = m.find_last_of("=:");
  if (sep != std::string_view::npos && sep + 1 < m.size()) {
    std::string_view v = trim_value_junk(m.substr(sep + 1));
    if (!v.empty()) return v;
  }
  return m;
}

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<int, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double h = 0;
  for (int n : counts)
    if (n) {
      double p = static_cast<double>(n) / static_cast<double>(s.size());
      h -= p * std::log2(p);
    }
  return h;
}

void PatternMatcher::build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
                           std::vector<std::string>& errors, const std::vector<const Rule*>& disabled) {
  // Built-in rules first, in catalog order, enabled or not (the set does not depend on the
  // config, so the build's database is found); then the user's.
  std::vector<std::pair<size_t, const Rule*>> builtin, user;
  for (const auto& r : rules) (r.second->embedded ? builtin : user).push_back(r);
  for (const Rule* r : disabled) {
    disabled_.push_back(std::make_unique<Rule>(*r));
    builtin.emplace_back(kDisabled, disabled_.back().get());
  }
  std::stable_sort(builtin.begin(), builtin.end(),
                   [](const auto& a, const auto& b) { return a.second->descriptor.id < b.second->descriptor.id; });
  for (const auto* list : {&builtin, &user})
    for (const auto& r : *list) {
      rules_.push_back(r);
      finders_.push_back(std::make_unique<StartFinder>());
    }
  // Both sets are compiled, in this order, so that every error is reported.
  const bool builtin_ok = compile(0, builtin.size(), db_[0], errors);
  const bool user_ok = compile(builtin.size(), rules_.size(), db_[1], errors);
  const bool ok = builtin_ok && user_ok;
  if (!ok) {
    db_[0].reset();
    db_[1].reset();
    rules_.clear();
    finders_.clear();
    return;
  }
  for (const auto& db : db_)
    if (db) scratch.reserve(*db);
}

bool PatternMatcher::compile(size_t first, size_t last, std::unique_ptr<HsDatabase>& db, std::vector<std::string>& errors) {
  std::vector<HsDatabase::Expression> exprs;
  for (size_t i = first; i < last; ++i)
    exprs.push_back({rules_[i].second->pattern.regex, HS_FLAG_MULTILINE, static_cast<unsigned>(i)});
  if (exprs.empty()) return true;
  HsDatabase::CompileError error;
  db = HsDatabase::compile(exprs, &error);
  if (db) return true;
  // Name every bad regex, not only the first Vectorscan stopped at.
  const size_t before = errors.size();
  for (size_t i = first; i < last; ++i) {
    HsDatabase::CompileError one;
    if (!HsDatabase::compile({exprs[i - first]}, &one))
      errors.push_back(rules_[i].second->source + ": field 'pattern.regex': " + one.message);
  }
  if (errors.size() == before) errors.push_back("pattern rules do not compile together: " + error.message);
  return false;
}

std::vector<HsDatabase::Expression> PatternMatcher::start_expressions(const std::string& regex) {
  return {{"\\A(?:" + regex + ")", HS_FLAG_MULTILINE, 0}, {"\\A[\\s\\S](?:" + regex + ")", HS_FLAG_MULTILINE, 1}};
}

size_t PatternMatcher::find_start(unsigned id, std::string_view content, size_t end, HsScratchPool::Lease* scratch) const {
  StartFinder& f = *finders_[id];
  std::call_once(f.once, [&] {
    // Anchored at the buffer start; the second form reads one character of context first, so
    // `^` and `\b` at the start of the match see the real text before it.
    HsDatabase::CompileError ignored;
    f.db = HsDatabase::compile(start_expressions(rules_[id].second->pattern.regex), &ignored);
  });
  // Candidates: from two lines above the match's last line (a regex may span line breaks),
  // at most 1 KiB back.
  size_t line_start = end == 0 ? 0 : content.rfind('\n', end - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  if (!f.db || !scratch->reserve(*f.db)) return line_start;
  size_t begin = line_start;
  for (int lines = 0; lines < 2 && begin > 0; ++lines) {  // content[begin - 1] ends the line above
    size_t prev = begin >= 2 ? content.rfind('\n', begin - 2) : std::string_view::npos;
    begin = prev == std::string_view::npos ? 0 : prev + 1;
  }
  begin = std::max(begin, end > 1024 ? end - 1024 : size_t{0});
  struct Target {
    unsigned id;
    unsigned long long length;
    bool found;
  };
  for (size_t s = begin; s < end; ++s) {
    const size_t from = s == 0 ? 0 : s - 1;
    Target t{s == 0 ? 0u : 1u, end - from, false};
    auto on_match = [](unsigned expr, unsigned long long, unsigned long long to, unsigned, void* ctx) -> int {
      auto* target = static_cast<Target*>(ctx);
      if (expr == target->id && to == target->length) target->found = true;
      return target->found ? 1 : 0;
    };
    hs_scan(f.db->get(), content.data() + from, static_cast<unsigned>(end - from), 0, scratch->get(), on_match, &t);
    if (t.found) return s;
  }
  return line_start;
}

void PatternMatcher::match(const FileInput& file, FileText& text, const std::vector<bool>& enabled,
                           HsScratchPool::Lease* scratch, std::vector<RawMatch>& out) const {
  if (empty() || file.content.empty() || !scratch || !scratch->get()) return;
  auto on = [&enabled](size_t index) { return index != kDisabled && enabled[index]; };
  bool any = false;
  for (const auto& r : rules_) any = any || on(r.first);
  if (!any) return;
  std::vector<Hit> hits;
  auto on_match = [](unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) -> int {
    auto* h = static_cast<std::vector<Hit>*>(ctx);
    if (h->size() > 100000) return 1;  // a pathological file: stop collecting
    h->push_back({id, from, to});
    return 0;
  };
  for (const auto& db : db_)
    if (db)
      hs_scan(db->get(), file.content.data(), static_cast<unsigned>(file.content.size()), 0, scratch->get(), on_match,
              &hits);
  if (hits.empty()) return;
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.id != b.id ? a.id < b.id : a.to < b.to; });
  // One match per run of reports: a greedy tail reports every end (adjacent ends extend the
  // match); a report whose match starts inside the previous one extends it too.
  std::vector<Hit> merged;
  for (const Hit& h : hits) {
    if (!on(rules_[h.id].first)) continue;
    if (!merged.empty() && merged.back().id == h.id && h.to == merged.back().to + 1) {
      merged.back().to = h.to;
      continue;
    }
    const size_t from = find_start(h.id, file.content, h.to, scratch);
    if (!merged.empty() && merged.back().id == h.id && from < merged.back().to) {
      merged.back().to = h.to;
      continue;
    }
    merged.push_back({h.id, from, h.to});
  }
  for (const Hit& h : merged) {
    const auto& [index, rule] = rules_[h.id];
    std::string_view matched = file.content.substr(h.from, h.to - h.from);
    std::string_view value = match_value(matched);
    const PatternSpec& spec = rule->pattern;
    if (!spec.check.empty()) {
      SecretVerdict verdict = check_value(spec, matched, value);
      if (!verdict.report) continue;
      if (!verdict.secret.empty()) value = verdict.secret;
    } else if (spec.min_entropy > 0 && shannon_entropy(value) < spec.min_entropy) {
      continue;
    }
    if (spec.skip_placeholders && looks_like_placeholder(value)) continue;
    if (!spec.allow.empty()) {
      std::string v = ascii_lower(value);
      bool allowed = false;
      for (const auto& a : spec.allow) allowed = allowed || v.find(ascii_lower(a)) != std::string::npos;
      if (allowed) continue;
    }
    // A match ending with the line break ends at the end of its line.
    size_t end = h.to;
    while (end > h.from && (file.content[end - 1] == '\n' || file.content[end - 1] == '\r')) --end;
    if (spec.redact) {  // a secret's finding covers its first line: the rest of a key block is never shown
      size_t nl = file.content.find('\n', h.from);
      if (nl != std::string_view::npos && nl < end) end = nl > h.from && file.content[nl - 1] == '\r' ? nl - 1 : nl;
    }
    RawMatch m;
    m.rule = index;
    auto a = text.position(h.from), b = text.position(end);
    m.start_line = a.line;
    m.start_column = a.column;
    m.end_line = b.line;
    m.end_column = b.column;
    std::string_view name = file.content.substr(h.from, end - h.from);
    m.matched = std::string(name);
    if (spec.redact) {
      m.secret = std::string(value);
      m.vars.emplace_back("value", redact_value(value));
    } else {
      m.vars.emplace_back("value", std::string(value));
    }
    m.vars.emplace_back("match", spec.redact ? redact_value(name) : std::string(name));
    m.vars.emplace_back("name", spec.redact ? redact_value(name) : std::string(name));
    out.push_back(std::move(m));
  }
}

}  // namespace rh
