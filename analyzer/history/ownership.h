#pragma once
// Who knows a file: degree of authorship (Avelino et al. 2016, "A novel approach for estimating
// truck factors"), main author, fragmentation; and for the repository the greedy truck factor.
#include <cstdint>
#include <string>
#include <vector>

#include "core/history_model.h"
#include "history/churn.h"

namespace rh::history {

/// DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC).
double degree_of_authorship(bool first_author, int64_t deliveries, int64_t acceptances);

/// Per contribution of `file`: its DOA, and whether it makes an author (normalised DOA > 0.75
/// and either DOA >= 3.293 or first author).
struct Authorship {
  std::vector<double> doa;
  std::vector<bool> author;
};
Authorship authorship(const FileRecord& file);

/// The person-facing facts of a file. `keys[a]` is the id of author a, `active[a]` says whether
/// a committed within 12 months of `reference`.
FileHistory file_history(const FileRecord& file, const std::vector<std::string>& keys,
                         const std::vector<bool>& active, int64_t reference);

/// Greedy truck factor over `file_authors` (per file, its DOA authors). Authors for whom
/// `counted[a]` is false are left out from the start. Ties between authors with as many files
/// go to the one ranked first (`rank[a]`, lower first).
TruckFactor greedy_truck_factor(const std::vector<std::vector<int32_t>>& file_authors,
                                const std::vector<bool>& counted, const std::vector<int64_t>& rank,
                                const std::vector<std::string>& keys);

}  // namespace rh::history
