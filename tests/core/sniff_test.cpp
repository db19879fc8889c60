// Content sniffing: binary or text, media signatures, editor mode lines, shell stubs that hand
// the file to another interpreter, and blanking comments and strings before a claim looks.
#include "core/sniff.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace rh {
namespace {

TEST(Sniff, BinaryEvidence) {
  EXPECT_EQ(binary_evidence(std::string("PK\x03\x04\0\0", 6)), "NUL byte in the first 8 KiB");
  EXPECT_EQ(binary_evidence(""), "");
  EXPECT_EQ(binary_evidence("plain text\n"), "");
  EXPECT_EQ(binary_evidence("\xef\xbb\xbfUTF-8 with a BOM, \xc3\xa6\xc3\xb8\xc3\xa5\n"), "");
  // A NUL after the first 8 KiB is not looked at.
  std::string late(9000, 'a');
  late[8500] = '\0';
  EXPECT_EQ(binary_evidence(late), "");
  // Control characters above 5 %.
  std::string noisy;
  for (int i = 0; i < 100; ++i) noisy += (i % 2) ? "\x01\x02" : "ab";
  EXPECT_FALSE(binary_evidence(noisy).empty());
  EXPECT_TRUE(looks_binary(noisy));
  // Bytes spread like random data (no NUL): about 10 % control characters.
  std::string random_like;
  for (int i = 1; i < 256; ++i) random_like += static_cast<char>(i);
  EXPECT_TRUE(looks_binary(random_like));
  // Legacy encodings are text: Latin-1, EUC-JP, Shift-JIS (git's t/t3900 files).
  EXPECT_EQ(binary_evidence("\xc4\xd1\xc7\xd5\xd6 \xe6\xf8\xe5\n"), "");
  EXPECT_EQ(binary_evidence("\xa4\xb3\xa4\xf3\xa4\xcb\xa4\xc1\xa4\xcf\n"), "");
  EXPECT_EQ(binary_evidence("\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd\n"), "");
}

TEST(Sniff, MediaSignatures) {
  using namespace std::string_literals;
  EXPECT_EQ(media_kind("wOF2\0\1\0\0"s), "font");
  EXPECT_EQ(media_kind("wOFF\0\1\0\0"s), "font");
  EXPECT_EQ(media_kind("\0\1\0\0\0\x12\1\0"s), "font");
  EXPECT_EQ(media_kind("\x89PNG\r\n\x1a\n\0\0"s), "image");
  EXPECT_EQ(media_kind("\xff\xd8\xff\xe0\0\x10JFIF"s), "image");
  EXPECT_EQ(media_kind("GIF89a"), "image");
  EXPECT_EQ(media_kind("%PDF-1.7\n"), "document");
  EXPECT_EQ(media_kind("\0\0\0\x20" "ftypisom"s), "video");
  EXPECT_EQ(media_kind("PK\x03\x04"), "");  // an archive is no media
  EXPECT_EQ(media_kind("\x7f" "ELF\2\1\1"s), "");
  EXPECT_EQ(media_kind(""), "");
}

TEST(Sniff, EmacsAndVimModeLines) {
  EXPECT_EQ(mode_line("#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec wish \"$0\" -- \"$@\"\n"), "tcl");
  EXPECT_EQ(mode_line("// -*- C++ -*-\n#ifndef X_H\n"), "c++");
  EXPECT_EQ(mode_line("/* -*- Mode: C++; tab-width: 8; indent-tabs-mode: nil; c-basic-offset: 2 -*- */\n"), "c++");
  EXPECT_EQ(mode_line("# -*- mode: python; coding: utf-8 -*-\n"), "python");
  EXPECT_EQ(mode_line("# -*- coding: utf-8 -*-\nimport os\n"), "");  // names no mode
  EXPECT_EQ(mode_line("# vim: set ft=zsh :\n"), "zsh");
  EXPECT_EQ(mode_line("x\n# vim: filetype=tcl\n"), "tcl");
  EXPECT_EQ(mode_line("# vi: set syntax=sh:\n"), "sh");
  EXPECT_EQ(mode_line("navi: ft=tcl\n"), "");  // "vi:" must stand alone
  // The last lines count for Vim (a modeline at the end of a file).
  std::string tail;
  for (int i = 0; i < 20; ++i) tail += "puts " + std::to_string(i) + "\n";
  EXPECT_EQ(mode_line(tail + "# vim: ft=tcl\n"), "tcl");
  // An Emacs line in the middle of a long file does not.
  std::string middle;
  for (int i = 0; i < 20; ++i) middle += (i == 10 ? "# -*- tcl -*-\n" : "x\n");
  EXPECT_EQ(mode_line(middle), "");
  EXPECT_EQ(mode_line(""), "");
}

TEST(Sniff, ShellStubsThatRunAnotherInterpreter) {
  EXPECT_EQ(reexec_interpreter("#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec wish \"$0\" -- \"$@\"\n"), "wish");
  EXPECT_EQ(reexec_interpreter("#!/bin/sh\n# the next line restarts using tclsh \\\nexec tclsh8.6 \"$0\" ${1+\"$@\"}\n"),
            "tclsh8.6");
  EXPECT_EQ(reexec_interpreter("#!/bin/sh\n# \\\nexec /usr/bin/expect -f \"$0\"\n"), "expect");
  // A wrapper that runs another program is a shell script.
  EXPECT_EQ(reexec_interpreter("#!/bin/sh\nexec node \"$basedir/../lib/cli.js\" \"$@\"\n"), "");
  EXPECT_EQ(reexec_interpreter("#!/bin/sh\nexec \"$@\"\n"), "");
  EXPECT_EQ(reexec_interpreter("exec wish \"$0\"\n"), "");  // no shebang
}

TEST(Sniff, BlankCommentsAndStrings) {
  CommentSyntax c;
  c.line = {"//"};
  c.block = {{"/*", "*/"}};
  c.strings = {{"\"", "\"", false}, {"'", "'", false}};
  const std::string in = "int f(int namespace); /* template <T> */\nconst char *s = \"std::string \\\" x\"; // class A {\nint y;\n";
  const std::string out = blank_comments_and_strings(in, c);
  ASSERT_EQ(out.size(), in.size());
  EXPECT_EQ(out.find("template"), std::string::npos);
  EXPECT_EQ(out.find("std::"), std::string::npos);
  EXPECT_EQ(out.find("class"), std::string::npos);
  EXPECT_NE(out.find("int f(int namespace);"), std::string::npos);
  EXPECT_NE(out.find("int y;"), std::string::npos);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
}

}  // namespace
}  // namespace rh
