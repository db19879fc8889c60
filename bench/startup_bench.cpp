// Start-up: what a scan prepares before its first file, with what the build prepared (the
// Vectorscan databases of the built-in rules, the SPDX licence index) and, for comparison, the
// same work done at run time as before. Lazy per-language work (a frontend's compiled syntax, a
// language's rule queries) is measured for one language and for all.
//
//   ./build/bench/startup_bench
//   start-up of the whole binary: bench/startup.sh (median of runs, beside cloc)
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include "cli/prebuilt.h"
#include "core/config.h"
#include "core/embedded.h"
#include "core/language.h"
#include "engine/hs_prebuilt.h"
#include "engine/rule_loader.h"
#include "engine/rule_set.h"
#include "health/licence_index.h"
#include "health/licence_match.h"
#include "lang/compiled_syntax.h"
#include "lang/grammars.h"
#include "lang/syntax_spec.h"

// The embedded licence index (cmake/EmbedSpdx.cmake).
extern "C" const char rh_spdx_index[];
extern "C" const char rh_spdx_index_end[];

namespace {

// RuleSet::load parses the rule YAML once per process (the catalog is cached), so the two rule
// benchmarks below measure what comes after: selecting and compiling.

/// Compiling the built-in rules as a scan does, databases from the build's blob.
void BM_BuildRulesPrebuilt(benchmark::State& state) {
  rh::use_embedded_hs_databases();
  for (auto _ : state) {
    auto rules = rh::RuleSet::load(rh::Config{}, {});
    if (!rules) state.SkipWithError(rules.error().message.c_str());
    benchmark::DoNotOptimize(rules);
  }
  rh::use_prebuilt_hs_databases({});
}
BENCHMARK(BM_BuildRulesPrebuilt)->Unit(benchmark::kMillisecond);

/// The same, every database compiled at run time (a user's own rules; every scan before).
void BM_BuildRulesCompiled(benchmark::State& state) {
  rh::use_prebuilt_hs_databases({});
  for (auto _ : state) {
    auto rules = rh::RuleSet::load(rh::Config{}, {});
    if (!rules) state.SkipWithError(rules.error().message.c_str());
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_BuildRulesCompiled)->Unit(benchmark::kMillisecond);

/// Reading the YAML of every built-in rule file, one after another (a scan spreads it over its
/// cores, once).
void BM_ParseRuleYaml(benchmark::State& state) {
  size_t files = 0;
  for (auto _ : state) {
    files = 0;
    for (const rh::EmbeddedFile& f : rh::embedded_files()) {
      if (!rh::is_rule_file(f.path)) continue;
      rh::Rule rule;
      std::vector<std::string> errors;
      benchmark::DoNotOptimize(rh::parse_rule(f.bytes, std::string(f.path), rule, errors));
      ++files;
    }
  }
  state.counters["files"] = static_cast<double>(files);
}
BENCHMARK(BM_ParseRuleYaml)->Unit(benchmark::kMillisecond);

/// Opening the embedded SPDX licence index (what a scan does now).
void BM_LicenceIndexOpen(benchmark::State& state) {
  const std::string_view bytes(rh_spdx_index, static_cast<size_t>(rh_spdx_index_end - rh_spdx_index));
  for (auto _ : state) {
    auto index = rh::LicenceIndex::open(bytes);
    if (!index) state.SkipWithError("the embedded index does not open");
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_LicenceIndexOpen)->Unit(benchmark::kMicrosecond);

/// Building the index from spdx-full.json (what every scan did before; now the build does it).
void BM_LicenceIndexBuild(benchmark::State& state) {
  std::ifstream in(std::string(RH_SOURCE_DIR) + "/node_modules/spdx-license-list/spdx-full.json", std::ios::binary);
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (auto _ : state) {
    auto index = rh::build_licence_index(json);
    if (!index) state.SkipWithError(index.error().message.c_str());
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_LicenceIndexBuild)->Unit(benchmark::kMillisecond);

/// Identifying one licence file with the index (the first call also opens it).
void BM_IdentifyLicence(benchmark::State& state) {
  const std::string mit(rh::spdx_licence_text("MIT"));
  for (auto _ : state) benchmark::DoNotOptimize(rh::identify_licence(mit));
}
BENCHMARK(BM_IdentifyLicence)->Unit(benchmark::kMicrosecond);

/// Compiling a language's syntax spec against its grammar: what the first file of a language
/// costs now (arg 0: Python), and what start-up cost before, when every language was compiled at
/// once (arg 1: all).
void BM_FrontendSyntax(benchmark::State& state) {
  std::vector<std::pair<const rh::SyntaxSpec*, const TSLanguage*>> todo;
  for (const rh::LanguageInfo& l : rh::languages()) {
    if (l.grammar.empty() || (state.range(0) == 0 && l.id != "python")) continue;
    const TSLanguage* grammar = rh::grammar_by_name(l.grammar);
    const rh::SyntaxSpec* spec = rh::syntax_spec_for(l.id);
    if (grammar && spec) todo.emplace_back(spec, grammar);
  }
  for (auto _ : state)
    for (const auto& [spec, grammar] : todo) benchmark::DoNotOptimize(rh::compile_syntax(*spec, grammar));
  state.counters["languages"] = static_cast<double>(todo.size());
}
BENCHMARK(BM_FrontendSyntax)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
