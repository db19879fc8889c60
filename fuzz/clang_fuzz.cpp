// The libclang frontend (single-file parses, as without a compile_commands.json): the first
// byte picks C (even) or C++ (odd), the rest is the file. fuzz/seeds.sh prefixes the fixtures
// of tests/lang/fixtures/{c,cpp}/ accordingly.
#include "fuzz/frontend_support.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool cpp = data[0] % 2 == 1;
  const rh::LanguageInfo* language = rh::find_language(cpp ? "cpp" : "c");
  if (!language) __builtin_trap();
  rh::fuzz::analyze_as(*language, cpp ? "fuzz.cpp" : "fuzz.c", rh::fuzz::as_view(data + 1, size - 1));
  return 0;
}
