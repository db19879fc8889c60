#pragma once
// Analysis of one file, run in parallel by the scan pipeline. Everything per file (metrics, rule
// matches) happens here while the file's bytes and syntax tree are in memory; nothing of them
// outlives the call but the outcome.
#include <optional>
#include <vector>

#include "core/config.h"
#include "core/file_source.h"
#include "core/model.h"
#include "lang/token_metrics.h"

namespace rh {

class RuleSet;

/// What analysing one file yields: facts, or a skip, plus notes.
struct FileOutcome {
  std::optional<FileFacts> facts;
  std::optional<SkippedFile> skipped;
  std::vector<Notification> notes;
  std::vector<Finding> findings;  ///< rule matches (with inline/config suppressions), by line
  /// The file's token hashes for clone detection (empty when it takes no part: data, lock and
  /// translation files); released once the scan's clone step ran.
  TokenSequence clone_tokens;
  /// A budget measured in time (parser timeout, the query pass's CPU budget) cut the analysis:
  /// another machine could give more, so the per-file cache does not keep this outcome.
  bool time_cut = false;
};

/// `rules` (may be null: no rule matching) runs while the file's bytes and tree are in memory.
FileOutcome analyse_file(FileSource& source, const SourceEntry& entry, const Config& config,
                         const RuleSet* rules = nullptr);

}  // namespace rh
