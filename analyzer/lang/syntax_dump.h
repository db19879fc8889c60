#pragma once
// `repohealth debug ast`: the tree the walker sees, one node per line, with the roles the
// language's spec gives it.
#include <string>
#include <string_view>

#include <tree_sitter/api.h>

#include "lang/compiled_syntax.h"

namespace rh {

/// Role names of a symbol ("function branch"), "" when it has none.
std::string role_names(uint64_t roles);

/// Indented dump: `field: type [line:col-line:col] {roles} 'leaf text'`. Anonymous tokens are
/// quoted; `named_only` leaves them out. Iterative (any depth).
std::string dump_tree(TSNode root, std::string_view content, const CompiledSyntax& syntax, bool named_only);

}  // namespace rh
