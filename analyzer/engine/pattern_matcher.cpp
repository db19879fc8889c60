#include "engine/pattern_matcher.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace rh {
namespace {

struct Hit {
  unsigned id;
  unsigned long long from, to;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  auto junk = [](char c) { return c == ' ' || c == '\t' || c == ';' || c == ',' || c == ')' || c == '@' || c == '\r'; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view match_value(std::string_view m) {
  size_t close = m.find_last_of("\"'`");
  if (close != std::string_view::npos && close > 0) {
    size_t open = m.find_last_of(m[close], close - 1);
    if (open != std::string_view::npos) return m.substr(open + 1, close - open - 1);
  }
  size_t sep = m.find_last_of("=:");
  if (sep != std::string_view::npos && sep + 1 < m.size()) {
    std::string_view v = trim(m.substr(sep + 1));
    if (!v.empty()) return v;
  }
  return trim(m);
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

bool looks_like_placeholder(std::string_view value) {
  if (value.size() < 4) return true;
  const std::string v = lower(value);
  static const char* const kMarkers[] = {
      "${", "{{", "%(", "%s", "<", "process.env", "os.environ", "getenv", "env(", "env[", "changeme", "change_me",
      "change-me", "changeit", "example", "placeholder", "dummy", "sample", "your_", "your-", "yourpass", "xxxx",
      "****", "....", "redacted", "todo", "fixme", "insert", "replace", "secret_here", "notasecret", "not-a-secret",
      "fake", "$("};
  for (const char* m : kMarkers)
    if (v.find(m) != std::string::npos) return true;
  if (v.front() == '$') return true;  // $VAR, $ENV{…}
  static const char* const kWords[] = {"password", "passwd", "secret", "none", "null", "true", "false",
                                       "test", "testing", "undefined", "empty", "string", "token", "apikey", "api_key"};
  for (const char* w : kWords)
    if (v == w) return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; })) return true;
  return false;
}

void PatternMatcher::build(const std::vector<std::pair<size_t, const Rule*>>& rules, HsScratchPool& scratch,
                           std::vector<std::string>& errors) {
  std::vector<HsDatabase::Expression> exprs;
  for (const auto& r : rules) {
    exprs.push_back({r.second->pattern.regex, HS_FLAG_SOM_LEFTMOST | HS_FLAG_MULTILINE,
                     static_cast<unsigned>(rules_.size())});
    rules_.push_back(r);
  }
  if (exprs.empty()) return;
  HsDatabase::CompileError error;
  db_ = HsDatabase::compile(exprs, &error);
  if (db_) {
    scratch.reserve(*db_);
    return;
  }
  // Name every bad regex, not only the first Vectorscan stopped at.
  for (size_t i = 0; i < exprs.size(); ++i) {
    HsDatabase::CompileError one;
    if (!HsDatabase::compile({exprs[i]}, &one))
      errors.push_back(rules_[i].second->source + ": field 'pattern.regex': " + one.message);
  }
  if (errors.empty()) errors.push_back("pattern rules do not compile together: " + error.message);
  rules_.clear();
}

void PatternMatcher::match(const FileInput& file, FileText& text, const std::vector<bool>& enabled,
                           hs_scratch_t* scratch, std::vector<RawMatch>& out) const {
  if (!db_ || file.content.empty() || !scratch) return;
  bool any = false;
  for (const auto& r : rules_) any = any || enabled[r.first];
  if (!any) return;
  std::vector<Hit> hits;
  auto on_match = [](unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) -> int {
    auto* h = static_cast<std::vector<Hit>*>(ctx);
    if (h->size() > 100000) return 1;  // a pathological file: stop collecting
    h->push_back({id, from, to});
    return 0;
  };
  hs_scan(db_->get(), file.content.data(), static_cast<unsigned>(file.content.size()), 0, scratch, on_match, &hits);
  if (hits.empty()) return;
  // One match per overlapping run of reports (a regex with a repeat reports every end).
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.id != b.id ? a.id < b.id : a.from != b.from ? a.from < b.from : a.to > b.to;
  });
  std::vector<Hit> merged;
  for (const Hit& h : hits) {
    if (!merged.empty() && merged.back().id == h.id && h.from < merged.back().to) {
      merged.back().to = std::max(merged.back().to, h.to);
      continue;
    }
    merged.push_back(h);
  }
  for (const Hit& h : merged) {
    const auto& [index, rule] = rules_[h.id];
    if (!enabled[index]) continue;
    std::string_view matched = file.content.substr(h.from, h.to - h.from);
    std::string_view value = match_value(matched);
    const PatternSpec& spec = rule->pattern;
    if (spec.min_entropy > 0 && shannon_entropy(value) < spec.min_entropy) continue;
    if (spec.skip_placeholders && looks_like_placeholder(value)) continue;
    if (!spec.allow.empty()) {
      std::string v = lower(value);
      bool allowed = false;
      for (const auto& a : spec.allow) allowed = allowed || v.find(lower(a)) != std::string::npos;
      if (allowed) continue;
    }
    // A match ending with the line break ends at the end of its line.
    size_t end = h.to;
    while (end > h.from && (file.content[end - 1] == '\n' || file.content[end - 1] == '\r')) --end;
    RawMatch m;
    m.rule = index;
    auto a = text.position(h.from), b = text.position(end);
    m.start_line = a.line;
    m.start_column = a.column;
    m.end_line = b.line;
    m.end_column = b.column;
    m.matched = std::string(matched);
    std::string_view name = matched;
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.remove_suffix(1);
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
