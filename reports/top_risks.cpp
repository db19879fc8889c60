// Top risks: the scoring inputs that took the most (weighted) points, each explained from the
// model with the figures, files and people behind it (reports/top_risks.h).
#include "reports/top_risks.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/classify.h"
#include "core/language.h"
#include "reports/rule_text.h"

namespace rh {
namespace {

constexpr size_t kLocations = 3;
constexpr size_t kPeople = 3;
constexpr double kMinPoints = 1;
// The thresholds of docs/scoring.md (analyzer/health/scoring.cpp), for the evidence lists.
constexpr int64_t kComplexCognitive = 15;
constexpr int64_t kLargeFileLines = 1000;
constexpr double kLowMaintainability = 20;

bool product_code(const FileFacts& f) {
  const LanguageInfo* lang = find_language(f.language);
  return lang && !lang->data && f.lines.code > 0 && f.role == kProductRole;
}

std::string person(const ScanResult& r, const std::string& id) {
  if (r.history)
    for (const auto& a : r.history->repository.authors)
      if (a.id == id) return a.name.empty() ? id : a.name;
  return id;
}

const HealthCheck* find_check(const ScanResult& r, const std::string& id) {
  if (!r.health) return nullptr;
  for (const auto& c : r.health->checks)
    if (c.id == id) return &c;
  return nullptr;
}

/// Who acts on a failing check: the product owner for what the product promises (licence,
/// documentation, releases, upkeep), the maintainers for how the code is built and kept.
std::string check_actor(const std::string& id) {
  if (id.starts_with("licence.") || id.starts_with("docs.") || id == "process.maintained" || id == "process.releases")
    return "product_owner";
  if (id == "process.organisations" || id == "process.truck-factor" || id == "process.knowledge-loss")
    return "steering_group";
  return "maintainer";
}

/// Sorts `items` by `key` (largest first) and keeps the first kLocations, counting the rest.
template <typename T, typename Key, typename Show>
void take_locations(Risk& risk, std::vector<T> items, Key key, Show show) {
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) > key(b); });
  for (size_t i = 0; i < items.size(); ++i) {
    if (i < kLocations)
      risk.locations.push_back(show(items[i]));
    else
      ++risk.more_locations;
  }
}

/// Product code files that match, and their share of the code lines of those considered.
struct CodeShare {
  std::vector<const FileFacts*> files;
  int64_t code = 0, matched_code = 0;
  double share() const { return code > 0 ? static_cast<double>(matched_code) / static_cast<double>(code) : 0; }
};

struct Explainer {
  const ScanResult& r;
  const Translation& t;

  /// Over the product code files that `considered` accepts: those that `match`.
  template <typename Match, typename Considered>
  CodeShare share_of_code(Match match, Considered considered) const {
    CodeShare out;
    for (const auto& f : r.files) {
      if (!product_code(f) || !considered(f)) continue;
      out.code += f.lines.code;
      if (match(f)) {
        out.matched_code += f.lines.code;
        out.files.push_back(&f);
      }
    }
    return out;
  }
  template <typename Match>
  CodeShare share_of_code(Match match) const {
    return share_of_code(match, [](const FileFacts&) { return true; });
  }

  void complexity(Risk& k) const {
    std::vector<std::pair<const FileFacts*, const FunctionMetrics*>> fns;
    int64_t nloc = 0, complex_nloc = 0;
    for (const auto& f : r.files) {
      if (!product_code(f)) continue;
      for (const auto& fn : f.functions) {
        nloc += fn.nloc;
        if (fn.cognitive > kComplexCognitive) {
          complex_nloc += fn.nloc;
          fns.push_back({&f, &fn});
        }
      }
    }
    k.title = t.text("risk.complexity_title");
    k.evidence = t.format("risk.complexity_evidence",
                          {{"share", t.percent(nloc > 0 ? static_cast<double>(complex_nloc) / static_cast<double>(nloc) : 0)},
                           {"n", t.integer(static_cast<int64_t>(fns.size()))},
                           {"limit", t.integer(kComplexCognitive)}});
    take_locations(k, fns, [](const auto& p) { return p.second->cognitive; },
                   [](const auto& p) { return p.first->path + ":" + std::to_string(p.second->start_line) + " " + p.second->name; });
    k.remedy = t.text("risk.complexity_remedy");
    k.actor = "maintainer";
  }

  void size(Risk& k) const {
    const CodeShare large = share_of_code([](const FileFacts& f) { return f.lines.code > kLargeFileLines; });
    k.title = t.text("risk.size_title");
    k.evidence = t.format("risk.size_evidence",
                          {{"share", t.percent(large.share())},
                           {"n", t.integer(static_cast<int64_t>(large.files.size()))},
                           {"limit", t.integer(kLargeFileLines)}});
    take_locations(k, large.files, [](const FileFacts* f) { return f->lines.code; },
                   [](const FileFacts* f) { return f->path; });
    k.remedy = t.text("risk.size_remedy");
    k.actor = "maintainer";
  }

