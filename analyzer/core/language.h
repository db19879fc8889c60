#pragma once
// Language registry: which languages exist, how to recognise them (extension, file name,
// shebang, content sniff) and their comment syntax. The knowledge is data: the `detect:` and
// `comments:` parts of rules/languages/<id>.yml, embedded in the binary.
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace rh {

struct CommentSyntax {
  std::vector<std::string> line;  ///< e.g. "#", "//"
  struct Block {
    std::string open, close;
  };
  std::vector<Block> block;  ///< e.g. {"/*","*/"}
  /// String literals, so that comment markers inside them ("http://x") start no comment.
  struct String {
    std::string open, close;  ///< close defaults to open in the YAML
    bool multiline = false;   ///< may span lines (Python triple quotes); others end at the line end
  };
  std::vector<String> strings;
};

struct LanguageInfo {
  std::string id;       ///< "python"
  std::string display;  ///< "Python"
  std::string grammar;  ///< tree-sitter grammar name, empty when none
  std::vector<std::string> extensions;  ///< with the dot, lower case: ".py"
  std::vector<std::string> filenames;   ///< exact base names: "Dockerfile"
  std::vector<std::string> shebangs;    ///< interpreter names: "python3"
  std::vector<std::string> sniff;       ///< substrings of the first 1 KiB that identify it
  /// Editor modes that name it, lower case: Emacs `-*- mode: tcl -*-`, Vim `ft=tcl`.
  std::vector<std::string> modes;
  /// Extensions another language owns that this one takes when the head, with its comments and
  /// string literals blanked out (this language's syntax), holds one of the substrings or
  /// matches one of the regular expressions: a `.h` file with `namespace x {` or `std::` in its
  /// code is C++, not C; the word "namespace" in a comment or as a parameter name is not.
  struct Claim {
    std::string extension;
    std::vector<std::string> contains;
    std::vector<std::string> matches;                   ///< ECMAScript regular expressions
    std::vector<std::shared_ptr<const std::regex>> compiled;  ///< `matches`, compiled once
  };
  std::vector<Claim> claims;
  CommentSyntax comments;
  bool data = false;  ///< data/config/markup: no functions, left out of duplication
};

/// All languages known (loaded once from the embedded specs; thread-safe after first call).
const std::vector<LanguageInfo>& languages();
const LanguageInfo* find_language(std::string_view id);
/// Problems found while loading the embedded language specs (empty in a correct build; a test
/// checks it). A spec with an error is left out of languages().
const std::vector<std::string>& language_spec_errors();

/// How much of a file's beginning detect_language reads (shebang, content sniff, C++ claims).
inline constexpr size_t kLanguageSniffBytes = 8192;

/// Detects the language of a file from its path, then the first bytes (up to 8 KiB): exact file
/// name, an editor mode line, extension (with claims), shebang (a `#!/bin/sh` stub that runs
/// `exec tclsh "$0"` is Tcl), content sniff. docs/languages.md describes the order.
/// Returns nullptr when the file is of no known language.
const LanguageInfo* detect_language(std::string_view path, std::string_view head);

}  // namespace rh
