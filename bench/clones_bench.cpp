// Clone detection across a scan: generated token sequences for 2 000 files of 3 000 tokens
// (6 M tokens, about the size of a 400k-line repository), 5 % of each file copied from another
// file so that clones are found and extended, not only looked up. Reports tokens per second.
//
//   ./build/bench/clones_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "metrics/clones.h"

namespace {

struct Corpus {
  std::vector<std::string> paths;
  std::vector<rh::TokenSequence> sequences;
  int64_t tokens = 0;
};

Corpus make_corpus(size_t files, size_t tokens_per_file) {
  Corpus corpus;
  std::mt19937_64 random(42);
  // A small vocabulary, as real code has: keywords, operators and normalised identifiers repeat.
  std::uniform_int_distribution<uint64_t> token(1, 400);
  std::uniform_int_distribution<size_t> tokens_per_line(3, 12);
  corpus.sequences.resize(files);
  for (size_t f = 0; f < files; ++f) {
    corpus.paths.push_back("src/module" + std::to_string(f % 50) + "/file" + std::to_string(f) + ".py");
    rh::TokenSequence& seq = corpus.sequences[f];
    uint32_t line = 1;
    size_t on_line = 0, line_length = tokens_per_line(random);
    for (size_t t = 0; t < tokens_per_file; ++t) {
      // Every 20th block of 150 tokens is a copy of the same block of an earlier file.
      const bool copy = f > 0 && (t / 150) % 20 == 7;
      seq.add(token(random) * 0x9E3779B97F4A7C15ull, line, line);
      if (copy) seq.hashes.back() = corpus.sequences[f - 1].hashes[t];  // the same folded hash
      if (++on_line == line_length) {
        ++line;
        on_line = 0;
        line_length = tokens_per_line(random);
      }
    }
    corpus.tokens += static_cast<int64_t>(seq.size());
  }
  return corpus;
}

void BM_DetectClones(benchmark::State& state) {
  static const Corpus corpus = make_corpus(2000, 3000);
  std::vector<rh::CloneInput> inputs;
  for (size_t i = 0; i < corpus.sequences.size(); ++i)
    inputs.push_back({corpus.paths[i], &corpus.sequences[i], static_cast<int64_t>(corpus.sequences[i].first_lines.back())});
  int64_t duplicated = 0;
  for (auto _ : state) {
    rh::CloneResult result = rh::detect_clones(inputs, rh::CloneOptions{});
    duplicated = result.duplication.duplicated_lines;
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * corpus.tokens);
  state.counters["tokens"] = static_cast<double>(corpus.tokens);
  state.counters["duplicated_lines"] = static_cast<double>(duplicated);
}
BENCHMARK(BM_DetectClones)->Unit(benchmark::kMillisecond);

}  // namespace
