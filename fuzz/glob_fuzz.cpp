// .gitignore and glob matching: the input is a .gitignore text, a NUL byte, then a path. The
// text is parsed and the path matched against each pattern with both matchers (wildmatch for
// .gitignore, glob_match for the config's globs), and through an IgnoreStack as a folder walk
// would. Both matchers must stay polynomial on any pattern (libFuzzer's -timeout catches a
// blow-up).
#include <string>

#include "core/gitignore.h"
#include "core/glob.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = rh::fuzz::as_view(data, size);
  const size_t nul = input.find('\0');
  const std::string_view text = input.substr(0, nul);
  const std::string_view path = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);

  const std::vector<rh::IgnorePattern> patterns = rh::parse_gitignore(text);
  for (const rh::IgnorePattern& p : patterns) {
    (void)rh::wildmatch(p.glob, path);
    (void)rh::glob_match(p.glob, path);
  }
  (void)rh::match_ignore(patterns, path, false);
  rh::IgnoreStack stack;
  stack.push("", patterns);
  stack.push("sub", patterns);
  (void)stack.is_ignored(path, true);
  (void)stack.is_ignored(std::string("sub/") + std::string(path), false);
  stack.pop();
  stack.pop();
  return 0;
}
