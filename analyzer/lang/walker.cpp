#include "lang/walker.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "lang/line_counter.h"

namespace rh {
namespace {

constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);  // tree-sitter's ts_builtin_sym_error

// ---------------------------------------------------------------------------------------------
// Compiling a spec: names -> symbols.

struct SymbolIndex {
  std::unordered_multimap<std::string, TSSymbol> named, anonymous;
};

SymbolIndex index_symbols(const TSLanguage* language) {
  SymbolIndex index;
  const uint32_t count = ts_language_symbol_count(language);
  for (uint32_t s = 0; s < count; ++s) {
    const auto symbol = static_cast<TSSymbol>(s);
    const char* name = ts_language_symbol_name(language, symbol);
    if (!name) continue;
    switch (ts_language_symbol_type(language, symbol)) {
      case TSSymbolTypeRegular: index.named.emplace(name, symbol); break;
      case TSSymbolTypeAnonymous: index.anonymous.emplace(name, symbol); break;
      default: break;
    }
  }
  return index;
}

class Compiler {
 public:
  Compiler(const TSLanguage* language, std::vector<std::string>* unknown)
      : language_(language), index_(index_symbols(language)), unknown_(unknown) {}

  /// Calls fn(symbol) for every symbol of that name; records the name when there is none.
  template <class Fn>
  void each(const std::string& name, bool named, Fn fn) {
    auto& map = named ? index_.named : index_.anonymous;
    auto [lo, hi] = map.equal_range(name);
    if (lo == hi && unknown_) unknown_->push_back((named ? "node type '" : "token '") + name + "'");
    for (auto it = lo; it != hi; ++it) fn(it->second);
  }

  CompiledSyntax::Ref ref(const ChildRef& r) {
    CompiledSyntax::Ref out;
    if (!r.field.empty()) {
      out.field = ts_language_field_id_for_name(language_, r.field.data(), static_cast<uint32_t>(r.field.size()));
      if (out.field == 0 && unknown_) unknown_->push_back("field '" + r.field + "'");
    }
    if (!r.type.empty()) {
      each(r.type, true, [](TSSymbol) {});
      out.type = r.type;
    }
    return out;
  }

 private:
  const TSLanguage* language_;
  SymbolIndex index_;
  std::vector<std::string>* unknown_;
};

}  // namespace

