#include "lang/walker.h"

#include <algorithm>
#include <cctype>

#include "lang/line_counter.h"
#include "lang/tree_access.h"

namespace rh {
namespace {

using R = CompiledSyntax;

constexpr TSSymbol kErrorSymbol = static_cast<TSSymbol>(-1);  // tree-sitter's ts_builtin_sym_error
constexpr uint8_t kLineCode = 1;
constexpr uint8_t kLineComment = 2;
constexpr int32_t kNoOwner = -2;  ///< no code token seen on the line yet; -1 = outside functions

/// One node on the path from the root: what entering it changed, undone when leaving it.
struct Frame {
  TSNode node{};
  uint64_t roles = 0;
  uint64_t last_child_roles = 0;  ///< roles of the child visited last (the next one's left sibling)
  // Cognitive complexity (docs/metrics.md): the nesting level the node is at, the level of its
  // children, and the level of its children in condition fields.
  int32_t level = 0, inner = 0, cond_level = 0;
  int32_t chain = -1;  ///< this logical operator's sequence (index into chains_), or -1
  bool in_function = false;  ///< inside a function's body (a function here is a nested one)
  bool else_if = false;      ///< an `if` that is the `else if` of an enclosing `if`
  bool function = false, scope = false, nesting = false, string = false, owns_chain = false;
  bool decoration = false;  ///< an annotation before a function's name: outside the function
};

struct ActiveFunction {
  size_t index;         ///< into WalkResult::functions
  uint32_t count_from;  ///< tokens count from this byte on: the function's name (as lizard)
  std::string name;     ///< unqualified, for recursion
  int64_t depth = 0;    ///< current max_nesting depth inside it
  bool recursive = false;
  bool start_pending = true;  ///< start_line not yet taken from its first undecorated token
  HalsteadCounter halstead;
  /// Written in the body of the function below it on the stack (not in a class there): its
  /// cognitive increments also count for that function, as the paper counts a nested method's.
  bool nested = false;
  // SonarJS's rule (syntax.top_level_aggregation), for a function that is not nested: the
  // functions directly nested in it, whose increments are added at its end or not at all.
  bool structural = false;  ///< has a structural increment of its own
  bool markup = false;      ///< holds component markup (JSX)
  std::vector<size_t> deferred;
};

class Walker {
 public:
  Walker(const CompiledSyntax& syntax, std::string_view content, const WalkOptions& options)
      : syntax_(syntax), content_(content), options_(options) {
    blank_ = whitespace_only_lines(content);
    flags_.assign(blank_.size() + 1, 0);
    owner_.assign(blank_.size() + 1, kNoOwner);
  }

  /// Returns whether to descend into the node's children. `field` is the node's field in its
  /// parent (0: none).
  bool enter(TSNode node, TSFieldId field) {
    const TSSymbol symbol = ts_node_symbol(node);
    if ((symbol == kErrorSymbol && !known_error(node)) || ts_node_is_missing(node)) ++out_.parse_errors;
    Frame frame;
    frame.node = node;
    frame.roles = syntax_.roles_of(symbol);
    uint64_t parent_roles = 0, left_sibling_roles = 0;
    int32_t parent_chain = -1;
    if (!frames_.empty()) {
      const Frame& parent = frames_.back();
      const bool condition = field != 0 && field < syntax_.condition_field.size() && syntax_.condition_field[field];
      frame.level = condition ? parent.cond_level : parent.inner;
      frame.in_function = parent.in_function;
      parent_roles = parent.roles;
      left_sibling_roles = parent.last_child_roles;
      parent_chain = parent.chain;
    }
    frame.inner = frame.cond_level = frame.level;
    frames_.push_back(frame);
    Frame& f = frames_.back();
    const uint64_t roles = f.roles;

    if (roles & R::comment) {
      mark_rows(node, kLineComment);
      return false;
    }
    const bool is_function = (roles & R::function) && begin_function(f, symbol);
    if (!is_function && (roles & R::container)) begin_container(f, symbol);
    if ((roles & R::decoration) && !active_.empty() && ts_node_start_byte(node) < active_.back().count_from) {
      f.decoration = true;
      ++decoration_depth_;
    }
    cognitive_node(f, symbol, parent_roles, left_sibling_roles, parent_chain);
    if ((roles & R::nesting) && !f.else_if && !active_.empty()) {
      ActiveFunction& a = active_.back();
      ++a.depth;
      current().max_nesting = std::max(current().max_nesting, a.depth);
      f.nesting = true;
    }
    if ((roles & R::cyclomatic_node) &&
        (syntax_.cyclomatic_field[symbol] == 0 ||
         !ts_node_is_null(ts_node_child_by_field_id(node, syntax_.cyclomatic_field[symbol]))))
      add_cyclomatic();
    if (roles & R::call) on_call(node, symbol);
    if ((roles & R::docstring_statement) && is_docstring(node)) {
      token(node, TokenKind::literal, /*code=*/false);
      return false;
    }
    if (roles & R::string) {
      if (string_depth_ == 0) token(node, TokenKind::literal, true);  // one token, its rows are code
      ++string_depth_;
      f.string = true;
      return true;  // interpolations may hold keywords that count
    }
    const bool leaf = ts_node_child_count(node) == 0;
    if (!leaf && (roles & (R::identifier | R::literal))) {  // `$name` in PHP: one token
      if (string_depth_ == 0) token(node, kind_of(roles), true);
      return false;
    }
    if (leaf) {
      if (string_depth_ == 0) token(node, kind_of(roles), true);
      if (roles & R::cyclomatic_token) add_cyclomatic();
      if (roles & R::boolean_token) boolean_token(symbol, node);
      if ((roles & R::else_keyword) && (parent_roles & R::branch)) cognitive(1, node, "else");
    }
    return true;
  }

