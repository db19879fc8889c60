// The pattern pass of the rule engine: every pattern rule of the shipped packs in one Vectorscan
// database, scanned once per file, over a generated 50 MB corpus of code and configuration
// (1 600 files of 32 KiB, a secret-like line in about one of 2 000). Reports MB/s. Also the
// one-time cost of compiling the rule set.
//
//   ./build/pattern_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/config.h"
#include "engine/rule_set.h"

namespace {

constexpr size_t kCorpusBytes = 50u * 1000 * 1000;
constexpr size_t kFileBytes = 32 * 1024;

const char* const kLines[] = {
    "    result = compute_total(order.lines, discount=0.15)\n",
    "def handle_request(request, *args, **kwargs):\n",
    "        if user.is_authenticated and not user.is_staff:\n",
    "const items = await fetch(`${baseUrl}/api/items?page=${page}`).then((r) => r.json());\n",
    "  return this.http.get<Order[]>(this.url, { params: { limit: String(limit) } });\n",
    "    $rows = $this->connection->fetchAllAssociative($sql, ['id' => $id]);\n",
    "for f in \"$@\"; do echo \"processing $f\"; done\n",
    "static int parse_header(const char *buf, size_t len, struct header *out) {\n",
    "database:\n  host: db.internal\n  port: 5432\n  pool_size: 20\n",
    "# A comment explaining why the retry loop backs off exponentially.\n",
    "    logger.info(\"imported %d rows from %s\", count, path)\n",
    "{\"name\": \"acme-web\", \"version\": \"2.4.1\", \"private\": true}\n",
    "        self.assertEqual(response.status_code, 200)\n",
    "    }\n",
    "\n",
};
const char* const kSecrets[] = {
    "AWS_ACCESS_KEY_ID = \"AKIA2E4RTY7UIOPLKJHG\"\n",
    "    \"password\": \"Tr0ub4dor&3x\",\n",
    "DATABASE_URL=postgres://app:Hx7kq2Lw9@db.internal:5432/app\n",
    "token = \"ghp_4fT9kLm2Qx7ZbW1nV8cR3yH6jD0sE5aP2uGi\"\n",
    "-----BEGIN RSA PRIVATE KEY-----\n",
    "    # TODO: handle the timeout case\n",
};

struct Corpus {
  std::vector<std::string> files;
  size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    std::mt19937 rng(20240115);
    std::uniform_int_distribution<size_t> line(0, std::size(kLines) - 1), secret(0, std::size(kSecrets) - 1);
    std::uniform_int_distribution<int> rare(0, 1999);
    while (out.bytes < kCorpusBytes) {
      std::string file;
      file.reserve(kFileBytes + 256);
      while (file.size() < kFileBytes) file += rare(rng) == 0 ? kSecrets[secret(rng)] : kLines[line(rng)];
      out.bytes += file.size();
      out.files.push_back(std::move(file));
    }
    return out;
  }();
  return c;
}

const rh::RuleSet& rule_set() {
  static const std::unique_ptr<rh::RuleSet> set = [] {
    auto r = rh::RuleSet::load(rh::Config{}, {});
    if (!r) {
      std::fprintf(stderr, "rules: %s\n", r.error().message.c_str());
      std::abort();
    }
    return std::move(*r);
  }();
  return *set;
}

void BM_PatternPass(benchmark::State& state) {
  const Corpus& c = corpus();
  const rh::RuleSet& rules = rule_set();
  size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (size_t i = 0; i < c.files.size(); ++i) matches += rules.scan_patterns("src/file.txt", c.files[i]);
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(c.bytes) / 1e6, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["files"] = static_cast<double>(c.files.size());
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_PatternPass)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

void BM_RuleSetBuild(benchmark::State& state) {
  const rh::RuleCatalog& catalog = rh::embedded_rules();
  for (auto _ : state) {
    auto r = rh::RuleSet::build(catalog, rh::Config{});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_RuleSetBuild)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
