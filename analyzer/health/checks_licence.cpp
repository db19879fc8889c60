// Licence checks: licence files identified by text similarity (licence_match.h), licences
// declared in manifests and publiccode.yml (and whether they contradict the files), licence files
// in sub-folders, SPDX headers against the repository licence.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

#include "core/repo_paths.h"
#include "core/text.h"
#include "health/checks.h"
#include "health/licence_match.h"
#include "health/licence_sources.h"

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

/// The file's -only / -or-later variant as the repository states it (GNU texts tie).
void choose_variant(const Repo& repo, const LicenceFacts& lic, LicenceFile& file) {
  auto basis = gnu_variant_basis(repo, file.spdx_id, file.path, lic.declarations);
  if (!basis) return;
  const SpdxLicence* s = find_spdx_licence(basis->spdx_id);
  if (!s) return;
  file.alternatives.erase(std::remove_if(file.alternatives.begin(), file.alternatives.end(),
                                         [&](const std::string& a) { return a == basis->spdx_id || same_licence(a, basis->spdx_id); }),
                          file.alternatives.end());
  file.spdx_id = std::string(s->id);
  file.name = std::string(s->name);
  file.osi_approved = s->osi_approved;
  file.variant_basis = {basis->path, basis->line, basis->what};
}

LicenceFile identify(const Repo& repo, const SourceEntry& e, const std::vector<std::string>& preferred) {
  LicenceMatch m = identify_licence(repo.read(e), preferred);
  LicenceFile file{e.path, m.spdx_id, m.name, m.confidence, m.osi_approved, m.alternatives, {}};
  if (file.spdx_id.empty() && !m.closest.empty()) file.name = "closest: " + m.closest;
  return file;
}

/// A declaration agrees with the licence files when one of its ids names one of the files'
/// licences: "MIT OR Apache-2.0" beside an MIT file, "GPL-2.0+" or the bare legacy "GPL-2.0"
/// beside GPL-2.0-or-later. An explicit -only against a file whose notice says -or-later (or the
/// reverse) does not agree; npm's "SEE LICENSE IN <file>" points at the file and always agrees.
bool agrees(const LicenceDeclaration& d, const std::vector<LicenceFile>& files) {
  if (starts_with_ci(d.expression, "see license in") || starts_with_ci(d.expression, "see licence in")) return true;
  for (const auto& id : spdx_expression_ids(d.expression))
    for (const auto& f : files) {
      if (f.spdx_id.empty() || !same_licence(id, f.spdx_id)) continue;
      const std::string l = ascii_lower(canonical_id(id));
      const bool explicit_variant = l.ends_with("-only") || l.ends_with("-or-later");
      if (!explicit_variant || f.variant_basis.path.empty() || iequals(canonical_id(id), f.spdx_id)) return true;
    }
  return false;
}

