// `repohealth debug …`: views for people writing language specs and rules. Subcommands are a
// table like the top-level ones.
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "core/language.h"
#include "lang/clang_frontend.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"
#include "lang/syntax_dump.h"
#include "lang/treesitter_frontend.h"
#include "lang/walker.h"
#include "metrics/file_metrics.h"

namespace rh {
namespace {

struct DebugFileArgs {
  std::string file;
  std::string language;  ///< override of the detected language id
};

/// Reads FILE and finds its language; prints the problem and returns nullptr on failure.
const LanguageInfo* load(const DebugFileArgs& a, std::string& content, const char* command) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "repohealth debug %s: cannot read %s\n", command, a.file.c_str());
    return nullptr;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  content = buffer.str();
  const LanguageInfo* language = a.language.empty() ? detect_language(a.file, std::string_view(content).substr(0, kLanguageSniffBytes))
                                                    : find_language(a.language);
  if (!language)
    std::fprintf(stderr, "repohealth debug %s: %s: %s\n", command, a.file.c_str(),
                 a.language.empty() ? "no language recognised (try --language)" : "unknown --language");
  return language;
}

void add_file_options(CLI::App& app, DebugFileArgs& a) {
  app.add_option("file", a.file, "Source file to read")->required();
  app.add_option("--language", a.language, "Language id instead of detecting it (python, cpp, ...)");
}

// --- debug metrics --------------------------------------------------------------------------

struct MetricsArgs : DebugFileArgs {
  bool explain = false;
};

void print_table(const FileFacts& f) {
  std::printf("%s (%s): lines %" PRId64 " = code %" PRId64 " + comment %" PRId64 " + blank %" PRId64 "\n",
              f.path.c_str(), f.language.c_str(), f.lines.total, f.lines.code, f.lines.comment, f.lines.blank);
  if (!f.parsed) {
    std::printf("not parsed: line counts only\n");
    return;
  }
  std::printf("tokens %" PRId64 ", Halstead volume %.2f, maintainability index %.2f, parse errors %" PRId64 "\n\n",
              f.tokens, f.halstead.volume, f.maintainability_index.value_or(0), f.parse_errors);
  std::printf("%6s %6s %6s %5s %4s %4s %5s %6s %9s  %s\n", "start", "end", "params", "nloc", "ccn", "cog", "nest",
              "tokens", "volume", "name");
  for (const FunctionMetrics& fn : f.functions)
    std::printf("%6" PRId64 " %6" PRId64 " %6" PRId64 " %5" PRId64 " %4" PRId64 " %4" PRId64 " %5" PRId64 " %6" PRId64
                " %9.2f  %s\n",
                fn.start_line, fn.end_line, fn.params, fn.nloc, fn.cyclomatic, fn.cognitive, fn.max_nesting, fn.tokens,
                fn.halstead.volume, fn.name.c_str());
  const FunctionTotals& t = f.totals;
  std::printf("\n%" PRId64 " functions; sums: nloc %" PRId64 ", cyclomatic %" PRId64 ", cognitive %" PRId64
              "; maxima: cyclomatic %" PRId64 ", cognitive %" PRId64 ", nesting %" PRId64 "\n",
              t.count, t.nloc, t.cyclomatic, t.cognitive, t.max_cyclomatic, t.max_cognitive, t.max_nesting);
}

