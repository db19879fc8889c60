// Language registry loaded from the embedded rules/languages/*.yml (format: docs/languages.md).
#include "core/language.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <unordered_map>

#include "core/embedded.h"
#include "core/sniff.h"
#include "core/text.h"

namespace rh {
namespace {

constexpr std::string_view kFolder = "languages/";

std::string_view base_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// "python3.11" -> "python", "php7" -> "php": interpreters differ by version only.
std::string strip_version(std::string_view name) {
  size_t end = name.size();
  while (end > 0 && ((name[end - 1] >= '0' && name[end - 1] <= '9') || name[end - 1] == '.')) --end;
  return ascii_lower(end == 0 ? name : name.substr(0, end));
}

struct Registry {
  std::vector<LanguageInfo> languages;
  std::vector<std::string> errors;
  std::unordered_map<std::string, size_t> by_id, by_extension, by_filename, by_shebang, by_mode;
  std::vector<std::pair<std::string, size_t>> filename_prefixes;  ///< "dockerfile." from "Dockerfile.*"
  std::vector<std::pair<std::string, size_t>> sniffs;             ///< lower case
};

/// Reads a YAML sequence of strings (a lone scalar is a list of one).
bool read_strings(const YAML::Node& node, std::vector<std::string>& out, std::string& error,
                  const std::string& what) {
  if (!node) return true;
  if (node.IsScalar()) {
    out.push_back(node.as<std::string>());
    return true;
  }
  if (!node.IsSequence()) {
    error = what + ": expected a list of strings";
    return false;
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      error = what + ": expected a list of strings";
      return false;
    }
    out.push_back(item.as<std::string>());
  }
  return true;
}

bool check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string& error,
                const std::string& where) {
  if (!map.IsMap()) {
    error = where + ": expected a mapping";
    return false;
  }
  for (const auto& kv : map) {
    std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      error = where + ": unknown key '" + key + "' (expected one of: " + list + ")";
      return false;
    }
  }
  return true;
}

bool read_comments(const YAML::Node& node, CommentSyntax& out, std::string& error) {
  if (!node) return true;
  if (!check_keys(node, {"line", "block", "strings"}, error, "comments")) return false;
  if (!read_strings(node["line"], out.line, error, "comments.line")) return false;
  for (const auto& b : node["block"]) {
    if (!b.IsMap() || !b["open"] || !b["close"]) {
      error = "comments.block: each entry needs open and close";
      return false;
    }
    if (!check_keys(b, {"open", "close"}, error, "comments.block")) return false;
    out.block.push_back({b["open"].as<std::string>(), b["close"].as<std::string>()});
  }
  for (const auto& s : node["strings"]) {
    CommentSyntax::String str;
    if (s.IsScalar()) {
      str.open = str.close = s.as<std::string>();
    } else {
      if (!s.IsMap() || !s["open"]) {
        error = "comments.strings: each entry is a delimiter or {open, close, multiline}";
        return false;
      }
      if (!check_keys(s, {"open", "close", "multiline"}, error, "comments.strings")) return false;
      str.open = s["open"].as<std::string>();
      str.close = s["close"] ? s["close"].as<std::string>() : str.open;
      str.multiline = s["multiline"] && s["multiline"].as<bool>();
    }
    if (str.open.empty() || str.close.empty()) {
      error = "comments.strings: empty delimiter";
      return false;
    }
    out.strings.push_back(std::move(str));
  }
  for (const auto& l : out.line)
    if (l.empty()) {
      error = "comments.line: empty marker";
      return false;
    }
  return true;
}