/// The licence files identified, the headers counted, and the repository licence: the identified
/// files' licences (a declaration naming exactly those gives their combination, "MIT OR
/// Apache-2.0"), else the first declared licence.
std::map<std::string, std::vector<const FileFacts*>> gather(const Repo& repo, LicenceFacts& lic) {
  lic.declarations = manifest_declarations(repo);
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
    LicenceFile file = identify(repo, *e, preferred);
    if (!file.spdx_id.empty()) choose_variant(repo, lic, file);
    lic.files.push_back(std::move(file));
  }
  for (const auto* e : repo.find(is_subfolder_licence_file)) lic.subfolder_files.push_back(identify(repo, *e, {}));
  std::set<std::string> file_ids;
  for (const auto& f : lic.files)
    if (!f.spdx_id.empty()) file_ids.insert(f.spdx_id);
  for (const auto& d : lic.declarations) {
    std::set<std::string> ids = ids_of(d.expression);
    bool covers = !file_ids.empty() && ids.size() == file_ids.size() &&
                  std::all_of(file_ids.begin(), file_ids.end(), [&](const std::string& f) {
                    return std::any_of(ids.begin(), ids.end(), [&](const std::string& i) { return same_licence(f, i); });
                  });
    const bool variant_chosen = std::any_of(lic.files.begin(), lic.files.end(), [](const LicenceFile& f) { return !f.variant_basis.path.empty(); });
    if (covers && agrees(d, lic.files) && !variant_chosen) lic.licence = d.expression;
    if (!file_ids.empty() && !agrees(d, lic.files)) lic.declaration_conflicts.push_back(d);
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
  // "closest: <name>" (identify()) is the analyzer's word around a licence name.
  auto describe = [](const LicenceFile& f, const std::string& prefix) {
    if (f.spdx_id.empty()) {
      const bool closest = f.name.starts_with("closest: ");
      return msg(prefix + (closest ? "not_identified_closest" : "not_identified"),
                 {text_arg("name", closest ? f.name.substr(9) : f.name), percent_arg("similarity", f.confidence)});
    }
    std::string also;
    for (const auto& a : f.alternatives) also += (also.empty() ? "" : " ") + a;
    return msg(prefix + (also.empty() ? "identified" : "identified_also"),
               {text_arg("id", f.spdx_id), text_arg("name", f.name), percent_arg("similarity", f.confidence),
                text_arg("also", also)});
  };
  for (const auto& f : lic.files) {
    present.evidence.push_back(evidence(f.path, 0, describe(f, "licence.file.")));
    if (!f.variant_basis.path.empty())
      present.evidence.push_back(evidence(f.variant_basis.path, f.variant_basis.line,
                                          msg("licence.file.variant", {text_arg("id", f.spdx_id), text_arg("basis", f.variant_basis.text)})));
  }
  for (const auto& d : lic.declarations)
    present.evidence.push_back(evidence(d.path, d.line, msg("licence.declares", {text_arg("expression", d.expression)})));
  for (const auto& f : lic.subfolder_files) present.evidence.push_back(evidence(f.path, 0, describe(f, "licence.subfolder.")));
  if (repo.empty()) {
    conclude(present, "inconclusive", msg("common.no_files"));
  } else if (identified) {
    conclude(present, "pass", msg("licence.present.pass", {text_arg("licence", lic.licence)}));
  } else if (!lic.files.empty()) {
    conclude(present, "warn", msg("licence.present.unidentified"), msg("licence.present.remedy_unidentified"));
  } else if (!lic.declarations.empty()) {
    conclude(present, "warn", msg("licence.present.declared_only", {text_arg("licence", lic.licence)}),
             msg("licence.present.remedy_declared_only"));
  } else {
    conclude(present, "fail", msg("licence.present.missing"), msg("licence.present.remedy_missing"));
  }
  out.checks.push_back(std::move(present));
}

/// Manifests and publiccode.yml against the licence files: a package that says "proprietary" or
/// "UNLICENSED" beside an MPL-2.0 text leaves a reuser unsure which one holds.
void declarations_check(const LicenceFacts& lic, HealthFacts& out) {
  HealthCheck c = make_check("licence.declarations");
  std::string identified;
  for (const auto& f : lic.files)
    if (!f.spdx_id.empty()) identified += (identified.empty() ? "" : ", ") + f.spdx_id + " (" + f.path + ")";
  for (const auto& d : lic.declarations) {
    const bool conflict = std::find(lic.declaration_conflicts.begin(), lic.declaration_conflicts.end(), d) !=
                          lic.declaration_conflicts.end();
    // A warning's evidence is its contradictions (each becomes a finding on its line).
    if (!conflict && !lic.declaration_conflicts.empty()) continue;
    c.evidence.push_back(evidence(d.path, d.line,
                                  msg(identified.empty() ? "licence.declares_quoted"
                                      : conflict         ? "licence.declares_contradicting"
                                                         : "licence.declares_agreeing",
                                      {text_arg("expression", d.expression), text_arg("files", identified)})));
  }
  if (lic.declarations.empty())
    conclude(c, "not_applicable", msg("licence.declarations.none"));
  else if (identified.empty())
    conclude(c, "inconclusive", msg("licence.declarations.no_file"));
  else if (!lic.declaration_conflicts.empty())
    conclude(c, "warn",
             msg("licence.declarations.conflicts", {int_arg("n", static_cast<int64_t>(lic.declaration_conflicts.size())),
                                                    int_arg("of", static_cast<int64_t>(lic.declarations.size())),
                                                    text_arg("files", identified)}),
             msg("licence.declarations.remedy"));
  else
    conclude(c, "pass", msg("licence.declarations.pass", {text_arg("files", identified)}));
  out.checks.push_back(std::move(c));
}

