#include "cli/prebuilt.h"

#include "engine/hs_prebuilt.h"

// The blob written by tools/generators/hs_databases_gen, embedded by cmake/EmbedHsDatabases.cmake.
extern "C" const char rh_hs_databases[];
extern "C" const char rh_hs_databases_end[];

namespace rh {

std::string_view embedded_hs_databases() {
  return {rh_hs_databases, static_cast<size_t>(rh_hs_databases_end - rh_hs_databases)};
}

void use_embedded_hs_databases() { use_prebuilt_hs_databases(embedded_hs_databases()); }

}  // namespace rh
