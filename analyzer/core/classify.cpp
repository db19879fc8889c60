#include "core/classify.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "core/embedded.h"
#include "core/glob.h"
#include "core/sniff.h"
#include "core/text.h"

namespace rh {
namespace {

struct SkipData {
  std::vector<std::string> vendored;
  std::vector<std::string> generated_files;
};

const SkipData& skip_data() {
  static const SkipData data = [] {
    SkipData d;
    for (const auto& f : embedded_files()) {
      if (f.path != "workspace/skip.yml") continue;
      YAML::Node n = YAML::Load(std::string(f.bytes));
      for (const auto& v : n["vendored"]) d.vendored.push_back(v.as<std::string>());
      for (const auto& v : n["generated_files"]) d.generated_files.push_back(v.as<std::string>());
    }
    return d;
  }();
  return data;
}

const std::string* first_match(const std::vector<std::string>& globs, std::string_view path) {
  for (const auto& g : globs)
    if (glob_match(g, path)) return &g;
  return nullptr;
}

// ---- roles (rules/workspace/roles.yml) ----

/// One entry of roles.yml: a role and the patterns that give it.
struct RoleEntry {
  std::string role;
  std::vector<std::vector<std::string>> folders;  ///< lower-case folder names, one inside the next
  std::vector<std::string> files;                 ///< globs
  std::vector<std::string> content;               ///< lower case
  int content_lines = 5;
};

struct RoleData {
  std::vector<RoleEntry> entries;
  std::vector<std::string> roles;  ///< product first, then in order of first use
  std::vector<std::string> machine_written, sample, cap_tags;
  std::string cap_max = "warning";
  int max_content_lines = 0;
  std::vector<std::string> errors;
};

std::vector<std::string> split_folders(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (slash > start) out.push_back(ascii_lower(s.substr(start, slash - start)));
    start = slash + 1;
  }
  return out;
}

std::vector<std::string> strings_of(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& v : n) out.push_back(v.as<std::string>());
  return out;
}

RoleData load_roles() {
  RoleData d;
  d.roles.emplace_back(kProductRole);
  bool found = false;
  for (const auto& f : embedded_files()) {
    if (f.path != "workspace/roles.yml") continue;
    found = true;
    try {
      YAML::Node n = YAML::Load(std::string(f.bytes));
      for (const auto& e : n["roles"]) {
        RoleEntry entry;
        entry.role = e["role"].as<std::string>("");
        if (entry.role.empty() || entry.role == kProductRole) {
          d.errors.push_back("roles.yml: an entry needs a role other than product");
          continue;
        }
        for (const auto& folder : strings_of(e["folders"])) entry.folders.push_back(split_folders(folder));
        entry.files = strings_of(e["files"]);
        for (const auto& c : strings_of(e["content"])) entry.content.push_back(ascii_lower(c));
        entry.content_lines = e["content_lines"].as<int>(5);
        if (entry.folders.empty() && entry.files.empty() && entry.content.empty())
          d.errors.push_back("roles.yml: the entry for " + entry.role + " has no folders, files or content");
        d.max_content_lines = std::max(d.max_content_lines, entry.content.empty() ? 0 : entry.content_lines);
        if (std::find(d.roles.begin(), d.roles.end(), entry.role) == d.roles.end()) d.roles.push_back(entry.role);
        d.entries.push_back(std::move(entry));
      }
      d.machine_written = strings_of(n["machine_written"]);
      d.sample = strings_of(n["sample"]);
      if (const YAML::Node cap = n["sample_severity_cap"]) {
        d.cap_tags = strings_of(cap["tags"]);
        d.cap_max = cap["max"].as<std::string>("warning");
      }
    } catch (const YAML::Exception& e) {
      d.errors.push_back(std::string("roles.yml: ") + e.what());
    }
  }
  if (!found) d.errors.push_back("roles.yml is not embedded");
  for (const auto* list : {&d.machine_written, &d.sample})
    for (const auto& r : *list)
      if (std::find(d.roles.begin(), d.roles.end(), r) == d.roles.end())
        d.errors.push_back("roles.yml: unknown role '" + r + "'");
  return d;
}

