// open_source_reader(): the files of an analysed repository, read again through core's file
// source (never a checkout, never analysis code), for what SARIF needs from the bytes.
#include <map>
#include <memory>

#include "core/file_source.h"
#include "reports/writers.h"

namespace rh {
namespace {

/// Findings sit in small files; a file larger than this is not hashed.
constexpr int64_t kMaxSourceBytes = 16 * 1024 * 1024;

struct OpenedSource {
  std::unique_ptr<FileSource> source;
  bool listed = false;
  std::map<std::string, SourceEntry, std::less<>> entries;
};

}  // namespace

SourceReader open_source_reader(const ScanInfo& scan) {
  if (scan.root.empty()) return {};
  SourceOptions options;
  options.root = scan.root;
  options.worktree = scan.source == "worktree";
  // The exact commit analysed, so a later `repohealth report` reads the same bytes.
  if (scan.source == "git-tree") options.rev = scan.revision;
  auto opened = open_source(options, nullptr);
  if (!opened) return {};
  if ((*opened)->kind() != (scan.source.empty() ? (*opened)->kind() : scan.source)) return {};
  auto state = std::make_shared<OpenedSource>();
  state->source = std::move(*opened);
  return [state](const std::string& path) -> std::optional<std::string> {
    if (!state->listed) {
      state->listed = true;
      auto listing = state->source->list();
      if (listing)
        for (auto& e : listing->entries) state->entries.emplace(e.path, std::move(e));
    }
    auto it = state->entries.find(path);
    if (it == state->entries.end()) return std::nullopt;
    const SourceEntry& e = it->second;
    if (e.kind == SourceEntry::Kind::submodule) return std::nullopt;
    if (e.kind == SourceEntry::Kind::symlink && !e.link_inside) return std::nullopt;
    auto bytes = state->source->read(e, kMaxSourceBytes);
    if (!bytes) return std::nullopt;
    return std::move(*bytes);
  };
}

}  // namespace rh
