// Licence identification against the embedded SPDX texts. The inputs are built at test time from
// those texts (spdx_licence_text), so no third-party licence text is committed.
#include "health/licence_match.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

namespace rh {
namespace {

/// Re-wraps every paragraph to `width` columns with `indent` in front of each line.
std::string reflow(std::string_view text, size_t width, const std::string& indent) {
  std::istringstream in{std::string(text)};
  std::string line, out, paragraph;
  auto flush = [&] {
    std::istringstream words(paragraph);
    std::string word, current = indent;
    while (words >> word) {
      if (current.size() + word.size() + 1 > width && current.size() > indent.size()) {
        out += current + "\n";
        current = indent;
      }
      if (current.size() > indent.size()) current += ' ';
      current += word;
    }
    if (current.size() > indent.size()) out += current + "\n";
    out += "\n";
    paragraph.clear();
  };
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      if (!paragraph.empty()) flush();
    } else {
      paragraph += line + " ";
    }
  }
  if (!paragraph.empty()) flush();
  return out;
}

std::string text_of(std::string_view id) {
  std::string text(spdx_licence_text(id));
  EXPECT_FALSE(text.empty()) << id;
  return text;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST(LicenceMatch, SpdxList) {
  auto start = std::chrono::steady_clock::now();
  const SpdxLicence* mpl = find_spdx_licence("mpl-2.0");
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ info     ] SPDX texts parsed and prepared in %.0f ms (if this test ran first)\n", ms);
  ASSERT_NE(mpl, nullptr);
  EXPECT_EQ(mpl->id, "MPL-2.0");
  EXPECT_EQ(mpl->name, "Mozilla Public License 2.0");
  EXPECT_TRUE(mpl->osi_approved);
  ASSERT_NE(find_spdx_licence("GPL-2.0+"), nullptr);  // deprecated ids are still found
  EXPECT_FALSE(find_spdx_licence("Beerware")->osi_approved);
  EXPECT_EQ(find_spdx_licence("Not-A-Licence"), nullptr);
  EXPECT_TRUE(spdx_licence_text("nope").empty());
  EXPECT_NE(spdx_licence_text("mit").find("Permission is hereby granted"), std::string_view::npos);
}

TEST(LicenceMatch, MplReflowedWithCopyright) {
  std::string text = "Copyright (c) 2025 Aarhus Kommune\n\n" + reflow(text_of("MPL-2.0"), 60, "    ");
  LicenceMatch m = identify_licence(text);
  EXPECT_EQ(m.spdx_id, "MPL-2.0");
  EXPECT_EQ(m.name, "Mozilla Public License 2.0");
  EXPECT_GE(m.confidence, 0.9);
  EXPECT_TRUE(m.osi_approved);
  EXPECT_EQ(m.closest, "MPL-2.0");
  // The same text under another id (the list carries it twice).
  EXPECT_EQ(m.alternatives, std::vector<std::string>{"MPL-2.0-no-copyleft-exception"});
}

TEST(LicenceMatch, GplOnlyAndOrLaterTie) {
  LicenceMatch m = identify_licence(text_of("GPL-3.0-or-later"));
  EXPECT_EQ(m.spdx_id, "GPL-3.0-only");  // alphabetical first; deprecated "GPL-3.0" is left out
  EXPECT_EQ(m.alternatives, std::vector<std::string>{"GPL-3.0-or-later"});
  EXPECT_GE(m.confidence, 0.9);

  LicenceMatch preferred = identify_licence(text_of("GPL-3.0-only"), {"GPL-3.0-or-later"});
  EXPECT_EQ(preferred.spdx_id, "GPL-3.0-or-later");
  EXPECT_EQ(preferred.alternatives, std::vector<std::string>{"GPL-3.0-only"});
  // Deprecated spellings in `preferred` mean the current ids.
  EXPECT_EQ(identify_licence(text_of("GPL-3.0-only"), {"GPL-3.0+"}).spdx_id, "GPL-3.0-or-later");
  // A header in the file itself counts as preferred.
  std::string with_header = "SPDX-License-Identifier: GPL-3.0-or-later\n\n" + text_of("GPL-3.0-only");
  EXPECT_EQ(identify_licence(with_header).spdx_id, "GPL-3.0-or-later");
}

