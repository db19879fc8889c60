#include "lang/treesitter_frontend.h"

#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <new>
#include <string>

#include "lang/error_density.h"
#include "lang/grammars.h"
#include "lang/line_counter.h"

namespace rh {
namespace {

/// One parser per thread: a TSParser is not thread-safe, and creating one per file costs.
TSParser* thread_parser() {
  struct Holder {
    TSParser* parser = ts_parser_new();
    ~Holder() { ts_parser_delete(parser); }
  };
  thread_local Holder holder;
  return holder.parser;
}

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

}  // namespace

TreeSitterFrontend::TreeSitterFrontend(const TSLanguage* grammar, std::unique_ptr<CompiledSyntax> syntax,
                                       uint64_t timeout_micros)
    : grammar_(grammar), syntax_(std::move(syntax)), timeout_micros_(timeout_micros) {}

void TreeSitterFrontend::analyze(const FrontendInput& input, FileFacts& facts, std::vector<Notification>& notes,
                                 FileSyntax* syntax, TokenSequence* tokens) {
  const std::string path(input.path);
  facts.parsed = false;
  facts.parse_errors = 0;
  facts.functions.clear();
  auto lexical_lines = [&] {
    if (input.language) facts.lines = count_lines(input.content, input.language->comments);
  };
  if (input.content.size() > std::numeric_limits<uint32_t>::max()) {
    lexical_lines();
    notes.push_back(notification("warning", path, msg("lang.too_large")));
    return;
  }
  try {
    Notification problem{"", path, ""};
    std::unique_ptr<TSTree, TreeDeleter> tree(parse(input.content, &problem, input.time_cut));
    if (!tree) {
      lexical_lines();
      notes.push_back(std::move(problem));
      return;
    }
    const TSNode root = ts_tree_root_node(tree.get());
    // A parse that is mostly errors (a file in another language than its name says) keeps its
    // lexical line counts: functions, tokens and syntax rules over it would measure garbage.
    if (const ErrorDensity density = measure_error_density(root, input.content, *syntax_); mostly_errors(density)) {
      lexical_lines();
      facts.parse_errors = density.errors;
      if (syntax) *syntax = FileSyntax();  // no tree, no call sites: pattern rules only
      const std::string language = input.language ? input.language->display : std::string("?");
      notes.push_back(notification("warning", path,
                                   msg("lang.mostly_errors", {text_arg("language", language),
                                                              percent_arg("share", density.percent() / 100.0)})));
      return;
    }
    WalkOptions options;
    options.calls = syntax != nullptr;
    options.tokens = tokens;
    WalkResult result = walk_tree(root, input.content, *syntax_, options);
    facts.parsed = true;
    facts.lines = result.lines;
    facts.parse_errors = result.parse_errors;
    facts.functions = std::move(result.functions);
    facts.tokens = result.tokens;
    facts.halstead = result.halstead;
    if (facts.parse_errors > 0)
      notes.push_back(notification("warning", path, msg("lang.syntax_errors", {int_arg("n", facts.parse_errors)})));
    if (syntax) {
      *syntax = FileSyntax();
      syntax->grammar = grammar_;
      syntax->tree = tree.release();
      syntax->calls = std::move(result.calls);
    }
  } catch (const std::bad_alloc&) {
    facts.parsed = false;
    facts.parse_errors = 0;
    facts.functions.clear();
    if (tokens) *tokens = TokenSequence();
    lexical_lines();
    notes.push_back(notification("error", path, msg("lang.out_of_memory")));
  }
}

TSTree* TreeSitterFrontend::parse(std::string_view content, Notification* problem, bool* timed_out) const {
  TSParser* parser = thread_parser();
  if (!ts_parser_set_language(parser, grammar_)) {
    if (problem) *problem = notification("error", problem->path, msg("lang.grammar_incompatible"));
    return nullptr;
  }
  ts_parser_set_timeout_micros(parser, timeout_micros_);
  TSTree* tree = ts_parser_parse_string(parser, nullptr, content.data(), static_cast<uint32_t>(content.size()));
  if (!tree) {
    ts_parser_reset(parser);  // else the next parse would resume this one
    if (timed_out) *timed_out = true;
    if (problem) *problem = notification("warning", problem->path, msg(timeout_micros_ >= 1'000'000 ? "lang.timeout_seconds" : "lang.timeout_ms",
                                                                       {int_arg("limit", static_cast<int64_t>(timeout_micros_ >= 1'000'000 ? timeout_micros_ / 1'000'000 : timeout_micros_ / 1000))}));
  }
  return tree;
}

TreeSitterFrontend* treesitter_frontend_for(const LanguageInfo& language) {
  // One slot per language with a grammar (thread-safe static initialisation, cheap); a slot's
  // frontend is built on the first file of its language (compiling a syntax spec against its
  // grammar costs milliseconds), so a scan pays only for the languages it meets.
  struct Slot {
    const LanguageInfo* language = nullptr;
    std::once_flag once;
    std::unique_ptr<TreeSitterFrontend> frontend;
  };
  static const auto slots = [] {
    std::map<std::string, std::unique_ptr<Slot>, std::less<>> out;
    for (const LanguageInfo& l : languages()) {
      if (l.grammar.empty()) continue;
      auto slot = std::make_unique<Slot>();
      slot->language = &l;
      out.emplace(l.id, std::move(slot));
    }
    return out;
  }();
  auto it = slots.find(language.id);
  if (it == slots.end()) return nullptr;
  Slot& slot = *it->second;
  std::call_once(slot.once, [&slot] {
    const TSLanguage* grammar = grammar_by_name(slot.language->grammar);
    const SyntaxSpec* spec = syntax_spec_for(slot.language->id);
    if (grammar && spec) slot.frontend = std::make_unique<TreeSitterFrontend>(grammar, compile_syntax(*spec, grammar));
  });
  return slot.frontend.get();
}

}  // namespace rh
