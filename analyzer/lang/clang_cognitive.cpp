// Cognitive complexity and maximum nesting of C and C++ functions, from the tokens of their
// bodies (definitions: docs/metrics.md). Tokens, not cursors: when a file is parsed without its
// headers, libclang drops the statements that use what they declared, but the tokens are all
// there. A small statement parser follows the C family's control structures; code the
// preprocessor skipped and preprocessor lines are left out.
#include <algorithm>

#include "lang/clang_internal.h"

namespace rh {
namespace {

/// Deeper structures are read flat, so no input can exhaust the stack (libclang itself gives up
/// beyond 256 nested brackets).
constexpr int kMaxDepth = 1200;

bool is_control(std::string_view t) {
  return t == "if" || t == "for" || t == "while" || t == "switch" || t == "do" || t == "try" || t == "else" ||
         t == "case" || t == "default" || t == "goto" || t == "catch";
}

bool is_open(std::string_view t) { return t == "(" || t == "[" || t == "{"; }
bool is_close(std::string_view t) { return t == ")" || t == "]" || t == "}"; }

struct Context {
  const std::vector<ClangToken>& tokens;
  std::string_view content;
  const std::vector<uint8_t>& skip;         ///< per token: preprocessor line or skipped code
  const std::vector<int32_t>& starts;       ///< per token: the function starting there, or -1
  const std::vector<size_t>& function_end;  ///< per function: index of its first token after it
  const std::vector<ClangFunction>& functions;
  std::vector<int32_t>& base_level;  ///< per function: where its nesting starts
  std::vector<int32_t>& parent;      ///< per function: the function it is written in, or -1
  std::vector<int64_t>& depth_at;    ///< per function: the structures around it in its parent
};

class BodyParser {
 public:
  BodyParser(Context& ctx, size_t function, size_t first, size_t end)
      : ctx_(ctx), self_(function), pos_(first), end_(end) {
    const long from = token_at(ctx.tokens, ctx.functions[function].from);
    inactive_ = from >= 0 && ctx.skip[static_cast<size_t>(from)] == kInactive;
  }

  TokenCognitive run() {
    const int base = ctx_.base_level[self_];
    while (pos_ < end_) {
      const size_t before = pos_;
      if (peek(base) == "{")
        block(base, 0);
      else
        statement(base, 0);
      if (pos_ == before) ++pos_;
    }
    return out_;
  }

 private:
  std::string_view text(size_t i) const { return token_text(ctx_.tokens[i], ctx_.content); }

  /// Preprocessor lines are never read; inactive code only in a function that lies in it.
  bool skipped(size_t i) const { return ctx_.skip[i] == kDirective || (ctx_.skip[i] == kInactive && !inactive_); }

  /// The next significant token's text (or "" at the end). Functions nested here are skipped;
  /// a lambda's nesting starts one level deeper than `level`, a local class's methods at 0.
  std::string_view peek(int level) {
    while (pos_ < end_) {
      if (skipped(pos_)) {
        ++pos_;
        continue;
      }
      const int32_t nested = ctx_.starts[pos_];
      if (nested >= 0 && static_cast<size_t>(nested) != self_) {
        const auto n = static_cast<size_t>(nested);
        ctx_.base_level[n] = ctx_.functions[n].lambda ? level + 1 : 0;
        ctx_.parent[n] = static_cast<int32_t>(self_);
        ctx_.depth_at[n] = depth_;
        pos_ = std::max(pos_ + 1, ctx_.function_end[n]);
        continue;
      }
      return text(pos_);
    }
    return {};
  }

  void nest_enter() { out_.max_nesting = std::max(out_.max_nesting, ++depth_); }
  void nest_leave() { --depth_; }

  void block(int level, int rec) {
    ++pos_;  // {
    for (;;) {
      const std::string_view t = peek(level);
      if (t.empty()) return;
      if (t == "}") {
        ++pos_;
        return;
      }
      const size_t before = pos_;
      statement(level, rec + 1);
      if (pos_ == before) ++pos_;
    }
  }

