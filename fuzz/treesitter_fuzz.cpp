// The tree-sitter frontend, every grammar built in: the first byte picks the language (modulo
// the list below), the rest is the file. fuzz/seeds.sh prefixes each fixture in
// tests/lang/fixtures/<language>/ with that language's index in this list: keep the two in step.
#include <array>
#include <string_view>

#include "fuzz/frontend_support.h"
#include "fuzz/fuzz_support.h"

namespace {
// Sorted as the fixture folders are (fuzz/seeds.sh).
constexpr std::array<std::string_view, 11> kLanguages = {
    "bash", "csharp", "go", "java", "javascript", "php", "python", "ruby", "rust", "tsx", "typescript"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view id = kLanguages[data[0] % kLanguages.size()];
  const rh::LanguageInfo* language = rh::find_language(id);
  if (!language || !rh::frontend_for(*language)) return 0;  // grammar not built (REPOHEALTH_GRAMMAR_LIST)
  rh::fuzz::analyze_as(*language, std::string("fuzz.") + std::string(id),
                       rh::fuzz::as_view(data + 1, size - 1));
  return 0;
}