bool parse_language(std::string_view path, std::string_view text, LanguageInfo& info, std::string& error) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!check_keys(root, {"id", "display", "grammar", "data", "detect", "comments", "syntax"}, error, ""))
      return false;
    if (!root["id"] || !root["display"]) {
      error = "id and display are required";
      return false;
    }
    info.id = root["id"].as<std::string>();
    std::string stem(base_name(path));
    stem = stem.substr(0, stem.find('.'));
    if (info.id != stem) {
      error = "id '" + info.id + "' differs from the file name";
      return false;
    }
    info.display = root["display"].as<std::string>();
    if (root["grammar"] && !root["grammar"].IsNull()) info.grammar = root["grammar"].as<std::string>();
    info.data = root["data"] && root["data"].as<bool>();
    if (const YAML::Node detect = root["detect"]) {
      if (!check_keys(detect, {"extensions", "filenames", "shebangs", "sniff", "claims", "modes"}, error, "detect"))
        return false;
      for (const YAML::Node& c : detect["claims"]) {
        LanguageInfo::Claim claim_of;
        if (!c.IsMap() || !c["extension"] || (!c["contains"] && !c["matches"])) {
          error = "detect.claims: each entry needs extension and contains or matches";
          return false;
        }
        if (!check_keys(c, {"extension", "contains", "matches"}, error, "detect.claims")) return false;
        claim_of.extension = ascii_lower(c["extension"].as<std::string>());
        if (!read_strings(c["contains"], claim_of.contains, error, "detect.claims.contains") ||
            !read_strings(c["matches"], claim_of.matches, error, "detect.claims.matches"))
          return false;
        for (const auto& pattern : claim_of.matches) {
          try {
            claim_of.compiled.push_back(std::make_shared<const std::regex>(pattern, std::regex::ECMAScript | std::regex::optimize));
          } catch (const std::regex_error& e) {
            error = "detect.claims.matches: '" + pattern + "': " + e.what();
            return false;
          }
        }
        info.claims.push_back(std::move(claim_of));
      }
      if (!read_strings(detect["extensions"], info.extensions, error, "detect.extensions") ||
          !read_strings(detect["filenames"], info.filenames, error, "detect.filenames") ||
          !read_strings(detect["shebangs"], info.shebangs, error, "detect.shebangs") ||
          !read_strings(detect["sniff"], info.sniff, error, "detect.sniff") ||
          !read_strings(detect["modes"], info.modes, error, "detect.modes"))
        return false;
      for (auto& m : info.modes) m = ascii_lower(m);
    }
    for (auto& ext : info.extensions) {
      if (ext.empty() || ext[0] != '.') {
        error = "detect.extensions: '" + ext + "' must start with a dot";
        return false;
      }
      ext = ascii_lower(ext);
    }
    return read_comments(root["comments"], info.comments, error);
  } catch (const YAML::Exception& e) {
    error = e.what();
    return false;
  }
}

/// Registers key -> language; a key claimed twice is a spec error (the first keeps it).
void claim(Registry& r, std::unordered_map<std::string, size_t>& map, const std::string& key, size_t index,
           std::string_view what) {
  auto [it, inserted] = map.emplace(key, index);
  if (!inserted && it->second != index)
    r.errors.push_back("languages: " + std::string(what) + " '" + key + "' claimed by both " +
                       r.languages[it->second].id + " and " + r.languages[index].id);
}

Registry load() {
  // The YAML of the specs is parsed in parallel (it is most of the cost of start-up's language
  // table), then taken in file order as before.
  struct Parsed {
    const EmbeddedFile* file;
    LanguageInfo info;
    std::string error;
    bool ok = false;
  };
  std::vector<Parsed> files;
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.path.starts_with(kFolder)) continue;
    if (!file.path.ends_with(".yml") && !file.path.ends_with(".yaml")) continue;
    files.push_back(Parsed{&file, {}, {}, false});
  }
  // Isolated: while it waits, this thread (inside a static's initialisation) must not pick up
  // an unrelated task that could ask for the same static.
  tbb::this_task_arena::isolate([&files] {
    tbb::parallel_for(size_t{0}, files.size(), [&files](size_t i) {
      Parsed& p = files[i];
      p.ok = parse_language(p.file->path, p.file->bytes, p.info, p.error);
    });
  });
  Registry r;
  for (Parsed& p : files) {
    if (!p.ok) {
      r.errors.push_back("rules/" + std::string(p.file->path) + ": " + p.error);
      continue;
    }
    r.languages.push_back(std::move(p.info));
  }
  for (size_t i = 0; i < r.languages.size(); ++i) {
    const LanguageInfo& l = r.languages[i];
    claim(r, r.by_id, l.id, i, "id");
    for (const auto& e : l.extensions) claim(r, r.by_extension, e, i, "extension");
    for (const auto& f : l.filenames) {
      if (f.ends_with(".*"))
        r.filename_prefixes.emplace_back(ascii_lower(f.substr(0, f.size() - 1)), i);
      else
        claim(r, r.by_filename, ascii_lower(f), i, "file name");
    }
    for (const auto& s : l.shebangs) claim(r, r.by_shebang, strip_version(s), i, "shebang");
    for (const auto& m : l.modes) claim(r, r.by_mode, m, i, "mode");
    for (const auto& s : l.sniff) r.sniffs.emplace_back(ascii_lower(s), i);
  }
  return r;
}

const Registry& registry() {
  static const Registry r = load();  // thread-safe initialisation (C++11 magic statics)
  return r;
}

/// The interpreter a shebang names: "#!/usr/bin/env -S node --x" -> "node".
std::string shebang_interpreter(std::string_view head) {
  if (!head.starts_with("#!")) return {};
  std::string_view line = head.substr(2, head.find('\n') == std::string_view::npos ? std::string_view::npos
                                                                                   : head.find('\n') - 2);
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  if (words.empty()) return {};
  std::string_view program = base_name(words[0]);
  if (program == "env") {
    size_t w = 1;
    while (w < words.size()) {
      std::string_view word = words[w];
      if (word == "-u" || word == "-C" || word == "--unset" || word == "--chdir") {
        w += 2;  // options taking an argument
      } else if (word.starts_with("-") || word.find('=') != std::string_view::npos) {
        ++w;  // -S, -i, NAME=value
      } else {
        break;
      }
    }
    if (w >= words.size()) return {};
    program = base_name(words[w]);
  }
  return strip_version(program);
}

