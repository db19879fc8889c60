// History sections of the HTML report: ownership and knowledge, process and releases.
#include <algorithm>
#include <map>

#include "reports/html_sections.h"
#include "reports/svg_charts.h"

namespace rh::html {
namespace {

constexpr size_t kAuthorRows = 15;
constexpr size_t kOrganisationRows = 15;

std::string yes_no(const Translation& t, bool v) { return t.text(v ? "common.yes" : "common.no"); }

}  // namespace

Data ownership(const Context& c) {
  const auto& t = c.t;
  if (!c.result.history) return not_analysed(t, "reason.history");
  const HistoryFacts& h = *c.result.history;
  const RepoHistory& repo = h.repository;
  Data o;

  // Truck factor: the value, what it means, and who it is.
  List truck_authors;
  for (const auto& id : repo.truck_factor.authors)
    truck_authors.push_back(Data("name", person_name(c.result, id)));
  o.set("truck_sentence",
        t.format("ownership.truck_sentence",
                 {{"n", t.integer(repo.truck_factor.value)}, {"files", t.integer(repo.truck_factor.files)}}));
  o.set("has_truck_authors", !truck_authors.empty());
  o.set("truck_authors", truck_authors);
  o.set("facts", facts_list({
                     {t.text("ownership.truck_factor"), t.integer(repo.truck_factor.value)},
                     {t.text("ownership.active_truck_factor"), t.integer(repo.active_truck_factor.value)},
                     {t.text("ownership.elephant_factor"), t.integer(repo.elephant_factor)},
                     {t.text("ownership.contributors"), t.integer(repo.contributors)},
                     {t.text("ownership.active_contributors"), t.integer(repo.active_contributors)},
                     {t.text("ownership.bots"), t.integer(static_cast<int64_t>(repo.bots.size()))},
                 }));

  // Files per main author.
  std::map<std::string, int64_t> per_author;
  for (const auto& f : h.files)
    if (!f.main_author.empty()) per_author[f.main_author]++;
  std::vector<std::pair<std::string, int64_t>> authors(per_author.begin(), per_author.end());
  std::stable_sort(authors.begin(), authors.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const double total_files = static_cast<double>(std::max<size_t>(1, h.files.size()));
  std::map<std::string, const Contributor*> people;
  for (const auto& a : repo.authors) people[a.id] = &a;
  List author_rows;
  for (size_t i = 0; i < authors.size() && i < kAuthorRows; ++i) {
    Data row;
    auto p = people.find(authors[i].first);
    row.set("name", person_name(c.result, authors[i].first));
    row.set("organisation", p == people.end() ? "" : p->second->organisation);
    row.set("files", t.integer(authors[i].second));
    row.set("share", t.percent(static_cast<double>(authors[i].second) / total_files));
    row.set("active", p == people.end() ? "" : yes_no(t, p->second->active));
    author_rows.push_back(row);
  }
  o.set("authors", author_rows);
  set_text(
      o, "authors_more",
      authors.size() > kAuthorRows
          ? t.format("common.more", {{"n", t.integer(static_cast<int64_t>(authors.size() - kAuthorRows))}})
          : "");

  // Organisations: shares of commits as bars, and a table.
  int64_t all_commits = 0;
  for (const auto& org : repo.organisations) all_commits += org.commits;
  std::vector<ChartBar> bars;
  List org_rows;
  for (size_t i = 0; i < repo.organisations.size() && i < kOrganisationRows; ++i) {
    const auto& org = repo.organisations[i];
    double share = all_commits > 0 ? static_cast<double>(org.commits) / static_cast<double>(all_commits) : 0;
    bars.push_back({org.name, share, t.percent(share)});
    Data row;
    row.set("name", org.name);
    row.set("kind", t.text("ownership.kind_" + (org.kind.empty() ? std::string("organisation") : org.kind)));
    row.set("authors", t.integer(org.authors));
    row.set("active", t.integer(org.active_authors));
    row.set("commits", t.integer(org.commits));
    row.set("share", t.percent(share));
    row.set("files", t.integer(org.files_owned));
    org_rows.push_back(row);
  }
  o.set("organisations", org_rows);
  o.set("has_organisations", !org_rows.empty());
  o.set("organisations_svg", svg_bars(bars, t.text("ownership.organisation_shares"), 1.0));

  const KnowledgeLoss& k = repo.knowledge_loss;
  o.set("knowledge",
        facts_list({
            {t.text("ownership.files_with_authors"), t.integer(k.files)},
            {t.text("ownership.files_lost"), t.integer(k.files_lost) + " (" + t.percent(k.file_share) + ")"},
            {t.text("ownership.lines_lost"), t.integer(k.lines_lost) + " (" + t.percent(k.line_share) + ")"},
            {t.text("ownership.files_without_authors"), t.integer(k.files_without_authors)},
        }));
  return o;
}

Data process(const Context& c) {
  const auto& t = c.t;
  if (!c.result.history) return not_analysed(t, "reason.history");
  const RepoHistory& repo = c.result.history->repository;
  const ReleasePractice& rel = repo.releases;
  const TraceabilityPractice& tr = repo.traceability;
  Data p;
  auto opt_date = [&](const std::string& iso) { return iso.empty() ? t.text("common.none") : t.date(iso); };
  p.set("history", facts_list({
                       {t.text("process.commits"), t.integer(repo.commits)},
                       {t.text("process.merges"), t.integer(repo.merges)},
                       {t.text("process.first_commit"), opt_date(repo.first_commit_date)},
                       {t.text("process.last_commit"), opt_date(repo.last_commit_date)},
                       {t.text("process.shallow"), yes_no(t, repo.shallow)},
                   }));
  p.set(
      "releases",
      facts_list({
          {t.text("process.tags"), t.integer(rel.tags)},
          {t.text("process.semver_tags"), t.integer(rel.semver_tags)},
          {t.text("process.releases"), t.integer(rel.releases)},
          {t.text("process.releases_12m"), t.integer(rel.releases_last_12_months)},
          {t.text("process.last_release"),
           rel.last_release.empty() ? t.text("common.none") : rel.last_release},
          {t.text("process.last_release_date"), opt_date(rel.last_release_date)},
          {t.text("process.days_since_release"),
           rel.days_since_last_release < 0 ? t.text("common.none") : t.integer(rel.days_since_last_release)},
          {t.text("process.commits_since_tag"),
           rel.commits_since_last_tag < 0 ? t.text("common.none") : t.integer(rel.commits_since_last_tag)},
          {t.text("process.changelog"), yes_no(t, rel.has_changelog)},
          {t.text("process.changelog_intervals"),
           t.integer(rel.release_intervals_with_changelog) + " / " + t.integer(rel.release_intervals)},
      }));
  p.set("traceability", facts_list({
                            {t.text("process.issue_references"), t.percent(tr.issue_reference_share)},
                            {t.text("process.conventional"), t.percent(tr.conventional_share)},
                            {t.text("process.signed"), t.percent(tr.signed_share)},
                            {t.text("process.pull_requests"), t.percent(tr.pull_request_share)},
                            {t.text("process.median_files"), t.decimal(tr.median_commit_files)},
                            {t.text("process.median_lines"), t.decimal(tr.median_commit_lines)},
                        }));
  return p;
}

}  // namespace rh::html
