// The language registry: embedded specs load cleanly, and detection by file name, extension,
// shebang and content sniff.
#include "core/language.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace rh {
namespace {

std::string detected(std::string_view path, std::string_view head = {}) {
  const LanguageInfo* l = detect_language(path, head);
  return l ? l->id : "(none)";
}

TEST(Language, EmbeddedSpecsLoadWithoutErrors) {
  for (const auto& e : language_spec_errors()) ADD_FAILURE() << e;
  const std::set<std::string> required = {
      "python", "javascript", "typescript", "tsx", "php", "bash", "java", "go", "ruby",
      "rust", "csharp", "c", "cpp", "yaml", "json", "markdown", "css", "html", "twig",
      "django-template", "sql", "dockerfile", "xml", "toml", "ini", "tcl", "zsh"};
  std::set<std::string> ids;
  for (const auto& l : languages()) {
    ids.insert(l.id);
    EXPECT_FALSE(l.display.empty()) << l.id;
    EXPECT_FALSE(l.extensions.empty() && l.filenames.empty()) << l.id << " cannot be detected";
    EXPECT_FALSE(l.comments.line.empty() && l.comments.block.empty() && l.id != "json") << l.id;
  }
  for (const auto& id : required) EXPECT_TRUE(ids.count(id)) << "missing language " << id;
}

TEST(Language, GrammarsAndDataFlags) {
  EXPECT_EQ(find_language("python")->grammar, "python");
  EXPECT_EQ(find_language("csharp")->grammar, "c_sharp");
  EXPECT_EQ(find_language("tsx")->grammar, "tsx");
  EXPECT_TRUE(find_language("cpp")->grammar.empty());
  EXPECT_TRUE(find_language("c")->grammar.empty());
  EXPECT_TRUE(find_language("yaml")->data);
  EXPECT_TRUE(find_language("twig")->data);
  EXPECT_FALSE(find_language("python")->data);
  EXPECT_EQ(find_language("nope"), nullptr);
}

TEST(Language, CommentSyntaxIsRead) {
  const LanguageInfo* js = find_language("javascript");
  ASSERT_EQ(js->comments.line.size(), 1u);
  EXPECT_EQ(js->comments.line[0], "//");
  ASSERT_EQ(js->comments.block.size(), 1u);
  EXPECT_EQ(js->comments.block[0].open, "/*");
  EXPECT_EQ(js->comments.block[0].close, "*/");
  const LanguageInfo* py = find_language("python");
  ASSERT_FALSE(py->comments.strings.empty());
  EXPECT_EQ(py->comments.strings[0].open, "\"\"\"");
  EXPECT_TRUE(py->comments.strings[0].multiline);
}

TEST(Language, DetectsByExtension) {
  EXPECT_EQ(detected("src/app.py"), "python");
  EXPECT_EQ(detected("lib/esm.mjs"), "javascript");
  EXPECT_EQ(detected("lib/common.cjs"), "javascript");
  EXPECT_EQ(detected("ui/App.jsx"), "javascript");
  EXPECT_EQ(detected("ui/App.tsx"), "tsx");
  EXPECT_EQ(detected("types/index.d.ts"), "typescript");
  EXPECT_EQ(detected("x.mts"), "typescript");
  EXPECT_EQ(detected("Main.java"), "java");
  EXPECT_EQ(detected("main.go"), "go");
  EXPECT_EQ(detected("lib.rs"), "rust");
  EXPECT_EQ(detected("Program.cs"), "csharp");
  EXPECT_EQ(detected("include/x.h"), "c");
  EXPECT_EQ(detected("src/x.hpp"), "cpp");
  EXPECT_EQ(detected("src/x.cc"), "cpp");
  EXPECT_EQ(detected("README.MD"), "markdown");  // case-insensitive
  EXPECT_EQ(detected("style.scss"), "css");
  EXPECT_EQ(detected("q.sql"), "sql");
  EXPECT_EQ(detected("pyproject.toml"), "toml");
  EXPECT_EQ(detected("setup.cfg"), "ini");
  EXPECT_EQ(detected("pom.xml"), "xml");
  EXPECT_EQ(detected("deploy/values.yaml"), "yaml");
  EXPECT_EQ(detected("script.sh"), "bash");
  EXPECT_EQ(detected("notes.txt"), "(none)");
}

TEST(Language, DrupalFilesArePhp) {
  for (const char* path : {"web/modules/custom/foo/foo.module", "foo.install", "bartik.theme", "foo.inc",
                           "standard.profile", "phptemplate.engine", "index.php"})
    EXPECT_EQ(detected(path), "php") << path;
  EXPECT_EQ(detected("foo.info.yml"), "yaml");
}

TEST(Language, MultiDotExtensionsPreferTheLongest) {
  EXPECT_EQ(detected("templates/node.html.twig"), "twig");
  EXPECT_EQ(detected("templates/page.twig"), "twig");
  EXPECT_EQ(detected("templates/page.html"), "html");  // stays HTML even with {% block %}
  EXPECT_EQ(detected("templates/page.html", "{% block content %}{% endblock %}"), "html");
  EXPECT_EQ(detected("templates/base.j2"), "django-template");
  EXPECT_EQ(detected("templates/base.jinja"), "django-template");
  EXPECT_EQ(detected("templates/base.djhtml"), "django-template");
}

TEST(Language, DetectsByFileName) {
  EXPECT_EQ(detected("Dockerfile"), "dockerfile");
  EXPECT_EQ(detected("docker/Dockerfile"), "dockerfile");
  EXPECT_EQ(detected("docker/Dockerfile.prod"), "dockerfile");
  EXPECT_EQ(detected("rules/languages/dockerfile.yml"), "yaml");  // a known extension wins over Name.*
  EXPECT_EQ(detected("build/app.dockerfile"), "dockerfile");
  EXPECT_EQ(detected("Containerfile"), "dockerfile");
  EXPECT_EQ(detected("Rakefile"), "ruby");
  EXPECT_EQ(detected("Gemfile"), "ruby");
  EXPECT_EQ(detected("composer.lock"), "json");
  EXPECT_EQ(detected("home/.bashrc"), "bash");
}

TEST(Language, DetectsByShebang) {
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env python3\nprint(1)\n"), "python");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/python3.11\n"), "python");
  EXPECT_EQ(detected("bin/tool", "#! /usr/bin/env  python\r\n"), "python");
  EXPECT_EQ(detected("bin/tool", "#!/bin/sh\necho hi\n"), "bash");
  EXPECT_EQ(detected("bin/tool", "#!/bin/bash -e\n"), "bash");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env zsh\n"), "zsh");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env -S node --experimental-vm-modules\n"), "javascript");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env -i PATH=/bin ruby\n"), "ruby");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/php\n<?php echo 1;\n"), "php");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env perl\n"), "(none)");
  EXPECT_EQ(detected("bin/tool", "#!\n"), "(none)");
  EXPECT_EQ(detected("bin/tool", "#!/usr/bin/env\n"), "(none)");
  // An extension wins over the shebang.
  EXPECT_EQ(detected("run.sh", "#!/usr/bin/env python3\n"), "bash");
}

