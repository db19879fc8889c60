#include "engine/query_matcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <set>
#include <tuple>

#include "core/language.h"
#include "lang/grammars.h"

namespace rh {
namespace {

const char* error_kind(TSQueryError e) {
  switch (e) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern structure";
    case TSQueryErrorLanguage: return "grammar incompatible with the runtime";
    default: return "error";
  }
}

/// A query cursor per thread: cursors are not thread-safe and cost an allocation.
TSQueryCursor* thread_cursor() {
  struct Holder {
    TSQueryCursor* cursor = ts_query_cursor_new();
    ~Holder() { ts_query_cursor_delete(cursor); }
  };
  thread_local Holder holder;
  return holder.cursor;
}

/// CPU time of the calling thread (the unit of the query budget).
std::chrono::nanoseconds thread_cpu_time() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

std::string_view node_text(TSNode n, std::string_view content) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (a > content.size() || b > content.size() || b < a) return {};
  return content.substr(a, b - a);
}

}  // namespace

TSQuery* compile_query(const TSLanguage* grammar, const std::string& source, QueryCompileError* error) {
  uint32_t offset = 0;
  TSQueryError type = TSQueryErrorNone;
  TSQuery* q = ts_query_new(grammar, source.data(), static_cast<uint32_t>(source.size()), &offset, &type);
  if (q || !error) return q;
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(source.size()));
  error->line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + offset, '\n'));
  size_t line_start = source.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  size_t end = offset;
  while (end < source.size() && (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_')) ++end;
  std::string near = source.substr(offset, end - offset);
  error->message = std::string(error_kind(type)) + (near.empty() ? "" : " '" + near + "'") + " at column " +
                   std::to_string(offset - line_start + 1);
  return nullptr;
}

QueryMatcher::~QueryMatcher() {
  for (auto& [_, lq] : by_language_)
    if (lq->query) ts_query_delete(lq->query);
}

std::string QueryMatcher::read_predicates(const TSQuery* query, uint32_t pattern,
                                          std::map<std::string, std::unique_ptr<HsRegex>>& regexes,
                                          std::vector<Predicate>& out) {
  uint32_t n = 0;
  const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &n);
  auto str = [&](uint32_t id) {
    uint32_t len = 0;
    const char* s = ts_query_string_value_for_id(query, id, &len);
    return std::string(s, len);
  };
  auto cap = [&](uint32_t id) {
    uint32_t len = 0;
    const char* s = ts_query_capture_name_for_id(query, id, &len);
    return std::string(s, len);
  };
  for (uint32_t i = 0; i < n;) {
    uint32_t j = i;
    while (j < n && steps[j].type != TSQueryPredicateStepTypeDone) ++j;
    if (steps[i].type != TSQueryPredicateStepTypeString) return "a predicate must start with its name";
    const std::string name = str(steps[i].value_id);
    const uint32_t argc = j - i - 1;
    Predicate p;
    if (name == "eq?" || name == "not-eq?") p.op = name == "eq?" ? Predicate::Op::eq : Predicate::Op::not_eq_;
    else if (name == "match?" || name == "not-match?") p.op = name == "match?" ? Predicate::Op::match : Predicate::Op::not_match;
    else if (name == "any-of?" || name == "not-any-of?") p.op = name == "any-of?" ? Predicate::Op::any_of : Predicate::Op::not_any_of;
    else return "unknown predicate #" + name + " (supported: #eq?, #not-eq?, #match?, #not-match?, #any-of?, #not-any-of?)";
    if (argc < 2 || steps[i + 1].type != TSQueryPredicateStepTypeCapture)
      return "#" + name + " takes a capture and then " + (p.op == Predicate::Op::any_of || p.op == Predicate::Op::not_any_of ? "strings" : "a string");
    p.capture = steps[i + 1].value_id;
    const bool two = p.op == Predicate::Op::eq || p.op == Predicate::Op::not_eq_ || p.op == Predicate::Op::match ||
                     p.op == Predicate::Op::not_match;
    if (two && argc != 2) return "#" + name + " takes exactly two arguments";
    for (uint32_t k = i + 2; k < j; ++k) {
      if (steps[k].type == TSQueryPredicateStepTypeCapture) {
        if (p.op != Predicate::Op::eq && p.op != Predicate::Op::not_eq_)
          return "#" + name + ": @" + cap(steps[k].value_id) + " must be a string";
        p.other_is_capture = true;
        p.other_capture = steps[k].value_id;
      } else {
        p.values.push_back(str(steps[k].value_id));
      }
    }
    if (p.op == Predicate::Op::match || p.op == Predicate::Op::not_match) {
      auto& slot = regexes[p.values[0]];
      if (!slot) {
        auto r = HsRegex::compile(p.values[0]);
        if (!r) {
          regexes.erase(p.values[0]);
          return "#" + name + ": " + r.error().message;
        }
        slot = std::move(*r);
      }
      p.regex = slot.get();
    }
    out.push_back(std::move(p));
    i = j + 1;
  }
  return "";
}

