// The join of history and file metrics, run after both: hotspots and line-weighted knowledge loss.
#include <algorithm>
#include <unordered_map>

#include "history/history.h"
#include "history/practice.h"

namespace rh {

void compute_hotspots(HistoryFacts& history, const std::vector<FileFacts>& files, int top_n) {
  std::unordered_map<std::string, const FileFacts*> by_path;
  by_path.reserve(files.size());
  for (const FileFacts& f : files) by_path.emplace(f.path, &f);

  RepoHistory& repo = history.repository;
  repo.hotspots.clear();
  KnowledgeLoss& k = repo.knowledge_loss;
  k.lines = 0;
  k.lines_lost = 0;
  for (const FileHistory& h : history.files) {
    auto it = by_path.find(h.path);
    if (it == by_path.end()) continue;
    const FileFacts& f = *it->second;
    if (!h.doa_authors.empty()) {
      k.lines += f.lines.total;
      if (h.knowledge_lost) k.lines_lost += f.lines.total;
    }
    int64_t complexity = 0;
    for (const FunctionMetrics& fn : f.functions) complexity += fn.cyclomatic;
    if (h.commits == 0 || complexity == 0) continue;
    repo.hotspots.push_back({h.path, h.commits, complexity, h.commits * complexity});
  }
  k.line_share = history::share(k.lines_lost, k.lines);
  std::sort(repo.hotspots.begin(), repo.hotspots.end(), [](const Hotspot& a, const Hotspot& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.commits != b.commits) return a.commits > b.commits;
    return a.path < b.path;
  });
  if (repo.hotspots.size() > static_cast<size_t>(std::max(top_n, 0)))
    repo.hotspots.resize(static_cast<size_t>(std::max(top_n, 0)));
}

}  // namespace rh