TEST(Language, SniffsExtensionlessFilesOnly) {
  EXPECT_EQ(detected("bin/page", "<?php\necho 1;\n"), "php");
  EXPECT_EQ(detected("data/feed", "<?xml version=\"1.0\"?>\n<feed/>"), "xml");
  EXPECT_EQ(detected("www/index", "<!DOCTYPE html>\n<html></html>"), "html");
  EXPECT_EQ(detected("notes.txt", "<?php\necho 1;\n"), "(none)");
  EXPECT_EQ(detected("LICENSE", "MIT License\n"), "(none)");
}

TEST(Language, TclBehindAShellStubOrAModeLine) {
  // git's gitk: a #!/bin/sh stub whose next lines Tcl reads as a comment.
  const char* gitk = "#!/bin/sh\n# Tcl ignores the next line -*- tcl -*- \\\nexec wish \"$0\" -- \"$@\"\n\n"
                     "# Copyright (C) 2005-2016 Paul Mackerras.\npackage require Tk\n";
  EXPECT_EQ(detected("gitk-git/gitk", gitk), "tcl");
  EXPECT_EQ(detected("tools/run", "#!/bin/sh\n# \\\nexec tclsh \"$0\" \"$@\"\n"), "tcl");
  EXPECT_EQ(detected("tools/run", "#!/usr/bin/env tclsh\nputs hi\n"), "tcl");
  EXPECT_EQ(detected("lib/dialog.tcl"), "tcl");
  EXPECT_EQ(detected("lib/macros", "# -*- mode: tcl -*-\nproc x {} {}\n"), "tcl");
  EXPECT_EQ(detected("lib/macros", "proc x {} {}\n# vim: set ft=tcl :\n"), "tcl");
  // A wrapper that runs another program is still a shell script.
  EXPECT_EQ(detected("bin/cli", "#!/bin/sh\nexec node \"$basedir/cli.js\" \"$@\"\n"), "bash");
  // A mode naming no known language changes nothing.
  EXPECT_EQ(detected("x.py", "# -*- mode: org -*-\n"), "python");
  EXPECT_TRUE(find_language("tcl")->grammar.empty());  // line counts only
}

