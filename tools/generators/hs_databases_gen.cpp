// Build-time generator of the Vectorscan databases of the built-in rules (engine/hs_prebuilt.h):
// loads the embedded rules as a scan without a config does, records every expression set the
// engine compiles (the pattern rules' database, the start finders of each pattern rule, the
// regexes of call argument conditions and query predicates), compiles each for a generic x86-64
// and writes the blob plus an assembler file that embeds it (cmake/EmbedHsDatabases.cmake runs
// it). Usage: hs_databases_gen OUT_BIN OUT_ASM
#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/config.h"
#include "engine/hs_prebuilt.h"
#include "engine/pattern_matcher.h"
#include "engine/rule_set.h"
#include "embed_blob.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: hs_databases_gen OUT_BIN OUT_ASM\n");
    return 2;
  }
  std::vector<std::vector<rh::HsDatabase::Expression>> sets;
  rh::record_hs_compiles(&sets);
  {
    rh::SelectOptions options;
    options.compile_now = true;  // every language's queries, so their #match? regexes are recorded
    auto rules = rh::RuleSet::load(rh::Config{}, {}, options);
    // A broken rule file must not break the build: the scan reports it, as before, and compiles
    // what it can at run time; the blob holds what was recorded until then.
    if (!rules)
      std::fprintf(stderr, "hs_databases_gen: warning: the built-in rules do not load, few databases prebuilt:\n%s\n",
                   rules.error().message.c_str());
    const std::vector<rh::Rule> none;
    for (const rh::Rule& r : rules ? (*rules)->rules() : none) {
      if (r.descriptor.kind != "pattern") continue;
      rh::HsDatabase::CompileError ignored;
      (void)rh::HsDatabase::compile(rh::PatternMatcher::start_expressions(r.pattern.regex), &ignored);
    }
  }
  rh::record_hs_compiles(nullptr);
  std::vector<std::string> left_out;
  auto blob = rh::build_hs_database_blob(sets, &left_out);
  if (!blob) {
    std::fprintf(stderr, "hs_databases_gen: %s\n", blob.error().message.c_str());
    return 1;
  }
  // A start finder that Vectorscan cannot compile (an anchor inside the rule's regex) is left to
  // the scan, which falls back to the line start as it always did. Every other set must read back.
  size_t kept = 0, missing = 0;
  for (const auto& set : sets) {
    if (set.empty()) continue;
    if (rh::find_prebuilt_hs_database(*blob, set)) ++kept;
    else ++missing;
  }
  if ((kept == 0 && !sets.empty()) || missing > 2 * left_out.size()) {  // a start finder is two expressions
    std::fprintf(stderr, "hs_databases_gen: %zu databases do not read back\n", missing);
    return 1;
  }
  const std::string what = "tools/generators/hs_databases_gen: " + std::to_string(kept) + " expression sets (" +
                           std::to_string(left_out.size()) + " do not compile)";
  if (!rh::generators::write_embedded_blob(*blob, argv[1], argv[2], "rh_hs_databases", what)) {
    std::fprintf(stderr, "hs_databases_gen: cannot write %s or %s\n", argv[1], argv[2]);
    return 1;
  }
  return 0;
}
