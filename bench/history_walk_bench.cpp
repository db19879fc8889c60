// The history walk on one repository, for bench/history_vs_git_log.sh (which compares it with
// `git log --numstat --no-renames`). RH_HISTORY_REPO names the repository (default: this
// project), RH_BENCH_ITERATIONS the iterations (default 3).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "history/history.h"

namespace {

std::string env(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

void BM_HistoryWalk(benchmark::State& state, bool all_lines) {
  const std::string repo = env("RH_HISTORY_REPO", RH_SOURCE_DIR);
  rh::HistoryOptions options;
  options.lines_all = all_lines;
  int64_t commits = 0, files = 0;
  for (auto _ : state) {
    auto r = rh::analyse_history(repo, "", options);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    commits = r->repository.commits;
    files = static_cast<int64_t>(r->files.size());
    benchmark::DoNotOptimize(r->repository.truck_factor.value);
  }
  state.counters["commits"] = static_cast<double>(commits);
  state.counters["files"] = static_cast<double>(files);
}

int iterations() {
  const int n = std::atoi(env("RH_BENCH_ITERATIONS", "3").c_str());
  return n > 0 ? n : 3;
}

}  // namespace

// BM_HistoryWalk/window: lines counted for the last 12 months (the default);
// BM_HistoryWalk/all_lines: lines counted over all history (--history-lines all).
BENCHMARK_CAPTURE(BM_HistoryWalk, window, false)->Unit(benchmark::kMillisecond)->Iterations(iterations());
BENCHMARK_CAPTURE(BM_HistoryWalk, all_lines, true)->Unit(benchmark::kMillisecond)->Iterations(iterations());
