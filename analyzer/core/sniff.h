#pragma once
// What a file's first bytes say about it, whatever its name: binary or text, a known media
// format by its signature, an editor mode line naming its language, a shell stub that hands the
// file to another interpreter. Used by classify (binary skips) and language detection.
#include <string>
#include <string_view>

#include "core/language.h"

namespace rh {

/// How many leading bytes the binary test reads.
inline constexpr size_t kBinarySniffBytes = 8192;

/// Why the first 8 KiB look binary ("NUL byte in the first 8 KiB", "11 % control characters in
/// the first 8 KiB"), or "" when they look like text: more than 5 % control characters (other
/// than tab, line breaks, form feed and escape) make a file binary. High bytes do not count:
/// Latin-1, EUC-JP and Shift-JIS text is text.
std::string binary_evidence(std::string_view head);
/// True when binary_evidence is not empty.
bool looks_binary(std::string_view head);

/// The kind of media a file's signature shows ("font", "image", "audio", "video", "document"),
/// or "" when none is recognised: fonts (WOFF, WOFF2, TrueType, OpenType), images (PNG, JPEG,
/// GIF, WebP, ICO, BMP, TIFF), PDF, Ogg, MP3 with an ID3 tag.
std::string media_kind(std::string_view head);

/// The mode an editor mode line in the head names, lower case: Emacs `-*- mode: tcl -*-` or
/// `-*- tcl -*-` (a `-*- coding: utf-8 -*-` line names none), Vim `vim: set ft=tcl :` or
/// `vi: filetype=sh`. Only the first 5 lines and the last 5 lines of the head are read.
std::string mode_line(std::string_view head);

/// The interpreter a shell script hands itself to: `exec wish "$0" -- "$@"` or `exec tclsh "$0"`
/// in the lines after a `#!/bin/sh` shebang (the Tcl idiom; Tcl reads the `exec` line as part of
/// a comment). "" when the head has no such line in its first 10 lines.
std::string reexec_interpreter(std::string_view head);

/// `text` with comments and string literals (as `syntax` defines them) replaced by spaces;
/// line breaks are kept, so offsets and line numbers stay.
std::string blank_comments_and_strings(std::string_view text, const CommentSyntax& syntax);

}  // namespace rh
