#include "core/classify.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "core/embedded.h"
#include "core/glob.h"
#include "core/text.h"

namespace rh {
namespace {

struct SkipData {
  std::vector<std::string> vendored;
  std::vector<std::string> generated_markers;
  std::vector<std::string> generated_files;
  int marker_lines = 5;
};

const SkipData& skip_data() {
  static const SkipData data = [] {
    SkipData d;
    for (const auto& f : embedded_files()) {
      if (f.path != "workspace/skip.yml") continue;
      YAML::Node n = YAML::Load(std::string(f.bytes));
      for (const auto& v : n["vendored"]) d.vendored.push_back(v.as<std::string>());
      for (const auto& v : n["generated_markers"]) d.generated_markers.push_back(v.as<std::string>());
      for (const auto& v : n["generated_files"]) d.generated_files.push_back(v.as<std::string>());
      d.marker_lines = n["generated_marker_lines"].as<int>(5);
    }
    return d;
  }();
  return data;
}

const std::string* first_match(const std::vector<std::string>& globs, std::string_view path) {
  for (const auto& g : globs)
    if (glob_match(g, path)) return &g;
  return nullptr;
}

}  // namespace

std::optional<SkippedFile> skip_by_entry(const SourceEntry& entry, const Config& config) {
  if (entry.kind == SourceEntry::Kind::submodule)
    return SkippedFile{entry.path, "submodule", "gitlink to commit " + entry.blob_id + ", not opened"};
  if (entry.kind == SourceEntry::Kind::symlink) {
    std::string detail = "-> " + entry.link_target;
    detail += entry.link_inside ? " (inside the repository; the target is analysed at its own path)"
                                : " (points outside the repository or nowhere; not followed)";
    return SkippedFile{entry.path, "symlink", detail};
  }
  if (const std::string* g = first_match(config.exclude, entry.path))
    return SkippedFile{entry.path, "excluded", "config exclude '" + *g + "'"};
  if (const std::string* g = first_match(skip_data().vendored, entry.path))
    return SkippedFile{entry.path, "vendored", "matches '" + *g + "'"};
  if (const std::string* g = first_match(config.vendored, entry.path))
    return SkippedFile{entry.path, "vendored", "config vendored '" + *g + "'"};
  if (const std::string* g = first_match(skip_data().generated_files, entry.path))
    return SkippedFile{entry.path, "generated", "lock file '" + *g + "'"};
  if (entry.size > config.max_file_size)
    return SkippedFile{entry.path, "too_large",
                       std::to_string(entry.size) + " bytes > limit " +
                           std::to_string(config.max_file_size)};
  return std::nullopt;
}

bool looks_binary(std::string_view head) {
  return head.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<SkippedFile> skip_by_content(std::string_view path, std::string_view content) {
  if (looks_binary(content)) return SkippedFile{std::string(path), "binary", "NUL byte in the first 8 KiB"};
  // Generated markers: only in the first few lines, where generators put them.
  size_t end = 0;
  for (int line = 0; line < skip_data().marker_lines && end < content.size(); ++line) {
    size_t nl = content.find('\n', end);
    end = nl == std::string_view::npos ? content.size() : nl + 1;
  }
  std::string head = ascii_lower(content.substr(0, std::min(end, size_t{4096})));
  for (const auto& m : skip_data().generated_markers)
    if (head.find(m) != std::string::npos)
      return SkippedFile{std::string(path), "generated", "marker '" + m + "' in the first lines"};
  return std::nullopt;
}

}  // namespace rh
