#pragma once
// Who made a commit: .mailmap, bots, merging of one person's several e-mail addresses, and the
// commits .git-blame-ignore-revs says are not authorship.
#include <git2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "history/git_handles.h"

namespace rh::history {

/// dependabot, renovate, github-actions and similar accounts, and any name or address ending in
/// "[bot]".
bool is_bot(std::string_view name, std::string_view email);

/// Valid UTF-8 is returned as is (control characters and markup included: sanitising is the
/// reports' job); anything else is read as Latin-1, the usual encoding of old commits.
std::string to_utf8(std::string_view bytes);

/// Lower case (ASCII), runs of white space made one space, trimmed.
std::string normalise_name(std::string_view name);

/// A person or bot after .mailmap: the e-mail address identifies it.
struct Identity {
  std::string key;    ///< lower-case e-mail address, or the name when there is none
  std::string name;   ///< name on the newest non-merge commit (on the newest merge when it has no other)
  std::string email;  ///< e-mail address as written after .mailmap
  bool bot = false;
  int64_t raw_commits = 0;  ///< commits carrying this identity (all kinds)
  int64_t newest_time = INT64_MIN;        ///< of the commit `name` comes from
  bool authored = false;  ///< seen on a non-merge commit: only then does its name join aliases
  /// Normalised names on its merge commits (a forge writes the account's full name there: "Sine
  /// Jespersen" for an address whose commits say "Sine").
  std::vector<std::string> merge_names;
  std::vector<std::string> mapped_emails;  ///< other addresses .mailmap turned into this one
};

class IdentityTable {
 public:
  /// `mailmap` may be null (no .mailmap).
  explicit IdentityTable(git_mailmap* mailmap) : mailmap_(mailmap) {}

  /// The identity of a commit's author (after .mailmap); counts one commit for it. The names of
  /// merge commits (`merge`) are not authorship: whoever presses "merge" on a forge may be
  /// recorded with another person's name, so they name an identity only when it has no other.
  int32_t intern(const char* name, const char* email, int64_t time, bool merge = false);

  /// Merges identities of people (not bots, not generic names such as "root") that carry the
  /// same normalised name on their non-merge commits: the address with the most commits
  /// represents them. A name on an identity's merge commits counts too, but only when it agrees
  /// with its authored name (one's words begin the other's: "Sine" and "Sine Jespersen"), so a
  /// merge recorded with another person's name joins nobody. Identities seen only on merge
  /// commits are never merged by name.
  void merge_aliases();

  /// The representative of an identity (itself until merge_aliases()).
  int32_t canonical(int32_t id) const { return canonical_[static_cast<size_t>(id)]; }
  const Identity& at(int32_t id) const { return ids_[static_cast<size_t>(id)]; }
  size_t size() const { return ids_.size(); }
  /// Every address merged into a representative (by .mailmap or by name), sorted, itself excluded.
  std::vector<std::string> aliases(int32_t representative) const;

 private:
  git_mailmap* mailmap_;
  std::vector<Identity> ids_;
  std::vector<int32_t> canonical_;
  std::unordered_map<std::string, int32_t> by_key_;
  struct RawAuthor {
    int32_t id;
    std::string name;  ///< after .mailmap
    bool bot;
  };
  std::unordered_map<std::string, RawAuthor> by_raw_;  ///< key: "name\0email" as in commits
};

/// The revision's .mailmap when its tree has one, else what libgit2 finds in the repository
/// (working tree .mailmap, mailmap.file, mailmap.blob). Null when there is none.
MailmapPtr load_mailmap(git_repository* repo, git_tree* revision_tree);

struct IgnoreRevs {
  std::vector<git_oid> ids;
  int64_t unresolved = 0;  ///< lines naming no commit of the repository
};
/// Parses .git-blame-ignore-revs text (one id per line, '#' comments, abbreviations resolved).
IgnoreRevs parse_ignore_revs(git_repository* repo, std::string_view text);

}  // namespace rh::history
