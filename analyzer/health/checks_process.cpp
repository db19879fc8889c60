// Process checks from the history (docs/history.md): version control, maintenance, releases,
// traceability, review, organisations, truck factor, knowledge loss. Without history they are
// inconclusive, never failed.
#include <cmath>
#include <sstream>

#include "core/dates.h"
#include "health/checks.h"

namespace rh::health {
namespace {

constexpr int64_t kMinCommitsToJudge = 5;  ///< fewer commits than this say nothing about a practice

std::string no_history_reason(const ScanResult& r) {
  if (r.scan.source == "folder") return "Not a git repository: there is no history to judge.";
  return "The git history was not analysed (no commits, --no-history, or it could not be read).";
}

/// The reference date the windows end at, as a summary names it ("2024-06-01").
std::string as_of_text(const ScanResult& r) {
  if (!r.scan.as_of.empty()) return r.scan.as_of.substr(0, 10);
  return r.history ? r.history->repository.reference_date.substr(0, 10) : std::string("the scan");
}

/// A check that needs the history; returns false (and concludes "inconclusive") without it.
bool need_history(const Repo& repo, HealthCheck& c) {
  if (repo.result().history) return true;
  conclude(c, "inconclusive", no_history_reason(repo.result()));
  return false;
}

void version_control(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.version-control");
  const ScanResult& r = repo.result();
  if (r.scan.source == "folder") {
    conclude(c, "inconclusive", "Analysed as a plain folder: whether it is developed in version control cannot be seen.",
             "Scan the git repository itself, not an export of it.");
  } else if (!r.history) {
    if (repo.empty())
      conclude(c, "inconclusive", "A git repository without commits.");
    else
      conclude(c, "pass", "A git repository (history not analysed).");
  } else {
    const RepoHistory& h = r.history->repository;
    c.evidence.push_back({"", 0, std::to_string(h.commits) + " commits since " + h.first_commit_date.substr(0, 10) +
                                     (r.scan.repository_uri.empty() ? "" : ", remote " + r.scan.repository_uri)});
    conclude(c, "pass", "Developed in git: " + std::to_string(h.commits) + " commits, " +
                            std::to_string(h.contributors) + " contributors.");
  }
  out.checks.push_back(std::move(c));
}

void maintained(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.maintained");
  if (need_history(repo, c)) {
    const RepoHistory& h = repo.result().history->repository;
    // The scan's reference date, as every other window of the history (scan.as_of).
    const std::string& as_of = repo.result().scan.as_of;
    auto last = parse_iso_date(h.last_commit_date);
    auto now = as_of.empty() ? parse_iso_date(repo.result().scan.started_at) : as_of_instant(as_of);
    if (!last || !now) {
      conclude(c, "inconclusive", "The date of the last commit is unknown.");
    } else {
      const int64_t days = whole_days(*last, *now);
      c.evidence.push_back({"", 0, "last commit " + h.last_commit_date.substr(0, 10) + ", " + std::to_string(days) +
                                       " days before " + (as_of.empty() ? std::string("the scan") : as_of.substr(0, 10))});
      if (days <= 90)
        conclude(c, "pass", "The last commit is " + std::to_string(days) + " days old.");
      else
        // The summary names the date, not the age, so reports of the same revision stay equal.
        conclude(c, days <= 365 ? "warn" : "fail", "No commit in the last 90 days (the last is from " + h.last_commit_date.substr(0, 10) + ").",
                 "Agree who maintains the product and keep dependencies and fixes flowing.");
    }
  }
  out.checks.push_back(std::move(c));
}

void releases(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.releases");
  if (need_history(repo, c)) {
    const RepoHistory& h = repo.result().history->repository;
    const ReleasePractice& p = h.releases;
    if (h.shallow) {
      conclude(c, "inconclusive", "A shallow clone: tags and releases may be missing.", "Scan a full clone (git fetch --unshallow).");
    } else if (p.releases == 0) {
      conclude(c, "fail", "No version tags (" + std::to_string(p.tags) + " tags in all).",
               "Tag releases with semantic versions (v1.2.3) and describe them in the changelog.");
    } else {
      c.evidence.push_back({"", 0, std::to_string(p.releases) + " release tags, last " + p.last_release + " (" +
                                       p.last_release_date.substr(0, 10) + "), " + std::to_string(p.releases_last_12_months) +
                                       " in the 12 months before " + as_of_text(repo.result())});
      if (p.releases_last_12_months == 0)
        conclude(c, "warn", "No release in the 12 months before " + as_of_text(repo.result()) + " (last: " + p.last_release + ").",
                 "Release regularly so municipalities can take fixes without taking the main line.");
      else
        conclude(c, "pass", std::to_string(p.releases_last_12_months) + " releases in the 12 months before " + as_of_text(repo.result()) +
                                " (last: " + p.last_release + ").");
    }
  }
  out.checks.push_back(std::move(c));
}

/// A practice measured as a share of commits: pass from `pass_at`, warn from `warn_at`, fail
/// below; inconclusive with fewer than kMinCommitsToJudge commits. `what` completes "N of M …".
struct SharePractice {
  int64_t part, whole;
  double share, pass_at, warn_at;
  std::string what, remedy;
};

void judge_share(HealthCheck& c, const SharePractice& p) {
  c.evidence.push_back({"", 0, std::to_string(p.part) + " of " + std::to_string(p.whole) + " " + p.what + " (" + whole_percent(p.share) + ")"});
  if (p.whole < kMinCommitsToJudge)
    conclude(c, "inconclusive", "Too few commits (" + std::to_string(p.whole) + ") to judge.");
  else if (p.share >= p.pass_at)
    conclude(c, "pass", whole_percent(p.share) + " of " + p.what + ".");
  else
    conclude(c, p.share >= p.warn_at ? "warn" : "fail", "Only " + whole_percent(p.share) + " of " + p.what + ".", p.remedy);
}

void traceability(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.traceability");
  if (need_history(repo, c)) {
    const TraceabilityPractice& t = repo.result().history->repository.traceability;
    judge_share(c, {t.issue_references, t.commits, t.issue_reference_share, 0.3, 0.1, "commits reference an issue",
                    "Reference the issue (#123, PROJ-42) in each commit or pull request so changes can be traced."});
  }
  out.checks.push_back(std::move(c));
}

void review(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.review");
  if (need_history(repo, c)) {
    const TraceabilityPractice& t = repo.result().history->repository.traceability;
    judge_share(c, {t.pull_request_commits, t.mainline_commits, t.pull_request_share, 0.5, 0.2,
                    "main-line commits are merged pull requests",
                    "Protect the main branch and require a reviewed pull request for every change."});
  }
  out.checks.push_back(std::move(c));
}

void organisations(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.organisations");
  if (need_history(repo, c)) {
    const RepoHistory& h = repo.result().history->repository;
    const int64_t orgs = organisation_count(h);  // the count the summary and reports show
    for (const auto& o : h.organisations)
      if (o.kind == "organisation") {
        c.evidence.push_back({"", 0, o.name + ": " + std::to_string(o.authors) + " authors, " + std::to_string(o.commits) + " commits"});
      }
    if (h.contributors == 0)
      conclude(c, "inconclusive", "No human contributors in the history.");
    else if (orgs >= 2)
      conclude(c, "pass", std::to_string(orgs) + " organisations contribute.");
    else if (orgs == 1)
      conclude(c, "fail", "All identified contributors belong to one organisation (" + c.evidence.front().text.substr(0, c.evidence.front().text.find(':')) + ").",
               "Bring in developers from a second municipality or vendor, and share the knowledge of the main authors.");
    else
      conclude(c, "inconclusive", "No organisation could be told from the contributors' e-mail addresses.",
               "Map e-mail domains to organisations under `organisations:` in .repohealth.yml.");
  }
  out.checks.push_back(std::move(c));
}

void truck_factor(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.truck-factor");
  if (need_history(repo, c)) {
    const TruckFactor& tf = repo.result().history->repository.truck_factor;
    // People by name (the id is an e-mail address when the scan keeps them).
    std::string names;
    for (const auto& a : tf.authors) {
      std::string name = a;
      for (const auto& p : repo.result().history->repository.authors)
        if (p.id == a && !p.name.empty()) name = p.name;
      names += (names.empty() ? "" : ", ") + name;
    }
    if (tf.files == 0)
      conclude(c, "inconclusive", "No file has an author in the history.");
    else {
      c.evidence.push_back({"", 0, "truck factor " + std::to_string(tf.value) + (names.empty() ? "" : ": " + names)});
      if (tf.value >= 2)
        conclude(c, "pass", "Truck factor " + std::to_string(tf.value) + ".");
      else
        conclude(c, "fail", "Truck factor " + std::to_string(tf.value) + ": one person's departure leaves most files without an author.",
                 "Spread knowledge: reviews by and pairing with other developers on the main author's files.");
    }
  }
  out.checks.push_back(std::move(c));
}

void knowledge_loss(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.knowledge-loss");
  if (need_history(repo, c)) {
    const KnowledgeLoss& k = repo.result().history->repository.knowledge_loss;
    if (k.files == 0)
      conclude(c, "inconclusive", "No file has an author in the history.");
    else {
      c.evidence.push_back({"", 0, std::to_string(k.lines_lost) + " of " + std::to_string(k.lines) + " lines (" +
                                       whole_percent(k.line_share) + ") in files whose authors have all left"});
      if (k.line_share <= 0.1)
        conclude(c, "pass", whole_percent(k.line_share) + " of the code's authors have left.");
      else
        conclude(c, k.line_share <= 0.5 ? "warn" : "fail", whole_percent(k.line_share) + " of the code was written by people no longer active.",
                 "Have current developers take over and document the abandoned code (see the ownership section).");
    }
  }
  out.checks.push_back(std::move(c));
}

}  // namespace

void process_checks(const Repo& repo, HealthFacts& out) {
  version_control(repo, out);
  maintained(repo, out);
  releases(repo, out);
  traceability(repo, out);
  review(repo, out);
  organisations(repo, out);
  truck_factor(repo, out);
  knowledge_loss(repo, out);
}

}  // namespace rh::health
