#pragma once
#include <string_view>

namespace rh {

/// Matches a '/'-separated path against a glob: `*` and `?` stay within one path segment,
/// `**` spans segments (`docs/**`, `**/test_*.py`, `a/**/b`), `[abc]`/`[!a-z]` classes, `\x`
/// escapes. A pattern without '/' matches the base name in any folder (`*.min.js`).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace rh