  void duplication(Risk& k) const {
    const Duplication& d = r.duplication;
    const double percent = d.product_code_lines > 0 ? static_cast<double>(d.product_duplicated_lines) /
                                                          static_cast<double>(d.product_code_lines)
                                                    : d.duplicated_percent / 100;
    std::vector<const FileFacts*> files;
    for (const auto& f : r.files)
      if (product_code(f) && f.duplicated_lines > 0) files.push_back(&f);
    k.title = t.text("risk.duplication_title");
    k.evidence = t.format("risk.duplication_evidence",
                          {{"share", t.percent(percent, 1)},
                           {"groups", t.integer(static_cast<int64_t>(d.groups.size()))}});
    take_locations(k, files, [](const FileFacts* f) { return f->duplicated_lines; },
                   [](const FileFacts* f) { return f->path; });
    k.remedy = t.text("risk.duplication_remedy");
    k.actor = "maintainer";
  }

  void maintainability_index(Risk& k) const {
    const CodeShare low = share_of_code(
        [](const FileFacts& f) { return *f.maintainability_index < kLowMaintainability; },
        [](const FileFacts& f) { return f.maintainability_index.has_value(); });
    k.title = t.text("risk.maintainability_index_title");
    k.evidence = t.format("risk.maintainability_index_evidence",
                          {{"share", t.percent(low.share())}, {"n", t.integer(static_cast<int64_t>(low.files.size()))}});
    take_locations(k, low.files, [](const FileFacts* f) { return f->lines.code; },
                   [](const FileFacts* f) { return f->path; });
    k.remedy = t.text("risk.maintainability_index_remedy");
    k.actor = "maintainer";
  }

  void truck_factor(Risk& k) const {
    const auto& tf = r.history->repository.truck_factor;
    k.title = t.format("risk.truck_factor_title", {{"n", t.integer(tf.value)}});
    k.evidence = t.format("risk.truck_factor_evidence", {{"n", t.integer(tf.value)}, {"files", t.integer(tf.files)}});
    for (size_t i = 0; i < tf.authors.size() && i < kPeople; ++i) k.people.push_back(person(r, tf.authors[i]));
    k.remedy = t.text("risk.truck_factor_remedy");
    k.actor = "steering_group";
  }

  void knowledge_loss(Risk& k) const {
    const auto& kl = r.history->repository.knowledge_loss;
    k.title = t.text("risk.knowledge_loss_title");
    k.evidence = t.format("risk.knowledge_loss_evidence", {{"share", t.percent(kl.line_share)},
                                                           {"lines", t.integer(kl.lines_lost)},
                                                           {"files", t.integer(kl.files_lost)}});
    std::map<std::string, int64_t> former;  // inactive authors by the files they knew
    std::vector<const FileHistory*> lost;
    for (const auto& fh : r.history->files)
      if (fh.knowledge_lost) {
        lost.push_back(&fh);
        for (const auto& a : fh.doa_authors) ++former[a];
      }
    // Program code before data and configuration, then the largest first.
    std::map<std::string, std::pair<bool, int64_t>> code;
    for (const auto& f : r.files) {
      const LanguageInfo* lang = find_language(f.language);
      code[f.path] = {lang && !lang->data, f.lines.code};
    }
    take_locations(k, lost,
                   [&](const FileHistory* fh) {
                     auto it = code.find(fh->path);
                     return it == code.end() ? std::pair<bool, int64_t>{false, 0} : it->second;
                   },
                   [](const FileHistory* fh) { return fh->path; });
    std::vector<std::pair<std::string, int64_t>> people(former.begin(), former.end());
    std::stable_sort(people.begin(), people.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < people.size() && i < kPeople; ++i) k.people.push_back(person(r, people[i].first));
    k.remedy = t.text("risk.knowledge_loss_remedy");
    k.actor = "product_owner";
  }

  void elephant_factor(Risk& k) const {
    const auto& repo = r.history->repository;
    k.title = t.text("risk.elephant_factor_title");
    k.evidence = t.format("risk.elephant_factor_evidence", {{"n", t.integer(repo.elephant_factor)}});
    for (const auto& o : repo.organisations) {
      if (k.people.size() >= static_cast<size_t>(std::max<int64_t>(repo.elephant_factor, 1))) break;
      k.people.push_back(o.kind == "organisation" ? o.name : person(r, o.name));
    }
    k.remedy = t.text("risk.elephant_factor_remedy");
    k.actor = "steering_group";
  }

  void active_authors(Risk& k) const {
    k.title = t.text("risk.active_authors_title");
    k.evidence = t.format("risk.active_authors_evidence",
                          {{"last", t.date(r.history->repository.last_commit_date)}});
    k.remedy = t.text("risk.active_authors_remedy");
    k.actor = "steering_group";
  }

