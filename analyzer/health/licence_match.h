#pragma once
// Licence identification: a licence file's text compared with every SPDX licence text (the npm
// package spdx-license-list, normalised and indexed at build time: licence_index.h,
// cmake/EmbedSpdx.cmake), and the SPDX headers ("SPDX-License-Identifier: MIT") of source files.
#include <string>
#include <string_view>
#include <vector>

#include "health/licence_normalise.h"

namespace rh {

/// One entry of the SPDX licence list; the strings live as long as the program.
struct SpdxLicence {
  std::string_view id, name;
  bool osi_approved;
};

/// The SPDX list entry for an id (case-insensitive), or nullptr. Deprecated ids ("GPL-2.0+",
/// "GPL-3.0") are found too.
const SpdxLicence* find_spdx_licence(std::string_view id);

/// The licence text of the SPDX list for an id (case-insensitive), "" when unknown. For tests,
/// which build their inputs from it rather than committing third-party licence texts.
std::string_view spdx_licence_text(std::string_view id);

struct LicenceMatch {
  std::string spdx_id;  ///< best match; empty when confidence < kLicenceMatchThreshold
  std::string name;
  double confidence = 0;  ///< 0-1, rounded to 4 decimals (see identify_licence)
  bool osi_approved = false;
  /// Other ids whose score ties within 0.005 (GPL-3.0-only and GPL-3.0-or-later have the same
  /// text); for a file that is only an SPDX header, the expression's other ids.
  std::vector<std::string> alternatives;
  std::string closest;  ///< best id even when below the threshold ("looks like X, 62 %")
};

inline constexpr double kLicenceMatchThreshold = 0.90;

/// Identifies a licence file's text: Sørensen–Dice coefficient of the sets of normalised words
/// (licensee's method), lowered when the lengths differ much, against every current SPDX licence
/// (deprecated ids such as "GPL-3.0" and "GPL-2.0+" duplicate current texts and are left out).
/// Ties: ids in `preferred` first (ids declared elsewhere in the repository, e.g. SPDX headers;
/// deprecated spellings are understood), else alphabetical order. A file that is only an SPDX
/// header, or whose text matches nothing, is identified by its header with confidence 1.
/// Thread-safe; reads the index built at build time in place.
LicenceMatch identify_licence(std::string_view text, const std::vector<std::string>& preferred = {});

/// Opens the SPDX licence index now (well under a millisecond: it was normalised at build time);
/// a scan calls it beside file analysis.
void prepare_licence_texts();

/// The expression of an "SPDX-License-Identifier: <expr>" line within the first 40 lines of a
/// source file (any comment syntax: //, #, /*, <!--, --, ;), trimmed of comment closers; "" when
/// absent.
std::string spdx_header_expression(std::string_view text);

/// The licence ids of an SPDX expression, in order, each once: "(MIT OR Apache-2.0) AND
/// BSD-3-Clause WITH LLVM-exception" -> MIT, Apache-2.0, BSD-3-Clause. Exceptions after WITH are
/// left out; a "+" suffix stays part of the id ("GPL-2.0+").
std::vector<std::string> spdx_expression_ids(std::string_view expression);

}  // namespace rh
