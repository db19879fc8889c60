// The functions of a libclang translation unit: definitions with a body (functions, methods,
// constructors, destructors, conversions, templates, lambdas), their qualified names, lines,
// parameters and token ranges. Lambdas are found to place their increments: they are measured
// as part of the function they are written in (clang_measure.cpp). The walk keeps its own stack, so no input can make it recurse
// deeply. What is measured inside them comes from tokens (clang_measure.cpp, clang_cognitive.cpp).
#include <algorithm>
#include <set>

#include "lang/clang_internal.h"

namespace rh {
namespace {

std::vector<CXCursor> children(CXCursor c) {
  std::vector<CXCursor> out;
  clang_visitChildren(
      c,
      [](CXCursor child, CXCursor, CXClientData data) {
        static_cast<std::vector<CXCursor>*>(data)->push_back(child);
        return CXChildVisit_Continue;
      },
      &out);
  return out;
}

std::string spelling(CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  std::string out = clang_getCString(s) ? clang_getCString(s) : "";
  clang_disposeString(s);
  return out;
}

bool is_function_kind(CXCursorKind k) {
  return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
         k == CXCursor_Destructor || k == CXCursor_ConversionFunction || k == CXCursor_FunctionTemplate ||
         k == CXCursor_LambdaExpr;
}

bool is_scope_kind(CXCursorKind k) {
  return k == CXCursor_Namespace || k == CXCursor_ClassDecl || k == CXCursor_StructDecl || k == CXCursor_UnionDecl ||
         k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization;
}

struct Work {
  CXCursor cursor{};
  int32_t scope = 0;  ///< index into scopes_: the qualifying prefix
  bool in_function = false;
};

class FunctionFinder {
 public:
  FunctionFinder(CXFile file, const std::vector<ClangToken>& tokens, std::string_view content)
      : file_(file), tokens_(tokens), content_(content) {
    scopes_.push_back("");
  }

  std::vector<ClangFunction> run(CXTranslationUnit tu) {
    push(children(clang_getTranslationUnitCursor(tu)), 0, false);
    while (!stack_.empty()) {
      const Work w = stack_.back();
      stack_.pop_back();
      visit(w);
    }
    std::stable_sort(out_.begin(), out_.end(), [](const ClangFunction& a, const ClangFunction& b) {
      return a.start_line != b.start_line ? a.start_line < b.start_line : a.from < b.from;
    });
    return std::move(out_);
  }

 private:
  void push(const std::vector<CXCursor>& kids, int32_t scope, bool in_function) {
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack_.push_back({*it, scope, in_function});
  }

  int32_t add_scope(int32_t parent, const std::string& name) {
    const std::string& prefix = scopes_[static_cast<size_t>(parent)];
    scopes_.push_back(prefix.empty() ? name : prefix + "::" + name);
    return static_cast<int32_t>(scopes_.size() - 1);
  }

  void visit(const Work& w) {
    const CXCursor c = w.cursor;
    const CXCursorKind kind = clang_getCursorKind(c);
    uint32_t offset;
    // Cursors of other files (the recovery prelude) are skipped; inside a function, statements
    // expanded from macros are where the macro is used.
    if (!w.in_function && !main_file_offset(clang_getCursorLocation(c), file_, &offset)) return;
    if (is_function_kind(kind) && begin_function(w, c, kind)) return;
    if (is_scope_kind(kind)) {
      const std::string name = spelling(c);
      push(children(c), name.empty() ? w.scope : add_scope(w.scope, name), false);
      return;
    }
    push(children(c), w.scope, w.in_function);
  }

  /// The qualifier written before a name: `Widget::` in `void Widget::draw()`.
  std::string written_qualifier(long name_token) const {
    long i = name_token - 1;
    std::string out;
    while (i >= 1 && token_text(tokens_[static_cast<size_t>(i)], content_) == "::") {
      long j = i - 1;
      if (token_text(tokens_[static_cast<size_t>(j)], content_) == ">") {  // Box<T>::
        int depth = 0;
        for (; j >= 0; --j) {
          const std::string_view t = token_text(tokens_[static_cast<size_t>(j)], content_);
          if (t == ">") ++depth;
          if (t == "<" && --depth == 0) break;
        }
        --j;
      }
      if (j < 0 || tokens_[static_cast<size_t>(j)].kind != CXToken_Identifier) break;
      out = std::string(token_text(tokens_[static_cast<size_t>(j)], content_)) + "::" + out;
      i = j - 1;
    }
    return out;
  }

  /// Parameters from the tokens of the first bracket pair after the name, for declarations
  /// libclang kept without their parameters (types from headers it did not read).
  int64_t parameters_from_tokens(long name_token) const {
    size_t i = static_cast<size_t>(name_token) + 1;
    if (token_text(tokens_[i - 1], content_) == "operator") ++i;  // operator() and the like
    while (i < tokens_.size() && token_text(tokens_[i], content_) != "(") ++i;
    int depth = 0;
    int64_t commas = 0, inside = 0;
    bool only_void = true;
    for (; i < tokens_.size(); ++i) {
      const std::string_view t = token_text(tokens_[i], content_);
      if (t == "(" || t == "[" || t == "{" || t == "<") ++depth;
      if (t == ")" || t == "]" || t == "}" || t == ">") {
        if (--depth == 0) break;
      }
      if (depth == 1 && t != "(") {
        ++inside;
        if (t == ",") ++commas;
        if (t != "void") only_void = false;
      }
    }
    return inside == 0 || only_void ? 0 : commas + 1;
  }

