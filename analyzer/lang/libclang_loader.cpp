// Defines the clang_* functions the frontend uses (exact signatures from clang-c/Index.h, so a
// mismatch fails to compile), each forwarding to the function dlsym found in libclang. Call
// sites stay as they were; libclang_available() must have returned true before any is called.
// The executable does not export these definitions (it is not linked with -rdynamic), so
// libclang's calls to its own functions stay inside libclang.
#include "lang/libclang_loader.h"

#include <clang-c/Index.h>
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

// X(return type, name, parameters, arguments): every libclang function the code calls.
#define RH_LIBCLANG_FUNCTIONS(X)                                                                                  \
  X(int, clang_Cursor_isNull, (CXCursor a), (a))                                                                  \
  X(int, clang_File_isEqual, (CXFile a, CXFile b), (a, b))                                                        \
  X(void, clang_annotateTokens, (CXTranslationUnit a, CXToken* b, unsigned c, CXCursor* d), (a, b, c, d))         \
  X(CXIndex, clang_createIndex, (int a, int b), (a, b))                                                           \
  X(void, clang_disposeDiagnostic, (CXDiagnostic a), (a))                                                         \
  X(void, clang_disposeIndex, (CXIndex a), (a))                                                                   \
  X(void, clang_disposeSourceRangeList, (CXSourceRangeList * a), (a))                                             \
  X(void, clang_disposeString, (CXString a), (a))                                                                 \
  X(void, clang_disposeTokens, (CXTranslationUnit a, CXToken* b, unsigned c), (a, b, c))                          \
  X(void, clang_disposeTranslationUnit, (CXTranslationUnit a), (a))                                               \
  X(const char*, clang_getCString, (CXString a), (a))                                                             \
  X(CXSourceRange, clang_getCursorExtent, (CXCursor a), (a))                                                      \
  X(enum CXCursorKind, clang_getCursorKind, (CXCursor a), (a))                                                    \
  X(CXString, clang_getCursorKindSpelling, (enum CXCursorKind a), (a))                                            \
  X(CXSourceLocation, clang_getCursorLocation, (CXCursor a), (a))                                                 \
  X(CXString, clang_getCursorSpelling, (CXCursor a), (a))                                                         \
  X(CXDiagnostic, clang_getDiagnostic, (CXTranslationUnit a, unsigned b), (a, b))                                 \
  X(CXString, clang_getDiagnosticCategoryText, (CXDiagnostic a), (a))                                             \
  X(CXSourceLocation, clang_getDiagnosticLocation, (CXDiagnostic a), (a))                                         \
  X(enum CXDiagnosticSeverity, clang_getDiagnosticSeverity, (CXDiagnostic a), (a))                                \
  X(CXString, clang_getDiagnosticSpelling, (CXDiagnostic a), (a))                                                 \
  X(void, clang_getExpansionLocation, (CXSourceLocation a, CXFile * b, unsigned* c, unsigned* d, unsigned* e),    \
    (a, b, c, d, e))                                                                                              \
  X(CXFile, clang_getFile, (CXTranslationUnit a, const char* b), (a, b))                                          \
  X(CXSourceLocation, clang_getLocationForOffset, (CXTranslationUnit a, CXFile b, unsigned c), (a, b, c))         \
  X(CXCursor, clang_getNullCursor, (void), ())                                                                    \
  X(unsigned, clang_getNumDiagnostics, (CXTranslationUnit a), (a))                                                \
  X(CXSourceRange, clang_getRange, (CXSourceLocation a, CXSourceLocation b), (a, b))                              \
  X(CXSourceLocation, clang_getRangeEnd, (CXSourceRange a), (a))                                                  \
  X(CXSourceLocation, clang_getRangeStart, (CXSourceRange a), (a))                                                \
  X(CXSourceRangeList*, clang_getSkippedRanges, (CXTranslationUnit a, CXFile b), (a, b))                          \
  X(void, clang_getSpellingLocation, (CXSourceLocation a, CXFile * b, unsigned* c, unsigned* d, unsigned* e),     \
    (a, b, c, d, e))                                                                                              \
  X(CXSourceRange, clang_getTokenExtent, (CXTranslationUnit a, CXToken b), (a, b))                                \
  X(CXTokenKind, clang_getTokenKind, (CXToken a), (a))                                                            \
  X(CXCursor, clang_getTranslationUnitCursor, (CXTranslationUnit a), (a))                                         \
  X(unsigned, clang_isDeclaration, (enum CXCursorKind a), (a))                                                    \
  X(unsigned, clang_isInvalidDeclaration, (CXCursor a), (a))                                                      \
  X(unsigned, clang_isReference, (enum CXCursorKind a), (a))                                                      \
  X(enum CXErrorCode, clang_parseTranslationUnit2,                                                                \
    (CXIndex a, const char* b, const char* const* c, int d, struct CXUnsavedFile* e, unsigned f, unsigned g,      \
     CXTranslationUnit* h),                                                                                       \
    (a, b, c, d, e, f, g, h))                                                                                     \
  X(void, clang_tokenize, (CXTranslationUnit a, CXSourceRange b, CXToken * *c, unsigned* d), (a, b, c, d))        \
  X(unsigned, clang_visitChildren, (CXCursor a, CXCursorVisitor b, CXClientData c), (a, b, c))