  void leave() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (!frames_.empty()) frames_.back().last_child_roles = frame.roles;
    if (frame.owns_chain) chains_.pop_back();
    if (frame.decoration) --decoration_depth_;
    if (frame.string) --string_depth_;
    if (frame.nesting) --active_.back().depth;
    if (frame.function) {
      ActiveFunction& a = active_.back();
      FunctionMetrics& f = out_.functions[a.index];
      f.end_line = std::max<int64_t>(f.start_line, static_cast<int64_t>(last_code_row_) + 1);
      f.halstead = a.halstead.result();
      if (syntax_.top_level_aggregation && !a.nested) settle_top_level(a);
      const bool nested = a.nested;
      const size_t index = a.index;
      active_.pop_back();
      // A nested function's increments (its own and those of the functions in it) also count for
      // the function it is written in: added once, when it ends, so deep nesting stays linear.
      if (nested && !active_.empty()) {
        if (syntax_.top_level_aggregation && !active_.back().nested) {
          active_.back().deferred.push_back(index);  // settled when the file-level function ends
        } else {
          add_nested(active_.back().index, index);
        }
      }
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
    out_.halstead = file_halstead_.result();
    return std::move(out_);
  }

 private:
  static uint32_t end_row(TSNode node) {
    const TSPoint start = ts_node_start_point(node);
    const TSPoint end = ts_node_end_point(node);
    return (end.column == 0 && end.row > start.row) ? end.row - 1 : end.row;
  }

  std::string_view text(TSNode node) const { return node_text(node, content_); }
  FunctionMetrics& current() { return out_.functions[active_.back().index]; }

