#pragma once
// Files of rules/ compiled into the binary (cmake/EmbedRun.cmake generates the table).
#include <span>
#include <string_view>

namespace rh {

struct EmbeddedFile {
  std::string_view path;  ///< relative to rules/, e.g. "languages/python.yml"
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_files();

/// The bytes of one embedded file ("health/requirements.yml"), empty when there is none.
inline std::string_view embedded_text(std::string_view path) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.path == path) return f.bytes;
  return {};
}

}  // namespace rh