TEST(LicenceMatch, MitWithRealCopyright) {
  std::string text = text_of("MIT");
  size_t at = text.find("<year> <copyright holders>");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 26, "2024-2025 Aarhus Kommune and contributors");
  LicenceMatch m = identify_licence(text);
  EXPECT_EQ(m.spdx_id, "MIT");
  EXPECT_GE(m.confidence, 0.9);
  EXPECT_TRUE(m.alternatives.empty());

  // Another title, in markdown.
  std::string titled = "# The MIT License (MIT)\n\n" + text.substr(text.find("Copyright"));
  EXPECT_EQ(identify_licence(titled).spdx_id, "MIT");
}

TEST(LicenceMatch, Apache) {
  std::string full = text_of("Apache-2.0");
  LicenceMatch m = identify_licence(full);
  EXPECT_EQ(m.spdx_id, "Apache-2.0");
  EXPECT_GE(m.confidence, 0.9);

  size_t appendix = full.find("APPENDIX: How to apply");
  ASSERT_NE(appendix, std::string::npos);
  LicenceMatch without = identify_licence(full.substr(0, appendix));
  EXPECT_EQ(without.spdx_id, "Apache-2.0");  // not Pixar, Apache's text without the appendix
  EXPECT_GE(without.confidence, 0.9);

  EXPECT_EQ(identify_licence(reflow(full, 72, "")).spdx_id, "Apache-2.0");
}

TEST(LicenceMatch, OtherCommonLicences) {
  for (const char* id : {"BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD", "EUPL-1.2", "Unlicense", "AGPL-3.0-only"}) {
    LicenceMatch m = identify_licence(text_of(id));
    EXPECT_EQ(m.spdx_id, id);
    EXPECT_EQ(m.confidence, 1.0) << id;
  }
}

TEST(LicenceMatch, NotALicence) {
  std::string readme =
      "# Parking\n\nBooking of parking spaces in Aarhus, built with Django and React.\n\n"
      "## Install\n\n    pip install -r requirements.txt\n\n## Licence\n\n"
      "This project is licensed under the MIT License - see the LICENSE file for details.\n";
  LicenceMatch m = identify_licence(readme);
  EXPECT_EQ(m.spdx_id, "");
  EXPECT_LT(m.confidence, 0.5);

  // A README quoting the whole MIT text is not a licence file: the length difference counts.
  std::string quoting = readme;
  for (int i = 0; i < 3; ++i)
    quoting += "\n## Part " + std::to_string(i) +
               "\n\nThe service keeps reservations for the municipality's car parks, sends reminders by "
               "e-mail and exports statistics every night to the data warehouse of the planning department.\n";
  quoting += "\n" + text_of("MIT");
  LicenceMatch q = identify_licence(quoting);
  EXPECT_EQ(q.spdx_id, "");
  EXPECT_EQ(q.closest, "MIT");
  EXPECT_LT(q.confidence, 0.9);

  LicenceMatch empty = identify_licence("");
  EXPECT_EQ(empty.spdx_id, "");
  EXPECT_EQ(empty.confidence, 0);
  EXPECT_EQ(empty.closest, "");
}

TEST(LicenceMatch, OnlyAnSpdxHeader) {
  LicenceMatch m = identify_licence("SPDX-License-Identifier: MIT\n");
  EXPECT_EQ(m.spdx_id, "MIT");
  EXPECT_EQ(m.name, "MIT License");
  EXPECT_EQ(m.confidence, 1.0);
  EXPECT_TRUE(m.osi_approved);

  LicenceMatch two = identify_licence("# SPDX-License-Identifier: MIT OR Apache-2.0\n");
  EXPECT_EQ(two.spdx_id, "MIT");
  EXPECT_EQ(two.alternatives, std::vector<std::string>{"Apache-2.0"});
}

