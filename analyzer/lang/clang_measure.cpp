// Everything counted per token of a libclang translation unit: lines, NLOC, tokens, Halstead,
// cyclomatic complexity (lizard's C/C++ convention) and call sites; functions come from the
// cursor walk (clang_functions.cpp). Definitions: docs/metrics.md.
#include "lang/clang_measure.h"

#include <algorithm>

#include "lang/clang_internal.h"
#include "lang/line_counter.h"

namespace rh {
namespace {

TokenKind kind_of(const ClangToken& t, std::string_view text) {
  switch (t.kind) {
    case CXToken_Identifier: return TokenKind::identifier;
    case CXToken_Literal: return TokenKind::literal;
    case CXToken_Keyword:
      if (text == "true" || text == "false" || text == "nullptr") return TokenKind::literal;
      if (text == "this") return TokenKind::identifier;
      return TokenKind::operator_;
    case CXToken_Punctuation:
      if (text == ")" || text == "]" || text == "}") return TokenKind::ignored;
      return TokenKind::operator_;
    default: return TokenKind::ignored;
  }
}

/// Whether a token adds 1 to cyclomatic complexity: lizard's C/C++ conditions (if for while
/// case catch && || ?, and the preprocessor's #if #ifdef #elif), `and`/`or` spelled out; an
/// `&&` that declares an rvalue reference is no decision. A preprocessor line is one decision
/// at most, as lizard reads it as one token: `#if A && B` adds 1, a `#define` adds nothing.
bool is_decision(const std::vector<ClangToken>& tokens, size_t i, std::string_view content, bool directive) {
  const ClangToken& t = tokens[i];
  const std::string_view text = token_text(t, content);
  if (directive) {
    if (i == 0 || token_text(tokens[i - 1], content) != "#" || tokens[i - 1].first_line != t.first_line) return false;
    return text == "if" || text == "ifdef" || text == "elif";
  }
  if (t.kind == CXToken_Keyword || t.kind == CXToken_Punctuation) {
    if (text == "if" || text == "for" || text == "while" || text == "case" || text == "catch" || text == "?")
      return true;
    if (text == "||" || text == "or") return true;
    if (text == "&&" || text == "and") return !declares_reference(tokens, i, content);
    return false;
  }
  return false;  // `ifdef` and `elif` stand on a preprocessor line: handled above
}

/// Line and column (1-based) of byte offsets, from a table of line starts.
class Positions {
 public:
  explicit Positions(std::string_view content) {
    starts_.push_back(0);
    for (size_t i = 0; i < content.size(); ++i)
      if (content[i] == '\n') starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  std::pair<int64_t, int64_t> at(uint32_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
    return {it - starts_.begin() + 1, static_cast<int64_t>(offset - *it) + 1};
  }

 private:
  std::vector<uint32_t> starts_;
};

class TokenMeasure {
 public:
  TokenMeasure(const std::vector<ClangToken>& tokens, const std::vector<uint8_t>& skip,
               const std::vector<ClangFunction>& functions, std::string_view content,
               const ClangMeasureOptions& options)
      : tokens_(tokens), skip_(skip), functions_(functions), content_(content), options_(options), positions_(content) {}

  ClangMeasure run() {
    ClangMeasure out;
    for (const ClangFunction& f : functions_) {
      FunctionMetrics m;
      m.name = f.name;
      m.start_line = f.start_line;
      m.end_line = f.end_line;
      m.params = f.params;
      out.functions.push_back(std::move(m));
    }
    std::vector<HalsteadCounter> halstead(functions_.size());
    HalsteadCounter file_halstead;
    const std::vector<uint8_t> blank = whitespace_only_lines(content_);
    std::vector<int32_t> row_owner(blank.size() + 1, -2);  // -2: no token on the row yet
    std::vector<uint8_t> code(blank.size() + 1, 0);

    // Functions nest properly; sweep them in order of their start with a stack.
    std::vector<size_t> order(functions_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return functions_[a].from != functions_[b].from ? functions_[a].from < functions_[b].from
                                                      : functions_[a].end > functions_[b].end;
    });
    std::vector<size_t> open;
    size_t next = 0;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const ClangToken& t = tokens_[i];
      while (next < order.size() && functions_[order[next]].from <= t.begin) {
        while (!open.empty() && functions_[open.back()].end <= functions_[order[next]].from) open.pop_back();
        if (functions_[order[next]].end > functions_[order[next]].from) open.push_back(order[next]);
        ++next;
      }
      while (!open.empty() && functions_[open.back()].end <= t.begin) open.pop_back();
      const int32_t owner = open.empty() ? -1 : static_cast<int32_t>(open.back());

