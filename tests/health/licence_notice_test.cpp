// GNU licence notices: what tells GPL-x.y-only from GPL-x.y-or-later. The notices are written the
// way projects write them (the FSF's recommended header, README licence sections, short forms).
#include "health/licence_notice.h"

#include <gtest/gtest.h>

#include "health/licence_match.h"

namespace rh {
namespace {

const char* kPyHeaderOrLater =
    "#!/usr/bin/env python3\n"
    "#\n"
    "#    Copyright (C) 2019 Example Kommune\n"
    "#\n"
    "#    This program is free software: you can redistribute it and/or modify\n"
    "#    it under the terms of the GNU General Public License as published by\n"
    "#    the Free Software Foundation, either version 3 of the License, or\n"
    "#    (at your option) any later version.\n"
    "#\n"
    "#    This program is distributed in the hope that it will be useful,\n"
    "#    but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
    "#    MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
    "#    GNU General Public License for more details.\n"
    "import sys\n";

const char* kCHeaderOnly =
    "/*\n"
    " * This program is free software; you can redistribute it and/or modify\n"
    " * it under the terms of the GNU General Public License version 2 as\n"
    " * published by the Free Software Foundation.\n"
    " */\n"
    "#include <stdio.h>\n";

TEST(GnuNotice, FsfHeaderWithTheClauseIsOrLater) {
  auto notices = gnu_notices(kPyHeaderOrLater);
  ASSERT_FALSE(notices.empty());
  EXPECT_EQ(notices[0].family, "GPL");
  EXPECT_EQ(notices[0].version, "3.0");
  EXPECT_TRUE(notices[0].or_later);
  EXPECT_EQ(notices[0].line, 5);
  EXPECT_EQ(gnu_variant("GPL-3.0-only", notices[0]), "GPL-3.0-or-later");
  EXPECT_EQ(gnu_variant("GPL-2.0-only", notices[0]), "");  // another version
}

TEST(GnuNotice, PlainHeaderIsOnly) {
  auto notices = gnu_notices(kCHeaderOnly);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].version, "2.0");
  EXPECT_FALSE(notices[0].or_later);
  EXPECT_EQ(gnu_variant("GPL-2.0-or-later", notices[0]), "GPL-2.0-only");
}

TEST(GnuNotice, FamiliesAndShortForms) {
  auto lgpl = gnu_notices(
      "This library is free software; you can redistribute it and/or\n"
      "modify it under the terms of the GNU Lesser General Public\n"
      "License as published by the Free Software Foundation; either\n"
      "version 2.1 of the License, or (at your option) any later version.\n");
  ASSERT_EQ(lgpl.size(), 1u);
  EXPECT_EQ(lgpl[0].family, "LGPL");
  EXPECT_EQ(lgpl[0].version, "2.1");
  EXPECT_TRUE(lgpl[0].or_later);
  EXPECT_EQ(gnu_variant("LGPL-2.1-only", lgpl[0]), "LGPL-2.1-or-later");
  EXPECT_EQ(gnu_variant("GPL-2.0-only", lgpl[0]), "");  // another family

  auto agpl = gnu_notices("Licensed under the GNU Affero General Public License v3.0.\n");
  ASSERT_EQ(agpl.size(), 1u);
  EXPECT_EQ(agpl[0].family, "AGPL");
  EXPECT_FALSE(agpl[0].or_later);

  auto plus = gnu_notices("Released under the GPLv2+ (see COPYING).\n");
  ASSERT_EQ(plus.size(), 1u);
  EXPECT_EQ(plus[0].version, "2.0");
  EXPECT_TRUE(plus[0].or_later);

  auto spdx = gnu_notices("License: GPL-3.0-or-later\n");
  ASSERT_EQ(spdx.size(), 1u);
  EXPECT_TRUE(spdx[0].or_later);

  EXPECT_TRUE(gnu_notices("Licensed under the MIT licence.\n\nMPL-2.0 applies.\n").empty());
  EXPECT_TRUE(gnu_notices("We support PHP version 8 and Drupal 10.\n").empty());
}

TEST(GnuNotice, TheLicenceTextItselfIsNotANotice) {
  // The GPL text quotes a notice in its "How to apply" appendix; only what precedes the title is
  // the project's own notice.
  std::string gpl(spdx_licence_text("GPL-2.0-only"));
  ASSERT_FALSE(gpl.empty());
  EXPECT_EQ(text_before_gnu_licence(gpl), "");
  std::string with_preamble =
      "Example is free software; you can redistribute it and/or modify it under the\n"
      "terms of the GNU General Public License as published by the Free Software\n"
      "Foundation; either version 2 of the License, or (at your option) any later version.\n\n" +
      gpl;
  auto notices = gnu_notices(text_before_gnu_licence(with_preamble));
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_TRUE(notices[0].or_later);
  EXPECT_EQ(notices[0].line, 1);
}

TEST(GnuNotice, ReadmeLicenceSectionKeepsItsLineNumbers) {
  std::string readme =
      "# Kiosk\n\nThe kiosk runs on GNU/Linux, version 22.04.\n\n"
      "## License\n\n"
      "All code is made available under Version 3 of the GNU General Public\n"
      "License - see the LICENSE file for details.\n\n"
      "## Contact\n\nWrite to us.\n";
  std::string section = readme_licence_text(readme);
  auto notices = gnu_notices(section);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].line, 7);
  EXPECT_EQ(notices[0].version, "3.0");
  EXPECT_FALSE(notices[0].or_later);
  // Without a licence heading, only paragraphs that say how the code is licensed count.
  std::string plain =
      "# Tool\n\nWorks with GPL v3 tools.\n\nThis tool is licensed under the GPL, version 2 or later.\n";
  auto n2 = gnu_notices(readme_licence_text(plain));
  ASSERT_EQ(n2.size(), 1u);
  EXPECT_EQ(n2[0].line, 5);
  EXPECT_TRUE(n2[0].or_later);
}

TEST(GnuNotice, FamilyOfIds) {
  EXPECT_EQ(gnu_family("GPL-2.0-only"), (std::pair<std::string, std::string>{"GPL", "2.0"}));
  EXPECT_EQ(gnu_family("LGPL-2.1-or-later"), (std::pair<std::string, std::string>{"LGPL", "2.1"}));
  EXPECT_EQ(gnu_family("AGPL-3.0-only").first, "AGPL");
  EXPECT_EQ(gnu_family("MPL-2.0").first, "");
  EXPECT_EQ(gnu_family("GFDL-1.3-only").first, "");
}

}  // namespace
}  // namespace rh