const RoleData& role_data() {
  static const RoleData data = load_roles();
  return data;
}

/// True when `want` (folder names, `*` and `?` within a name) occurs as consecutive folders.
bool has_folders(const std::vector<std::string>& folders, const std::vector<std::string>& want) {
  if (want.empty() || want.size() > folders.size()) return false;
  auto same = [](const std::string& pattern, const std::string& name) {
    return pattern.find_first_of("*?[") == std::string::npos ? pattern == name : glob_match(pattern, name);
  };
  for (size_t i = 0; i + want.size() <= folders.size(); ++i)
    if (std::equal(want.begin(), want.end(), folders.begin() + static_cast<std::ptrdiff_t>(i), same)) return true;
  return false;
}

bool path_matches(const RoleEntry& e, std::string_view path, const std::vector<std::string>& folders) {
  for (const auto& want : e.folders)
    if (has_folders(folders, want)) return true;
  return first_match(e.files, path) != nullptr;
}

/// The lower-cased first `lines` lines of `head` (at most 16 KiB).
std::string first_lines_lower(std::string_view head, int lines) {
  size_t end = 0;
  for (int line = 0; line < lines && end < head.size(); ++line) {
    size_t nl = head.find('\n', end);
    end = nl == std::string_view::npos ? head.size() : nl + 1;
  }
  return ascii_lower(head.substr(0, std::min(end, size_t{16384})));
}

std::string classify(std::string_view path, std::string_view head, bool use_content) {
  const RoleData& d = role_data();
  std::vector<std::string> folders = split_folders(path);
  if (!folders.empty()) folders.pop_back();  // the file's own name
  std::vector<std::pair<int, std::string>> heads;  // lines -> lowered text, computed on demand
  auto head_of = [&](int lines) -> const std::string& {
    for (const auto& [n, text] : heads)
      if (n == lines) return text;
    heads.emplace_back(lines, first_lines_lower(head, lines));
    return heads.back().second;
  };
  for (const RoleEntry& e : d.entries) {
    if (path_matches(e, path, folders)) return e.role;
    if (!use_content || e.content.empty() || head.empty()) continue;
    const std::string& text = head_of(e.content_lines);
    for (const auto& marker : e.content)
      if (text.find(marker) != std::string::npos) return e.role;
  }
  return std::string(kProductRole);
}

bool listed(const std::vector<std::string>& list, std::string_view role) {
  return std::find(list.begin(), list.end(), role) != list.end();
}

}  // namespace

std::optional<SkippedFile> skip_by_entry(const SourceEntry& entry, const Config& config) {
  if (entry.kind == SourceEntry::Kind::submodule)
    return SkippedFile{entry.path, "submodule", "gitlink to commit " + entry.blob_id + ", not opened"};
  if (entry.kind == SourceEntry::Kind::symlink) {
    std::string detail = "-> " + entry.link_target;
    detail += entry.link_inside ? " (inside the repository; the target is analysed at its own path)"
                                : " (points outside the repository or nowhere; not followed)";
    return SkippedFile{entry.path, "symlink", detail};
  }
  if (const std::string* g = first_match(config.exclude, entry.path))
    return SkippedFile{entry.path, "excluded", "config exclude '" + *g + "'"};
  if (const std::string* g = first_match(skip_data().vendored, entry.path))
    return SkippedFile{entry.path, "vendored", "matches '" + *g + "'"};
  if (const std::string* g = first_match(config.vendored, entry.path))
    return SkippedFile{entry.path, "vendored", "config vendored '" + *g + "'"};
  if (const std::string* g = first_match(skip_data().generated_files, entry.path))
    return SkippedFile{entry.path, "generated", "lock file '" + *g + "'"};
  if (entry.size > config.max_file_size)
    return SkippedFile{entry.path, "too_large",
                       std::to_string(entry.size) + " bytes > limit " +
                           std::to_string(config.max_file_size)};
  return std::nullopt;
}

