#pragma once
// Lexical line counting from a language's comment syntax (data from rules/languages/*.yml).
// Used for every language without a syntax tree, and when a parse did not finish. Definitions
// (docs/metrics.md): blank = only white space; comment = comment text and no code; code = the
// rest. A last line without '\n' counts; "\r\n" is one line end; any bytes are accepted.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "core/model.h"

namespace rh {

LineCounts count_lines(std::string_view content, const CommentSyntax& syntax);

/// One flag per physical line: true when the line holds only white space (space, tab, CR, FF,
/// VT; a UTF-8 byte order mark at the start of the file counts as white space).
std::vector<uint8_t> whitespace_only_lines(std::string_view content);

}  // namespace rh