  /// Whether the tokens between a definition's parameter list and its body hold another
  /// function's head: libclang read `static GIT_PATH_FUNC(name, "path")` (a macro it could
  /// not expand, used at file scope) as an old-style definition whose parameter declarations
  /// are the next function's head, `static void push_stack(…)`. Old-style declarations end
  /// with `;`; a storage class, or a declarator `type name(…)` right before the body, cannot
  /// stand there.
  bool swallows_next_head(long name_token, uint32_t body) const {
    const long body_token = token_at(tokens_, body);
    if (name_token < 0 || body_token < 0) return false;
    size_t i = static_cast<size_t>(name_token) + 1;
    const auto b = static_cast<size_t>(body_token);
    while (i < b && token_text(tokens_[i], content_) != "(") ++i;
    int depth = 0;
    for (; i < b; ++i) {  // to the `)` closing the parameter list
      const std::string_view t = token_text(tokens_[i], content_);
      if (t == "(") ++depth;
      if (t == ")" && --depth == 0) break;
    }
    if (i + 1 >= b) return false;
    const size_t first = i + 1, last = b - 1;
    const std::string_view head = token_text(tokens_[first], content_);
    if (head == ":" || head == "->" || token_text(tokens_[last], content_) == ";") return false;
    depth = 0;
    for (size_t k = first; k <= last; ++k) {
      const std::string_view t = token_text(tokens_[k], content_);
      if (t == "(" || t == "[") ++depth;
      if (t == ")" || t == "]") --depth;
      if (depth == 0 && (t == "static" || t == "extern" || t == "inline" || t == "typedef")) return true;
    }
    if (token_text(tokens_[last], content_) != ")") return false;
    depth = 0;
    for (size_t k = last + 1; k-- > first;) {  // the `(` opening the last group
      const std::string_view t = token_text(tokens_[k], content_);
      if (t == ")") ++depth;
      if (t == "(" && --depth == 0) {
        if (k < first + 2 || tokens_[k - 1].kind != CXToken_Identifier) return false;
        const ClangToken& before = tokens_[k - 2];
        return before.kind == CXToken_Identifier || before.kind == CXToken_Keyword ||
               token_text(before, content_) == "*";
      }
    }
    return false;
  }

  /// Starts a function when the cursor is a definition with a body; false otherwise.
  bool begin_function(const Work& w, CXCursor c, CXCursorKind kind) {
    const std::vector<CXCursor> kids = children(c);
    CXCursor body = clang_getNullCursor();
    int64_t params = 0;
    for (const CXCursor& k : kids) {
      const CXCursorKind kk = clang_getCursorKind(k);
      if (kk == CXCursor_ParmDecl) ++params;
      if (kk == CXCursor_CompoundStmt || kk == CXCursor_CXXTryStmt) body = k;
    }
    if (clang_Cursor_isNull(body)) return false;
    uint32_t from, name_line, end, end_line, body_offset;
    if (!main_file_offset(clang_getCursorLocation(c), file_, &from, &name_line) ||
        !main_file_offset(clang_getRangeEnd(clang_getCursorExtent(c)), file_, &end, &end_line) ||
        !main_file_offset(clang_getRangeStart(clang_getCursorExtent(body)), file_, &body_offset))
      return false;
    // A body the file does not spell where it is used comes from a macro's expansion
    // (`#define X(f) static void f(int sig) { … }` then `X(one)`): the file has no
    // function there (lizard sees none either); its tokens are the macro call.
    const long body_token = token_at(tokens_, body_offset);
    if (body_token < 0) return true;
    const std::string_view opens = token_text(tokens_[static_cast<size_t>(body_token)], content_);
    if (opens != "{" && opens != "try") return true;
    // A local struct declared with a variable (`struct G { ~G() {…} } g;`) is reached twice.
    if (!seen_.insert(from).second) return true;
    ClangFunction f;
    const std::string& scope = scopes_[static_cast<size_t>(w.scope)];
    const long name_token = token_at(tokens_, from);
    if (kind != CXCursor_LambdaExpr && swallows_next_head(name_token, body_offset)) return false;
    f.lambda = kind == CXCursor_LambdaExpr;
    if (f.lambda) {
      f.name = (scope.empty() ? "" : scope + "::") + "<lambda>";
    } else {
      f.simple = spelling(c);
      f.name = (scope.empty() ? "" : scope + "::") + (name_token >= 0 ? written_qualifier(name_token) : "") + f.simple;
      if (params == 0 && name_token >= 0) params = parameters_from_tokens(name_token);
    }
    f.from = from;
    f.end = std::max(end, from);
    f.body = body_offset;
    f.start_line = name_line;
    f.end_line = std::max<int64_t>(end_line, name_line);
    f.params = params;
    f.nested_in_function = w.in_function;
    out_.push_back(std::move(f));
    scopes_.push_back(out_.back().name);
    push(kids, static_cast<int32_t>(scopes_.size() - 1), true);
    return true;
  }

  CXFile file_;
  const std::vector<ClangToken>& tokens_;
  std::string_view content_;
  std::vector<Work> stack_;
  std::vector<ClangFunction> out_;
  std::vector<std::string> scopes_;  ///< qualifying prefixes; 0 is the file
  std::set<uint32_t> seen_;          ///< where the functions found start
};

}  // namespace

bool main_file_offset(CXSourceLocation location, CXFile file, uint32_t* offset, uint32_t* line) {
  CXFile where = nullptr;
  unsigned l = 0, column = 0, off = 0;
  clang_getExpansionLocation(location, &where, &l, &column, &off);
  if (!where || !clang_File_isEqual(where, file)) return false;
  *offset = off;
  if (line) *line = l;
  return true;
}

std::vector<ClangFunction> find_functions(CXTranslationUnit tu, CXFile file, const std::vector<ClangToken>& tokens,
                                          std::string_view content) {
  return FunctionFinder(file, tokens, content).run(tu);
}

}  // namespace rh
