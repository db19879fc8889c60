#pragma once
// Health part of the model (filled by analyzer/health): repository checks with their evidence,
// the licence found, the community's product requirements and the Standard for Public Code
// mapped to those checks, and the scores per dimension. Every check, mapping and number is
// explained in docs/health.md and docs/scoring.md; facts.json uses the same names
// (health_json.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/message.h"

namespace rh {

/// A file (and line) a check looked at, and what it saw there. Path may be empty for evidence
/// about the repository as a whole (e.g. "no commit in the last 90 days").
struct CheckEvidence {
  std::string path;
  int64_t line = 0;  ///< 1-based, 0 = the file as a whole
  std::string text;  ///< what was found, one line (English)
  Message message;   ///< `text` as a catalogue message; empty when `text` is repository content
  bool operator==(const CheckEvidence&) const = default;
};

/// One repository check. Status words: pass | fail | warn | not_applicable | inconclusive.
/// "inconclusive" means the evidence needed was absent (no history, an empty repository), never
/// a silent fail.
struct HealthCheck {
  std::string id;         ///< e.g. "licence.present"; its rule is "repo." + id
  std::string dimension;  ///< maintainability | security | knowledge | process | documentation
  std::string title;
  std::string status;
  std::string summary;    ///< one line: what was found
  std::string remedy;     ///< one line: what to do; empty when the check passes
  std::vector<CheckEvidence> evidence;
  Message summary_message;  ///< `summary` and `remedy` as catalogue messages (core/message.h)
  Message remedy_message;
  bool operator==(const HealthCheck&) const = default;
};

/// A licence file identified by text similarity against the SPDX licence texts.
struct LicenceFile {
  std::string path;
  std::string spdx_id;     ///< best match; empty when nothing matched well enough
  std::string name;        ///< the licence's full name
  double confidence = 0;   ///< 0-1: Sørensen-Dice similarity of the normalised word sets
  bool osi_approved = false;
  std::vector<std::string> alternatives;  ///< other ids whose text matches as well (GPL -only / -or-later)
  /// For a GNU licence whose -only and -or-later texts tie: the notice or declaration that chose
  /// `spdx_id` (path, line, what it says); empty path when nothing in the repository says.
  CheckEvidence variant_basis;
  bool operator==(const LicenceFile&) const = default;
};

/// A licence stated somewhere other than a licence file: an SPDX header, a package manifest,
/// publiccode.yml's legal.license.
struct LicenceDeclaration {
  std::string path;
  int64_t line = 0;
  std::string expression;  ///< as written, e.g. "MPL-2.0" or "MIT OR Apache-2.0"
  std::string source;      ///< spdx_header | manifest | publiccode
  bool operator==(const LicenceDeclaration&) const = default;
};

struct LicenceFacts {
  std::vector<LicenceFile> files;
  std::vector<LicenceDeclaration> declarations;  ///< manifests and publiccode.yml (headers are counted)
  int64_t files_with_spdx_header = 0;
  std::vector<LicenceDeclaration> header_conflicts;  ///< SPDX headers that contradict the licence
  /// Manifests and publiccode.yml declaring a licence the licence files contradict ("proprietary",
  /// "UNLICENSED", another id); `expression` is the declared value.
  std::vector<LicenceDeclaration> declaration_conflicts;
  /// LICENSE/COPYING files in sub-folders (bundled modules, copied code), identified like the
  /// top-level ones; vendored folders are left out.
  std::vector<LicenceFile> subfolder_files;
  std::string licence;        ///< the repository's licence (SPDX id or expression), empty = unknown
  bool osi_approved = false;  ///< every licence of `licence` is OSI approved
  bool community_default = false;  ///< `licence` is (or includes) MPL-2.0
  bool operator==(const LicenceFacts&) const = default;
};

/// Test code against product code (build and delivery).
struct TestFacts {
  int64_t test_files = 0;
  int64_t test_code_lines = 0;
  int64_t product_files = 0;
  int64_t product_code_lines = 0;
  double ratio = 0;  ///< test_code_lines / product_code_lines, 4 decimals; 0 without product code
  bool operator==(const TestFacts&) const = default;
};

/// One requirement a product is assessed against, with the checks that give evidence for it.
/// Status: met | not_met | partly | inconclusive | needs_person.
struct Requirement {
  std::string id;         ///< "F2" (community), "SPC-13" (Standard for Public Code criterion 13)
  std::string framework;  ///< community | standard_for_public_code
  std::string title;
  std::string status;
  std::vector<std::string> checks;  ///< check ids that are its evidence
  std::string person;     ///< what a person must judge ("" when the checks settle it)
  bool operator==(const Requirement&) const = default;
};

/// One input of a score and how much it moved the score (points are 0 or negative).
struct ScoreInput {
  std::string name;   ///< e.g. "duplication", or a check id
  std::string value;  ///< the measured value as shown, e.g. "4.2 %" or "fail"
  double points = 0;  ///< effect on the score, rounded to 0.1
  std::string rule;   ///< the documented formula applied (docs/scoring.md), one line
  Message value_message;  ///< `value` and `rule` as catalogue messages (core/message.h)
  Message rule_message;
  bool operator==(const ScoreInput&) const = default;
};

struct DimensionScore {
  std::string id;        ///< maintainability | security | knowledge | process | documentation
  std::optional<double> score;  ///< 0-100 rounded to 0.1; absent when it could not be rated
  std::string grade;     ///< A-E; empty when not rated
  double weight = 1;     ///< in the overall score
  std::string reason;    ///< why it is not rated
  std::vector<ScoreInput> inputs;
  Message reason_message;  ///< `reason` as a catalogue message
  bool operator==(const DimensionScore&) const = default;
};

struct Scores {
  std::vector<DimensionScore> dimensions;  ///< in the order above
  std::optional<double> overall;           ///< weighted mean of the rated dimensions
  std::string overall_grade;
  std::vector<double> boundaries;          ///< lowest score of A, B, C, D (E below the last)
  bool operator==(const Scores&) const = default;
};

struct HealthFacts {
  std::vector<HealthCheck> checks;  ///< in the order of docs/health.md
  LicenceFacts licence;
  TestFacts tests;
  std::vector<Requirement> requirements;
  Scores scores;
  bool operator==(const HealthFacts&) const = default;
};

}  // namespace rh
