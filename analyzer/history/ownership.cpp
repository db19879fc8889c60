#include "history/ownership.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/dates.h"
#include "history/practice.h"

namespace rh::history {
namespace {

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace

double degree_of_authorship(bool first_author, int64_t deliveries, int64_t acceptances) {
  return 3.293 + 1.098 * (first_author ? 1 : 0) + 0.164 * static_cast<double>(deliveries) -
         0.321 * std::log(1.0 + static_cast<double>(acceptances));
}

Authorship authorship(const FileRecord& f) {
  Authorship a;
  double best = 0;
  for (const Contribution& c : f.contributions) {
    double d = degree_of_authorship(c.first_author, c.deliveries, f.deliveries - c.deliveries);
    a.doa.push_back(d);
    best = std::max(best, d);
  }
  for (size_t i = 0; i < f.contributions.size(); ++i) {
    double d = a.doa[i];
    a.author.push_back(best > 0 && d / best > 0.75 &&
                       (d >= 3.293 || f.contributions[i].first_author));
  }
  return a;
}

FileHistory file_history(const FileRecord& f, const std::vector<std::string>& keys,
                         const std::vector<bool>& active, int64_t reference) {
  FileHistory h;
  h.path = f.path;
  h.former_paths = f.former_paths;
  h.commits = f.commits;
  h.lines_added = f.lines_added;
  h.lines_deleted = f.lines_deleted;
  if (f.commits > 0) {
    h.first_change = iso_utc(f.first_time);
    h.last_change = iso_utc(f.last_time);
    h.age_days = whole_days(f.first_time, reference);
    h.age_months = whole_months(f.first_time, reference);
  }
  if (f.creator >= 0) h.creator = keys[static_cast<size_t>(f.creator)];
  h.authors = static_cast<int64_t>(f.contributions.size());

  Authorship a = authorship(f);
  std::vector<size_t> order(f.contributions.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](size_t i) -> const std::string& {
    return keys[static_cast<size_t>(f.contributions[i].author)];
  };
  // Most commits first, then most lines added, then id.
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const Contribution& a1 = f.contributions[x];
    const Contribution& b1 = f.contributions[y];
    if (a1.commits != b1.commits) return a1.commits > b1.commits;
    if (a1.lines_added != b1.lines_added) return a1.lines_added > b1.lines_added;
    return key(x) < key(y);
  });
  int64_t people_commits = 0, people_lines = 0;
  for (const Contribution& c : f.contributions) {
    people_commits += c.commits;
    people_lines += c.lines_added;
  }
  double sum_squares = 0;
  bool any_active_author = false, any_author = false;
  for (size_t i : order) {
    const Contribution& c = f.contributions[i];
    FileContribution fc;
    fc.author = key(i);
    fc.commits = c.commits;
    fc.lines_added = c.lines_added;
    fc.lines_deleted = c.lines_deleted;
    fc.first_author = c.first_author;
    fc.doa = round4(a.doa[i]);
    fc.doa_author = a.author[i];
    h.contributions.push_back(std::move(fc));
    double s = static_cast<double>(c.commits) / static_cast<double>(people_commits);
    sum_squares += s * s;
    if (a.author[i]) {
      any_author = true;
      any_active_author = any_active_author || active[static_cast<size_t>(c.author)];
    }
  }
  if (!order.empty()) {
    h.main_author = key(order.front());
    h.main_author_share = share(f.contributions[order.front()].commits, people_commits);
    h.fragmentation = round4(1.0 - sum_squares);
  }
  if (people_lines > 0) {
    size_t best = order.front();
    for (size_t i : order)  // `order` already breaks ties by commits, then id
      if (f.contributions[i].lines_added > f.contributions[best].lines_added) best = i;
    h.main_author_by_lines = key(best);
    h.main_author_by_lines_share = share(f.contributions[best].lines_added, people_lines);
  }
  std::vector<size_t> authors;
  for (size_t i = 0; i < f.contributions.size(); ++i)
    if (a.author[i]) authors.push_back(i);
  std::sort(authors.begin(), authors.end(), [&](size_t x, size_t y) {
    return a.doa[x] != a.doa[y] ? a.doa[x] > a.doa[y] : key(x) < key(y);
  });
  for (size_t i : authors) h.doa_authors.push_back(key(i));
  h.knowledge_lost = any_author && !any_active_author;
  return h;
}

TruckFactor greedy_truck_factor(const std::vector<std::vector<int32_t>>& file_authors,
                                const std::vector<bool>& counted, const std::vector<int64_t>& rank,
                                const std::vector<std::string>& keys) {
  TruckFactor tf;
  tf.files = static_cast<int64_t>(file_authors.size());
  std::vector<int64_t> files_of(keys.size(), 0);   // the author's files (fixed, as in the paper)
  std::vector<int64_t> cover(file_authors.size(), 0);
  std::vector<bool> remaining(keys.size(), false);
  int64_t covered = 0;
  for (size_t f = 0; f < file_authors.size(); ++f) {
    for (int32_t a : file_authors[f]) {
      if (!counted[static_cast<size_t>(a)]) continue;
      files_of[static_cast<size_t>(a)] += 1;
      remaining[static_cast<size_t>(a)] = true;
      cover[f] += 1;
    }
    if (cover[f] > 0) covered += 1;
  }
  std::vector<std::vector<size_t>> by_author(keys.size());
  for (size_t f = 0; f < file_authors.size(); ++f)
    for (int32_t a : file_authors[f])
      if (counted[static_cast<size_t>(a)]) by_author[static_cast<size_t>(a)].push_back(f);

  while (tf.files > 0 && 2 * covered >= tf.files) {
    int32_t pick = -1;
    for (size_t a = 0; a < keys.size(); ++a) {
      if (!remaining[a]) continue;
      if (pick < 0 || files_of[a] > files_of[static_cast<size_t>(pick)] ||
          (files_of[a] == files_of[static_cast<size_t>(pick)] &&
           rank[a] < rank[static_cast<size_t>(pick)]))
        pick = static_cast<int32_t>(a);
    }
    if (pick < 0) break;
    remaining[static_cast<size_t>(pick)] = false;
    tf.value += 1;
    tf.authors.push_back(keys[static_cast<size_t>(pick)]);
    for (size_t f : by_author[static_cast<size_t>(pick)])
      if (--cover[f] == 0) covered -= 1;
  }
  tf.coverage = share(covered, tf.files);
  return tf;
}

}  // namespace rh::history