  static TokenKind kind_of(uint64_t roles) {
    if (roles & R::identifier) return TokenKind::identifier;
    if (roles & (R::literal | R::string)) return TokenKind::literal;
    if (roles & R::halstead_ignore) return TokenKind::ignored;
    return TokenKind::operator_;
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

  /// The name an anonymous function takes from its parent (`const f = () => {}`), or "".
  std::string parent_name() const {
    if (frames_.size() < 2) return {};
    const Frame& parent = frames_[frames_.size() - 2];
    const int16_t rule = syntax_.rule_of(R::name_parent_rule, ts_node_symbol(parent.node));
    if (rule < 0) return {};
    TSNode name = find_child(parent.node, syntax_.name_parents[static_cast<size_t>(rule)], syntax_);
    if (ts_node_is_null(name)) return {};
    std::string out = compact(text(name));
    while (!out.empty() && (out.front() == '"' || out.front() == '\'' || out.front() == '`')) out.erase(0, 1);
    while (!out.empty() && (out.back() == '"' || out.back() == '\'' || out.back() == '`')) out.pop_back();
    return out;
  }

  int64_t count_parameters(TSNode params) const {
    auto count_one = [&](TSNode p) -> int64_t {
      const TSSymbol s = ts_node_symbol(p);
      const uint64_t r = syntax_.roles_of(s);
      if (!(r & R::parameter)) return 0;
      if (!(r & R::counted_parameter)) return 1;
      return std::max<int64_t>(1, children_in_field(p, syntax_.counted_parameter_field[s]));
    };
    if (syntax_.roles_of(ts_node_symbol(params)) & R::parameter) return count_one(params);
    int64_t n = 0;
    const uint32_t count = ts_node_named_child_count(params);
    for (uint32_t i = 0; i < count; ++i) n += count_one(ts_node_named_child(params, i));
    for (TSFieldId field : syntax_.parameter_fields) n += children_in_field(params, field);
    return n;
  }

  static int64_t children_in_field(TSNode node, TSFieldId field) {
    int64_t n = 0;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        if (ts_tree_cursor_current_field_id(&cursor) == field) ++n;
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    return n;
  }

  /// Starts measuring a function; false when the node is a declaration without a body.
  bool begin_function(Frame& frame, TSSymbol symbol) {
    const R::Function& rule = syntax_.functions[static_cast<size_t>(syntax_.rule_of(R::function_rule, symbol))];
    TSNode node = frame.node;
    if (!rule.body.empty() && ts_node_is_null(find_child(node, rule.body, syntax_))) return false;
    if (rule.inline_mode != InlineMode::never) {
      if (frame.in_function) {
        // Part of the enclosing function (lizard's convention); its content stands one cognitive
        // nesting level deeper, as SonarSource nests a lambda's increments in its method.
        frame.inner = frame.cond_level = frame.level + 1;
        return false;
      }
      if (rule.inline_mode == InlineMode::always) return false;  // code like the code around it
    }
    TSNode name_node = find_child(node, rule.name, syntax_);
    std::string name = ts_node_is_null(name_node) ? std::string() : compact(text(name_node));
    if (name.empty()) name = parent_name();
    const bool anonymous = name.empty();
    if (anonymous) name = rule.anonymous.empty() ? "<anonymous>" : rule.anonymous;

    FunctionMetrics f;
    f.name = qualified(name);
    f.start_line = static_cast<int64_t>(ts_node_start_point(node).row) + 1;
    f.end_line = f.start_line;
    f.cyclomatic = 1;
    TSNode params = find_child(node, rule.parameters, syntax_);
    if (!ts_node_is_null(params)) f.params = count_parameters(params);
    f.nested = frame.in_function;
    out_.functions.push_back(std::move(f));
    const uint32_t from = ts_node_is_null(name_node) ? ts_node_start_byte(node) : ts_node_start_byte(name_node);
    active_.push_back({out_.functions.size() - 1, from, anonymous ? std::string() : name, 0, false, true, {},
                       frame.in_function});
    scope_.push_back(std::move(name));
    frame.function = frame.scope = true;
    // A function nested in a function is one level deeper than where it stands; others start at 0.
    frame.inner = frame.cond_level = frame.in_function ? frame.level + 1 : 0;
    frame.in_function = true;
    return true;
  }

  void begin_container(Frame& frame, TSSymbol symbol) {
    frame.inner = frame.cond_level = 0;  // a class restarts nesting (as SonarSource's Python does)
    frame.in_function = false;
    const auto& refs = syntax_.containers[static_cast<size_t>(syntax_.rule_of(R::container_rule, symbol))];
    TSNode name_node = find_child(frame.node, refs, syntax_);
    if (ts_node_is_null(name_node)) return;
    std::string name = compact(text(name_node));
    name = name.substr(0, name.find_first_of("<("));  // `impl S<T>` qualifies as `S`
    if (name.empty()) return;
    scope_.push_back(std::move(name));
    frame.scope = true;
  }

  // --- Cognitive complexity (SonarSource's specification; docs/metrics.md) ------------------

  void add_nested(size_t parent, size_t child) {
    const FunctionMetrics& f = out_.functions[child];
    if (f.cognitive == 0) return;
    out_.functions[parent].cognitive += f.cognitive;
    if (options_.trace) options_.trace->push_back({parent, f.start_line, f.cognitive, "nested function " + f.name});
  }

  /// SonarJS: a file-level function takes its nested functions' increments only when it has a
  /// structural increment of its own and is no component (a capitalised name holding JSX);
  /// otherwise each nested function stands alone (and is no longer marked nested).
  void settle_top_level(const ActiveFunction& a) {
    const bool component = a.markup && !a.name.empty() && std::isupper(static_cast<unsigned char>(a.name[0]));
    for (size_t child : a.deferred) {
      if (a.structural && !component) {
        add_nested(a.index, child);
      } else {
        out_.functions[child].nested = false;
      }
    }
  }

  /// Adds to the innermost function (and, when it ends, to the functions it is nested in: see
  /// leave()); `why` (with the node's type) goes to the trace.
  void cognitive(int64_t amount, TSNode at, const char* why) {
    if (active_.empty() || amount == 0) return;
    current().cognitive += amount;
    if (options_.trace) {
      std::string text = std::string(why) + " (" + ts_node_type(at) + ")";
      if (amount > 1) text += ", nesting " + std::to_string(amount - 1);
      options_.trace->push_back(
          {active_.back().index, static_cast<int64_t>(ts_node_start_point(at).row) + 1, amount, std::move(text)});
    }
  }

  void cognitive_node(Frame& f, TSSymbol symbol, uint64_t parent_roles, uint64_t left_sibling_roles,
                      int32_t parent_chain) {
    const uint64_t roles = f.roles;
    if ((roles & R::kStructural) && !active_.empty() && !active_.back().nested) active_.back().structural = true;
    if ((roles & R::component_markup) && !active_.empty()) active_.front().markup = true;
    if (roles & R::kStructural) {
      const bool else_if = (roles & R::branch) && ((parent_roles & R::else_clause) || (left_sibling_roles & R::else_keyword));
      if (else_if) {
        // The `else` gave its +1; the `if` of an `else if` adds no nesting.
        f.else_if = true;
        f.cond_level = std::max(0, f.level - 1);
      } else {
        cognitive(1 + f.level, f.node, "structure");
        f.inner = f.level + 1;
        f.cond_level = (roles & R::ternary) ? f.level + 1 : f.level;
      }
    }
    if (roles & R::else_if) {
      cognitive(1, f.node, "else if");
      f.cond_level = std::max(0, f.level - 1);
    }
    if ((roles & R::else_clause) && !(parent_roles & R::switch_)) cognitive(1, f.node, "else");
    if (roles & R::jump) {
      const auto& label = syntax_.jumps[static_cast<size_t>(syntax_.rule_of(R::jump_rule, symbol))];
      if (label.empty() || !ts_node_is_null(find_child(f.node, label, syntax_))) cognitive(1, f.node, "jump");
    }
    if ((roles & R::boolean_operator) && is_logical(f.node)) {
      if ((parent_roles & R::boolean_operator) && parent_chain >= 0) {
        f.chain = parent_chain;
      } else {
        chains_.push_back(kErrorSymbol);
        f.chain = static_cast<int32_t>(chains_.size() - 1);
        f.owns_chain = true;
      }
    }
  }

  /// Whether a boolean_operator node holds one of the boolean tokens (a `+` does not).
  bool is_logical(TSNode node) const {
    const uint32_t n = ts_node_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode child = ts_node_child(node, i);
      if (!ts_node_is_named(child) && (syntax_.roles_of(ts_node_symbol(child)) & R::boolean_token)) return true;
    }
    return false;
  }

