#pragma once
// Vectorscan databases compiled at build time. Compiling the built-in rules' regexes costs a
// large part of start-up, and does not depend on the scanned repository, so the build compiles
// them once (tools/generators/hs_databases_gen.cpp, for a generic x86-64 so the bytes run on any
// CPU), serializes them into one blob embedded in the binary (cmake/EmbedHsDatabases.cmake), and
// HsDatabase::compile looks each expression set up there before compiling. The key is the
// expressions, flags and ids, the mode and the Vectorscan version; a set that is not there (the
// user's own rules, another Vectorscan), or whose bytes are damaged or do not deserialize, is
// compiled as before.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/hs_regex.h"

namespace rh {

/// The lookup key of an expression set: every field that changes the compiled database.
std::string hs_database_key(const std::vector<HsDatabase::Expression>& expressions);

/// Compiles each set for a generic x86-64 (HS_TUNE_FAMILY_GENERIC, no optional CPU features),
/// serializes it and packs all into one blob (duplicate sets once). A set that does not compile
/// is left out (a scan meets the same error and copes with it), and named in `left_out`.
Result<std::string> build_hs_database_blob(const std::vector<std::vector<HsDatabase::Expression>>& sets,
                                           std::vector<std::string>* left_out = nullptr);

/// The database of `expressions` in `blob`, deserialized; nullptr when the blob holds no such set,
/// is not a blob of this format, or the entry's bytes are damaged (checksum) or do not deserialize.
std::unique_ptr<HsDatabase> find_prebuilt_hs_database(std::string_view blob,
                                                      const std::vector<HsDatabase::Expression>& expressions);

/// Makes HsDatabase::compile look sets up in `blob` (which must outlive every compile) first.
/// Call once at start, before any thread compiles; an empty view turns the lookup off.
void use_prebuilt_hs_databases(std::string_view blob);

/// Where compiled databases came from since start (for tests and benchmarks).
struct HsPrebuiltStats {
  uint64_t found = 0;     ///< deserialized from the prebuilt blob
  uint64_t compiled = 0;  ///< compiled at run time
};
HsPrebuiltStats hs_prebuilt_stats();

/// The build-time generator's hook: every expression set HsDatabase::compile is asked for is
/// appended to `sink` (nullptr stops). Not for scans.
void record_hs_compiles(std::vector<std::vector<HsDatabase::Expression>>* sink);

namespace detail {
/// HsDatabase::compile's side: records the set (generator), then looks it up in the blob of
/// use_prebuilt_hs_databases; nullptr when there is none or it is not there.
std::unique_ptr<HsDatabase> prebuilt_or_null(const std::vector<HsDatabase::Expression>& expressions);
void count_compiled();
}  // namespace detail

}  // namespace rh
