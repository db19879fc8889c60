// facts.json and baselines: the facts reader (`repohealth report` reads an earlier scan's
// facts.json) and the baseline reader (facts.json or SARIF) on any bytes. Each must return a
// result or an error, never crash. A facts file that reads back is written again and re-read,
// so what the writer makes of a hostile model is checked as well.
#include "core/model_json.h"
#include "engine/baseline.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rh::fuzz::ScratchFile file("facts.json");
  const std::string& path = file.write(rh::fuzz::as_view(data, size));
  const auto baseline = rh::read_baseline(path);
  (void)baseline;
  const auto facts = rh::read_facts_file(path);
  if (facts) {
    const auto again = rh::read_facts_file(file.write(rh::facts_json_text(*facts)));
    if (!again) __builtin_trap();  // what we wrote must read back
  }
  return 0;
}
