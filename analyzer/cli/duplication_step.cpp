#include "cli/duplication_step.h"

namespace rh {

void detect_duplication(std::vector<FileOutcome>& outcomes, const CloneOptions& options, Duplication& duplication) {
  std::vector<CloneInput> inputs;
  std::vector<size_t> owner;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const FileOutcome& o = outcomes[i];
    if (!o.facts || !o.facts->parsed || o.clone_tokens.size() == 0) continue;
    inputs.push_back({o.facts->path, &o.clone_tokens, o.facts->lines.code});
    owner.push_back(i);
  }
  CloneResult r = detect_clones(inputs, options);
  for (size_t k = 0; k < owner.size(); ++k) outcomes[owner[k]].facts->duplicated_lines = r.duplicated_lines[k];
  duplication = std::move(r.duplication);
  for (FileOutcome& o : outcomes) o.clone_tokens = TokenSequence();
}

}  // namespace rh