      const std::string_view text = token_text(t, content_);
      const TokenKind kind = kind_of(t, text);
      const uint64_t hash = token_hash(text);
      ++out.tokens;
      file_halstead.add(kind, hash);
      if (options_.tokens) options_.tokens->add(clone_hash(kind, hash), t.first_line, t.last_line);
      for (uint32_t row = t.first_line; row <= t.last_line && row <= blank.size(); ++row) {
        code[row - 1] = 1;
        if (row_owner[row - 1] == -2) row_owner[row - 1] = owner;
      }
      if (owner >= 0) {
        FunctionMetrics& f = out.functions[static_cast<size_t>(owner)];
        ++f.tokens;
        halstead[static_cast<size_t>(owner)].add(kind, hash);
        // Decisions count in the body: not in the head's default arguments, initialiser list
        // or noexcept (lizard's reader counts none there; cognitive complexity reads bodies).
        if (t.begin >= functions_[static_cast<size_t>(owner)].body && is_decision(tokens_, i, content_, skip_[i] == kDirective))
          ++f.cyclomatic;
        if (options_.calls && t.kind == CXToken_Identifier && t.begin >= functions_[static_cast<size_t>(owner)].body)
          call_at(i, f.name, out.calls);
      }
    }

    for (size_t row = 0; row < blank.size(); ++row) {
      ++out.lines.total;
      if (blank[row]) {
        ++out.lines.blank;
      } else if (code[row]) {
        ++out.lines.code;
        if (row_owner[row] >= 0) ++out.functions[static_cast<size_t>(row_owner[row])].nloc;
      } else {
        ++out.lines.comment;
      }
    }
    for (size_t i = 0; i < out.functions.size(); ++i) {
      FunctionMetrics& f = out.functions[i];
      f.halstead = halstead[i].result();
      const auto row = static_cast<size_t>(f.start_line - 1);
      if (row < blank.size() && code[row] && row_owner[row] != static_cast<int32_t>(i)) ++f.nloc;
    }
    out.halstead = file_halstead.result();
    return out;
  }

 private:
  /// A call: an identifier (with `a.`, `p->`, `ns::` before it) followed by `(`, that is not a
  /// declaration. Found on tokens, so calls of functions whose headers were not read count too.
  void call_at(size_t i, const std::string& function, std::vector<CallSite>& calls) {
    if (i + 1 >= tokens_.size() || token_text(tokens_[i + 1], content_) != "(") return;
    if (clang_isDeclaration(tokens_[i].cursor)) return;  // `Foo x(1);`, a definition's name
    size_t first = i;
    while (first >= 2) {
      const std::string_view sep = token_text(tokens_[first - 1], content_);
      const ClangToken& before = tokens_[first - 2];
      if ((sep != "." && sep != "->" && sep != "::") ||
          !(before.kind == CXToken_Identifier || token_text(before, content_) == "this"))
        break;
      first -= 2;
    }
    if (first >= 1 && (token_text(tokens_[first - 1], content_) == "::")) --first;  // ::strcpy
    CallSite site;
    for (size_t k = first; k <= i; ++k) site.callee += token_text(tokens_[k], content_);
    // Arguments: split at the commas of the outermost brackets.
    int depth = 0;
    size_t arg_first = i + 2, k = i + 1;
    for (; k < tokens_.size(); ++k) {
      const std::string_view t = token_text(tokens_[k], content_);
      if (t == "(" || t == "[" || t == "{") {
        ++depth;
        continue;
      }
      const bool close = t == ")" || t == "]" || t == "}";
      if ((close && depth == 1) || (t == "," && depth == 1)) {
        if (arg_first < k) site.arguments.push_back(argument(arg_first, k));
        arg_first = k + 1;
      }
      if (close && --depth == 0) break;
    }
    if (k >= tokens_.size()) return;  // unbalanced: not a call we can describe
    const auto [line, column] = positions_.at(tokens_[first].begin);
    const auto [end_line, end_column] = positions_.at(tokens_[k].end);
    site.line = line;
    site.column = column;
    site.end_line = end_line;
    site.end_column = end_column;
    site.function = function;
    calls.push_back(std::move(site));
  }

