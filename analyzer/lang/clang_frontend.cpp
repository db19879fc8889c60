#include "lang/clang_frontend.h"

#include <clang-c/Index.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <new>

#include "lang/clang_internal.h"
#include "lang/clang_measure.h"
#include "lang/clang_source.h"
#include "lang/libclang_loader.h"
#include "lang/line_counter.h"

namespace rh {
namespace {

constexpr const char* kVirtualRoot = "/repohealth-virtual/";
constexpr const char* kPreludeName = "/repohealth-virtual/.repohealth-prelude.hpp";
constexpr int kMaxRecoveryParses = 4;

std::mutex g_commands_mutex;
std::shared_ptr<const CompileCommands> g_commands;

std::shared_ptr<const CompileCommands> current_commands() {
  std::lock_guard lock(g_commands_mutex);
  return g_commands;
}

/// One libclang index per thread: an index is not to be used by two threads at once.
CXIndex thread_index() {
  struct Holder {
    CXIndex index = clang_createIndex(/*excludeDeclarationsFromPCH=*/0, /*displayDiagnostics=*/0);
    ~Holder() { clang_disposeIndex(index); }
  };
  thread_local Holder holder;
  return holder.index;
}

struct TuDeleter {
  void operator()(CXTranslationUnitImpl* tu) const { clang_disposeTranslationUnit(tu); }
};
using TuPtr = std::unique_ptr<CXTranslationUnitImpl, TuDeleter>;

struct Diagnostic {
  std::string message;
  uint32_t offset = 0;
  uint32_t line = 0;
  bool syntax = false;  ///< a parse or lexical issue (else semantic: unknown names, types)
};

/// What a parse of one file needs and gives.
struct ParseJob {
  std::string filename;          ///< virtual path, or the real one with compile commands
  std::string buffer;            ///< the text libclang reads for it
  std::vector<std::string> args;
  bool single_file = true;
  bool cpp = true;
};

ParseJob make_job(const FrontendInput& input, const CompileCommands* commands) {
  ParseJob job;
  job.cpp = input.language && input.language->id == "cpp";
  const CompileCommand* command = commands ? commands->find(input.path) : nullptr;
  if (command) {
    job.single_file = false;
    job.filename = command->file;
    job.buffer = std::string(input.content);
    job.args = command->flags;
  } else {
    job.filename = kVirtualRoot + std::string(input.path);
    job.buffer = neutralize_includes(input.content);
    job.args = {job.cpp ? "-xc++" : "-xc", job.cpp ? "-std=gnu++20" : "-std=gnu17", "-nostdinc", "-nobuiltininc"};
    if (job.cpp) job.args.push_back("-nostdinc++");
  }
  job.args.push_back("-ferror-limit=0");
  job.args.push_back("-w");
  return job;
}

CXErrorCode parse(const ParseJob& job, const std::string& prelude, TuPtr& out) {
  std::vector<std::string> args = job.args;
  std::vector<CXUnsavedFile> unsaved = {
      {job.filename.c_str(), job.buffer.data(), static_cast<unsigned long>(job.buffer.size())}};
  if (!prelude.empty()) {
    args.push_back("-include");
    args.push_back(kPreludeName);
    unsaved.push_back({kPreludeName, prelude.data(), static_cast<unsigned long>(prelude.size())});
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  // Not CXTranslationUnit_SingleFileParse: it would skip the prelude too. The file is parsed on
  // its own all the same: its include directives are neutralised, so none is followed.
  // The detailed preprocessing record gives the code #if left out (clang_getSkippedRanges).
  const unsigned options = CXTranslationUnit_KeepGoing | CXTranslationUnit_DetailedPreprocessingRecord;
  CXTranslationUnit tu = nullptr;
  const CXErrorCode error =
      clang_parseTranslationUnit2(thread_index(), job.filename.c_str(), argv.data(), static_cast<int>(argv.size()),
                                  unsaved.data(), static_cast<unsigned>(unsaved.size()), options, &tu);
  out.reset(tu);
  return error;
}

std::vector<Diagnostic> main_file_errors(CXTranslationUnit tu, CXFile file) {
  std::vector<Diagnostic> out;
  const unsigned n = clang_getNumDiagnostics(tu);
  for (unsigned i = 0; i < n; ++i) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      Diagnostic diag;
      if (main_file_offset(clang_getDiagnosticLocation(d), file, &diag.offset, &diag.line)) {
        CXString text = clang_getDiagnosticSpelling(d);
        diag.message = clang_getCString(text) ? clang_getCString(text) : "";
        clang_disposeString(text);
        CXString category = clang_getDiagnosticCategoryText(d);
        const std::string c = clang_getCString(category) ? clang_getCString(category) : "";
        clang_disposeString(category);
        diag.syntax = c == "Parse Issue" || c == "Lexical or Preprocessor Issue";
        out.push_back(std::move(diag));
      }
    }
    clang_disposeDiagnostic(d);
  }
  return out;
}

/// Parses, with more parses that declare what the previous one missed (single-file C++).
/// Returns the last translation unit (null on failure, with `error` set), its main file, and
/// the file's errors: those of the first parse. In single-file mode a syntax error counts as
/// one only when the last parse still has it and no unknown name comes before it on its line:
/// a name libclang did not know (a header's type, a macro) can derail the parser, and the
/// prelude can cause errors of its own.
TuPtr parse_with_recovery(const ParseJob& job, CXFile* file, CXErrorCode* error, std::vector<Diagnostic>* errors) {
  RecoveryPrelude prelude;
  TuPtr tu;
  for (int pass = 0; pass < kMaxRecoveryParses; ++pass) {
    *error = parse(job, prelude.empty() ? std::string() : prelude.text(), tu);
    if (*error != CXError_Success || !tu) return nullptr;
    *file = clang_getFile(tu.get(), job.filename.c_str());
    if (!*file) return nullptr;
    std::vector<Diagnostic> found = main_file_errors(tu.get(), *file);
    if (pass == 0 && errors) {
      *errors = found;
      if (job.single_file) {
        for (Diagnostic& e : *errors) {
          if (!e.syntax) continue;
          e.syntax = std::none_of(errors->begin(), errors->end(), [&](const Diagnostic& u) {
            return !u.syntax && u.line == e.line && u.offset <= e.offset;
          });
        }
      }
    }
    if (pass > 0 && errors) {
      for (Diagnostic& e : *errors) {
        if (!e.syntax) continue;
        e.syntax = std::any_of(found.begin(), found.end(), [&](const Diagnostic& f) {
          return f.syntax && f.offset == e.offset && f.message == e.message;
        });
      }
    }
    if (!job.single_file || !job.cpp) break;
    std::vector<SourceDiagnostic> diagnostics;
    for (const Diagnostic& d : found) diagnostics.push_back({d.message, d.offset});
    if (!prelude.learn(diagnostics, job.buffer)) break;
  }
  return tu;
}

void record_diagnostics(const std::vector<Diagnostic>& errors, bool single_file, const std::string& path,
                        FileFacts& facts, std::vector<Notification>& notes) {
  size_t syntax = 0;
  const Diagnostic* first_syntax = nullptr;
  for (const Diagnostic& d : errors) {
    if (!d.syntax) continue;
    ++syntax;
    if (!first_syntax) first_syntax = &d;
  }
  facts.parse_errors = static_cast<int64_t>(syntax);
  if (first_syntax) {
    notes.push_back(notification("warning", path,
                                 msg("lang.syntax_errors_first", {int_arg("n", static_cast<int64_t>(syntax)),
                                                                  int_arg("line", first_syntax->line),
                                                                  text_arg("diagnostic", first_syntax->message)})));
  } else if (!errors.empty()) {
    const Diagnostic& d = errors.front();
    if (single_file)
      notes.push_back(notification("note", path,
                                   msg("lang.unresolved_names", {int_arg("n", static_cast<int64_t>(errors.size())),
                                                                 int_arg("line", d.line), text_arg("diagnostic", d.message)})));
    else
      notes.push_back(notification("warning", path,
                                   msg("lang.errors_first", {int_arg("n", static_cast<int64_t>(errors.size())),
                                                             int_arg("line", d.line), text_arg("diagnostic", d.message)})));
  }
}

}  // namespace

