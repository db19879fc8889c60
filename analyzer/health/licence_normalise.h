#pragma once
// The normalisation of licence texts that licence identification compares (licence_match.h).
// Shared by the scan and by the build-time generator of the SPDX licence index
// (tools/generators/spdx_index_gen.cpp), so both read texts the same way.
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// The normalised word sequence used for matching (exposed for tests): lower case; copyright
/// lines ("Copyright (c) ...", "(c) ...", "© ...", "All rights reserved") and SPDX-License-Identifier
/// lines removed; SPDX template placeholders (<year>, <copyright holders>, any short <...>) removed;
/// punctuation, quotes, dashes, bullets, list numbering ("1.", "1.1.", "(a)", "ii)") and markdown or
/// ASCII decoration dropped; hyphenated words joined ("non-infringement" = "noninfringement");
/// British spellings made American ("licence" -> "license"); a leading title line
/// ("The MIT License (MIT)", "GNU GENERAL PUBLIC LICENSE") left out.
std::vector<std::string> normalised_licence_words(std::string_view text);

}  // namespace rh
