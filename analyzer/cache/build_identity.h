#pragma once
// What identifies the running build, for cache keys: the version plus the executable's GNU
// build id (a hash the linker computes over the code), so a rebuilt binary of the same version
// (a developer's build, a patched package) never reuses another build's results.
#include <string>

namespace rh {

/// "0.1.0+<build-id hex>", or "0.1.0+<executable size and mtime>" when the build has no id.
std::string build_identity();

}  // namespace rh