std::shared_ptr<const CompileCommands> set_compile_commands(std::shared_ptr<const CompileCommands> commands) {
  std::lock_guard lock(g_commands_mutex);
  std::swap(g_commands, commands);
  return commands;
}

bool is_clang_language(const LanguageInfo& language) { return language.id == "c" || language.id == "cpp"; }

bool ClangFrontend::available() { return libclang_available(); }

ClangFrontend* clang_frontend() {
  static ClangFrontend frontend;
  return &frontend;
}

void ClangFrontend::analyze(const FrontendInput& input, FileFacts& facts, std::vector<Notification>& notes,
                            FileSyntax* syntax, TokenSequence* tokens) {
  const std::string path(input.path);
  facts.parsed = false;
  facts.parse_errors = 0;
  facts.functions.clear();
  auto lexical_lines = [&] {
    if (input.language) facts.lines = count_lines(input.content, input.language->comments);
  };
  if (!available()) {
    // Line counts only; the outcome depends on the machine, so it is not cached. One note per
    // process names the first file it hit, not one per C/C++ file.
    lexical_lines();
    if (input.time_cut) *input.time_cut = true;
    static std::atomic<bool> reported{false};
    if (!reported.exchange(true))
      notes.push_back(notification("warning", path, msg("lang.no_libclang", {text_arg("problem", libclang_problem())})));
    return;
  }
  if (input.content.size() > std::numeric_limits<unsigned>::max() / 2) {
    lexical_lines();
    notes.push_back(notification("warning", path, msg("lang.too_large")));
    return;
  }
  try {
    const std::shared_ptr<const CompileCommands> commands = current_commands();
    const ParseJob job = make_job(input, commands.get());
    CXFile file = nullptr;
    CXErrorCode error = CXError_Success;
    std::vector<Diagnostic> errors;
    TuPtr tu = parse_with_recovery(job, &file, &error, &errors);
    if (!tu || !file) {
      lexical_lines();
      notes.push_back(error == CXError_Crashed
                          ? notification("error", path, msg("lang.libclang_crashed"))
                          : notification("warning", path, msg("lang.libclang_failed", {int_arg("code", static_cast<int64_t>(error))})));
      return;
    }
    ClangMeasureOptions options;
    options.calls = syntax != nullptr;
    options.tokens = tokens;
    options.cpp = job.cpp;
    ClangMeasure m = measure_translation_unit(tu.get(), file, job.buffer, options);
    facts.parsed = true;
    facts.lines = m.lines;
    facts.functions = std::move(m.functions);
    facts.tokens = m.tokens;
    facts.halstead = m.halstead;
    record_diagnostics(errors, job.single_file, path, facts, notes);
    if (syntax) {
      *syntax = FileSyntax();
      syntax->calls = std::move(m.calls);
    }
  } catch (const std::bad_alloc&) {
    facts.parsed = false;
    facts.functions.clear();
    if (tokens) *tokens = TokenSequence();
    lexical_lines();
    notes.push_back(notification("error", path, msg("lang.out_of_memory")));
  }
}

