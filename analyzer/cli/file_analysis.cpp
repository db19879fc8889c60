// Analysis of one file: read, classify, detect the language, measure. Runs in parallel.
#include "cli/file_analysis.h"

#include "core/classify.h"
#include "core/language.h"
#include "engine/rule_set.h"
#include "health/licence_match.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"
#include "metrics/clones.h"
#include "metrics/file_metrics.h"

namespace rh {

FileOutcome analyse_file(FileSource& source, const SourceEntry& entry, const Config& config, const RuleSet* rules) {
  FileOutcome out;
  auto bytes = source.read(entry, config.max_file_size + 1);
  if (!bytes) {
    out.skipped = SkippedFile{entry.path, "unreadable", bytes.error().message};
    out.notes.push_back(notification("error", entry.path, msg("scan.unreadable", {text_arg("problem", bytes.error().message)})));
    return out;
  }
  const std::string& content = *bytes;
  if (static_cast<int64_t>(content.size()) > config.max_file_size) {
    out.skipped = SkippedFile{entry.path, "too_large",
                              "more than " + std::to_string(config.max_file_size) + " bytes"};
    return out;
  }
  if (auto skip = skip_by_content(entry.path, content)) {
    out.skipped = std::move(skip);
    return out;
  }
  const std::string_view head = std::string_view(content).substr(0, kLanguageSniffBytes);
  const std::string role = classify_role(entry.path, head);
  const LanguageInfo* language = detect_language(entry.path, head);
  if (!language) {
    out.skipped = SkippedFile{entry.path, "unknown_language", "no language recognised"};
    // Text of no known language (.env, id_rsa, credentials) still meets the rules that apply
    // to every file (secrets).
    if (rules) rules->match_file(FileInput{entry.path, content, nullptr, nullptr, nullptr, role}, out.findings);
    return out;
  }
  FileFacts facts;
  facts.path = entry.path;
  facts.language = language->id;
  facts.role = role;
  facts.size_bytes = static_cast<int64_t>(content.size());
  facts.blob_id = entry.blob_id;
  facts.lines = count_lines(content, language->comments);
  facts.spdx_license = spdx_header_expression(content);
  FileSyntax syntax;
  if (Frontend* frontend = frontend_for(*language)) {
    // Migrations and generated code take no part in clone detection (counted, not compared).
    const bool clones = counts_for_duplication(entry.path, *language) && !is_machine_written(role);
    TokenSequence* clone_tokens = clones ? &out.clone_tokens : nullptr;
    frontend->analyze(FrontendInput{entry.path, content, language, &out.time_cut}, facts, out.notes, rules ? &syntax : nullptr,
                      clone_tokens);
  }
  finish_file_metrics(facts);
  if (rules)
    rules->match_file(FileInput{entry.path, content, language, &syntax, &facts, role, &out.notes, &out.time_cut}, out.findings);
  out.facts = std::move(facts);
  return out;
}

}  // namespace rh