  void statement(int level, int rec) {
    const std::string_view t = peek(level);
    if (t.empty()) return;
    if (rec > kMaxDepth) {
      ++pos_;
      return;
    }
    if (t == "{") {
      block(level, rec + 1);
    } else if (t == "if") {
      if_chain(level, false, rec);
    } else if (t == "for" || t == "while" || t == "switch") {
      out_.cognitive += 1 + level;
      nest_enter();
      ++pos_;
      if (peek(level) == "(") group(level);
      statement(level + 1, rec + 1);
      nest_leave();
    } else if (t == "do") {
      out_.cognitive += 1 + level;
      nest_enter();
      ++pos_;
      statement(level + 1, rec + 1);
      if (peek(level) == "while") {
        ++pos_;
        if (peek(level) == "(") group(level);
        if (peek(level) == ";") ++pos_;
      }
      nest_leave();
    } else if (t == "try") {
      nest_enter();
      ++pos_;
      statement(level, rec + 1);
      while (peek(level) == "catch") {
        out_.cognitive += 1 + level;
        ++pos_;
        if (peek(level) == "(") group(level + 1);
        statement(level + 1, rec + 1);
      }
      nest_leave();
    } else if (t == "case" || t == "default") {
      for (int depth = 0; !peek(level).empty(); ++pos_) {  // the label, to its `:`
        const std::string_view u = text(pos_);
        if (is_open(u)) ++depth;
        if (is_close(u)) --depth;
        if (u == ":" && depth <= 0) {
          ++pos_;
          break;
        }
      }
    } else if (t == "else" || t == "catch") {  // a stray one (macros, recovery): read on
      ++pos_;
      statement(level, rec + 1);
    } else {
      if (t == "goto") {
        ++out_.cognitive;
        ++pos_;
      }
      scan(level, /*statement=*/true, rec);
    }
  }

  void if_chain(int level, bool else_if, int rec) {
    if (!else_if) {
      out_.cognitive += 1 + level;
      nest_enter();
    }
    ++pos_;  // if
    if (peek(level) == "constexpr") ++pos_;
    if (peek(level) == "(") group(level);
    statement(level + 1, rec + 1);
    if (peek(level) == "else") {
      ++out_.cognitive;  // else, or the else of an else-if
      ++pos_;
      if (peek(level) == "if")
        if_chain(level, true, rec + 1);
      else
        statement(level + 1, rec + 1);
    }
    if (!else_if) nest_leave();
  }

  /// A bracketed group `( … )`, read as an expression.
  void group(int level) { scan(level, /*statement=*/false, 0); }

  /// Reads an expression: to the `;` that ends a statement (or the `}` of its block), or to
  /// the bracket that closes the group it starts with. Counts ?: (with nesting), sequences of
  /// like logical operators (each bracket, `,`, `?`, `:` starts a new sequence) and recursion.
  void scan(int level, bool statement, int rec) {
    struct Sequence {
      uint8_t last = 0;  ///< 0 none, 1 &&, 2 ||
      int extra = 0;     ///< nesting added by enclosing ?:
    };
    std::vector<Sequence> seq(1);
    int depth = 0;
    for (;;) {
      const std::string_view t = peek(level + seq.back().extra);
      if (t.empty()) return;
      if (statement && depth == 0) {
        if (t == ";") {
          ++pos_;
          return;
        }
        if (t == "}" || is_control(t)) return;
        if (t == "{") {  // a braced initialiser or a block after a macro: read as a block
          block(level, rec + 1);
          seq.back().last = 0;
          continue;
        }
      }
      const size_t at = pos_++;
      if (is_open(t)) {
        ++depth;
        seq.push_back({0, seq.back().extra});
        continue;
      }
      if (is_close(t)) {
        if (depth == 0) {  // unbalanced: leave it to the caller
          --pos_;
          return;
        }
        --depth;
        if (seq.size() > 1) seq.pop_back();
        if (!statement && depth == 0) return;
        continue;
      }
      const ClangToken& tok = ctx_.tokens[at];
      if (t == "," || t == ":" || t == ";") {
        seq.back().last = 0;
      } else if (t == "?") {
        out_.cognitive += 1 + level + seq.back().extra;
        ++seq.back().extra;
        seq.back().last = 0;
      } else if ((t == "&&" || t == "||" || t == "and" || t == "or") && tok.kind != CXToken_Identifier &&
                 ((t != "&&" && t != "and") || !declares_reference(ctx_.tokens, at, ctx_.content))) {
        const uint8_t op = (t == "&&" || t == "and") ? 1 : 2;
        if (seq.back().last != op) ++out_.cognitive;
        seq.back().last = op;
      } else if (tok.kind == CXToken_Identifier && !recursive_ && t == ctx_.functions[self_].simple) {
        recursion(at);
      }
    }
  }