std::string clang_cursor_dump(std::string_view path, std::string_view content, const LanguageInfo& language) {
  if (!ClangFrontend::available()) return libclang_problem() + "\n";
  const std::shared_ptr<const CompileCommands> commands = current_commands();
  const ParseJob job = make_job(FrontendInput{path, content, &language}, commands.get());
  CXFile file = nullptr;
  CXErrorCode error = CXError_Success;
  std::vector<Diagnostic> errors;
  TuPtr tu = parse_with_recovery(job, &file, &error, &errors);
  if (!tu || !file) return "libclang could not parse the file (error " + std::to_string(error) + ")\n";
  std::string out;
  struct Item {
    CXCursor cursor;
    int depth;
  };
  std::vector<Item> stack;
  auto push_children = [&](CXCursor parent, int depth) {
    std::vector<CXCursor> kids;
    clang_visitChildren(
        parent,
        [](CXCursor c, CXCursor, CXClientData data) {
          static_cast<std::vector<CXCursor>*>(data)->push_back(c);
          return CXChildVisit_Continue;
        },
        &kids);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, depth});
  };
  push_children(clang_getTranslationUnitCursor(tu.get()), 0);
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    uint32_t offset, line, end_offset, end_line;
    const CXSourceRange extent = clang_getCursorExtent(item.cursor);
    if (!main_file_offset(clang_getCursorLocation(item.cursor), file, &offset, &line)) continue;
    if (!main_file_offset(clang_getRangeEnd(extent), file, &end_offset, &end_line)) end_line = line;
    CXString kind = clang_getCursorKindSpelling(clang_getCursorKind(item.cursor));
    CXString name = clang_getCursorSpelling(item.cursor);
    out.append(static_cast<size_t>(item.depth) * 2, ' ');
    out += clang_getCString(kind);
    const std::string spelled = clang_getCString(name) ? clang_getCString(name) : "";
    if (!spelled.empty()) out += " '" + spelled + "'";
    out += " [" + std::to_string(line) + "-" + std::to_string(end_line) + "]";
    if (clang_isInvalidDeclaration(item.cursor)) out += " (invalid)";
    out += '\n';
    clang_disposeString(kind);
    clang_disposeString(name);
    push_children(item.cursor, item.depth + 1);
  }
  for (const Diagnostic& d : errors) out += "error: line " + std::to_string(d.line) + ": " + d.message + "\n";
  return out;
}

}  // namespace rh
