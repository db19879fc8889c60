#include <git2.h>
#include <tree_sitter/api.h>

#include <cstdio>

#include "cli/commands.h"
#include "core/language.h"

namespace rh {

CommandRun attach_version(CLI::App&) {
  return [] {
    int major = 0, minor = 0, rev = 0;
    git_libgit2_version(&major, &minor, &rev);
    std::printf("repohealth %s\n", REPOHEALTH_VERSION);
    std::printf("  libgit2 %d.%d.%d, tree-sitter ABI %d, libclang 14\n", major, minor, rev,
                TREE_SITTER_LANGUAGE_VERSION);
    std::printf("  languages:");
    for (const auto& l : languages()) std::printf(" %s", l.id.c_str());
    std::printf("\n");
    return kExitOk;
  };
}

}  // namespace rh