TEST(Language, ZshIsNotBash) {
  EXPECT_EQ(detected("bin/setup", "#!/bin/zsh\nsetopt extendedglob\n"), "zsh");
  EXPECT_EQ(detected("bin/setup", "#!/usr/bin/env zsh\n"), "zsh");
  EXPECT_EQ(detected("plugins/git.zsh"), "zsh");
  EXPECT_EQ(detected("home/.zshrc"), "zsh");
  EXPECT_EQ(detected("bin/setup", "# vim: ft=zsh\n"), "zsh");
  EXPECT_EQ(detected("run.sh"), "bash");
  EXPECT_EQ(detected("bin/setup", "#!/bin/ksh\n"), "bash");
  EXPECT_TRUE(find_language("zsh")->grammar.empty());
}

TEST(Language, HeaderIsCppOnlyForCppSyntaxInCode) {
  // C headers with the words in comments, strings or as names stay C (git's refs.h, strbuf.h…).
  EXPECT_EQ(detected("refs.h", "/* Each ref namespace is a prefix */\nint refs_for_each(const char *namespace, int flags);\n"), "c");
  EXPECT_EQ(detected("strbuf.h", "/**\n * Expand a template <like this> with std::string-like rules.\n */\n"
                                 "void strbuf_expand(struct strbuf *sb, const char *template, void *context);\n"),
            "c");
  EXPECT_EQ(detected("msg.h", "#define HINT \"use std::move or a class Foo { }\"\nextern int class_count;\n"), "c");
  EXPECT_EQ(detected("compat.h", "#ifdef __cplusplus\nextern \"C\" {\n#endif\nint f(void);\n"), "c");
  EXPECT_EQ(detected("x.h", "struct s { int public; int private; };\nint x = a ? public : b;\n"), "c");
  // C++ syntax in code makes it C++.
  EXPECT_EQ(detected("w.h", "namespace ui {\nint f();\n}\n"), "cpp");
  EXPECT_EQ(detected("w.h", "namespace {\n}\n"), "cpp");
  EXPECT_EQ(detected("w.h", "template <typename T>\nT max(T a, T b);\n"), "cpp");
  EXPECT_EQ(detected("w.h", "class Widget {\n};\n"), "cpp");
  EXPECT_EQ(detected("w.h", "class Button : public Widget {\n};\n"), "cpp");
  EXPECT_EQ(detected("w.h", "struct A {\npublic:\n  int x;\n};\n"), "cpp");
  EXPECT_EQ(detected("w.h", "void draw(const std::string& name);\n"), "cpp");
  EXPECT_EQ(detected("w.h", "void Widget::draw();\n"), "cpp");
  EXPECT_EQ(detected("w.h", "#include <vector>\n"), "cpp");
  EXPECT_EQ(detected("w.h", "// -*- C++ -*-\n#pragma once\nint f();\n"), "cpp");  // a mode line
  // A long licence comment before the code (blanked to white space) is harmless.
  std::string licence = "/*\n";
  for (int i = 0; i < 100; ++i) licence += " * Permission is hereby granted, free of charge, to any person obtaining\n";
  EXPECT_EQ(detected("big.h", licence + " */\n\nclass Widget {\n};\n"), "cpp");
  EXPECT_EQ(detected("big.h", licence + " */\n\nstruct widget {\n  int x;\n};\n"), "c");
}

TEST(Language, OddInputIsHarmless) {
  EXPECT_EQ(detected(""), "(none)");
  EXPECT_EQ(detected("dir/"), "(none)");
  EXPECT_EQ(detected("x.", "#!"), "(none)");
  EXPECT_EQ(detected("bin/tool", std::string_view("#!/bin/\0sh", 10)), "(none)");
  EXPECT_EQ(detected("bin/tool", "\xff\xfe#!/bin/sh"), "(none)");
}

}  // namespace
}  // namespace rh

namespace rh {

TEST(LanguageClaims, CppHeaderIsTakenFromC) {
  const LanguageInfo* plain = detect_language("include/api.h", "#ifndef API_H\nint f(void);\n#endif\n");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->id, "c");
  const LanguageInfo* cpp = detect_language("include/api.h", "#pragma once\nnamespace rh {\nint f();\n}\n");
  ASSERT_NE(cpp, nullptr);
  EXPECT_EQ(cpp->id, "cpp");
}

}  // namespace rh