  /// A sequence of like boolean operators counts once; each change of operator starts one.
  void boolean_token(TSSymbol symbol, TSNode node) {
    if (frames_.size() < 2) return;
    const int32_t chain = frames_[frames_.size() - 2].chain;
    if (chain < 0) return;
    TSSymbol& last = chains_[static_cast<size_t>(chain)];
    if (last != symbol) cognitive(1, node, "boolean sequence");
    last = symbol;
  }

  void on_call(TSNode node, TSSymbol symbol) {
    const R::Call& rule = syntax_.calls[static_cast<size_t>(syntax_.rule_of(R::call_rule, symbol))];
    if (!active_.empty() && !active_.back().recursive && !active_.back().name.empty()) {
      const std::string callee = callee_text(node, rule, content_, syntax_);
      std::string_view receiver;
      const std::string_view simple = split_callee(callee, &receiver);
      const bool own = receiver.empty() || std::find(syntax_.self_receivers.begin(), syntax_.self_receivers.end(),
                                                     receiver) != syntax_.self_receivers.end();
      if (own && simple == active_.back().name) {
        active_.back().recursive = true;
        cognitive(1, node, "recursion");
      }
    }
    if (options_.calls) {
      CallSite site = extract_call(node, rule, content_, syntax_);
      if (!active_.empty()) site.function = current().name;
      out_.calls.push_back(std::move(site));
    }
  }

