#pragma once
// GNU licence notices: the paragraph a project puts above its GPL text, in a README or COPYRIGHT
// file, or in a source file's header ("... under the terms of the GNU General Public License as
// published by the Free Software Foundation, either version 3 of the License, or (at your option)
// any later version."). The GPL, LGPL and AGPL texts are the same for `-only` and `-or-later`;
// the notice is what tells them apart.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// What one notice says.
struct GnuNotice {
  std::string family;     ///< "GPL", "LGPL" or "AGPL"
  std::string version;    ///< "2.0", "2.1", "3.0"; empty when the notice names no version
  bool or_later = false;  ///< "or (at your option) any later version", "or later", "GPLv2+", "-or-later"
  int64_t line = 0;       ///< 1-based line where the notice's paragraph starts
};

/// The notices in `text`, one per paragraph (blank or comment-only lines separate paragraphs;
/// comment markers are ignored) that names a GNU General Public License (GPL, LGPL, Library,
/// Lesser, Affero) by name or short form ("GPLv3", "GPL-2.0", "LGPL 2.1").
std::vector<GnuNotice> gnu_notices(std::string_view text);

/// The part of a licence file before the licence text itself: what precedes the GNU title line
/// ("GNU GENERAL PUBLIC LICENSE" followed by "Version N"), "" when the file starts with it. A
/// file with no such title is all licence text (its appendix "How to apply" quotes a notice).
std::string_view text_before_gnu_licence(std::string_view text);

/// The README lines about its licence: the section under a heading that names a licence
/// (Markdown `#`, underlined or RST headings; "License", "Licence", "Licens"), else the paragraphs
/// that say "licensed under", "released under", "distributed under" or "free software". Lines
/// outside are blanked, so line numbers stay those of the file.
std::string readme_licence_text(std::string_view text);

/// "GPL-2.0-only" -> {"GPL", "2.0"}; {"", ""} for an id that has no -only/-or-later variants.
std::pair<std::string, std::string> gnu_family(std::string_view spdx_id);

/// The id the notice selects for a licence file identified as `spdx_id` (either variant): the
/// `-or-later` or `-only` id of the same family and version; "" when the notice names another
/// family or version, or `spdx_id` is not a GNU id with variants.
std::string gnu_variant(std::string_view spdx_id, const GnuNotice& notice);

}  // namespace rh