#ifndef RH_LIBCLANG_SONAME
#define RH_LIBCLANG_SONAME ""
#endif
#ifndef RH_LIBCLANG_PATH
#define RH_LIBCLANG_PATH ""
#endif

namespace rh {
namespace {

// The resolved functions, one pointer each; written once under std::call_once.
struct Table {
#define RH_POINTER(ret, name, params, args) decltype(&::name) name = nullptr;
  RH_LIBCLANG_FUNCTIONS(RH_POINTER)
#undef RH_POINTER
};

struct State {
  std::once_flag once;
  bool ok = false;
  std::string problem;
  Table table;
};

State& state() {
  static State s;
  return s;
}

/// dlopens the first of the candidates that loads; the others' errors go to `problem`.
void* open_library(std::string& problem, std::string& tried) {
  std::vector<std::string> candidates;
  if (const char* forced = std::getenv("REPOHEALTH_LIBCLANG"); forced && *forced) {
    candidates.push_back(forced);  // for tests: the one library to try
  } else {
    if (*RH_LIBCLANG_SONAME) candidates.push_back(RH_LIBCLANG_SONAME);
    if (*RH_LIBCLANG_PATH) candidates.push_back(RH_LIBCLANG_PATH);
  }
  for (const std::string& c : candidates) {
    tried += (tried.empty() ? "" : ", ") + c;
    if (void* handle = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL)) return handle;
    const char* error = dlerror();
    problem = error ? error : "dlopen failed";
  }
  if (candidates.empty()) problem = "no libclang was found when repohealth was built";
  return nullptr;
}

void load(State& s) {
  std::string tried;
  void* handle = open_library(s.problem, tried);
  if (!handle) {
    s.problem = "libclang could not be loaded (" + s.problem + ")";
    return;
  }
  Table t;
  std::string missing;
#define RH_RESOLVE(ret, name, params, args)                                      \
  t.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));            \
  if (!t.name) missing += (missing.empty() ? "" : ", ") + std::string(#name);
  RH_LIBCLANG_FUNCTIONS(RH_RESOLVE)
#undef RH_RESOLVE
  if (!missing.empty()) {
    s.problem = "libclang (" + tried + ") lacks " + missing;
    return;  // the handle stays open: harmless, and closing a half-used library is not
  }
  s.table = t;
  s.ok = true;
}

const Table& table() {
  State& s = state();
  std::call_once(s.once, load, std::ref(s));
  if (!s.ok) {
    // A caller skipped libclang_available(): a bug, not bad input.
    std::fprintf(stderr, "repohealth: internal error: libclang used while unavailable: %s\n", s.problem.c_str());
    std::abort();
  }
  return s.table;
}

}  // namespace

bool libclang_available() {
  State& s = state();
  std::call_once(s.once, load, std::ref(s));
  return s.ok;
}

const std::string& libclang_problem() {
  libclang_available();
  return state().problem;
}

}  // namespace rh

extern "C" {
#define RH_FORWARD(ret, name, params, args) \
  ret name params { return rh::table().name args; }
RH_LIBCLANG_FUNCTIONS(RH_FORWARD)
#undef RH_FORWARD
}
