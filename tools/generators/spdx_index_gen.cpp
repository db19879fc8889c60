// Build-time generator of the SPDX licence index (analyzer/health/licence_index.h): reads
// spdx-full.json of the npm package spdx-license-list, normalises every licence text with the
// scan's own code, and writes the index bytes plus an assembler file that embeds them
// (cmake/EmbedSpdx.cmake runs it). Usage: spdx_index_gen SPDX_JSON OUT_BIN OUT_ASM
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <xxhash.h>

#include "embed_blob.h"
#include "health/licence_index.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: spdx_index_gen SPDX_JSON OUT_BIN OUT_ASM\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "spdx_index_gen: cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto index = rh::build_licence_index(json);
  if (!index) {
    std::fprintf(stderr, "spdx_index_gen: %s: %s\n", argv[1], index.error().message.c_str());
    return 1;
  }
  auto check = rh::LicenceIndex::open(*index);
  if (!check || check->size() == 0) {
    std::fprintf(stderr, "spdx_index_gen: the index written from %s does not read back\n", argv[1]);
    return 1;
  }
  const std::string what = std::string("tools/generators/spdx_index_gen from ") + argv[1] + ": " +
                           std::to_string(check->size()) + " licences, " + std::to_string(check->word_count()) + " words";
  if (!rh::generators::write_embedded_blob(*index, argv[2], argv[3], "rh_spdx_index", what)) {
    std::fprintf(stderr, "spdx_index_gen: cannot write %s or %s\n", argv[2], argv[3]);
    return 1;
  }
  return 0;
}