  void check(Risk& k, const HealthCheck& c) const {
    k.check = &c;
    k.title = t.format("risk.check_title", {{"check", t.catalogue("check." + c.id + ".title", c.title)},
                                            {"status", t.text("status." + c.status)}});
    k.evidence = t.message(c.summary_message, c.summary);
    std::set<std::string> seen;
    std::vector<std::string> where;
    for (const auto& e : c.evidence)
      if (!e.path.empty() && seen.insert(e.path).second) where.push_back(e.line > 0 ? e.path + ":" + std::to_string(e.line) : e.path);
    for (size_t i = 0; i < where.size(); ++i) {
      if (i < kLocations)
        k.locations.push_back(where[i]);
      else
        ++k.more_locations;
    }
    k.remedy = c.remedy.empty() ? "" : t.message(c.remedy_message, c.remedy);
    k.actor = check_actor(c.id);
  }

  void rule(Risk& k, const RuleDescriptor& rule) const {
    std::vector<const Finding*> open;
    int64_t errors = 0;
    for (const auto& f : r.findings)
      if (f.rule_id == rule.id && !f.suppression) {
        open.push_back(&f);
        errors += f.severity == "error";
      }
    k.title = rule_title(&rule, rule.id, t.lang());
    k.evidence = t.format("risk.rule_evidence", {{"n", t.integer(static_cast<int64_t>(open.size()))},
                                                 {"errors", t.integer(errors)}});
    for (size_t i = 0; i < open.size(); ++i) {
      if (i < kLocations)
        k.locations.push_back(open[i]->start_line > 0 ? open[i]->path + ":" + std::to_string(open[i]->start_line)
                                                      : open[i]->path);
      else
        ++k.more_locations;
    }
    k.remedy = t.text("risk.rule_remedy");
    k.actor = "maintainer";
  }

  /// Fills the risk from its input; false when the model cannot explain it (an input this
  /// version does not know), which leaves it out rather than showing it unexplained.
  bool explain(Risk& k) const {
    if (const HealthCheck* c = find_check(r, k.input)) {
      check(k, *c);
      return true;
    }
    if (const RuleDescriptor* rule_descriptor = find_rule(r.rules, k.input)) {
      rule(k, *rule_descriptor);
      return true;
    }
    if (k.input == "complexity") complexity(k);
    else if (k.input == "size") size(k);
    else if (k.input == "duplication") duplication(k);
    else if (k.input == "maintainability_index") maintainability_index(k);
    else if (!r.history) return false;
    else if (k.input == "truck_factor") truck_factor(k);
    else if (k.input == "knowledge_loss") knowledge_loss(k);
    else if (k.input == "elephant_factor") elephant_factor(k);
    else if (k.input == "active_authors") active_authors(k);
    else return false;
    return true;
  }
};

std::string input_name(const ScanResult& r, const Translation& t, const std::string& name) {
  if (const HealthCheck* c = find_check(r, name)) return t.catalogue("check." + c->id + ".title", c->title);
  if (const RuleDescriptor* rule = find_rule(r.rules, name)) return rule_title(rule, rule->id, t.lang());
  return t.text_or("score_input." + name, name);
}

}  // namespace

std::vector<Risk> top_risks(const ScanResult& result, const Translation& t, size_t max) {
  std::vector<Risk> risks;
  if (!result.health) return risks;
  for (const auto& d : result.health->scores.dimensions) {
    if (!d.score) continue;
    for (const auto& in : d.inputs) {
      if (-in.points < kMinPoints) continue;
      Risk k;
      k.input = in.name;
      k.dimension = d.id;
      k.points = -in.points;
      k.weight = k.points * d.weight;
      if (k.weight <= 0) continue;
      risks.push_back(std::move(k));
    }
  }
  std::stable_sort(risks.begin(), risks.end(), [](const Risk& a, const Risk& b) { return a.weight > b.weight; });
  const Explainer explainer{result, t};
  std::vector<Risk> out;
  for (auto& k : risks) {
    if (out.size() >= max) break;
    if (explainer.explain(k)) out.push_back(std::move(k));
  }
  return out;
}

std::vector<std::string> grade_movers(const ScanResult& result, const DimensionScore& dimension,
                                      const Translation& t, size_t max) {
  std::vector<const ScoreInput*> inputs;
  for (const auto& in : dimension.inputs)
    if (in.points < 0) inputs.push_back(&in);
  std::stable_sort(inputs.begin(), inputs.end(), [](const ScoreInput* a, const ScoreInput* b) { return a->points < b->points; });
  std::vector<std::string> out;
  for (size_t i = 0; i < inputs.size() && i < max; ++i)
    out.push_back(input_name(result, t, inputs[i]->name) + " −" + t.decimal(-inputs[i]->points, 1));
  return out;
}

}  // namespace rh
