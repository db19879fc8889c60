// Source to metrics, per frontend: each language's fixture files (tests/lang/fixtures/<lang>/)
// analysed as a scan analyses them (functions, lines, tokens, Halstead, clone tokens, file
// metrics). Reported as bytes per second; compare languages and frontends by the ratios of one
// run, not by absolute numbers.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/language.h"
#include "lang/frontend.h"
#include "lang/line_counter.h"
#include "metrics/file_metrics.h"

namespace {

namespace fs = std::filesystem;

struct Source {
  std::string path;
  std::string content;
  const rh::LanguageInfo* language;
};

std::vector<Source> fixtures(const std::string& folder) {
  std::vector<Source> out;
  const fs::path dir = fs::path(RH_SOURCE_DIR) / "tests/lang/fixtures" / folder;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == "expected.yml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    Source s{name, text.str(), nullptr};
    s.language = rh::detect_language(name, std::string_view(s.content).substr(0, 1024));
    if (s.language && rh::frontend_for(*s.language)) out.push_back(std::move(s));
  }
  return out;
}

void BM_SourceToMetrics(benchmark::State& state, const std::string& folder) {
  const std::vector<Source> sources = fixtures(folder);
  if (sources.empty()) {
    state.SkipWithError(("no fixtures for " + folder).c_str());
    return;
  }
  int64_t bytes = 0;
  for (const Source& s : sources) bytes += static_cast<int64_t>(s.content.size());
  for (auto _ : state) {
    for (const Source& s : sources) {
      rh::FileFacts facts;
      facts.lines = rh::count_lines(s.content, s.language->comments);
      std::vector<rh::Notification> notes;
      rh::TokenSequence tokens;
      rh::frontend_for(*s.language)->analyze(rh::FrontendInput{s.path, s.content, s.language}, facts, notes,
                                             nullptr, &tokens);
      rh::finish_file_metrics(facts);
      benchmark::DoNotOptimize(facts);
      benchmark::DoNotOptimize(tokens);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["files"] = static_cast<double>(sources.size());
}

// tree-sitter (spec-driven walker), one per language.
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_python, std::string("python"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_javascript, std::string("javascript"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_typescript, std::string("typescript"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_tsx, std::string("tsx"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_php, std::string("php"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_bash, std::string("bash"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_java, std::string("java"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_go, std::string("go"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_ruby, std::string("ruby"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_rust, std::string("rust"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, treesitter_csharp, std::string("csharp"));
// libclang, single-file parses.
BENCHMARK_CAPTURE(BM_SourceToMetrics, libclang_c, std::string("c"));
BENCHMARK_CAPTURE(BM_SourceToMetrics, libclang_cpp, std::string("cpp"));

}  // namespace
