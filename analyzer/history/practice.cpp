#include "history/practice.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <regex>

#include "core/dates.h"
#include "core/text.h"

namespace rh::history {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) {
  return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z') || c == '_';
}
size_t digits_at(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

// Upper-case words followed by "-<number>" that are standards, not tracker keys.
constexpr std::array<std::string_view, 20> kNotTrackerKeys = {
    "UTF", "SHA", "ISO", "RFC", "CVE", "CWE", "MD", "AES", "RSA", "CRC", "HTTP", "TLS",
    "SSL", "PEP", "ECMA", "ES", "CP", "WIN", "IPV", "X"};

bool tracker_key_at(std::string_view s, size_t start, size_t& end) {
  // [A-Z][A-Z0-9_]+-[0-9]+ with word boundaries.
  if (start > 0 && is_alnum(s[start - 1])) return false;
  size_t i = start;
  if (i >= s.size() || !is_upper(s[i])) return false;
  while (i < s.size() && (is_upper(s[i]) || is_digit(s[i]) || s[i] == '_')) ++i;
  size_t key_len = i - start;
  if (key_len < 2 || i >= s.size() || s[i] != '-') return false;
  size_t n = digits_at(s, i + 1);
  if (n == 0) return false;
  end = i + 1 + n;
  if (end < s.size() && is_alnum(s[end])) return false;
  std::string_view key = s.substr(start, key_len);
  return std::find(kNotTrackerKeys.begin(), kNotTrackerKeys.end(), key) == kNotTrackerKeys.end();
}

bool contains_number_after(std::string_view s, std::string_view marker) {
  size_t pos = 0;
  while ((pos = s.find(marker, pos)) != std::string_view::npos) {
    pos += marker.size();
    if (digits_at(s, pos) > 0) return true;
  }
  return false;
}

bool ends_with_pr_number(std::string_view subject) {
  while (!subject.empty() && (subject.back() == ' ' || subject.back() == '\r')) subject.remove_suffix(1);
  if (subject.size() < 4 || subject.back() != ')') return false;
  size_t open = subject.rfind("(#");
  if (open == std::string_view::npos) return false;
  size_t n = digits_at(subject, open + 2);
  return n > 0 && open + 2 + n + 1 == subject.size();
}

}  // namespace

bool references_issue(std::string_view m) {
  for (size_t i = 0; i < m.size(); ++i) {
    char c = m[i];
    if (c == '#') {
      bool boundary = i == 0 || (!is_alnum(m[i - 1]) && m[i - 1] != '&' && m[i - 1] != '#');
      size_t n = digits_at(m, i + 1);
      if (boundary && n > 0 && (i + 1 + n >= m.size() || !is_alnum(m[i + 1 + n]))) return true;
    } else if (is_upper(c)) {
      size_t end;
      if (tracker_key_at(m, i, end)) return true;
    }
  }
  for (std::string_view marker : {"/issues/", "/pull/", "/merge_requests/", "/-/issues/",
                                  "show_bug.cgi?id=", "/tickets/", "/work_items/"})
    if (contains_number_after(m, marker)) return true;
  return false;
}

bool is_conventional_commit(std::string_view s) {
  static constexpr std::array<std::string_view, 13> kTypes = {
      "feat", "fix", "docs", "style", "refactor", "perf", "test", "tests",
      "build", "ci", "chore", "revert", "deps"};
  size_t i = 0;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || is_upper(s[i]))) ++i;
  if (i == 0) return false;
  std::string type;
  for (size_t k = 0; k < i; ++k) type += ascii_lower(s[k]);
  if (std::find(kTypes.begin(), kTypes.end(), type) == kTypes.end()) return false;
  if (i < s.size() && s[i] == '(') {
    size_t close = s.find(')', i);
    if (close == std::string_view::npos || close == i + 1) return false;
    if (s.substr(i + 1, close - i - 1).find_first_of("(\n") != std::string_view::npos) return false;
    i = close + 1;
  }
  if (i < s.size() && s[i] == '!') ++i;
  if (i + 2 > s.size() || s[i] != ':' || s[i + 1] != ' ') return false;
  return s.find_first_not_of(" \r\t", i + 2) != std::string_view::npos;
}

