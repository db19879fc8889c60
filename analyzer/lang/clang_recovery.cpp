// Functions libclang dropped, found again in the tokens (as lizard finds all functions).
// Parsed without its headers or with syntax errors, libclang may lose a definition or a
// statement holding a lambda, e.g. `std::sort(v.begin(), v.end(), [](auto a, auto b) { … })`,
// but the tokens are all there:
//   - outside the functions libclang kept, `name ( params ) specifiers { body }` (with a
//     constructor's initialiser list) is a function definition;
//   - inside a function, `[captures] (params) specifiers { body }` where an expression can
//     start is a lambda.
// The same holds for code the preprocessor left out (`#ifdef _WIN32`, the `#else` of a
// satisfied `#if`, `#if 0`): libclang never parsed it, but its definitions are found here.
// They are measured like the ones libclang kept.
#include <algorithm>

#include "lang/clang_internal.h"

namespace rh {
namespace {

/// Index of the bracket closing the one at `open`, or `end` when it is not closed before it.
size_t closing(const std::vector<ClangToken>& tokens, std::string_view content, size_t open, size_t end) {
  const std::string_view o = token_text(tokens[open], content);
  const std::string_view c = o == "[" ? "]" : o == "(" ? ")" : "}";
  int depth = 0;
  for (size_t i = open; i < end; ++i) {
    const std::string_view t = token_text(tokens[i], content);
    if (t == o) ++depth;
    if (t == c && --depth == 0) return i;
  }
  return end;
}

/// Whether `[` at `i` can open a lambda: it stands where an expression starts, not after an
/// operand (`a[i]`, `f()[0]`) and not as an attribute (`[[nodiscard]]`).
bool lambda_position(const std::vector<ClangToken>& tokens, std::string_view content, size_t i) {
  if (i + 1 < tokens.size() && token_text(tokens[i + 1], content) == "[") return false;
  if (i == 0) return true;
  const ClangToken& prev = tokens[i - 1];
  const std::string_view p = token_text(prev, content);
  if (p == "[" || p == "]" || p == ")" || p == ">" || p == "operator" || p == "delete" || p == "new") return false;
  if (prev.kind == CXToken_Identifier || prev.kind == CXToken_Literal) return false;
  if (prev.kind == CXToken_Keyword && p != "return" && p != "co_return" && p != "co_yield" && p != "throw")
    return false;
  return true;
}

int64_t parameters(const std::vector<ClangToken>& tokens, std::string_view content, size_t open, size_t close) {
  int depth = 0;
  int64_t commas = 0;
  bool any = false, only_void = true;
  for (size_t i = open + 1; i < close; ++i) {
    const std::string_view t = token_text(tokens[i], content);
    if (t == "(" || t == "[" || t == "{" || t == "<") ++depth;
    if (t == ")" || t == "]" || t == "}" || t == ">") --depth;
    if (depth == 0 && t == ",") ++commas;
    any = true;
    if (t != "void") only_void = false;
  }
  return !any || only_void ? 0 : commas + 1;
}

}  // namespace

namespace {

/// The `(` matching the `)` at `close`, or npos.
size_t opening(const std::vector<ClangToken>& tokens, std::string_view content, size_t close) {
  constexpr size_t kMaxBack = 4096;  ///< a head's bracket is near: hostile input stays linear
  int depth = 0;
  const size_t stop = close > kMaxBack ? close - kMaxBack : 0;
  for (size_t i = close + 1; i-- > stop;) {
    const std::string_view t = token_text(tokens[i], content);
    if (t == ")") ++depth;
    if (t == "(" && --depth == 0) return i;
  }
  return std::string_view::npos;
}

bool specifier(std::string_view t) {
  return t == "const" || t == "noexcept" || t == "override" || t == "final" || t == "volatile" || t == "&" ||
         t == "&&" || t == "mutable" || t == "constexpr";
}

/// For a `{` after `;` outside every function: the index of the `)` closing the parameter
/// list of an old-style definition, `name (a, b) int a; char *b; {`, else npos. The list
/// holds names only; the declarations after it no brace or `=`.
size_t old_style_parameters(const std::vector<ClangToken>& tokens, std::string_view content, size_t brace) {
  constexpr size_t kMaxDeclarations = 64;  ///< tokens looked back at
  for (size_t k = brace, seen = 0; k-- > 0 && seen < kMaxDeclarations; ++seen) {
    const std::string_view t = token_text(tokens[k], content);
    if (t == "{" || t == "}" || t == "=") return std::string_view::npos;
    if (t != ")" || k + 1 >= brace || tokens[k + 1].kind == CXToken_Punctuation) continue;
    // `)` followed by the first declaration: the names before it, `(a, b)`.
    size_t j = k;
    bool names = true;
    while (j > 0) {
      --j;
      const std::string_view u = token_text(tokens[j], content);
      if (u == "(") break;
      if (u != "," && tokens[j].kind != CXToken_Identifier) names = false;
    }
    if (!names || token_text(tokens[j], content) != "(" || j == 0 || tokens[j - 1].kind != CXToken_Identifier)
      return std::string_view::npos;
    return k;
  }
  return std::string_view::npos;
}

/// For a `{` outside every function: the index of the function's name token when the brace
/// opens a definition's body (`name(…) const {`, `C::C(…) : a_(1), b_{2} {`), else npos.
size_t definition_name(const std::vector<ClangToken>& tokens, std::string_view content, size_t brace) {
  size_t i = brace;
  if (i > 0 && token_text(tokens[i - 1], content) == ";") {
    const size_t params_end = old_style_parameters(tokens, content, brace);
    if (params_end == std::string_view::npos) return std::string_view::npos;
    i = params_end + 1;
  }
  while (i > 0 && specifier(token_text(tokens[i - 1], content))) --i;
  if (i == 0) return std::string_view::npos;
  // A constructor's initialiser list: `: item(…), item{…}` before the body.
  for (size_t guard = 0; guard < 256; ++guard) {
    const std::string_view last = token_text(tokens[i - 1], content);
    size_t open = std::string_view::npos;
    if (last == ")") open = opening(tokens, content, i - 1);
    else if (last == "}") {
      int depth = 0;
      const size_t stop = i > 4096 ? i - 4096 : 0;
      for (size_t k = i; k-- > stop;) {
        const std::string_view t = token_text(tokens[k], content);
        if (t == "}") ++depth;
        if (t == "{" && --depth == 0) {
          open = k;
          break;
        }
      }
    }
    if (open == std::string_view::npos || open < 2 || tokens[open - 1].kind != CXToken_Identifier) break;
    const std::string_view before = token_text(tokens[open - 2], content);
    if (before != "," && before != ":") break;
    i = open - 2;  // at the `,` or `:`
    if (before == ":") {
      while (i > 0 && specifier(token_text(tokens[i - 1], content))) --i;  // `(…) noexcept : a_(1) {`
      if (i > 0 && token_text(tokens[i - 1], content) == ")") break;
      return std::string_view::npos;
    }
  }
  if (token_text(tokens[i - 1], content) != ")") return std::string_view::npos;
  const size_t open = opening(tokens, content, i - 1);
  if (open == std::string_view::npos || open == 0) return std::string_view::npos;
  if (tokens[open - 1].kind == CXToken_Identifier) {
    if (open >= 2 && token_text(tokens[open - 2], content) == "~") return open - 2;  // a destructor
    return open - 1;
  }
  // An operator: `operator=`, `operator()`, `operator[]`, `operator bool`.
  for (size_t k = open, guard = 0; k-- > 0 && guard < 4; ++guard) {
    const std::string_view t = token_text(tokens[k], content);
    if (t == "operator") return k;
    if (tokens[k].kind == CXToken_Identifier || t == "{" || t == "}" || t == ";") break;
  }
  return std::string_view::npos;
}

/// The name written from `first` (definition_name's answer): `f`, `~Widget`, `operator()`,
/// `operator==`, `operator bool`.
std::string head_name(const std::vector<ClangToken>& tokens, std::string_view content, size_t first) {
  const std::string_view t = token_text(tokens[first], content);
  if (t == "~" && first + 1 < tokens.size()) return "~" + std::string(token_text(tokens[first + 1], content));
  if (t != "operator") return std::string(t);
  std::string out = "operator";
  size_t k = first + 1;
  if (k + 1 < tokens.size() && token_text(tokens[k], content) == "(" && token_text(tokens[k + 1], content) == ")")
    return out + "()";
  for (; k < tokens.size() && token_text(tokens[k], content) != "("; ++k) {
    if (tokens[k].kind != CXToken_Punctuation) out += ' ';
    out += token_text(tokens[k], content);
  }
  return out;
}

/// `A::B::` written before the name at `name`.
std::string qualifier(const std::vector<ClangToken>& tokens, std::string_view content, size_t name) {
  std::string out;
  while (name >= 2 && token_text(tokens[name - 1], content) == "::" && tokens[name - 2].kind == CXToken_Identifier) {
    out = std::string(token_text(tokens[name - 2], content)) + "::" + out;
    name -= 2;
  }
  return out;
}

void recover_definitions(const std::vector<ClangToken>& all, const std::vector<uint8_t>& skip,
                         std::string_view content, std::vector<ClangFunction>& functions) {
  // Preprocessor lines left out: a head split by `#ifdef` (`name (a, b)` under `#ifdef`, `name
  // (a)` under `#else`, then one body) reads as the code around it, the last head before the
  // body being the function's (as in lizard).
  std::vector<ClangToken> tokens;
  tokens.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    if (skip[i] != kDirective) tokens.push_back(all[i]);
  // The `}` closing each `{` (tokens.size() when none does), found once: looking for it from
  // every `{` would take quadratic time on hostile input (`f() {` repeated, never closed).
  std::vector<size_t> brace_end(tokens.size(), tokens.size());
  {
    std::vector<size_t> open;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view t = token_text(tokens[i], content);
      if (t == "{") open.push_back(i);
      if (t == "}" && !open.empty()) {
        brace_end[open.back()] = i;
        open.pop_back();
      }
    }
  }
  // The outermost known functions, as disjoint [from, end) ranges in order.
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  for (const ClangFunction& f : functions) covered.emplace_back(std::min(f.from, f.body), f.end);
  std::sort(covered.begin(), covered.end());
  std::vector<std::pair<uint32_t, uint32_t>> outer;
  for (const auto& r : covered) {
    if (!outer.empty() && r.first < outer.back().second)
      outer.back().second = std::max(outer.back().second, r.second);
    else
      outer.push_back(r);
  }
  auto inside = [&](uint32_t offset) {
    auto it = std::upper_bound(outer.begin(), outer.end(), std::make_pair(offset, UINT32_MAX));
    return it != outer.begin() && offset < std::prev(it)->second;
  };
  // Scopes opened by `namespace X {` and `class X {` qualify the names.
  struct Scope {
    std::string name;
    int depth;
  };
  std::vector<Scope> scopes;
  int depth = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = token_text(tokens[i], content);
    if (t == "}") {
      --depth;
      while (!scopes.empty() && scopes.back().depth > depth) scopes.pop_back();
      continue;
    }
    if (t != "{") continue;
    if (inside(tokens[i].begin) || (i > 0 && token_text(tokens[i - 1], content) == "=")) {
      // A known function's body, or an initialiser (`= { FOREACH_ID(ENTRY) { … } }`, where
      // a macro call before a brace is no definition): skip it whole.
      const size_t close = brace_end[i];
      if (close < tokens.size()) i = close;
      continue;
    }
    ++depth;
    if (i >= 2 && tokens[i - 1].kind == CXToken_Identifier) {
      // `namespace a::b {` names two scopes at once.
      size_t k = i - 1;
      std::string name(token_text(tokens[k], content));
      while (k >= 2 && token_text(tokens[k - 1], content) == "::" && tokens[k - 2].kind == CXToken_Identifier) {
        k -= 2;
        name = std::string(token_text(tokens[k], content)) + "::" + name;
      }
      const std::string_view kind = k >= 1 ? token_text(tokens[k - 1], content) : std::string_view();
      if (kind == "namespace" || ((kind == "class" || kind == "struct" || kind == "union") && k == i - 1))
        scopes.push_back({name, depth});
      continue;
    }
    const size_t name = definition_name(tokens, content, i);
    if (name == std::string_view::npos) continue;
    const size_t close = brace_end[i];
    if (close >= tokens.size()) continue;
    ClangFunction f;
    std::string prefix;
    for (const Scope& s : scopes) prefix += s.name + "::";
    f.simple = head_name(tokens, content, name);
    f.name = prefix + qualifier(tokens, content, name) + f.simple;
    f.from = tokens[name].begin;
    f.body = tokens[i].begin;
    f.end = tokens[close].end;
    f.start_line = tokens[name].first_line;
    f.end_line = tokens[close].last_line;
    size_t open = name + 1;  // the parameter list's `(`: after `~Name`, `operator()`, `operator==`
    if (token_text(tokens[name], content) == "operator" && open + 1 < i && token_text(tokens[open], content) == "(" &&
        token_text(tokens[open + 1], content) == ")")
      open += 2;
    while (open < i && token_text(tokens[open], content) != "(") ++open;
    f.params = open < i ? parameters(tokens, content, open, closing(tokens, content, open, i)) : 0;
    functions.push_back(std::move(f));
    --depth;
    i = close;
  }
}

}  // namespace