  CallArgument argument(size_t first, size_t end) const {
    CallArgument a;
    a.text = std::string(content_.substr(tokens_[first].begin, tokens_[end - 1].end - tokens_[first].begin));
    if (a.text.size() > 1000) a.text.resize(1000);
    a.literal = true;
    for (size_t k = first; k < end; ++k) {
      const std::string_view t = token_text(tokens_[k], content_);
      if (tokens_[k].kind == CXToken_Literal) continue;
      if (t == "true" || t == "false" || t == "nullptr") continue;
      // `"%" PRId64 "\n"`: <cinttypes>' format macros expand to string literals.
      if (is_format_macro(t)) continue;
      a.literal = false;
    }
    return a;
  }

  /// PRId64, PRIuMAX, SCNx32, PRIxPTR…: <cinttypes>/<inttypes.h> macros naming format strings.
  static bool is_format_macro(std::string_view t) {
    if (t.size() < 4 || !(t.starts_with("PRI") || t.starts_with("SCN"))) return false;
    if (std::string_view("diouxXc").find(t[3]) == std::string_view::npos) return false;
    for (char c : t.substr(4))
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return true;
  }

  const std::vector<ClangToken>& tokens_;
  const std::vector<uint8_t>& skip_;
  const std::vector<ClangFunction>& functions_;
  std::string_view content_;
  const ClangMeasureOptions& options_;
  Positions positions_;
};

}  // namespace

std::vector<ClangToken> tokenize_main_file(CXTranslationUnit tu, CXFile file, std::string_view content) {
  std::vector<ClangToken> out;
  const CXSourceLocation begin = clang_getLocationForOffset(tu, file, 0);
  const CXSourceLocation end = clang_getLocationForOffset(tu, file, static_cast<unsigned>(content.size()));
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu, clang_getRange(begin, end), &tokens, &count);
  if (!tokens) return out;
  std::vector<CXCursor> cursors(count);
  clang_annotateTokens(tu, tokens, count, cursors.data());
  out.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    ClangToken t;
    t.kind = clang_getTokenKind(tokens[i]);
    if (t.kind == CXToken_Comment) continue;
    const CXSourceRange extent = clang_getTokenExtent(tu, tokens[i]);
    unsigned line = 0, column = 0, offset = 0;
    clang_getSpellingLocation(clang_getRangeStart(extent), nullptr, &line, &column, &offset);
    t.begin = offset;
    t.first_line = line;
    clang_getSpellingLocation(clang_getRangeEnd(extent), nullptr, &line, &column, &offset);
    t.end = std::max(offset, t.begin);
    t.last_line = std::max(line, t.first_line);
    t.cursor = clang_getCursorKind(cursors[i]);
    if (clang_isDeclaration(t.cursor)) {
      CXFile where = nullptr;
      unsigned l = 0, c = 0, at = 0;
      clang_getExpansionLocation(clang_getCursorLocation(cursors[i]), &where, &l, &c, &at);
      if (where && clang_File_isEqual(where, file)) t.cursor_at = at;
    }
    out.push_back(t);
  }
  clang_disposeTokens(tu, tokens, count);
  return out;
}

bool declares_reference(const std::vector<ClangToken>& tokens, size_t i, std::string_view content) {
  const ClangToken& t = tokens[i];
  if (i > 0 && token_text(tokens[i - 1], content) == "auto") return true;
  if (clang_isReference(t.cursor)) return true;
  if (!clang_isDeclaration(t.cursor)) return false;
  if (t.begin < t.cursor_at) return true;
  const CXCursorKind k = t.cursor;
  if (k != CXCursor_FunctionDecl && k != CXCursor_CXXMethod && k != CXCursor_Constructor &&
      k != CXCursor_FunctionTemplate && k != CXCursor_ConversionFunction)
    return false;
  // A function's own token after its name: a parameter's type in its parameter list.
  constexpr size_t kMaxHead = 4096;  ///< tokens from the name looked at: a head is short
  const long name = token_at(tokens, t.cursor_at);
  if (name < 0 || static_cast<size_t>(name) >= i || i - static_cast<size_t>(name) > kMaxHead) return false;
  int depth = 0;
  bool opened = false;
  for (size_t j = static_cast<size_t>(name) + 1; j < i; ++j) {
    const std::string_view u = token_text(tokens[j], content);
    if (u == "(") {
      ++depth;
      opened = true;
    } else if (u == ")" && --depth == 0) {
      return false;  // the parameter list closed before the token
    }
  }
  return opened && depth > 0;
}

