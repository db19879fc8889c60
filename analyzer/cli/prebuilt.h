#pragma once
// What the build prepared for start-up and the CLI hands to the engine: the Vectorscan databases
// of the built-in rules (engine/hs_prebuilt.h, cmake/EmbedHsDatabases.cmake).
#include <string_view>

namespace rh {

/// The blob of prebuilt Vectorscan databases embedded in this binary.
std::string_view embedded_hs_databases();

/// Makes the engine use them (once, before rules are loaded; run_cli does it).
void use_embedded_hs_databases();

}  // namespace rh
