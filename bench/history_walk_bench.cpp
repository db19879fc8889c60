// The history walk on one repository, for bench/history_vs_git_log.sh (which compares it with
// `git log --numstat --no-renames`). RH_HISTORY_REPO names the repository (default: this
// project), RH_BENCH_ITERATIONS the iterations (default 3). BM_HistoryWalk/warm_cache walks with
// a history cache filled by one walk before the timed ones (a re-scan of an unchanged history).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
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
  state.counters["commits_per_s"] =
      benchmark::Counter(static_cast<double>(commits * state.iterations()), benchmark::Counter::kIsRate);
}

void BM_HistoryWalkWarm(benchmark::State& state) {
  const std::string repo = env("RH_HISTORY_REPO", RH_SOURCE_DIR);
  std::string dir = (std::filesystem::temp_directory_path() / "rh-history-bench-XXXXXX").string();
  if (!mkdtemp(dir.data())) {
    state.SkipWithError("cannot create a temporary folder");
    return;
  }
  rh::HistoryOptions options;
  options.cache_dir = dir;
  if (auto r = rh::analyse_history(repo, "", options); !r) {  // fills the cache
    state.SkipWithError(r.error().message.c_str());
    return;
  }
  rh::HistoryRunStats stats;
  for (auto _ : state) {
    stats = {};
    auto r = rh::analyse_history(repo, "", options, &stats);
    benchmark::DoNotOptimize(r->repository.truck_factor.value);
  }
  state.counters["diffed"] = static_cast<double>(stats.commits_diffed);
  state.counters["from_cache"] = static_cast<double>(stats.commits_from_cache);
  state.counters["commits_per_s"] = benchmark::Counter(
      static_cast<double>((stats.commits_diffed + stats.commits_from_cache) * state.iterations()),
      benchmark::Counter::kIsRate);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
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
BENCHMARK(BM_HistoryWalkWarm)->Name("BM_HistoryWalk/warm_cache")->Unit(benchmark::kMillisecond)->Iterations(iterations());