  // --- Lines and tokens -----------------------------------------------------------------------

  bool is_docstring(TSNode statement) const {
    if (ts_node_named_child_count(statement) != 1) return false;
    return syntax_.roles_of(ts_node_symbol(ts_node_named_child(statement, 0))) & R::docstring_string;
  }

  /// An ERROR node the spec lists as a gap of the grammar (its whole text, under that parent).
  bool known_error(TSNode node) const {
    if (syntax_.known_errors.empty() || frames_.empty()) return false;
    const TSSymbol parent = ts_node_symbol(frames_.back().node);
    const std::string_view error_text = text(node);
    for (const auto& k : syntax_.known_errors)
      if (k.parent == parent && k.text == error_text) return true;
    return false;
  }

  void add_cyclomatic() {
    if (!active_.empty()) ++current().cyclomatic;
  }

  /// A token: counted for the file and for the innermost function (from its name on); its
  /// rows are code rows (or comment rows for a docstring), owned by the innermost function when
  /// it is the first code token on the row.
  void token(TSNode node, TokenKind kind, bool code) {
    const uint32_t start = ts_node_start_byte(node);
    if (start == ts_node_end_byte(node)) return;  // MISSING and other empty nodes
    if (!active_.empty() && active_.back().start_pending && decoration_depth_ == 0) {
      active_.back().start_pending = false;
      current().start_line = current().end_line = static_cast<int64_t>(ts_node_start_point(node).row) + 1;
    }
    mark_rows(node, code ? kLineCode : kLineComment);
    last_code_row_ = end_row(node);
    const uint64_t hash = token_hash(text(node));
    ++out_.tokens;
    file_halstead_.add(kind, hash);
    if (options_.tokens)
      options_.tokens->add(clone_hash(kind, hash), ts_node_start_point(node).row + 1, end_row(node) + 1);
    if (!active_.empty() && start >= active_.back().count_from) {
      ++current().tokens;
      active_.back().halstead.add(kind, hash);
    }
  }

  void mark_rows(TSNode node, uint8_t flag) {
    const uint32_t first = ts_node_start_point(node).row;
    const uint32_t last = std::min<uint32_t>(end_row(node), static_cast<uint32_t>(flags_.size() - 1));
    // A decoration's rows belong to the code around its function.
    const size_t depth = active_.size() - (decoration_depth_ > 0 && !active_.empty() ? 1 : 0);
    const int32_t owner = depth == 0 ? -1 : static_cast<int32_t>(active_[depth - 1].index);
    for (uint32_t row = first; row <= last; ++row) {
      flags_[row] |= flag;
      if (flag == kLineCode && owner_[row] == kNoOwner) owner_[row] = owner;
    }
  }

  const CompiledSyntax& syntax_;
  std::string_view content_;
  const WalkOptions& options_;
  WalkResult out_;
  HalsteadCounter file_halstead_;
  std::vector<uint8_t> blank_;   ///< per row: only white space
  std::vector<uint8_t> flags_;   ///< per row: kLineCode | kLineComment
  std::vector<int32_t> owner_;   ///< per row: function owning the row's first code token
  std::vector<Frame> frames_;    ///< one per node on the path from the root
  std::vector<ActiveFunction> active_;
  std::vector<std::string> scope_;  ///< names qualifying the next function
  std::vector<TSSymbol> chains_;    ///< per open boolean sequence: its last operator
  int string_depth_ = 0;
  int decoration_depth_ = 0;
  uint32_t last_code_row_ = 0;
};

}  // namespace

WalkResult walk_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax,
                     const WalkOptions& options) {
  Walker walker(syntax, content, options);
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  struct CursorGuard {
    TSTreeCursor* c;
    ~CursorGuard() { ts_tree_cursor_delete(c); }
  } guard{&cursor};

  bool descend = walker.enter(root, 0);
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      descend = walker.enter(ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor));
      continue;
    }
    for (;;) {
      walker.leave();
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        descend = walker.enter(ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_id(&cursor));
        break;
      }
      if (!ts_tree_cursor_goto_parent(&cursor)) return walker.finish();
    }
  }
}

}  // namespace rh
