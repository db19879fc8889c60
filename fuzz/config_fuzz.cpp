// .repohealth.yml: the config reader (YAML, every section: rules, thresholds, ignore, gate,
// scoring, organisations) on any bytes. It must return a config or an error, never crash.
#include "core/config.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rh::fuzz::ScratchFile file(".repohealth.yml");
  const auto config = rh::load_config(file.write(rh::fuzz::as_view(data, size)));
  (void)config;
  return 0;
}