TEST(LicenceMatch, Normalisation) {
  EXPECT_EQ(normalised_licence_words("Licence, LICENCES and licenced; organisation"),
            (std::vector<std::string>{"license", "licenses", "and", "licensed", "organization"}));
  EXPECT_EQ(joined(normalised_licence_words("\xe2\x80\x9cSoftware\xe2\x80\x9d means \"the Work\" \xe2\x80\x94 as-is")),
            "software means the work asis");
  EXPECT_EQ(joined(normalised_licence_words("Copyright (c) 2025 Aarhus Kommune\n(c) 2024 Someone\n"
                                            "\xc2\xa9 Someone Else\nCopyright <year> <owner>\nAll rights reserved.\n"
                                            "Permission is granted.")),
            "permission is granted");
  // Prose that a re-wrap happens to start with "copyright" stays.
  EXPECT_EQ(joined(normalised_licence_words("The above\ncopyright notice shall be included.")),
            "the above copyright notice shall be included");
  EXPECT_EQ(joined(normalised_licence_words("1. Definitions\n1.1. \"Contributor\" means\n  (a) you;\n  ii) them\n"
                                            "* bullet\n\xe2\x80\xa2 dot\n=====\n---\n## Heading")),
            "definitions contributor means you them bullet dot heading");
  // Placeholders and a leading title line.
  EXPECT_EQ(joined(normalised_licence_words("MIT License\n\nCopyright (c) <year> <copyright holders>\n\nGranted to <name>.")),
            "granted to");
  EXPECT_EQ(joined(normalised_licence_words("Version 2.0, see www.apache.org/licenses and non-infringement.")),
            "version 2.0 see www.apache.org licenses and noninfringement");
  // What follows END OF TERMS AND CONDITIONS (how to apply the licence) is not compared.
  EXPECT_EQ(joined(normalised_licence_words("Terms.\n\nEND OF TERMS AND CONDITIONS\n\nAPPENDIX")), "terms");
  EXPECT_TRUE(normalised_licence_words("SPDX-License-Identifier: MIT").empty());
}

TEST(LicenceMatch, SpdxHeaderExpression) {
  EXPECT_EQ(spdx_header_expression("// SPDX-License-Identifier: MPL-2.0\nint x;\n"), "MPL-2.0");
  EXPECT_EQ(spdx_header_expression("#!/bin/sh\n# SPDX-License-Identifier: MIT OR Apache-2.0\n"), "MIT OR Apache-2.0");
  EXPECT_EQ(spdx_header_expression("/* SPDX-License-Identifier: GPL-2.0-only */\n"), "GPL-2.0-only");
  EXPECT_EQ(spdx_header_expression("<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n"), "CC-BY-4.0");
  EXPECT_EQ(spdx_header_expression("-- SPDX-License-Identifier: MIT\r\n"), "MIT");
  EXPECT_EQ(spdx_header_expression("; SPDX-License-Identifier: 0BSD"), "0BSD");
  EXPECT_EQ(spdx_header_expression("int main() {}\n"), "");
  EXPECT_EQ(spdx_header_expression("x = \"SPDX-License-Identifier: MIT\"\n"), "");  // code, not a comment

  std::string late;
  for (int i = 0; i < 39; ++i) late += "// line\n";
  EXPECT_EQ(spdx_header_expression(late + "// SPDX-License-Identifier: MIT\n"), "MIT");  // line 40
  EXPECT_EQ(spdx_header_expression(late + "//\n// SPDX-License-Identifier: MIT\n"), "");  // line 41
}

TEST(LicenceMatch, SpdxExpressionIds) {
  EXPECT_EQ(spdx_expression_ids("(MIT OR Apache-2.0) AND BSD-3-Clause WITH LLVM-exception"),
            (std::vector<std::string>{"MIT", "Apache-2.0", "BSD-3-Clause"}));
  EXPECT_EQ(spdx_expression_ids("GPL-2.0+"), std::vector<std::string>{"GPL-2.0+"});
  EXPECT_EQ(spdx_expression_ids("GPL-2.0-or-later WITH Classpath-exception-2.0 or MIT and MIT"),
            (std::vector<std::string>{"GPL-2.0-or-later", "MIT"}));
  EXPECT_TRUE(spdx_expression_ids("").empty());
}

TEST(LicenceMatch, Timing) {  // logs, never asserts: the cost of one file
  std::string text = text_of("Apache-2.0");
  identify_licence(text);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) identify_licence(text);
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 20;
  std::printf("[ info     ] identify_licence(Apache-2.0 text): %.2f ms\n", ms);
}

}  // namespace
}  // namespace rh