void recover_functions(const std::vector<ClangToken>& tokens, const std::vector<uint8_t>& skip,
                       std::string_view content, bool cpp, std::vector<ClangFunction>& functions) {
  recover_definitions(tokens, skip, content, functions);
  if (!cpp) {  // C has no lambdas: `[IDX] = { … }` is a designated initialiser
    std::stable_sort(functions.begin(), functions.end(), [](const ClangFunction& a, const ClangFunction& b) {
      return a.start_line != b.start_line ? a.start_line < b.start_line : a.from < b.from;
    });
    return;
  }
  constexpr size_t kMaxHead = 64;  ///< tokens between `]` and the body's `{` (params, specifiers)
  std::vector<uint32_t> known;
  for (const ClangFunction& f : functions) known.push_back(f.from);
  std::sort(known.begin(), known.end());
  const size_t found = functions.size();
  for (size_t f = 0; f < found; ++f) {
    const long first = token_at(tokens, functions[f].body);
    if (first < 0) continue;
    const size_t end = static_cast<size_t>(token_before(tokens, functions[f].end) + 1);
    for (size_t i = static_cast<size_t>(first) + 1; i < end; ++i) {
      if (skip[i] || token_text(tokens[i], content) != "[" || !lambda_position(tokens, content, i)) continue;
      if (std::binary_search(known.begin(), known.end(), tokens[i].begin)) continue;
      const size_t captures_end = closing(tokens, content, i, end);
      if (captures_end >= end) continue;
      size_t k = captures_end + 1;
      int64_t params = 0;
      if (k < end && token_text(tokens[k], content) == "(") {
        const size_t close = closing(tokens, content, k, end);
        if (close >= end) continue;
        params = parameters(tokens, content, k, close);
        k = close + 1;
      }
      const size_t limit = std::min(end, k + kMaxHead);
      while (k < limit) {
        const std::string_view t = token_text(tokens[k], content);
        if (t == "{" || t == ";" || t == ")" || t == "," || t == "}" || t == "=") break;
        ++k;
      }
      if (k >= limit || token_text(tokens[k], content) != "{") continue;
      const size_t body_end = closing(tokens, content, k, end);
      if (body_end >= end) continue;
      ClangFunction lambda;
      lambda.lambda = true;
      lambda.nested_in_function = true;
      lambda.from = tokens[i].begin;
      lambda.body = tokens[k].begin;
      lambda.end = tokens[body_end].end;
      lambda.start_line = tokens[i].first_line;
      lambda.end_line = tokens[body_end].last_line;
      lambda.params = params;
      functions.push_back(std::move(lambda));
      known.insert(std::upper_bound(known.begin(), known.end(), tokens[i].begin), tokens[i].begin);
    }
  }
  // Names: the innermost function around each recovered lambda, then `::<lambda>`.
  std::stable_sort(functions.begin(), functions.end(), [](const ClangFunction& a, const ClangFunction& b) {
    return a.from != b.from ? a.from < b.from : a.end > b.end;
  });
  std::vector<size_t> open;
  for (size_t i = 0; i < functions.size(); ++i) {
    while (!open.empty() && functions[open.back()].end <= functions[i].from) open.pop_back();
    if (functions[i].name.empty())
      functions[i].name = (open.empty() ? std::string() : functions[open.back()].name + "::") + "<lambda>";
    open.push_back(i);
  }
  std::stable_sort(functions.begin(), functions.end(), [](const ClangFunction& a, const ClangFunction& b) {
    return a.start_line != b.start_line ? a.start_line < b.start_line : a.from < b.from;
  });
}

}  // namespace rh
