#pragma once
// .gitignore patterns as gitignore(5) defines them, for folder walks outside git: comments,
// blank lines, `!` negation, trailing `/` (folders only), leading or inner `/` (anchored to the
// folder of the .gitignore), `*`, `?`, `[...]`, `**/`, `/**`, `/**/`, `\` escapes, and nested
// .gitignore files that take precedence over the ones above them.
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// One pattern line of a .gitignore file.
struct IgnorePattern {
  std::string glob;        ///< the pattern without '!', a leading '/' and the trailing '/'
  bool negated = false;    ///< "!pattern": re-includes what an earlier pattern ignored
  bool dir_only = false;   ///< "pattern/": matches folders only
  bool anchored = false;   ///< held a '/' (other than a trailing one): matched against the path
                           ///< relative to the .gitignore's folder, else against the base name
};

/// Parses the text of one .gitignore file. Never fails: lines that mean nothing are dropped.
std::vector<IgnorePattern> parse_gitignore(std::string_view text);

/// git's wildmatch in path mode: `*`, `?` and `[...]` never match '/'; `**` between slashes (or
/// at either end) matches any number of folders; `\x` is a literal x. Runs in polynomial time
/// on any input (the repository under review is untrusted).
bool wildmatch(std::string_view pattern, std::string_view text);

enum class IgnoreVerdict { none, ignored, included };

/// What one file's patterns say about `rel` (relative to that file's folder): the last pattern
/// that matches decides; `none` when no pattern matches.
IgnoreVerdict match_ignore(const std::vector<IgnorePattern>& patterns, std::string_view rel,
                           bool is_dir);

/// The .gitignore files met along a folder walk, root first. Push when entering a folder that
/// holds one, pop when leaving it.
class IgnoreStack {
 public:
  /// `base` is the folder holding the file, relative to the walk root ("" for the root).
  void push(std::string base, std::vector<IgnorePattern> patterns);
  void pop();
  bool empty() const { return levels_.empty(); }

  /// Whether `path` (relative to the walk root) is ignored by the files pushed so far; deeper
  /// files take precedence. Parent folders are not checked: a walk never enters an ignored
  /// folder, and gitignore(5) does not re-include files below an ignored folder.
  bool is_ignored(std::string_view path, bool is_dir) const;

 private:
  struct Level {
    std::string base;
    std::vector<IgnorePattern> patterns;
  };
  std::vector<Level> levels_;
};

}  // namespace rh
