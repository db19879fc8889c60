#include "core/repo_paths.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace rh {

std::string lower_path(std::string_view path) { return ascii_lower(path); }

bool in_vendored_folder(std::string_view path) {
  const std::string p = lower_path(path);
  for (std::string_view vendored : {"node_modules/", "vendor/", "third_party/", "bower_components/"})
    if (p.rfind(vendored, 0) == 0 || p.find(std::string("/") + std::string(vendored)) != std::string::npos)
      return true;
  return false;
}

bool in_changelog_folder(std::string_view path) {
  const std::string p = lower_path(path);
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return false;
  std::string dir = p.substr(0, slash);
  std::string last_dir = dir.substr(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
  for (std::string_view d : {"changelog.d", "changelog", "changes", ".changeset", "newsfragments",
                             "changelogs", "release-notes", "releasenotes"})
    if (last_dir == d) return true;
  return false;
}

bool is_changelog_path(std::string_view path) {
  if (in_vendored_folder(path)) return false;
  if (in_changelog_folder(path)) return true;
  const std::string p = lower_path(path);
  size_t slash = p.rfind('/');
  std::string base = slash == std::string::npos ? p : p.substr(slash + 1);
  size_t dot = base.find('.');
  std::string stem = base.substr(0, dot);
  std::string ext = dot == std::string::npos ? "" : base.substr(dot + 1);
  static constexpr std::array<std::string_view, 9> kStems = {
      "changelog", "changes", "history", "news", "release-notes", "release_notes",
      "releasenotes", "releases", "whatsnew"};
  static constexpr std::array<std::string_view, 7> kExts = {"", "md", "rst", "txt",
                                                            "adoc", "markdown", "org"};
  return std::find(kStems.begin(), kStems.end(), stem) != kStems.end() &&
         std::find(kExts.begin(), kExts.end(), ext) != kExts.end();
}

}  // namespace rh
