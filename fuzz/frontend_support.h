#pragma once
// The frontend targets: one file's bytes through a frontend as a scan runs it (cli/
// file_analysis.cpp): lexical line counts, the frontend (functions, metrics, tokens, the syntax
// tree and call sites handed to the rule engine, clone tokens), then the file metrics.
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"
#include "metrics/file_metrics.h"

namespace rh::fuzz {

inline void analyze_as(const LanguageInfo& language, std::string_view path, std::string_view content) {
  Frontend* frontend = frontend_for(language);
  if (!frontend) __builtin_trap();  // the target picks only languages that have one
  FileFacts facts;
  facts.path = std::string(path);
  facts.language = language.id;
  facts.size_bytes = static_cast<int64_t>(content.size());
  facts.lines = count_lines(content, language.comments);
  std::vector<Notification> notes;
  FileSyntax syntax;
  TokenSequence tokens;
  bool time_cut = false;
  frontend->analyze(FrontendInput{path, content, &language, &time_cut}, facts, notes, &syntax, &tokens);
  finish_file_metrics(facts);
}

}  // namespace rh::fuzz
