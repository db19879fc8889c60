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

Message no_history_reason(const ScanResult& r) {
  return msg(r.scan.source == "folder" ? "process.no_history_folder" : "process.no_history");
}

/// The reference date the windows end at, as a summary names it ("2024-06-01"), as the argument
/// {as_of}.
MessageArg as_of_arg(const ScanResult& r) {
  if (!r.scan.as_of.empty()) return date_arg("as_of", r.scan.as_of.substr(0, 10));
  if (r.history) return date_arg("as_of", r.history->repository.reference_date.substr(0, 10));
  return key_arg("as_of", "process.the_scan");
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
    conclude(c, "inconclusive", msg("process.version-control.folder"), msg("process.version-control.remedy_folder"));
  } else if (!r.history) {
    if (repo.empty())
      conclude(c, "inconclusive", msg("process.version-control.no_commits"));
    else
      conclude(c, "pass", msg("process.version-control.no_history"));
  } else {
    const RepoHistory& h = r.history->repository;
    c.evidence.push_back(evidence("", 0, msg(r.scan.repository_uri.empty() ? "process.version-control.commits_since"
                                                                           : "process.version-control.commits_since_remote",
                                             {int_arg("n", h.commits), date_arg("date", h.first_commit_date.substr(0, 10)),
                                              text_arg("remote", r.scan.repository_uri)})));
    conclude(c, "pass", msg("process.version-control.pass", {int_arg("commits", h.commits), int_arg("contributors", h.contributors)}));
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
      conclude(c, "inconclusive", msg("process.maintained.unknown"));
    } else {
      const int64_t days = whole_days(*last, *now);
      const std::string last_date = h.last_commit_date.substr(0, 10);
      c.evidence.push_back(evidence("", 0, msg("process.maintained.last_commit",
                                               {date_arg("date", last_date), int_arg("days", days),
                                                as_of.empty() ? key_arg("as_of", "process.the_scan") : date_arg("as_of", as_of.substr(0, 10))})));
      if (days <= 90)
        conclude(c, "pass", msg("process.maintained.pass", {int_arg("days", days)}));
      else
        // The summary names the date, not the age, so reports of the same revision stay equal.
        conclude(c, days <= 365 ? "warn" : "fail", msg("process.maintained.stale", {date_arg("date", last_date)}),
                 msg("process.maintained.remedy"));
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
      conclude(c, "inconclusive", msg("process.releases.shallow"), msg("process.releases.remedy_shallow"));
    } else if (p.releases == 0) {
      conclude(c, "fail", msg("process.releases.none", {int_arg("tags", p.tags)}), msg("process.releases.remedy_none"));
    } else {
      const MessageArg as_of = as_of_arg(repo.result());
      c.evidence.push_back(evidence("", 0, msg("process.releases.tags", {int_arg("n", p.releases), text_arg("last", p.last_release),
                                                                         date_arg("date", p.last_release_date.substr(0, 10)),
                                                                         int_arg("recent", p.releases_last_12_months), as_of})));
      if (p.releases_last_12_months == 0)
        conclude(c, "warn", msg("process.releases.stale", {as_of, text_arg("last", p.last_release)}),
                 msg("process.releases.remedy_stale"));
      else
        conclude(c, "pass", msg("process.releases.pass", {int_arg("n", p.releases_last_12_months), as_of, text_arg("last", p.last_release)}));
    }
  }
  out.checks.push_back(std::move(c));
}

/// A practice measured as a share of commits: pass from `pass_at`, warn from `warn_at`, fail
/// below; inconclusive with fewer than kMinCommitsToJudge commits. Texts: <check>.counts, .pass,
/// .only and .remedy.
struct SharePractice {
  int64_t part, whole;
  double share, pass_at, warn_at;
};

void judge_share(HealthCheck& c, const SharePractice& p) {
  const std::vector<MessageArg> args = {int_arg("part", p.part), int_arg("whole", p.whole), percent_arg("share", p.share)};
  c.evidence.push_back(evidence("", 0, msg(c.id + ".counts", args)));
  if (p.whole < kMinCommitsToJudge)
    conclude(c, "inconclusive", msg("process.too_few_commits", {int_arg("n", p.whole)}));
  else if (p.share >= p.pass_at)
    conclude(c, "pass", msg(c.id + ".pass", args));
  else
    conclude(c, p.share >= p.warn_at ? "warn" : "fail", msg(c.id + ".only", args), msg(c.id + ".remedy"));
}

void traceability(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.traceability");
  if (need_history(repo, c)) {
    const TraceabilityPractice& t = repo.result().history->repository.traceability;
    judge_share(c, {t.issue_references, t.commits, t.issue_reference_share, 0.3, 0.1});
  }
  out.checks.push_back(std::move(c));
}

void review(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.review");
  if (need_history(repo, c)) {
    const TraceabilityPractice& t = repo.result().history->repository.traceability;
    judge_share(c, {t.pull_request_commits, t.mainline_commits, t.pull_request_share, 0.5, 0.2});
  }
  out.checks.push_back(std::move(c));
}

void organisations(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.organisations");
  if (need_history(repo, c)) {
    const RepoHistory& h = repo.result().history->repository;
    const int64_t orgs = organisation_count(h);  // the count the summary and reports show
    std::string first;
    for (const auto& o : h.organisations)
      if (o.kind == "organisation") {
        if (first.empty()) first = o.name;
        c.evidence.push_back(evidence("", 0, msg("process.organisations.organisation", {text_arg("name", o.name), int_arg("authors", o.authors),
                                                                                          int_arg("commits", o.commits)})));
      }
    if (h.contributors == 0)
      conclude(c, "inconclusive", msg("process.organisations.no_contributors"));
    else if (orgs >= 2)
      conclude(c, "pass", msg("process.organisations.pass", {int_arg("n", orgs)}));
    else if (orgs == 1)
      conclude(c, "fail", msg("process.organisations.one", {text_arg("name", first)}), msg("process.organisations.remedy_one"));
    else
      conclude(c, "inconclusive", msg("process.organisations.unknown"), msg("process.organisations.remedy_unknown"));
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
      conclude(c, "inconclusive", msg("process.no_authors"));
    else {
      c.evidence.push_back(evidence("", 0, msg(names.empty() ? "process.truck-factor.value" : "process.truck-factor.value_names",
                                               {int_arg("n", tf.value), text_arg("names", names)})));
      if (tf.value >= 2)
        conclude(c, "pass", msg("process.truck-factor.pass", {int_arg("n", tf.value)}));
      else
        conclude(c, "fail", msg("process.truck-factor.fail", {int_arg("n", tf.value)}), msg("process.truck-factor.remedy"));
    }
  }
  out.checks.push_back(std::move(c));
}

void knowledge_loss(const Repo& repo, HealthFacts& out) {
  HealthCheck c = make_check("process.knowledge-loss");
  if (need_history(repo, c)) {
    const KnowledgeLoss& k = repo.result().history->repository.knowledge_loss;
    if (k.files == 0)
      conclude(c, "inconclusive", msg("process.no_authors"));
    else {
      const MessageArg share = percent_arg("share", k.line_share);
      c.evidence.push_back(evidence("", 0, msg("process.knowledge-loss.lines", {int_arg("lost", k.lines_lost), int_arg("lines", k.lines), share})));
      if (k.line_share <= 0.1)
        conclude(c, "pass", msg("process.knowledge-loss.pass", {share}));
      else
        conclude(c, k.line_share <= 0.5 ? "warn" : "fail", msg("process.knowledge-loss.lost", {share}),
                 msg("process.knowledge-loss.remedy"));
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
