#pragma once
// Shared by the parts of the libclang frontend (clang_*.cpp); not an interface of its own.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <clang-c/Index.h>

namespace rh {

struct ClangToken {
  CXTokenKind kind = CXToken_Punctuation;
  uint32_t begin = 0, end = 0;           ///< byte offsets in the main file
  uint32_t first_line = 0, last_line = 0;  ///< 1-based
  CXCursorKind cursor = CXCursor_InvalidFile;  ///< libclang's annotation of the token
  uint32_t cursor_at = UINT32_MAX;  ///< main-file offset of the annotation's location (a declaration: its name)
};

/// The main file's tokens in order (comments are not tokens), with their annotations.
std::vector<ClangToken> tokenize_main_file(CXTranslationUnit tu, CXFile file, std::string_view content);

/// Index of the last token ending at or before `offset`, or -1.
long token_before(const std::vector<ClangToken>& tokens, uint32_t offset);
/// Index of the token starting at `offset`, or -1.
long token_at(const std::vector<ClangToken>& tokens, uint32_t offset);

inline std::string_view token_text(const ClangToken& t, std::string_view content) {
  return t.end <= content.size() && t.begin < t.end ? content.substr(t.begin, t.end - t.begin) : std::string_view();
}

/// Whether an `&&` (or `and`) token declares an rvalue or forwarding reference (`F&& f`,
/// `auto&& x`, `T&& get()`), from libclang's annotation: a declaration's, before the declared
/// name. After the name it is an expression libclang dropped and annotated with the
/// declaration around it (an initialiser or a statement using a name from a header it did
/// not read). `auto&&` always declares one.
bool declares_reference(const std::vector<ClangToken>& tokens, size_t i, std::string_view content);

/// A function found among the cursors.
struct ClangFunction {
  std::string name;    ///< qualified: ns::Class::method, f::<lambda>
  std::string simple;  ///< unqualified; empty for lambdas
  uint32_t from = 0;   ///< offset of its name (a lambda: its `[`): tokens count from here
  uint32_t end = 0;    ///< offset after its last token
  uint32_t body = 0;   ///< offset of its body's `{`
  int64_t start_line = 0, end_line = 0, params = 0;
  bool lambda = false;
  bool nested_in_function = false;  ///< written inside a function's body (a lambda, a local class)
};

/// Finds the functions of the main file (definitions with a body).
std::vector<ClangFunction> find_functions(CXTranslationUnit tu, CXFile file, const std::vector<ClangToken>& tokens,
                                          std::string_view content);

/// What a token is to the measures besides libclang's parse (the `skip` vectors below).
constexpr uint8_t kDirective = 1;  ///< on a preprocessor line (#if, #define…): never measured as code
constexpr uint8_t kInactive = 2;   ///< in a branch #if left out: libclang did not parse it

/// Definitions and lambdas libclang dropped, found in the tokens (clang_recovery.cpp); added
/// to `functions`, which stays in source order.
/// Definitions in code the preprocessor left out (`skip` kInactive: `#ifdef _WIN32`, the
/// `#else` of a satisfied `#if`, `#if 0`) are recovered like the others; preprocessor lines
/// are not looked at.
/// Lambdas only in C++ (`cpp`).
void recover_functions(const std::vector<ClangToken>& tokens, const std::vector<uint8_t>& skip,
                       std::string_view content, bool cpp, std::vector<ClangFunction>& functions);

struct TokenCognitive {
  int64_t cognitive = 0;
  int64_t max_nesting = 0;
};

/// Cognitive complexity and maximum nesting of each function from the tokens of its body
/// (clang_cognitive.cpp). A lambda's figures are its own, and are also added to the function
/// it is written in (SonarSource: its increments one nesting level deeper). `skip` flags tokens to leave out: preprocessor lines, and inactive
/// code inside an active function (one branch of an #if is read, as the compiler reads it); a
/// function that lies in inactive code is read whole but for its preprocessor lines.
std::vector<TokenCognitive> cognitive_from_tokens(const std::vector<ClangToken>& tokens,
                                                  const std::vector<uint8_t>& skip,
                                                  const std::vector<ClangFunction>& functions, std::string_view content);

/// Main-file offset and line of a location (macro expansions map to where they are used), or
/// false when it lies in another file.
bool main_file_offset(CXSourceLocation location, CXFile file, uint32_t* offset, uint32_t* line = nullptr);

}  // namespace rh