bool is_pull_request_merge(std::string_view m) {
  std::string_view subject = m.substr(0, m.find('\n'));
  if (starts_with_ci(subject, "Merge pull request #") && digits_at(subject, 20) > 0) return true;
  if (starts_with_ci(subject, "Merged PR ") && digits_at(subject, 10) > 0) return true;  // Azure
  if (starts_with_ci(subject, "Merge pull request '") && ends_with_pr_number(
          subject.substr(0, subject.find(" from ") == std::string_view::npos
                                ? subject.size() : subject.find(" from "))))
    return true;  // Gitea / Forgejo: Merge pull request 'title' (#12) from branch into main
  if (m.find("See merge request ") != std::string_view::npos) return true;  // GitLab
  if (starts_with_ci(subject, "Merged in ") && contains_number_after(subject, "(pull request #"))
    return true;  // Bitbucket
  return false;
}

bool is_squashed_pull_request(std::string_view subject) {
  if (starts_with_ci(subject, "Merged PR ") && digits_at(subject, 10) > 0) return true;
  return ends_with_pr_number(subject);
}

bool is_semver_tag(std::string_view name) {
  static const std::regex re(
      R"(^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))"
      R"((-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?)"
      R"((\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)");
  return std::regex_match(name.begin(), name.end(), re);
}

bool is_version_tag(std::string_view name) {
  static const std::regex re(R"(^([A-Za-z0-9_./-]*[-_/])?[vV]?\d+(\.\d+)+([-+._].*)?$|^[vV]\d+$)");
  return std::regex_match(name.begin(), name.end(), re);
}

double median(const std::map<int64_t, int64_t>& histogram) {
  int64_t total = 0;
  for (const auto& [v, n] : histogram) total += n;
  if (total == 0) return 0;
  // 0-based positions of the middle value(s).
  int64_t lo = (total - 1) / 2, hi = total / 2;
  int64_t seen = 0;
  double lo_v = 0, hi_v = 0;
  for (const auto& [v, n] : histogram) {
    if (lo >= seen && lo < seen + n) lo_v = static_cast<double>(v);
    if (hi >= seen && hi < seen + n) {
      hi_v = static_cast<double>(v);
      break;
    }
    seen += n;
  }
  return (lo_v + hi_v) / 2;
}

double share(int64_t part, int64_t whole) {
  if (whole <= 0) return 0;
  return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10000.0) / 10000.0;
}

std::vector<TagInfo> read_tags(git_repository* repo, const CommitGraph& graph,
                               const std::vector<bool>& analysed) {
  std::vector<TagInfo> out;
  git_reference_iterator* it = nullptr;
  if (git_reference_iterator_glob_new(&it, repo, "refs/tags/*") != 0) return out;
  git_reference* raw = nullptr;
  while (git_reference_next(&raw, it) == 0) {
    ReferencePtr ref(raw);
    git_object* peeled = nullptr;
    if (git_reference_peel(&peeled, ref.get(), GIT_OBJECT_COMMIT) != 0) {
      git_error_clear();
      continue;
    }
    ObjectPtr commit(peeled);
    auto found = graph.index.find(*git_object_id(commit.get()));
    if (found == graph.index.end() || !analysed[static_cast<size_t>(found->second)]) continue;
    TagInfo t;
    t.name = git_reference_shorthand(ref.get());
    t.commit = found->second;
    t.time = graph.commits[static_cast<size_t>(t.commit)].commit_time;
    const git_oid* target = git_reference_target(ref.get());
    git_tag* tag = nullptr;
    if (target && git_tag_lookup(&tag, repo, target) == 0) {
      TagPtr owned(tag);
      if (const git_signature* tagger = git_tag_tagger(tag)) t.time = tagger->when.time;
    } else {
      git_error_clear();
    }
    out.push_back(std::move(t));
  }
  git_reference_iterator_free(it);
  std::sort(out.begin(), out.end(), [](const TagInfo& a, const TagInfo& b) {
    return a.time != b.time ? a.time < b.time : a.name < b.name;
  });
  return out;
}