/// Where the repository licence's `id` is stated: the licence file identified as it, else the
/// declaration naming it; "" when neither (cannot happen for an id of the repository licence).
std::pair<std::string, int64_t> stated_at(const LicenceFacts& lic, const std::string& id) {
  for (const auto& f : lic.files)
    if (!f.spdx_id.empty() && same_licence(f.spdx_id, id)) return {f.path, 0};
  for (const auto& d : lic.declarations)
    for (const auto& i : spdx_expression_ids(d.expression))
      if (same_licence(i, id)) return {d.path, d.line};
  return {"", 0};
}

void osi_check(const std::set<std::string>& repo_ids, const LicenceFacts& lic, HealthFacts& out) {
  HealthCheck osi = make_check("licence.osi-approved");
  if (repo_ids.empty()) {
    conclude(osi, "inconclusive", msg("licence.osi-approved.unknown"));
  } else {
    for (const auto& id : repo_ids) {
      const SpdxLicence* s = find_spdx_licence(canonical_id(id));
      auto [path, line] = stated_at(lic, id);
      osi.evidence.push_back(evidence(path, line, msg(s ? (s->osi_approved ? "licence.osi-approved.id_approved" : "licence.osi-approved.id_not_approved")
                                                        : "licence.osi-approved.id_unknown",
                                                      {text_arg("id", id)})));
    }
    if (lic.osi_approved)
      conclude(osi, "pass", msg("licence.osi-approved.pass", {text_arg("licence", lic.licence)}));
    else
      conclude(osi, "fail", msg("licence.osi-approved.fail", {text_arg("licence", lic.licence)}),
               msg("licence.osi-approved.remedy"));
  }
  out.checks.push_back(std::move(osi));

}

void default_check(const std::set<std::string>& repo_ids, const LicenceFacts& lic, HealthFacts& out) {
  HealthCheck def = make_check("licence.community-default");
  for (const auto& id : repo_ids) {
    auto [path, line] = stated_at(lic, id);
    def.evidence.push_back(quote(path, line, id));
  }
  if (repo_ids.empty())
    conclude(def, "inconclusive", msg("licence.community-default.unknown"));
  else if (lic.community_default)
    conclude(def, "pass", msg("licence.community-default.pass"));
  else
    conclude(def, "warn", msg("licence.community-default.warn", {text_arg("licence", lic.licence)}),
             msg("licence.community-default.remedy"));
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
      hdr.evidence.push_back(evidence(f->path, 0, msg(known ? "licence.headers.contradicts" : "licence.headers.unknown_id",
                                                      {text_arg("header", "SPDX-License-Identifier: " + expression),
                                                       text_arg("licence", lic.licence)})));
    }
  }
  const int64_t with_header = lic.files_with_spdx_header;
  if (repo.empty())
    conclude(hdr, "inconclusive", msg("common.no_files"));
  else if (with_header == 0)
    conclude(hdr, "not_applicable", msg("licence.headers.none"));
  else if (!lic.header_conflicts.empty())
    conclude(hdr, "fail",
             msg("licence.headers.fail", {int_arg("n", static_cast<int64_t>(lic.header_conflicts.size())), int_arg("of", with_header)}),
             msg("licence.headers.remedy"));
  else if (repo_ids.empty())
    conclude(hdr, "inconclusive", msg("licence.headers.licence_unknown", {int_arg("n", with_header)}));
  else
    conclude(hdr, "pass", msg("licence.headers.pass", {int_arg("n", with_header), text_arg("licence", lic.licence)}));
  out.checks.push_back(std::move(hdr));
}

}  // namespace

void licence_checks(const Repo& repo, HealthFacts& out) {
  LicenceFacts& lic = out.licence;
  auto headers = gather(repo, lic);
  const std::set<std::string> repo_ids = ids_of(lic.licence);
  present_check(repo, lic, out);
  declarations_check(lic, out);
  osi_check(repo_ids, lic, out);
  default_check(repo_ids, lic, out);
  headers_check(repo, headers, repo_ids, lic, out);
}

}  // namespace rh::health
