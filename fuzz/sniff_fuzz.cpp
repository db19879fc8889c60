// The language sniffer: the input is a file name, a NUL byte, then the file's first bytes. Runs
// what a scan runs on a file before any frontend: binary and media sniffing, editor mode lines,
// re-exec stubs, role classification, language detection (with the C++ claims on blanked
// comments and strings) and lexical line counting in the detected language.
#include <string>

#include "core/classify.h"
#include "core/language.h"
#include "core/sniff.h"
#include "fuzz/fuzz_support.h"
#include "lang/line_counter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = rh::fuzz::as_view(data, size);
  const size_t nul = input.find('\0');
  const std::string_view path = input.substr(0, nul == std::string_view::npos ? 0 : nul);
  const std::string_view content = nul == std::string_view::npos ? input : input.substr(nul + 1);
  const std::string_view head = content.substr(0, rh::kLanguageSniffBytes);

  (void)rh::binary_evidence(head);
  (void)rh::media_kind(head);
  (void)rh::mode_line(head);
  (void)rh::reexec_interpreter(head);
  (void)rh::skip_by_content(path, content);
  (void)rh::classify_role(path, head);
  if (const rh::LanguageInfo* language = rh::detect_language(path, head)) {
    (void)rh::blank_comments_and_strings(head, language->comments);
    (void)rh::count_lines(content, language->comments);
  }
  return 0;
}
