#pragma once
// Inside the health module: where a repository states its licence besides its licence files —
// package manifests and publiccode.yml (with the line), licence files in sub-folders, and the GNU
// notices that tell GPL-x.y-only from GPL-x.y-or-later (licence_notice.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "health/checks.h"

namespace rh::health {

/// The `license` of package.json, composer.json (a list is read as "A OR B"), Cargo.toml,
/// pyproject.toml (`license = "..."` or `{text = "..."}`), setup.cfg (`license = ...`), setup.py
/// (`license="..."`) at the top level, and publiccode.yml's legal.license; each with its line.
std::vector<LicenceDeclaration> manifest_declarations(const Repo& repo);

/// LICENSE, LICENCE, COPYING, UNLICENSE (with a suffix such as "-MIT" or ".LESSER" and a text
/// extension or none) below the top level, outside vendored folders and REUSE's LICENSES/.
bool is_subfolder_licence_file(std::string_view path);

/// Where the `-only` / `-or-later` choice of a GNU licence file was read.
struct VariantBasis {
  std::string spdx_id;  ///< the variant chosen, e.g. "GPL-2.0-or-later"
  std::string path;
  int64_t line = 0;
  std::string what;  ///< "notice", "declared GPL-2.0+", ...
};

/// The variant of `spdx_id` (a GNU id whose -only and -or-later texts tie) that the repository
/// states, in this order: a notice in the licence file above the licence text
/// (`licence_path`), a declaration naming a variant explicitly (-only, -or-later, "+"; the bare
/// legacy "GPL-2.0" decides nothing), a notice in COPYRIGHT/NOTICE files (top level and one
/// folder down), the README's licence section, then notices in source file headers (the
/// majority of the first 200 analysed files that carry one). None when nothing says.
std::optional<VariantBasis> gnu_variant_basis(const Repo& repo, const std::string& spdx_id,
                                              const std::string& licence_path,
                                              const std::vector<LicenceDeclaration>& declared);

}  // namespace rh::health
