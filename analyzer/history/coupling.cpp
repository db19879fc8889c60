#include "history/coupling.h"

#include <algorithm>
#include <cmath>

namespace rh::history {

void CouplingCounter::add_commit(const std::vector<int32_t>& present, size_t files_in_commit) {
  if (files_in_commit > limits_.max_commit_files || present.empty()) return;
  std::vector<int32_t> ids(present);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (int32_t id : ids) commits_[static_cast<size_t>(id)] += 1;
  for (size_t i = 0; i < ids.size(); ++i)
    for (size_t j = i + 1; j < ids.size(); ++j)
      shared_[(static_cast<uint64_t>(ids[i]) << 32) | static_cast<uint32_t>(ids[j])] += 1;
}

std::vector<CoupledFiles> CouplingCounter::result(const std::vector<std::string>& paths) const {
  std::vector<CoupledFiles> out;
  for (const auto& [key, shared] : shared_) {
    if (shared < limits_.min_shared) continue;
    auto a = static_cast<size_t>(key >> 32);
    auto b = static_cast<size_t>(key & 0xffffffffu);
    double mean = static_cast<double>(commits_[a] + commits_[b]) / 2.0;
    double degree = static_cast<double>(shared) / mean;
    if (degree < limits_.min_degree) continue;
    CoupledFiles c;
    c.path_a = paths[a];
    c.path_b = paths[b];
    c.commits_a = commits_[a];
    c.commits_b = commits_[b];
    if (c.path_b < c.path_a) {
      std::swap(c.path_a, c.path_b);
      std::swap(c.commits_a, c.commits_b);
    }
    c.shared_commits = shared;
    c.degree = std::round(degree * 10000.0) / 10000.0;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const CoupledFiles& x, const CoupledFiles& y) {
    if (x.degree != y.degree) return x.degree > y.degree;
    if (x.shared_commits != y.shared_commits) return x.shared_commits > y.shared_commits;
    if (x.path_a != y.path_a) return x.path_a < y.path_a;
    return x.path_b < y.path_b;
  });
  return out;
}

}  // namespace rh::history
