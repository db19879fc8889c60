// Licence statements outside the licence files: manifests, sub-folder licence files, GNU notices.
#include "health/licence_sources.h"

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "core/classify.h"
#include "core/repo_paths.h"
#include "core/text.h"
#include "health/licence_match.h"
#include "health/licence_notice.h"

namespace rh::health {
namespace {

/// The 1-based line of the first `"license"` key in a JSON text, 0 when absent.
int64_t json_key_line(const std::string& text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  for (size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at + 1)) {
    size_t colon = text.find_first_not_of(" \t\r\n", at + quoted.size());
    if (colon != std::string::npos && text[colon] == ':')
      return 1 + static_cast<int64_t>(std::count(text.begin(), text.begin() + long(at), '\n'));
  }
  return 0;
}

/// package.json / composer.json: a string, a list (composer: alternatives) or npm's old
/// {"type": "MIT"}.
std::optional<std::string> json_licence(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("type") && v["type"].is_string()) return v["type"].get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v)
      if (e.is_string()) out += (out.empty() ? "" : " OR ") + e.get<std::string>();
    if (!out.empty()) return out.find(" OR ") == std::string::npos ? out : "(" + out + ")";
  }
  return std::nullopt;
}

/// The first line of `text` matching `re` (its first group is the licence), in the [section]
/// named `section` when not empty.
void first_matching_line(const Repo& repo, const SourceEntry& e, const std::regex& re, const std::string& section,
                         std::vector<LicenceDeclaration>& out) {
  std::istringstream in(repo.read(e));
  std::string line, current;
  for (int64_t n = 1; std::getline(in, line); ++n) {
    std::string_view t = trim(line);
    if (t.starts_with("[")) current = ascii_lower(t);
    if (!section.empty() && current != section) continue;
    std::smatch m;
    if (std::regex_search(line, m, re)) {
      std::string value(trim(m[1].str()));
      if (!value.empty()) out.push_back({e.path, n, value, "manifest"});
      return;
    }
  }
}

bool text_extension(std::string_view rest) {
  // What may follow the name: nothing, "-MIT", ".LESSER", ".txt", ".md", "-APACHE.txt".
  size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos) return true;
  std::string ext = ascii_lower(rest.substr(dot + 1));
  static const std::set<std::string> text = {"txt", "md",     "markdown", "rst", "text", "lesser", "gpl", "lgpl",
                                             "mit", "apache", "bsd",      "mpl", "html", "adoc",   "org"};
  return text.count(ext) > 0 ||
         (ext.size() <= 4 && std::all_of(ext.begin(), ext.end(), [](char c) { return (c >= '0' && c <= '9'); }));
}

/// "or (at your option) any later version" and its plain counterpart in `text`, for `spdx_id`.
std::optional<VariantBasis> from_notices(std::string_view text, const std::string& spdx_id, const std::string& path,
                                         const std::string& where) {
  for (const GnuNotice& n : gnu_notices(text)) {
    std::string v = gnu_variant(spdx_id, n);
    if (!v.empty())
      return VariantBasis{v, path, n.line,
                          where + (n.or_later ? " says \"or any later version\"" : " names no later version")};
  }
  return std::nullopt;
}

bool is_notice_document(std::string_view path) {
  const std::string p = lower_path(path);
  if (std::count(p.begin(), p.end(), '/') > 1 || in_vendored_folder(p)) return false;
  std::string stem = stem_lower(p);
  return stem == "copyright" || stem == "notice" || stem == "copyright.txt" || stem == "notice.txt";
}

}  // namespace