bool contains_ci(std::string_view haystack_lower, std::string_view needle_lower) {
  return haystack_lower.find(needle_lower) != std::string_view::npos;
}

/// `text` with each run of white space made one character: a line break when the run holds one,
/// else a space. Blanked comments leave long runs; std::regex recurses once per character a
/// `\s*` consumes, so they are folded before matching.
std::string fold_space(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out += c;
      ++i;
      continue;
    }
    bool newline = false;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) newline |= text[i++] == '\n';
    out += newline ? '\n' : ' ';
  }
  return out;
}

/// Whether `claimer` takes a file of extension `ext` on the strength of its head (code only:
/// comments and string literals blanked out with the claimer's syntax).
bool claims_file(const LanguageInfo& claimer, const std::string& ext, std::string_view head) {
  std::string code;
  bool blanked = false;
  for (const auto& c : claimer.claims) {
    if (c.extension != ext) continue;
    if (!blanked) {
      code = fold_space(blank_comments_and_strings(head, claimer.comments));
      blanked = true;
    }
    for (const auto& needle : c.contains)
      if (code.find(needle) != std::string::npos) return true;
    for (const auto& re : c.compiled)
      if (std::regex_search(code, *re)) return true;
  }
  return false;
}

/// Shells whose scripts may hand themselves to another interpreter (`exec tclsh "$0"`).
bool is_shell(std::string_view interpreter) {
  for (std::string_view sh : {"sh", "bash", "dash", "ash", "ksh", "zsh"})
    if (interpreter == sh) return true;
  return false;
}

}  // namespace

const std::vector<LanguageInfo>& languages() { return registry().languages; }

const std::vector<std::string>& language_spec_errors() { return registry().errors; }

const LanguageInfo* find_language(std::string_view id) {
  const Registry& r = registry();
  auto it = r.by_id.find(std::string(id));
  return it == r.by_id.end() ? nullptr : &r.languages[it->second];
}

const LanguageInfo* detect_language(std::string_view path, std::string_view head) {
  const Registry& r = registry();
  const std::string base = ascii_lower(base_name(path));
  if (base.empty()) return nullptr;

  // 1. Exact file name (Dockerfile, Gemfile), then "Name.*" prefixes (Dockerfile.prod).
  if (auto it = r.by_filename.find(base); it != r.by_filename.end()) return &r.languages[it->second];
  // A suffix that is itself a known extension wins: dockerfile.yml is YAML, Dockerfile.prod is not.
  for (const auto& [prefix, index] : r.filename_prefixes)
    if (base.size() > prefix.size() && base.starts_with(prefix) && !r.by_extension.count(base.substr(prefix.size() - 1)))
      return &r.languages[index];

  // 2. An editor mode line naming a known language (`-*- mode: tcl -*-`, `vim: ft=zsh`): the
  // author's own statement, so it wins over the extension (`// -*- C++ -*-` in a .h file).
  if (std::string mode = mode_line(head); !mode.empty())
    if (auto it = r.by_mode.find(mode); it != r.by_mode.end()) return &r.languages[it->second];

  // 3. Extension, longest first: "page.html.twig" tries ".html.twig" before ".twig".
  for (size_t dot = base.find('.'); dot != std::string::npos; dot = base.find('.', dot + 1)) {
    if (auto it = r.by_extension.find(base.substr(dot)); it != r.by_extension.end()) {
      const std::string ext = base.substr(dot);
      for (const LanguageInfo& other : r.languages)
        if (&other != &r.languages[it->second] && claims_file(other, ext, head)) return &other;
      return &r.languages[it->second];
    }
  }

  // 4. Shebang; a shell stub that re-runs the file with another interpreter (`exec wish "$0"`,
  // the Tcl idiom) is in that interpreter's language.
  if (std::string interpreter = shebang_interpreter(head); !interpreter.empty()) {
    if (is_shell(interpreter))
      if (std::string next = reexec_interpreter(head); !next.empty())
        if (auto it = r.by_shebang.find(strip_version(next)); it != r.by_shebang.end()) return &r.languages[it->second];
    if (auto it = r.by_shebang.find(interpreter); it != r.by_shebang.end()) return &r.languages[it->second];
  }

  // 5. Content sniff, only for files without an extension (a .txt mentioning "<?php" stays unknown).
  if (base.find('.', 1) == std::string::npos && !r.sniffs.empty()) {
    const std::string lowered = ascii_lower(head.substr(0, 1024));
    for (const auto& [needle, index] : r.sniffs)
      if (contains_ci(lowered, needle)) return &r.languages[index];
  }
  return nullptr;
}

}  // namespace rh
