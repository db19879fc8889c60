#pragma once
// analyse_file through the per-file cache (docs/cache.md). A file's cache key is a hash of
//  - the analysis settings: the build (version + build id), the config fields that change a
//    file's result (max_file_size, preview, packs, rules, thresholds, ignore, exclude,
//    vendored) and the bytes of every user rule file; and
//  - the file's path (roles, languages and findings depend on it) and content id: the git blob
//    id for git sources (known without reading), else an XXH3-128 of the bytes read.
// C/C++ files that compile_commands.json names are never cached: their parse reads headers
// from disk, which the key cannot see. Without compile commands libclang parses each file on
// its own (includes neutralised), so those results depend on the file alone.
#include <atomic>
#include <string>
#include <vector>

#include "cache/file_cache.h"
#include "cli/file_analysis.h"
#include "core/config.h"
#include "core/file_source.h"
#include "core/model.h"

namespace rh {

class CompileCommands;

/// Fingerprint of everything besides a file's path and content that changes its analysis.
/// `tool` is build_identity() outside tests.
std::string analysis_settings(const Config& config, const std::vector<std::string>& rule_folders,
                              const std::string& tool);

/// The bytes a cache record holds for an outcome, and back (nothing on a damaged record).
FileCacheRecord encode_outcome(const FileOutcome& outcome);
std::optional<FileOutcome> decode_outcome(const FileCacheRecord& record);

/// Wraps analyse_file for the scan's parallel loop. Thread-safe. With a null cache it is
/// analyse_file.
class CachedAnalysis {
 public:
  CachedAnalysis(FileCache* cache, std::string settings, const Config& config, const RuleSet* rules,
                 const CompileCommands* commands)
      : cache_(cache), settings_(std::move(settings)), config_(config), rules_(rules), commands_(commands) {}

  FileOutcome analyse(FileSource& source, const SourceEntry& entry);
  /// Writes the new records (one transaction) and returns the scan's cache use and warnings.
  std::optional<CacheUse> finish(std::vector<Notification>& notes);

 private:
  FileCache* cache_;
  std::string settings_;
  const Config& config_;
  const RuleSet* rules_;
  const CompileCommands* commands_;
  std::atomic<int64_t> hits_{0}, misses_{0};
};

}  // namespace rh
