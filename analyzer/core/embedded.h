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

}  // namespace rh