void QueryMatcher::build(const std::vector<std::pair<size_t, const Rule*>>& rules, std::vector<std::string>& errors,
                         std::vector<Message>& notes, bool eager) {
  // language -> rules, in rule order
  std::map<std::string, std::vector<std::pair<size_t, const Rule*>>> per_language;
  for (const auto& [index, rule] : rules)
    for (const auto& l : rule->descriptor.languages) per_language[l].emplace_back(index, rule);

  for (const auto& [language_id, list] : per_language) {
    const LanguageInfo* language = find_language(language_id);
    const TSLanguage* grammar = language && !language->grammar.empty() ? grammar_by_name(language->grammar) : nullptr;
    if (!language || language->grammar.empty()) {
      for (const auto& [_, rule] : list)
        errors.push_back(rule->source + ":" + std::to_string(rule->query.line) + ": field 'query': language '" +
                         language_id + "' has no tree-sitter grammar (use kind call or pattern)");
      continue;
    }
    if (!grammar) {
      for (const auto& [_, rule] : list)
        notes.push_back(msg("rules.grammar_missing", {text_arg("rule", rule->descriptor.id), text_arg("language", language_id),
                                                      text_arg("grammar", language->grammar)}));
      continue;
    }
    auto lq = std::make_unique<LanguageQuery>();
    lq->language = language_id;
    lq->grammar = grammar;
    for (const auto& [index, rule] : list) {
      if (!rule->embedded || eager) {  // check it alone now: errors name its file and line
        QueryCompileError e;
        TSQuery* q = compile_query(grammar, rule->query.source, &e);
        if (!q) {
          errors.push_back(rule->source + ":" + std::to_string(rule->query.line + e.line - 1) + ": field 'query': " +
                           e.message + " (" + language_id + " grammar)");
          continue;
        }
        std::string err;
        uint32_t bad = 0;
        for (uint32_t p = 0; p < ts_query_pattern_count(q) && err.empty(); ++p) {
          std::map<std::string, std::unique_ptr<HsRegex>> regexes;
          std::vector<Predicate> preds;
          err = read_predicates(q, p, regexes, preds);
          bad = ts_query_start_byte_for_pattern(q, p);
        }
        ts_query_delete(q);
        if (!err.empty()) {
          int line = rule->query.line +
                     static_cast<int>(std::count(rule->query.source.begin(), rule->query.source.begin() + bad, '\n'));
          errors.push_back(rule->source + ":" + std::to_string(line) + ": field 'query': " + err);
          continue;
        }
      }
      lq->owners.emplace_back(static_cast<uint32_t>(lq->source.size()), index);
      lq->rules.push_back(rule);
      lq->source += rule->query.source + "\n";
    }
    if (lq->owners.empty()) continue;
    if (eager) {
      std::call_once(lq->once, [&] { compile(*lq); });
      if (!lq->error.empty()) errors.push_back(lq->error);
    }
    by_language_.emplace(language_id, std::move(lq));
  }
}

void QueryMatcher::compile(LanguageQuery& lq) {
  QueryCompileError e;
  lq.query = compile_query(lq.grammar, lq.source, &e);
  if (!lq.query) {
    lq.error = "query rules for " + lq.language + " do not compile together: " + e.message;
    lq.error_detail = e.message;
    return;
  }
  const uint32_t count = ts_query_pattern_count(lq.query);
  lq.patterns.resize(count);
  for (uint32_t p = 0; p < count; ++p) {
    const uint32_t start = ts_query_start_byte_for_pattern(lq.query, p);
    size_t owner = 0;
    while (owner + 1 < lq.owners.size() && lq.owners[owner + 1].first <= start) ++owner;
    std::string err = read_predicates(lq.query, p, lq.regexes, lq.patterns[p].predicates);
    if (!err.empty()) {
      lq.error += (lq.error.empty() ? "" : "; ") + lq.rules[owner]->source + ": field 'query': " + err;
      continue;
    }
    lq.patterns[p].rule = lq.owners[owner].second;
  }
  for (uint32_t c = 0; c < ts_query_capture_count(lq.query); ++c) {
    uint32_t len = 0;
    const char* chars = ts_query_capture_name_for_id(lq.query, c, &len);
    if (std::string_view(chars, len) == "match") lq.match_capture = c;
  }
}

std::vector<Message> QueryMatcher::late_errors() const {
  std::vector<Message> out;
  for (const auto& [_, lq] : by_language_)
    if (!lq->error.empty())
      out.push_back(msg("rules.queries_do_not_compile", {text_arg("language", lq->language), text_arg("problem", lq->error_detail)}));
  return out;
}

