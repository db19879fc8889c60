#include "history/churn.h"

#include <algorithm>

namespace rh::history {

FileTracker::FileTracker(const std::vector<std::string>& paths) {
  files_.resize(paths.size());
  path_to_file_.reserve(paths.size() * 2);
  for (size_t i = 0; i < paths.size(); ++i) {
    files_[i].path = paths[i];
    path_to_file_[paths[i]] = static_cast<int32_t>(i);
  }
}

int32_t FileTracker::lookup(const std::string& path) const {
  auto it = path_to_file_.find(path);
  return it == path_to_file_.end() ? -1 : it->second;
}

void FileTracker::add_commit(const CommitChanges& changes, int64_t time, int32_t author,
                             std::vector<int32_t>& changed) {
  std::vector<std::pair<std::string, int32_t>> renames;
  const int64_t position = commits_seen_++;
  for (const FileChange& fc : changes.files) {
    // Deletions are not changes of a present file (a path deleted and created again keeps its
    // history, as the path is the same).
    if (fc.kind == ChangeKind::deleted) continue;
    int32_t id = lookup(fc.path);
    if (fc.kind == ChangeKind::renamed) renames.emplace_back(fc.old_path, id);
    if (id < 0) continue;
    FileRecord& f = files_[static_cast<size_t>(id)];
    if (f.last_commit_seen == position) continue;  // two paths of one commit, one file: count once
    f.last_commit_seen = position;
    changed.push_back(id);
    f.commits += 1;
    f.first_time = std::min(f.first_time, time);
    f.last_time = std::max(f.last_time, time);
    if (fc.lines) {
      f.lines_added += fc.lines_added;
      f.lines_deleted += fc.lines_deleted;
    }
    // Walking newest first, the last creation seen is the oldest one.
    if (fc.kind == ChangeKind::added) f.creator = author;
    if (author < 0) continue;
    auto c = std::find_if(f.contributions.begin(), f.contributions.end(),
                          [&](const Contribution& x) { return x.author == author; });
    if (c == f.contributions.end()) {
      f.contributions.push_back(Contribution{});
      c = f.contributions.end() - 1;
      c->author = author;
    }
    c->commits += 1;
    if (fc.lines) {
      c->lines_added += fc.lines_added;
      c->lines_deleted += fc.lines_deleted;
    }
    if (fc.kind == ChangeKind::added) {
      c->first_author = true;
    } else {
      c->deliveries += 1;
      f.deliveries += 1;
    }
  }
  // Older commits name the file by its old path.
  for (auto& [old_path, id] : renames) {
    path_to_file_[old_path] = id;
    if (id >= 0) {
      auto& former = files_[static_cast<size_t>(id)].former_paths;
      if (std::find(former.begin(), former.end(), old_path) == former.end() &&
          old_path != files_[static_cast<size_t>(id)].path)
        former.push_back(old_path);
    }
  }
}

}  // namespace rh::history