std::vector<LicenceDeclaration> manifest_declarations(const Repo& repo) {
  std::vector<LicenceDeclaration> out;
  static const std::regex toml_re(R"re(^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?"([^"]+)")re");
  static const std::regex cfg_re(R"re(^\s*license\s*[=:]\s*([^#;\r\n]+))re");
  static const std::regex setup_py_re(R"re(\blicense\s*=\s*["']([^"']+)["'])re");
  for (const auto* e : repo.files()) {
    if (e->path.find('/') != std::string::npos) continue;
    const std::string name = lower_path(e->path);
    if (name == "package.json" || name == "composer.json") {
      const std::string& text = repo.read(*e);
      auto j = nlohmann::json::parse(text, nullptr, false);
      if (!j.is_object() || !j.contains("license")) continue;
      if (auto value = json_licence(j["license"]))
        out.push_back({e->path, json_key_line(text, "license"), *value, "manifest"});
    } else if (name == "cargo.toml") {
      first_matching_line(repo, *e, toml_re, "[package]", out);
    } else if (name == "pyproject.toml") {
      first_matching_line(repo, *e, toml_re, "", out);
    } else if (name == "setup.cfg") {
      first_matching_line(repo, *e, cfg_re, "[metadata]", out);
    } else if (name == "setup.py") {
      first_matching_line(repo, *e, setup_py_re, "", out);
    }
  }
  const Repo::Publiccode& pc = repo.publiccode();
  if (pc.entry && !pc.facts.licence.empty())
    out.push_back({pc.entry->path, pc.facts.licence_line, pc.facts.licence, "publiccode"});
  return out;
}

bool is_subfolder_licence_file(std::string_view path) {
  const std::string p = lower_path(path);
  size_t slash = p.rfind('/');
  if (slash == std::string::npos || in_vendored_folder(p) || p.rfind("licenses/", 0) == 0) return false;
  std::string_view base = std::string_view(p).substr(slash + 1);
  for (std::string_view start : {"unlicense", "license", "licence", "copying"}) {
    if (!base.starts_with(start)) continue;
    std::string_view rest = base.substr(start.size());
    if (rest.empty()) return true;
    if (rest[0] != '.' && rest[0] != '-' && rest[0] != '_') return false;
    return text_extension(rest);
  }
  return false;
}

std::optional<VariantBasis> gnu_variant_basis(const Repo& repo, const std::string& spdx_id,
                                              const std::string& licence_path,
                                              const std::vector<LicenceDeclaration>& declared) {
  if (gnu_family(spdx_id).first.empty()) return std::nullopt;
  // 1. The licence file's own notice, above the licence text; or a short top-level LICENSE that is
  //    only a notice pointing at the COPYING text.
  for (const auto* e : repo.files())
    if (e->path == licence_path) {
      if (auto b = from_notices(text_before_gnu_licence(repo.read(*e)), spdx_id, e->path,
                                "the notice above the licence text"))
        return b;
    }
  for (const auto* e : repo.files()) {
    const std::string p = lower_path(e->path);
    if (e->path == licence_path || p.find('/') != std::string::npos ||
        !(p.starts_with("licen") || p.starts_with("copying")))
      continue;
    const std::string& text = repo.read(*e);
    std::string_view notice = text_before_gnu_licence(text);
    if (notice.empty() && text.size() < 4096) notice = text;  // no licence text in it: all notice
    if (auto b = from_notices(notice, spdx_id, e->path, "the notice")) return b;
  }
  // 2. A declaration naming a variant.
  for (const auto& d : declared)
    for (const auto& id : spdx_expression_ids(d.expression)) {
      GnuNotice n;
      auto [family, version] = gnu_family(id);
      const std::string l = ascii_lower(id);
      if (family.empty() || !(l.ends_with("-only") || l.ends_with("-or-later") || l.ends_with("+"))) continue;
      n.family = family;
      n.version = version;
      n.or_later = !l.ends_with("-only");
      std::string v = gnu_variant(spdx_id, n);
      if (!v.empty()) return VariantBasis{v, d.path, d.line, "declared " + id};
    }
  // 3. COPYRIGHT / NOTICE files, 4. the README's licence section.
  for (const auto* e : repo.find(is_notice_document))
    if (auto b = from_notices(repo.read(*e), spdx_id, e->path, "the notice")) return b;
  if (const SourceEntry* readme = repo.document({"readme"}))
    if (auto b = from_notices(readme_licence_text(repo.read(*readme)), spdx_id, readme->path,
                              "the README's licence section"))
      return b;
  // 5. Source file headers: the majority of those with a notice.
  std::set<std::string> analysed;
  for (const auto& f : repo.result().files)
    if (f.role == kProductRole) analysed.insert(f.path);  // product code, not tests or samples
  int read = 0, or_later = 0, only = 0;
  std::optional<VariantBasis> first_later, first_only;
  for (const auto* e : repo.files()) {
    if (read >= 200) break;
    if (!analysed.count(e->path)) continue;
    ++read;
    std::string head = repo.read(*e, 4096);
    if (auto b = from_notices(head, spdx_id, e->path, "the file header")) {
      const bool later = b->spdx_id.ends_with("-or-later");
      (later ? or_later : only) += 1;
      auto& first = later ? first_later : first_only;
      if (!first) first = b;
    }
  }
  if (or_later > only) {
    first_later->what +=
        " (" + std::to_string(or_later) + " of " + std::to_string(or_later + only) + " headers with a notice)";
    return first_later;
  }
  if (only > or_later) {
    first_only->what +=
        " (" + std::to_string(only) + " of " + std::to_string(or_later + only) + " headers with a notice)";
    return first_only;
  }
  return std::nullopt;
}

}  // namespace rh::health
