#pragma once
// Temporal coupling as code-maat defines it: files changed in the same commits. Degree =
// shared commits / mean of the two files' commits; pairs need 5 shared commits and a degree of
// 30 %; commits changing more than 30 files are left out (they say little about coupling).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/history_model.h"

namespace rh::history {

struct CouplingLimits {
  int64_t min_shared = 5;
  double min_degree = 0.30;
  size_t max_commit_files = 30;
};

class CouplingCounter {
 public:
  explicit CouplingCounter(size_t files, CouplingLimits limits = {})
      : limits_(limits), commits_(files, 0) {}
  /// One commit: `present` lists the present files it changed, `files_in_commit` all the files
  /// it changed (deleted and no longer present ones included).
  void add_commit(const std::vector<int32_t>& present, size_t files_in_commit);
  /// Pairs over the limits, highest degree first; `paths[i]` names file i.
  std::vector<CoupledFiles> result(const std::vector<std::string>& paths) const;

 private:
  CouplingLimits limits_;
  std::vector<int64_t> commits_;
  std::unordered_map<uint64_t, int64_t> shared_;  ///< (low id << 32 | high id) -> commits
};

}  // namespace rh::history