std::unique_ptr<CompiledSyntax> compile_syntax(const SyntaxSpec& spec, const TSLanguage* language,
                                               std::vector<std::string>* unknown) {
  auto out = std::make_unique<CompiledSyntax>();
  out->language = language;
  out->separator = spec.separator;
  const uint32_t count = ts_language_symbol_count(language);
  out->roles.assign(count, 0);
  out->function_rule.assign(count, -1);
  out->container_rule.assign(count, -1);
  Compiler c(language, unknown);
  auto mark = [&](const std::vector<std::string>& names, bool named, uint32_t role) {
    for (const auto& n : names) c.each(n, named, [&](TSSymbol s) { out->roles[s] |= role; });
  };
  using R = CompiledSyntax;
  for (size_t i = 0; i < spec.functions.size(); ++i) {
    const FunctionSyntax& f = spec.functions[i];
    c.each(f.node, true, [&](TSSymbol s) {
      out->roles[s] |= R::function;
      out->function_rule[s] = static_cast<int16_t>(i);
    });
    out->functions.push_back({c.ref(f.name), c.ref(f.parameters), f.anonymous});
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    c.each(spec.containers[i].node, true, [&](TSSymbol s) {
      out->roles[s] |= R::container;
      out->container_rule[s] = static_cast<int16_t>(i);
    });
    out->containers.push_back(c.ref(spec.containers[i].name));
  }
  mark(spec.parameters, true, R::parameter);
  mark(spec.nesting, true, R::nesting);
  mark(spec.comment, true, R::comment);
  mark(spec.string, true, R::string);
  if (spec.docstring) {
    mark({spec.docstring->statement}, true, R::docstring_statement);
    mark(spec.docstring->strings, true, R::docstring_string);
  }
  mark(spec.cyclomatic.tokens, false, R::cyclomatic_token);
  mark(spec.cyclomatic.nodes, true, R::cyclomatic_node);
  mark(spec.branch, true, R::branch);
  mark(spec.loop, true, R::loop);
  mark(spec.case_clause, true, R::case_clause);
  mark(spec.catch_clause, true, R::catch_clause);
  mark(spec.ternary, true, R::ternary);
  for (const auto& b : spec.boolean_operators) {
    mark({b.node}, true, R::boolean_operator);
    mark(b.operators, false, R::boolean_token);
  }
  return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// The walk.

constexpr uint8_t kLineCode = 1;
constexpr uint8_t kLineComment = 2;
constexpr int32_t kNoOwner = -2;  ///< no code token seen on the line yet; -1 = outside functions

/// What entering a node changed, undone when leaving it.
struct Frame {
  bool function = false;
  bool scope = false;
  bool nesting = false;
  bool string = false;
};

struct ActiveFunction {
  size_t index;         ///< into WalkResult::functions
  uint32_t count_from;  ///< tokens count from this byte on: the function's name (as lizard)
  int64_t depth = 0;    ///< current nesting depth inside it
};

class Walker {
 public:
  Walker(const CompiledSyntax& syntax, std::string_view content) : syntax_(syntax), content_(content) {
    blank_ = whitespace_only_lines(content);
    flags_.assign(blank_.size() + 1, 0);
    owner_.assign(blank_.size() + 1, kNoOwner);
  }

  /// Returns whether to descend into the node's children.
  bool enter(TSNode node) {
    frames_.emplace_back();
    Frame& frame = frames_.back();
    const TSSymbol symbol = ts_node_symbol(node);
    if (symbol == kErrorSymbol || ts_node_is_missing(node)) ++out_.parse_errors;
    const uint32_t roles = symbol < syntax_.roles.size() ? syntax_.roles[symbol] : 0;
    using R = CompiledSyntax;

    if (roles & R::comment) {
      mark_rows(node, kLineComment);
      return false;
    }
    if (roles & R::function) begin_function(node, symbol, frame);
    else if (roles & R::container) begin_container(node, symbol, frame);
    if ((roles & R::nesting) && !active_.empty()) {
      ActiveFunction& a = active_.back();
      ++a.depth;
      out_.functions[a.index].max_nesting = std::max(out_.functions[a.index].max_nesting, a.depth);
      frame.nesting = true;
    }
    if (roles & R::cyclomatic_node) add_cyclomatic();
    if ((roles & R::docstring_statement) && is_docstring(node)) {
      mark_rows(node, kLineComment);
      count_token(node);
      last_code_row_ = end_row(node);
      return false;
    }
    if (roles & R::string) {
      if (string_depth_ == 0) code_token(node);  // one token, its rows are code
      ++string_depth_;
      frame.string = true;
      return true;  // interpolations may hold keywords that count
    }
    if (ts_node_child_count(node) == 0) {
      if (string_depth_ == 0) code_token(node);
      if (roles & R::cyclomatic_token) add_cyclomatic();
    }
    return true;
  }

  void leave() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.string) --string_depth_;
    if (frame.nesting) --active_.back().depth;
    if (frame.function) {
      FunctionMetrics& f = out_.functions[active_.back().index];
      f.end_line = std::max<int64_t>(f.start_line, static_cast<int64_t>(last_code_row_) + 1);
      active_.pop_back();
    }
    if (frame.scope) scope_.pop_back();
  }

  WalkResult finish() {
    LineCounts& lines = out_.lines;
    for (size_t row = 0; row < blank_.size(); ++row) {
      ++lines.total;
      if (blank_[row]) {
        ++lines.blank;
      } else if (flags_[row] & kLineCode) {
        ++lines.code;
        if (owner_[row] >= 0) ++out_.functions[static_cast<size_t>(owner_[row])].nloc;
      } else if (flags_[row] & kLineComment) {
        ++lines.comment;
      } else {
        ++lines.code;  // text no token covers (skipped by error recovery) is still code
      }
    }
    // Like lizard, a function's first line counts for it even when the line begins in the
    // enclosing code (`key=lambda x: x.name`).
    for (size_t i = 0; i < out_.functions.size(); ++i) {
      const auto row = static_cast<size_t>(out_.functions[i].start_line - 1);
      if (row < blank_.size() && !blank_[row] && owner_[row] != static_cast<int32_t>(i)) ++out_.functions[i].nloc;
    }
    return std::move(out_);
  }

 private:
  static uint32_t end_row(TSNode node) {
    const TSPoint start = ts_node_start_point(node);
    const TSPoint end = ts_node_end_point(node);
    return (end.column == 0 && end.row > start.row) ? end.row - 1 : end.row;
  }

  std::string_view text(TSNode node) const {
    const uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (b >= e || e > content_.size()) return {};
    return content_.substr(b, e - b);
  }

  TSNode find(TSNode node, const CompiledSyntax::Ref& ref) const {
    if (ref.field != 0) {
      TSNode child = ts_node_child_by_field_id(node, ref.field);
      if (!ts_node_is_null(child)) return child;
    }
    if (!ref.type.empty()) {
      const uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode child = ts_node_named_child(node, i);
        if (ref.type == ts_node_type(child)) return child;
      }
    }
    return TSNode{};
  }

  /// scope_ joined with the separator, then the name. Deeply nested definitions keep only the
  /// innermost parts (after "..."), so 20 000 nested lambdas do not cost 20 000 long names.
  std::string qualified(std::string_view name) const {
    constexpr size_t kMaxLength = 400;
    size_t first = scope_.size();
    size_t length = name.size();
    while (first > 0 && length + scope_[first - 1].size() + syntax_.separator.size() <= kMaxLength) {
      --first;
      length += scope_[first].size() + syntax_.separator.size();
    }
    std::string out = first > 0 ? "..." + syntax_.separator : std::string();
    for (size_t i = first; i < scope_.size(); ++i) out += scope_[i] + syntax_.separator;
    out += name;
    return out;
  }

  void begin_function(TSNode node, TSSymbol symbol, Frame& frame) {
    const CompiledSyntax::Function& rule = syntax_.functions[static_cast<size_t>(syntax_.function_rule[symbol])];
    TSNode name_node = find(node, rule.name);
    std::string name(ts_node_is_null(name_node) ? std::string_view() : text(name_node));
    if (name.empty()) name = rule.anonymous.empty() ? "<anonymous>" : rule.anonymous;

    FunctionMetrics f;
    f.name = qualified(name);
    f.start_line = static_cast<int64_t>(ts_node_start_point(node).row) + 1;
    f.end_line = f.start_line;
    f.cyclomatic = 1;
    TSNode params = find(node, rule.parameters);
    if (!ts_node_is_null(params)) {
      const uint32_t n = ts_node_named_child_count(params);
      for (uint32_t i = 0; i < n; ++i) {
        const TSSymbol s = ts_node_symbol(ts_node_named_child(params, i));
        if (s < syntax_.roles.size() && (syntax_.roles[s] & CompiledSyntax::parameter)) ++f.params;
      }
    }
    out_.functions.push_back(std::move(f));
    const uint32_t from = ts_node_is_null(name_node) ? ts_node_start_byte(node) : ts_node_start_byte(name_node);
    active_.push_back({out_.functions.size() - 1, from, 0});
    scope_.push_back(std::move(name));
    frame.function = frame.scope = true;
  }

  void begin_container(TSNode node, TSSymbol symbol, Frame& frame) {
    const auto& ref = syntax_.containers[static_cast<size_t>(syntax_.container_rule[symbol])];
    TSNode name_node = find(node, ref);
    if (ts_node_is_null(name_node)) return;
    std::string_view name = text(name_node);
    if (name.empty()) return;
    scope_.emplace_back(name);
    frame.scope = true;
  }

  bool is_docstring(TSNode statement) const {
    if (ts_node_named_child_count(statement) != 1) return false;
    const TSSymbol s = ts_node_symbol(ts_node_named_child(statement, 0));
    return s < syntax_.roles.size() && (syntax_.roles[s] & CompiledSyntax::docstring_string);
  }

  void add_cyclomatic() {
    if (!active_.empty()) ++out_.functions[active_.back().index].cyclomatic;
  }

  void count_token(TSNode node) {
    if (!active_.empty() && ts_node_start_byte(node) >= active_.back().count_from)
      ++out_.functions[active_.back().index].tokens;
  }

  /// A token of code: its rows are code rows, owned by the innermost function when it is the
  /// first code token on the row.
  void code_token(TSNode node) {
    if (ts_node_start_byte(node) == ts_node_end_byte(node)) return;  // MISSING and other empty nodes
    mark_rows(node, kLineCode);
    count_token(node);
    last_code_row_ = end_row(node);
  }

  void mark_rows(TSNode node, uint8_t flag) {
    const uint32_t first = ts_node_start_point(node).row;
    const uint32_t last = std::min<uint32_t>(end_row(node), static_cast<uint32_t>(flags_.size() - 1));
    const int32_t owner = active_.empty() ? -1 : static_cast<int32_t>(active_.back().index);
    for (uint32_t row = first; row <= last; ++row) {
      flags_[row] |= flag;
      if (flag == kLineCode && owner_[row] == kNoOwner) owner_[row] = owner;
    }
  }

  const CompiledSyntax& syntax_;
  std::string_view content_;
  WalkResult out_;
  std::vector<uint8_t> blank_;   ///< per row: only white space
  std::vector<uint8_t> flags_;   ///< per row: kLineCode | kLineComment
  std::vector<int32_t> owner_;   ///< per row: function owning the row's first code token
  std::vector<Frame> frames_;    ///< one per node on the path from the root
  std::vector<ActiveFunction> active_;
  std::vector<std::string> scope_;  ///< names qualifying the next function
  int string_depth_ = 0;
  uint32_t last_code_row_ = 0;
};

}  // namespace

WalkResult walk_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax) {
  Walker walker(syntax, content);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  struct CursorGuard {
    TSTreeCursor* c;
    ~CursorGuard() { ts_tree_cursor_delete(c); }
  } guard{&cursor};

  bool descend = walker.enter(root);
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      descend = walker.enter(ts_tree_cursor_current_node(&cursor));
      continue;
    }
    for (;;) {
      walker.leave();
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = walker.enter(ts_tree_cursor_current_node(&cursor));
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) return walker.finish();
    }
  }
}

}  // namespace rh