std::optional<SkippedFile> skip_by_content(std::string_view path, std::string_view content) {
  if (std::string why = binary_evidence(content); !why.empty())
    return SkippedFile{std::string(path), "binary", why};
  return std::nullopt;
}

const std::vector<std::string>& file_roles() { return role_data().roles; }

std::string classify_role(std::string_view path, std::string_view head) { return classify(path, head, true); }

std::string role_by_path(std::string_view path) { return classify(path, {}, false); }

bool is_machine_written(std::string_view role) { return listed(role_data().machine_written, role); }

bool is_sample(std::string_view role) { return listed(role_data().sample, role); }

bool is_test_path(std::string_view path) { return role_by_path(path) == "test"; }

std::string cap_role(std::string_view path, std::string_view role) {
  if (is_sample(role)) return std::string(role);
  std::string by_path = role_by_path(path);
  return is_sample(by_path) ? by_path : std::string(role);
}

std::string capped_severity(std::string_view role, const std::vector<std::string>& rule_tags,
                            const std::string& severity) {
  const RoleData& d = role_data();
  auto rank = [](std::string_view s) { return s == "error" ? 3 : s == "warning" ? 2 : s == "note" ? 1 : 0; };
  if (!is_sample(role) || rank(severity) <= rank(d.cap_max)) return severity;
  for (const auto& tag : rule_tags)
    if (listed(d.cap_tags, tag)) return d.cap_max;
  return severity;
}

const std::vector<std::string>& role_spec_errors() { return role_data().errors; }

namespace {
/// "da", "en", "fil", "en_gb", "pt-br", "zh_hans" (already lower case).
bool looks_like_locale(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  if (i == s.size()) return true;
  if (s[i] != '_' && s[i] != '-') return false;
  const size_t region = s.size() - i - 1;
  if (region < 2 || region > 4) return false;
  for (size_t k = i + 1; k < s.size(); ++k)
    if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9'))) return false;
  return true;
}
}  // namespace

bool is_source_code(std::string_view path, const LanguageInfo& language) {
  if (language.data) return false;
  const std::string p = ascii_lower(path);
  const size_t slash = p.rfind('/');
  const std::string_view name = std::string_view(p).substr(slash == std::string::npos ? 0 : slash + 1);
  if (name.ends_with(".lock") || name == "package-lock.json" || name == "npm-shrinkwrap.json" ||
      name == "pnpm-lock.yaml" || name == "go.sum")
    return false;
  for (std::string_view ext : {".po", ".pot", ".mo", ".xlf", ".xliff", ".resx", ".strings", ".arb"})
    if (name.ends_with(ext)) return false;
  // Translation catalogues kept as code: `locales/en.js`, `i18n/messages.ts`, and under the
  // ambiguous `lang/` (also a name for language support code) only a locale-named entry:
  // `resources/lang/da/messages.php`, `lang/en_GB.php`.
  const std::string segments = "/" + p;
  for (std::string_view dir : {"/locale/", "/locales/", "/i18n/", "/l10n/", "/translations/"})
    if (segments.find(dir) != std::string::npos) return false;
  for (std::string_view dir : {"/lang/", "/langs/"}) {
    for (size_t at = segments.find(dir); at != std::string::npos; at = segments.find(dir, at + 1)) {
      std::string_view rest = std::string_view(segments).substr(at + dir.size());
      std::string_view next = rest.substr(0, rest.find('/'));
      if (next == rest) next = next.substr(0, next.find('.'));  // a file: its stem
      if (looks_like_locale(next)) return false;
    }
  }
  return true;
}

}  // namespace rh
