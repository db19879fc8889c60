// Licence checks: licence files identified by text similarity (licence_match.h), licences
// declared in manifests and publiccode.yml, SPDX headers against the repository licence.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

#include "core/repo_paths.h"
#include "health/checks.h"
#include "health/licence_match.h"

namespace rh::health {
namespace {

/// LICENSE, LICENCE, COPYING, UNLICENSE (any extension or suffix such as LICENSE-MIT) at the
/// top level, and REUSE's LICENSES/<id>.txt.
bool is_licence_file(std::string_view path) {
  const std::string p = lower_path(path);
  if (p.rfind("licenses/", 0) == 0 && p.find('/', 9) == std::string::npos)  // REUSE: LICENSES/<id>.txt
    return p.size() > 13 && p.compare(p.size() - 4, 4, ".txt") == 0;
  if (p.find('/') != std::string::npos) return false;
  for (std::string_view start : {"license", "licence", "copying", "unlicense"})
    if (p.rfind(start, 0) == 0) return true;
  return false;
}

/// The `license` of package.json / composer.json, Cargo.toml / pyproject.toml at the top level.
void read_manifest_declarations(const Repo& repo, std::vector<LicenceDeclaration>& out) {
  for (const auto* e : repo.files()) {
    if (e->path.find('/') != std::string::npos) continue;
    const std::string name = lower_path(e->path);
    if (name == "package.json" || name == "composer.json") {
      auto j = nlohmann::json::parse(repo.read(*e), nullptr, false);
      if (j.is_object() && j.contains("license") && j["license"].is_string())
        out.push_back({e->path, 0, j["license"].get<std::string>(), "manifest"});
    } else if (name == "cargo.toml" || name == "pyproject.toml") {
      static const std::regex line_re(R"re(^\s*license\s*=\s*(?:\{\s*text\s*=\s*)?"([^"]+)")re");
      std::istringstream in(repo.read(*e));
      std::string line;
      for (int64_t n = 1; std::getline(in, line); ++n) {
        std::smatch m;
        if (std::regex_search(line, m, line_re)) {
          out.push_back({e->path, n, m[1].str(), "manifest"});
          break;
        }
      }
    }
  }
  const Repo::Publiccode& pc = repo.publiccode();
  if (pc.entry && !pc.facts.licence.empty())
    out.push_back({pc.entry->path, pc.facts.licence_line, pc.facts.licence, "publiccode"});
}

std::set<std::string> ids_of(const std::string& expression) {
  std::set<std::string> out;
  for (auto& id : spdx_expression_ids(expression)) out.insert(id);
  return out;
}

/// "GPL-2.0+" and "GPL-2.0-or-later" name the same licence; so do the deprecated bare ids.
std::string canonical_id(std::string id) {
  if (id.size() > 1 && id.back() == '+') return id.substr(0, id.size() - 1) + "-or-later";
  return id;
}

bool same_licence(const std::string& a, const std::string& b) {
  auto family = [](std::string id) {
    id = canonical_id(id);
    for (std::string_view suffix : {"-only", "-or-later"})
      if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0)
        id.resize(id.size() - suffix.size());
    return lower_path(id);
  };
  return family(a) == family(b);
}

/// The licence files identified, the headers counted, and the repository licence: the identified
/// files' licences (a declaration naming exactly those gives their combination, "MIT OR
/// Apache-2.0"), else the first declared licence.
std::map<std::string, std::vector<const FileFacts*>> gather(const Repo& repo, LicenceFacts& lic) {
  read_manifest_declarations(repo, lic.declarations);
  std::vector<std::string> preferred;
  for (const auto& d : lic.declarations)
    for (const auto& id : spdx_expression_ids(d.expression)) preferred.push_back(canonical_id(id));
  std::map<std::string, std::vector<const FileFacts*>> headers;  // expression -> files
  for (const auto& f : repo.result().files)
    if (!f.spdx_license.empty() && !in_vendored_folder(f.path)) {
      headers[f.spdx_license].push_back(&f);
      ++lic.files_with_spdx_header;
      for (const auto& id : spdx_expression_ids(f.spdx_license)) preferred.push_back(canonical_id(id));
    }
  for (const auto* e : repo.find(is_licence_file)) {
    LicenceMatch m = identify_licence(repo.read(*e), preferred);
    LicenceFile file{e->path, m.spdx_id, m.name, m.confidence, m.osi_approved, m.alternatives};
    if (file.spdx_id.empty() && !m.closest.empty()) file.name = "closest: " + m.closest;
    lic.files.push_back(std::move(file));
  }
  std::set<std::string> file_ids;
  for (const auto& f : lic.files)
    if (!f.spdx_id.empty()) file_ids.insert(f.spdx_id);
  for (const auto& d : lic.declarations) {
    std::set<std::string> ids = ids_of(d.expression);
    bool covers = !file_ids.empty() && ids.size() == file_ids.size() &&
                  std::all_of(file_ids.begin(), file_ids.end(), [&](const std::string& f) {
                    return std::any_of(ids.begin(), ids.end(), [&](const std::string& i) { return same_licence(f, i); });
                  });
    if (covers) lic.licence = d.expression;
  }
  if (lic.licence.empty())
    for (const auto& id : file_ids) lic.licence += (lic.licence.empty() ? "" : " AND ") + id;
  if (lic.licence.empty() && !lic.declarations.empty()) lic.licence = lic.declarations.front().expression;
  std::set<std::string> repo_ids = ids_of(lic.licence);
  if (!repo_ids.empty()) {
    lic.osi_approved = std::all_of(repo_ids.begin(), repo_ids.end(), [](const std::string& id) {
      const SpdxLicence* s = find_spdx_licence(canonical_id(id));
      return s && s->osi_approved;
    });
    lic.community_default = std::any_of(repo_ids.begin(), repo_ids.end(), [](const std::string& id) {
      return same_licence(id, "MPL-2.0");
    });
  }
  return headers;
}

void present_check(const Repo& repo, LicenceFacts& lic, HealthFacts& out) {
  const bool identified = std::any_of(lic.files.begin(), lic.files.end(), [](const LicenceFile& f) { return !f.spdx_id.empty(); });
  HealthCheck present = make_check("licence.present");
  for (const auto& f : lic.files)
    if (present.evidence.size() < kMaxEvidence)
      present.evidence.push_back({f.path, 0,
                                  f.spdx_id.empty() ? "not identified (" + f.name + ", " + whole_percent(f.confidence) + ")"
                                                    : f.spdx_id + " (" + f.name + "), similarity " + whole_percent(f.confidence)});
  for (const auto& d : lic.declarations)
    present.evidence.push_back({d.path, d.line, "declares " + d.expression});
  if (repo.empty()) {
    conclude(present, "inconclusive", "The repository has no files.");
  } else if (identified) {
    conclude(present, "pass", "Licence: " + lic.licence + ".");
  } else if (!lic.files.empty()) {
    conclude(present, "warn", "A licence file was found but its text matches no SPDX licence well enough.",
             "Use the unmodified licence text from spdx.org/licenses (MPL-2.0 is the community's default).");
  } else if (!lic.declarations.empty()) {
    conclude(present, "warn", "The licence is declared (" + lic.licence + ") but no licence text is committed.",
             "Add a LICENSE file with the full licence text.");
  } else {
    conclude(present, "fail", "No licence file and no declared licence: nobody may legally reuse the code.",
             "Add a LICENSE file with the MPL-2.0 text (the community's default) or another OSI licence.");
  }
  out.checks.push_back(std::move(present));

}

void osi_check(const std::set<std::string>& repo_ids, const LicenceFacts& lic, HealthFacts& out) {
  HealthCheck osi = make_check("licence.osi-approved");
  if (repo_ids.empty()) {
    conclude(osi, "inconclusive", "No licence was identified, so OSI approval cannot be judged.");
  } else {
    for (const auto& id : repo_ids) {
      const SpdxLicence* s = find_spdx_licence(canonical_id(id));
      osi.evidence.push_back({"", 0, id + (s ? (s->osi_approved ? ": OSI approved" : ": not OSI approved") : ": not an SPDX licence id")});
    }
    if (lic.osi_approved)
      conclude(osi, "pass", lic.licence + " is OSI approved.");
    else
      conclude(osi, "fail", lic.licence + " is not (entirely) an OSI-approved licence.",
               "Relicense under an OSI-approved licence; MPL-2.0 is the community's default.");
  }
  out.checks.push_back(std::move(osi));

}

void default_check(const std::set<std::string>& repo_ids, const LicenceFacts& lic, HealthFacts& out) {
  HealthCheck def = make_check("licence.community-default");
  if (repo_ids.empty())
    conclude(def, "inconclusive", "No licence was identified.");
  else if (lic.community_default)
    conclude(def, "pass", "The repository uses MPL-2.0, the community's default licence.");
  else
    conclude(def, "warn", "The repository uses " + lic.licence + ", not the community's default MPL-2.0.",
             "Agree the licence with the community; MPL-2.0 is the default for shared products.");
  out.checks.push_back(std::move(def));

}

void headers_check(const Repo& repo, const std::map<std::string, std::vector<const FileFacts*>>& headers,
                   const std::set<std::string>& repo_ids, LicenceFacts& lic, HealthFacts& out) {
  HealthCheck hdr = make_check("licence.headers");
  for (const auto& [expression, files] : headers) {
    bool known = true, agrees = !repo_ids.empty();
    for (const auto& id : spdx_expression_ids(expression)) {
      if (!find_spdx_licence(canonical_id(id))) known = false;
      if (!std::any_of(repo_ids.begin(), repo_ids.end(), [&](const std::string& r) { return same_licence(r, id); }))
        agrees = false;
    }
    if (repo_ids.empty() && known) continue;
    if (agrees && known) continue;
    for (const auto* f : files) {
      lic.header_conflicts.push_back({f->path, 0, expression, "spdx_header"});
      if (hdr.evidence.size() < kMaxEvidence)
        hdr.evidence.push_back({f->path, 0, "SPDX-License-Identifier: " + expression +
                                                (known ? " (the repository licence is " + lic.licence + ")" : " (not an SPDX licence id)")});
    }
  }
  if (repo.empty())
    conclude(hdr, "inconclusive", "The repository has no files.");
  else if (lic.files_with_spdx_header == 0)
    conclude(hdr, "not_applicable", "No file carries an SPDX-License-Identifier header.");
  else if (!lic.header_conflicts.empty())
    conclude(hdr, "fail",
             std::to_string(lic.header_conflicts.size()) + " of " + std::to_string(lic.files_with_spdx_header) +
                 " files with an SPDX header name a licence that contradicts the repository licence.",
             "Correct the headers, or document why those files carry another licence (e.g. a REUSE.toml).");
  else if (repo_ids.empty())
    conclude(hdr, "inconclusive", std::to_string(lic.files_with_spdx_header) +
                                      " files carry SPDX headers, but the repository licence is unknown.");
  else
    conclude(hdr, "pass", std::to_string(lic.files_with_spdx_header) + " files carry SPDX headers that agree with " +
                              lic.licence + ".");
  out.checks.push_back(std::move(hdr));
}

}  // namespace

void licence_checks(const Repo& repo, HealthFacts& out) {
  LicenceFacts& lic = out.licence;
  auto headers = gather(repo, lic);
  const std::set<std::string> repo_ids = ids_of(lic.licence);
  present_check(repo, lic, out);
  osi_check(repo_ids, lic, out);
  default_check(repo_ids, lic, out);
  headers_check(repo, headers, repo_ids, lic, out);
}

}  // namespace rh::health