int run_metrics(const MetricsArgs& a) {
  std::string content;
  const LanguageInfo* language = load(a, content, "metrics");
  if (!language) return kExitUsage;
  FileFacts facts;
  facts.path = a.file;
  facts.language = language->id;
  facts.size_bytes = static_cast<int64_t>(content.size());
  facts.lines = count_lines(content, language->comments);
  std::vector<Notification> notes;
  FileSyntax syntax;
  Frontend* frontend = frontend_for(*language);
  if (frontend) frontend->analyze(FrontendInput{a.file, content, language}, facts, notes, &syntax);
  finish_file_metrics(facts);
  print_table(facts);
  for (const Notification& n : notes) std::printf("%s: %s\n", n.level.c_str(), n.message.c_str());
  if (a.explain) {
    TreeSitterFrontend* ts = treesitter_frontend_for(*language);
    if (!ts || !syntax.tree) {
      std::printf("\n--explain needs a tree-sitter language\n");
      return kExitOk;
    }
    std::vector<CognitiveStep> steps;
    WalkOptions options;
    options.trace = &steps;
    WalkResult walked = walk_tree(ts_tree_root_node(syntax.tree), content, ts->syntax(), options);
    std::printf("\ncognitive complexity, increment by increment:\n");
    for (const CognitiveStep& s : steps)
      std::printf("  %-40s line %5" PRId64 "  +%" PRId64 "  %s\n", walked.functions[s.function].name.c_str(), s.line,
                  s.amount, s.why.c_str());
  }
  return kExitOk;
}

CommandRun attach_debug_metrics(CLI::App& app) {
  auto a = std::make_shared<MetricsArgs>();
  add_file_options(app, *a);
  app.add_flag("--explain", a->explain, "List every cognitive-complexity increment (tree-sitter languages)");
  return [a] { return run_metrics(*a); };
}

// --- debug ast ------------------------------------------------------------------------------

struct AstArgs : DebugFileArgs {
  bool named_only = false;
};

int run_ast(const AstArgs& a) {
  std::string content;
  const LanguageInfo* language = load(a, content, "ast");
  if (!language) return kExitUsage;
  if (is_clang_language(*language)) {
    std::fputs(clang_cursor_dump(a.file, content, *language).c_str(), stdout);
    return kExitOk;
  }
  TreeSitterFrontend* ts = treesitter_frontend_for(*language);
  if (!ts) {
    std::fprintf(stderr, "repohealth debug ast: %s has no syntax tree (language %s)\n", a.file.c_str(),
                 language->id.c_str());
    return kExitUsage;
  }
  FileFacts facts;
  std::vector<Notification> notes;
  FileSyntax syntax;
  ts->analyze(FrontendInput{a.file, content, language}, facts, notes, &syntax);
  if (!syntax.tree) {
    for (const Notification& n : notes) std::fprintf(stderr, "%s: %s\n", n.level.c_str(), n.message.c_str());
    // A parse that is mostly syntax errors is not measured; its tree is what a reader debugs.
    syntax.grammar = ts->grammar();
    syntax.tree = content.size() <= UINT32_MAX ? ts->parse(content) : nullptr;
    if (!syntax.tree) return kExitAnalysis;
  }
  std::fputs(dump_tree(ts_tree_root_node(syntax.tree), content, ts->syntax(), a.named_only).c_str(), stdout);
  return kExitOk;
}

CommandRun attach_debug_ast(CLI::App& app) {
  auto a = std::make_shared<AstArgs>();
  add_file_options(app, *a);
  app.add_flag("--named", a->named_only, "Leave out anonymous tokens (keywords, punctuation)");
  return [a] { return run_ast(*a); };
}

/// The debug subcommands.
const std::vector<Command>& debug_commands() {
  static const std::vector<Command> table = {
      {"metrics", "Per-function metrics of one file (--explain: cognitive increments)", attach_debug_metrics},
      {"ast", "The syntax tree the metrics walker sees (C/C++: libclang's cursors)", attach_debug_ast},
      {"query", "Run one rule (id or .yml file) on one file: matches and captures", attach_debug_query},
  };
  return table;
}

}  // namespace

CommandRun attach_debug(CLI::App& app) {
  app.require_subcommand(1);
  auto runs = std::make_shared<std::vector<std::pair<CLI::App*, CommandRun>>>();
  for (const Command& c : debug_commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
    runs->emplace_back(sub, c.attach(*sub));
  }
  return [runs] {
    for (auto& [sub, run] : *runs)
      if (sub->parsed()) return run();
    return kExitUsage;
  };
}

}  // namespace rh