bool QueryMatcher::predicates_hold(const Pattern& p, const TSQueryMatch& m, std::string_view content,
                                   hs_scratch_t* scratch) {
  for (const Predicate& pred : p.predicates) {
    // A predicate holds when it holds for every node of its capture (none: it holds).
    for (uint16_t i = 0; i < m.capture_count; ++i) {
      if (m.captures[i].index != pred.capture) continue;
      std::string_view text = node_text(m.captures[i].node, content);
      bool holds = true;
      switch (pred.op) {
        case Predicate::Op::eq:
        case Predicate::Op::not_eq_: {
          bool equal = false;
          if (pred.other_is_capture) {
            for (uint16_t k = 0; k < m.capture_count; ++k)
              if (m.captures[k].index == pred.other_capture && node_text(m.captures[k].node, content) == text) equal = true;
          } else {
            equal = text == pred.values[0];
          }
          holds = pred.op == Predicate::Op::eq ? equal : !equal;
          break;
        }
        case Predicate::Op::match:
        case Predicate::Op::not_match: {
          bool found = pred.regex->search(text, scratch);
          holds = pred.op == Predicate::Op::match ? found : !found;
          break;
        }
        case Predicate::Op::any_of:
        case Predicate::Op::not_any_of: {
          bool any = std::find(pred.values.begin(), pred.values.end(), text) != pred.values.end();
          holds = pred.op == Predicate::Op::any_of ? any : !any;
          break;
        }
      }
      if (!holds) return false;
    }
  }
  return true;
}

void QueryMatcher::match(const FileInput& file, const std::vector<bool>& enabled, HsScratchPool::Lease* lease,
                         std::vector<RawMatch>& out) const {
  if (!file.language || !file.syntax || !file.syntax->tree) return;
  auto it = by_language_.find(file.language->id);
  if (it == by_language_.end()) return;
  LanguageQuery& lq = *it->second;
  if (ts_tree_language(file.syntax->tree) != lq.grammar) return;  // parsed with another grammar
  bool any = false;
  for (const auto& [offset, rule] : lq.owners) any = any || enabled[rule];
  if (!any) return;
  std::call_once(lq.once, [&] { compile(lq); });
  if (!lq.query) return;
  for (const auto& [_, regex] : lq.regexes) lease->reserve(regex->database());
  hs_scratch_t* scratch = lease->get();

  TSQueryCursor* cursor = thread_cursor();
  ts_query_cursor_set_match_limit(cursor, budget_.match_limit);
  ts_query_cursor_exec(cursor, lq.query, ts_tree_root_node(file.syntax->tree));
  const auto deadline = thread_cpu_time() + budget_.time;
  bool out_of_time = false;
  uint32_t stopped_at_row = 0;
  std::set<std::tuple<size_t, uint32_t, uint32_t>> seen;
  TSQueryMatch m;
  for (size_t count = 0; ts_query_cursor_next_match(cursor, &m); ++count) {
    // The clock is read every 32 matches; between matches the match limit bounds the work.
    if (count % 32 == 31 && thread_cpu_time() > deadline) {
      out_of_time = true;
      if (m.capture_count > 0) stopped_at_row = ts_node_start_point(m.captures[0].node).row;
      break;
    }
    const Pattern& p = lq.patterns[m.pattern_index];
    if (p.rule == SIZE_MAX || !enabled[p.rule] || m.capture_count == 0) continue;
    if (!predicates_hold(p, m, file.content, scratch)) continue;
    TSNode region = m.captures[0].node;
    bool have_match = false;
    for (uint16_t i = 0; i < m.capture_count; ++i) {
      TSNode n = m.captures[i].node;
      if (m.captures[i].index == lq.match_capture) {
        region = n;
        have_match = true;
      } else if (!have_match && (ts_node_start_byte(n) < ts_node_start_byte(region) ||
                                 ts_node_end_byte(n) > ts_node_end_byte(region))) {
        region = n;
      }
    }
    if (!seen.emplace(p.rule, ts_node_start_byte(region), ts_node_end_byte(region)).second) continue;
    RawMatch r;
    r.rule = p.rule;
    TSPoint a = ts_node_start_point(region), b = ts_node_end_point(region);
    r.start_line = a.row + 1;
    r.start_column = a.column + 1;
    r.end_line = b.row + 1;
    r.end_column = b.column + 1;
    r.matched = std::string(node_text(region, file.content));
    for (uint16_t i = 0; i < m.capture_count; ++i) {
      uint32_t len = 0;
      const char* chars = ts_query_capture_name_for_id(lq.query, m.captures[i].index, &len);
      std::string name(chars, len);
      bool dup = false;
      for (const auto& v : r.vars) dup = dup || v.first == name;
      if (!dup) r.vars.emplace_back(name, std::string(node_text(m.captures[i].node, file.content)));
    }
    out.push_back(std::move(r));
  }
  if (out_of_time && file.time_cut) *file.time_cut = true;
  if (!file.notes) return;
  const std::string path(file.path);
  if (out_of_time) {
    file.notes->push_back(notification("warning", path,
                                       msg("rules.time_budget", {int_arg("line", static_cast<int64_t>(stopped_at_row) + 1),
                                                                 int_arg("ms", static_cast<int64_t>(budget_.time.count()))})));
  } else if (ts_query_cursor_did_exceed_match_limit(cursor)) {
    file.notes->push_back(notification("note", path, msg("rules.match_limit", {int_arg("limit", static_cast<int64_t>(budget_.match_limit))})));
  }
}

}  // namespace rh
