#include "health/health.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/embedded.h"
#include "core/repo_paths.h"
#include "health/checks.h"

namespace rh {
namespace {

std::vector<CheckSpec> load_catalog() {
  std::vector<CheckSpec> out;
  // Shipped data, checked by tests/health (catalog_test.cpp): a malformed record is a build
  // defect, not user input. The rule loader (engine/rule_loader.cpp) validates the rest of the file.
  for (const EmbeddedFile& f : embedded_files()) {
    if (!f.path.starts_with("repo/") || !f.path.ends_with(".yml")) continue;
    const YAML::Node rule = YAML::Load(std::string(f.bytes));
    const YAML::Node r = rule["repo"];
    if (!r || !r["check"]) continue;
    CheckSpec c;
    c.id = r["check"].as<std::string>();
    c.dimension = r["dimension"].as<std::string>();
    c.points = r["points"].as<double>();
    c.title = rule["title"].as<std::string>();
    c.order = r["order"].as<int>();
    if (r["requirements"])
      for (const auto& q : r["requirements"]) c.requirements.push_back(q.as<std::string>());
    if (r["looks_for"]) c.looks_for = r["looks_for"].as<std::string>();
    c.rule_file = std::string(f.path);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const CheckSpec& a, const CheckSpec& b) { return a.order < b.order; });
  return out;
}

}  // namespace

const std::vector<CheckSpec>& check_catalog() {
  static const std::vector<CheckSpec> catalog = load_catalog();
  return catalog;
}

const CheckSpec* find_check_spec(std::string_view id) {
  for (const auto& c : check_catalog())
    if (c.id == id) return &c;
  return nullptr;
}

namespace health {

Repo::Repo(const HealthInput& input) : in_(input) {
  // What the configuration excludes is out of every check too (`exclude:` in .repohealth.yml).
  std::set<std::string> excluded;
  for (const auto& s : in_.result.skipped)
    if (s.reason == "excluded") excluded.insert(s.path);
  for (const auto& e : in_.entries)
    if (e.kind != SourceEntry::Kind::submodule && !in_vendored_folder(e.path) && !excluded.count(e.path))
      files_.push_back(&e);
}

std::vector<const SourceEntry*> Repo::find(const std::function<bool(std::string_view)>& match) const {
  std::vector<const SourceEntry*> out;
  for (const auto* e : files_)
    if (match(e->path)) out.push_back(e);
  return out;
}

const SourceEntry* Repo::document(const std::vector<std::string>& stems) const {
  const SourceEntry* best = nullptr;
  int best_rank = 99;
  for (const auto* e : files_) {
    const std::string dir = lower_path(e->path.substr(0, e->path.rfind('/') == std::string::npos ? 0 : e->path.rfind('/')));
    int rank = dir.empty() ? 0 : dir == ".github" ? 1 : (dir == "docs" || dir == "doc") ? 2 : 99;
    if (rank >= best_rank) continue;
    const std::string stem = stem_lower(e->path);
    if (std::find(stems.begin(), stems.end(), stem) == stems.end()) continue;
    best = e;
    best_rank = rank;
  }
  return best;
}

const std::string& Repo::read(const SourceEntry& entry, int64_t max_bytes) const {
  static const std::string none;
  if (entry.kind == SourceEntry::Kind::symlink && !entry.link_inside) return none;  // never outside the root
  const bool whole = max_bytes == kWholeRead;
  if (whole)
    if (auto it = texts_.find(entry.path); it != texts_.end()) return it->second;
  auto text = in_.source.read(entry, max_bytes);
  std::string bytes = text ? std::move(*text) : std::string();
  if (!whole) return partial_ = std::move(bytes);
  return texts_.emplace(entry.path, std::move(bytes)).first->second;
}

const Repo::Publiccode& Repo::publiccode() const {
  if (!publiccode_) {
    publiccode_ = Publiccode{};  // not emplace(): clang sees no default constructor of a nested class here
    for (const auto* f : files_)
      if (lower_path(f->path) == "publiccode.yml" || lower_path(f->path) == "publiccode.yaml") publiccode_->entry = f;
    if (publiccode_->entry) publiccode_->facts = check_publiccode(read(*publiccode_->entry));
  }
  return *publiccode_;
}

HealthCheck make_check(const std::string& id) {
  const CheckSpec* spec = find_check_spec(id);
  if (!spec) throw std::logic_error("health check '" + id + "' has no record (rules/repo/<family>/<name>.yml)");
  HealthCheck c;
  c.id = id;
  c.dimension = spec->dimension;
  c.title = spec->title;
  return c;
}

void conclude(HealthCheck& check, std::string status, Message summary, Message remedy) {
  const bool fine = status == "pass" || status == "not_applicable";
  check.status = std::move(status);
  check.summary = english(summary);
  check.summary_message = std::move(summary);
  check.remedy_message = fine ? Message{} : std::move(remedy);
  check.remedy = check.remedy_message.empty() ? "" : english(check.remedy_message);
}

CheckEvidence evidence(std::string path, int64_t line, Message what) {
  std::string text = english(what);
  return {std::move(path), line, std::move(text), std::move(what)};
}

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string stem_lower(std::string_view path) {
  std::string base = lower_path(base_name(path));
  size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

}  // namespace health

HealthFacts analyse_health(const HealthInput& input) {
  HealthFacts out;
  health::Repo repo(input);
  health::licence_checks(repo, out);
  health::documentation_checks(repo, out);
  health::build_checks(repo, out);
  health::workflow_checks(repo, out);
  health::hygiene_checks(repo, out);
  health::process_checks(repo, out);
  // Report order is the catalog's order.
  auto rank = [](const HealthCheck& c) {
    const auto& cat = check_catalog();
    for (size_t i = 0; i < cat.size(); ++i)
      if (cat[i].id == c.id) return i;
    return cat.size();
  };
  std::stable_sort(out.checks.begin(), out.checks.end(),
                   [&](const HealthCheck& a, const HealthCheck& b) { return rank(a) < rank(b); });
  out.requirements = health::map_requirements(out.checks);
  return out;
}

}  // namespace rh
