#include "cli/duplication_step.h"

#include "core/classify.h"

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
  for (size_t k = 0; k < owner.size(); ++k) {
    FileFacts& facts = *outcomes[owner[k]].facts;
    facts.duplicated_lines = r.duplicated_lines[k];
    if (facts.role == kProductRole) {
      r.duplication.product_code_lines += facts.lines.code;
      r.duplication.product_duplicated_lines += facts.duplicated_lines;
    }
  }
  duplication = std::move(r.duplication);
  for (FileOutcome& o : outcomes) o.clone_tokens = TokenSequence();
}

}  // namespace rh