namespace {

/// Marks every commit reachable from `from` along the graph's edges.
void reach(const CommitGraph& g, int32_t from, std::vector<uint8_t>& mark) {
  std::fill(mark.begin(), mark.end(), 0);
  std::vector<int32_t> stack{from};
  mark[static_cast<size_t>(from)] = 1;
  while (!stack.empty()) {
    const GraphCommit& c = g.commits[static_cast<size_t>(stack.back())];
    stack.pop_back();
    for (uint32_t k = 0; k < c.parent_count; ++k) {
      int32_t p = g.parent(c, k);
      if (!mark[static_cast<size_t>(p)]) {
        mark[static_cast<size_t>(p)] = 1;
        stack.push_back(p);
      }
    }
  }
}

}  // namespace

ReleasePractice release_practice(const CommitGraph& g, const std::vector<bool>& analysed,
                                 const std::vector<TagInfo>& tags, int64_t reference,
                                 bool has_changelog) {
  ReleasePractice r;
  r.has_changelog = has_changelog;
  std::vector<const TagInfo*> releases;
  for (const TagInfo& t : tags) {
    r.tags += 1;
    if (is_semver_tag(t.name)) r.semver_tags += 1;
    if (is_version_tag(t.name)) releases.push_back(&t);
  }
  r.releases = static_cast<int64_t>(releases.size());
  std::vector<uint8_t> mark(g.commits.size(), 0);
  if (!tags.empty()) {
    const TagInfo& last = tags.back();
    r.last_tag = last.name;
    reach(g, last.commit, mark);
    int64_t since = 0;
    for (size_t i = 0; i < g.commits.size(); ++i)
      if (analysed[i] && !mark[i]) since += 1;
    r.commits_since_last_tag = since;
  }
  for (const TagInfo* t : releases)
    if (within_months(t->time, reference, 12)) r.releases_last_12_months += 1;
  if (!releases.empty()) {
    const TagInfo& last = *releases.back();
    r.last_release = last.name;
    r.last_release_date = iso_utc(last.time);
    r.days_since_last_release = whole_days(last.time, reference);
  }
  // Changelog between consecutive releases on different commits (the last 24 intervals).
  std::vector<std::pair<const TagInfo*, const TagInfo*>> intervals;
  for (size_t i = 1; i < releases.size(); ++i)
    if (releases[i]->commit != releases[i - 1]->commit)
      intervals.push_back({releases[i - 1], releases[i]});
  if (intervals.size() > 24) intervals.erase(intervals.begin(), intervals.end() - 24);
  std::vector<uint8_t> older(g.commits.size(), 0);
  for (const auto& [prev, next] : intervals) {
    r.release_intervals += 1;
    reach(g, prev->commit, older);
    reach(g, next->commit, mark);
    for (size_t i = 0; i < g.commits.size(); ++i) {
      if (mark[i] && !older[i] && analysed[i] && (g.commits[i].flags & kChangelog)) {
        r.release_intervals_with_changelog += 1;
        break;
      }
    }
  }
  return r;
}

void mainline_practice(const CommitGraph& g, const std::vector<bool>& analysed,
                       TraceabilityPractice& out) {
  if (g.commits.empty()) return;
  int32_t at = 0;
  while (true) {
    const GraphCommit& c = g.commits[static_cast<size_t>(at)];
    if (analysed[static_cast<size_t>(at)] && !(c.flags & kUnreadable)) {
      out.mainline_commits += 1;
      if (c.flags & kPullRequest) out.pull_request_commits += 1;
    }
    if (c.parent_count == 0) break;
    at = g.parent(c, 0);
  }
  out.pull_request_share = share(out.pull_request_commits, out.mainline_commits);
}

}  // namespace rh::history
