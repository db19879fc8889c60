#pragma once
// Decides which listed files are analysed and why the others are skipped. The lists of vendored
// paths and generated markers are data (rules/workspace/skip.yml) plus the user's config.
#include <optional>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/file_source.h"
#include "core/model.h"

namespace rh {

/// Skip decisions that need only the listing entry (kind, path, size).
std::optional<SkippedFile> skip_by_entry(const SourceEntry& entry, const Config& config);

/// Skip decisions that need the first bytes: binary content, generated markers.
std::optional<SkippedFile> skip_by_content(std::string_view path, std::string_view content);

/// True when the bytes look binary (a NUL byte in the first 8 KiB).
bool looks_binary(std::string_view head);

}  // namespace rh