  /// A call of the function itself: its name followed by `(`, not a member of another object.
  void recursion(size_t at) {
    size_t next = at + 1;
    while (next < end_ && skipped(next)) ++next;
    if (next >= end_ || text(next) != "(") return;
    if (at > 0) {
      const std::string_view before = text(at - 1);
      if ((before == "." || before == "->") && !(at > 1 && text(at - 2) == "this")) return;
    }
    recursive_ = true;
    ++out_.cognitive;
  }

  Context& ctx_;
  size_t self_;
  size_t pos_, end_;
  TokenCognitive out_;
  int64_t depth_ = 0;
  bool recursive_ = false;
  bool inactive_ = false;  ///< the function lies in code #if left out
};

}  // namespace

std::vector<TokenCognitive> cognitive_from_tokens(const std::vector<ClangToken>& tokens,
                                                  const std::vector<uint8_t>& skip,
                                                  const std::vector<ClangFunction>& functions, std::string_view content) {
  std::vector<TokenCognitive> out(functions.size());
  std::vector<int32_t> starts(tokens.size(), -1);
  std::vector<size_t> function_end(functions.size(), 0), body_first(functions.size(), tokens.size());
  for (size_t f = 0; f < functions.size(); ++f) {
    const long from = token_at(tokens, functions[f].from);
    if (from >= 0 && starts[static_cast<size_t>(from)] < 0) starts[static_cast<size_t>(from)] = static_cast<int32_t>(f);
    const long body = token_at(tokens, functions[f].body);
    if (body >= 0) body_first[f] = static_cast<size_t>(body);
    function_end[f] = static_cast<size_t>(token_before(tokens, functions[f].end) + 1);
  }
  std::vector<int32_t> base_level(functions.size(), 0), parent(functions.size(), -1);
  std::vector<int64_t> depth_at(functions.size(), 0);
  Context ctx{tokens, content, skip, starts, function_end, functions, base_level, parent, depth_at};
  // Outer functions first: parsing one sets where the functions nested in it start.
  std::vector<size_t> order(functions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return functions[a].from < functions[b].from; });
  for (size_t f : order) {
    if (body_first[f] >= function_end[f]) continue;
    out[f] = BodyParser(ctx, f, body_first[f], function_end[f]).run();
  }
  // A lambda's increments (already one level deeper) count for the function it is written
  // in, its structures inside the ones around it; innermost first, so a lambda in a lambda
  // reaches the function.
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const size_t f = *it;
    if (!functions[f].lambda || parent[f] < 0) continue;
    TokenCognitive& p = out[static_cast<size_t>(parent[f])];
    p.cognitive += out[f].cognitive;
    p.max_nesting = std::max(p.max_nesting, depth_at[f] + out[f].max_nesting);
  }
  return out;
}

}  // namespace rh