long token_before(const std::vector<ClangToken>& tokens, uint32_t offset) {
  const auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                                   [](uint32_t o, const ClangToken& t) { return o < t.end; });
  return static_cast<long>(it - tokens.begin()) - 1;
}

long token_at(const std::vector<ClangToken>& tokens, uint32_t offset) {
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                   [](const ClangToken& t, uint32_t o) { return t.begin < o; });
  return it != tokens.end() && it->begin == offset ? static_cast<long>(it - tokens.begin()) : -1;
}

/// Per token: kDirective on preprocessor lines, kInactive in code #if left out, else 0.
std::vector<uint8_t> skipped_tokens(CXTranslationUnit tu, CXFile file, const std::vector<ClangToken>& tokens,
                                    std::string_view content) {
  std::vector<uint8_t> skip(tokens.size(), 0);
  uint32_t directive_last_line = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const ClangToken& t = tokens[i];
    const bool first_on_line = i == 0 || tokens[i - 1].last_line < t.first_line;
    if (first_on_line && token_text(t, content) == "#") {
      // The directive runs to the end of its line, and on while lines end in a backslash.
      directive_last_line = t.first_line;
      size_t at = t.begin;
      for (;;) {
        const size_t eol = content.find('\n', at);
        if (eol == std::string_view::npos) break;
        size_t back = eol;
        while (back > at && (content[back - 1] == '\r' || content[back - 1] == ' ' || content[back - 1] == '\t')) --back;
        if (back == at || content[back - 1] != '\\') break;
        ++directive_last_line;
        at = eol + 1;
      }
    }
    if (t.first_line <= directive_last_line) skip[i] = kDirective;
  }
  if (CXSourceRangeList* ranges = clang_getSkippedRanges(tu, file)) {
    for (unsigned r = 0; r < ranges->count; ++r) {
      uint32_t begin, end;
      if (!main_file_offset(clang_getRangeStart(ranges->ranges[r]), file, &begin) ||
          !main_file_offset(clang_getRangeEnd(ranges->ranges[r]), file, &end))
        continue;
      for (size_t i = static_cast<size_t>(token_before(tokens, begin) + 1); i < tokens.size() && tokens[i].begin < end; ++i)
        if (!skip[i]) skip[i] = kInactive;
    }
    clang_disposeSourceRangeList(ranges);
  }
  return skip;
}

ClangMeasure measure_translation_unit(CXTranslationUnit tu, CXFile main_file, std::string_view content,
                                      const ClangMeasureOptions& options) {
  const std::vector<ClangToken> tokens = tokenize_main_file(tu, main_file, content);
  std::vector<ClangFunction> functions = find_functions(tu, main_file, tokens, content);
  const std::vector<uint8_t> skip = skipped_tokens(tu, main_file, tokens, content);
  recover_functions(tokens, skip, content, options.cpp, functions);
  const std::vector<TokenCognitive> all_cognitive = cognitive_from_tokens(tokens, skip, functions, content);
  // Lambdas are no functions of their own (lizard): their tokens, decisions and lines count
  // for the function they are written in, their cognitive increments too (added above).
  std::vector<ClangFunction> kept;
  std::vector<TokenCognitive> cognitive;
  for (size_t i = 0; i < functions.size(); ++i) {
    if (functions[i].lambda) continue;
    kept.push_back(std::move(functions[i]));
    cognitive.push_back(all_cognitive[i]);
  }
  ClangMeasure out = TokenMeasure(tokens, skip, kept, content, options).run();
  for (size_t i = 0; i < out.functions.size(); ++i) {
    out.functions[i].cognitive = cognitive[i].cognitive;
    out.functions[i].max_nesting = cognitive[i].max_nesting;
  }
  return out;
}

}  // namespace rh
