#pragma once
// Token-based clone detection across the files of a scan (definition: docs/metrics.md).
// Each file's token sequence (identifiers and literals normalised, lang/token_metrics.h) is cut
// into windows of `min_tokens` tokens hashed with a rolling hash; a window seen before starts a
// clone, which is extended token by token as long as both copies agree. One hash lookup per
// token: near-linear in the size of the scan, no file is compared with another pairwise.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "core/model.h"
#include "lang/token_metrics.h"

namespace rh {

struct CloneOptions {
  int64_t min_tokens = 50;  ///< a clone is at least this many tokens…
  int64_t min_lines = 6;    ///< …spanning at least this many lines in each copy
};

struct CloneInput {
  std::string path;
  const TokenSequence* tokens = nullptr;
  int64_t code_lines = 0;
};

struct CloneResult {
  Duplication duplication;
  std::vector<int64_t> duplicated_lines;  ///< per input, in input order
};

CloneResult detect_clones(const std::vector<CloneInput>& files, const CloneOptions& options);

/// Whether a file takes part in clone detection: code, not data (JSON, YAML, … `data: true`),
/// not a lock file, not a translation catalogue (`.po`, `locales/`, `lang/`…). They inflate
/// duplication without telling a reviewer anything. The classification is core/classify.h
/// is_source_code, which the report's treemap shares.
bool counts_for_duplication(std::string_view path, const LanguageInfo& language);

}  // namespace rh
