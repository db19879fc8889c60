#include "history/identity.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/text.h"

namespace rh::history {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Known automation accounts (compared with the normalised name and the address's local part).
constexpr std::array<std::string_view, 14> kBotNames = {
    "dependabot",   "dependabot-preview", "renovate",      "renovate-bot",
    "renovatebot",  "github-actions",     "greenkeeper",   "snyk-bot",
    "pre-commit-ci","mergify",            "imgbot",        "semantic-release-bot",
    "gitlab-bot",   "weblate-bot"};

// Names too common to say that two addresses belong to one person.
constexpr std::array<std::string_view, 12> kGenericNames = {
    "root", "admin", "administrator", "user", "unknown", "ubuntu", "your name",
    "(none)", "none", "git", "github", "gitlab"};

}  // namespace

bool is_bot(std::string_view name, std::string_view email) {
  std::string n = normalise_name(name);
  std::string e = ascii_lower(email);
  std::string local = e.substr(0, e.find('@'));
  if (ends_with(n, "[bot]") || ends_with(local, "[bot]") || e == "action@github.com") return true;
  for (std::string_view b : kBotNames)
    if (n == b || local == b) return true;
  return false;
}

std::string to_utf8(std::string_view s) {
  size_t i = 0;
  bool valid = true;
  while (i < s.size() && valid) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) {
      valid = false;
      break;
    }
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) valid = false;
    if (valid && len == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) valid = false;
    }
    if (valid && len == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) valid = false;
    }
    i += len;
  }
  if (valid) return std::string(s);
  std::string out;
  out.reserve(s.size() * 2);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string normalise_name(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

int32_t IdentityTable::intern(const char* name_in, const char* email_in, int64_t time, bool merge) {
  std::string raw_name = name_in ? name_in : "";
  std::string raw_email = email_in ? email_in : "";
  std::string raw_key = raw_name;
  raw_key += '\0';
  raw_key += raw_email;
  auto it = by_raw_.find(raw_key);
  if (it == by_raw_.end()) {
    std::string name = raw_name;
    std::string email = raw_email;
    const char* real_name = nullptr;
    const char* real_email = nullptr;
    if (mailmap_ && git_mailmap_resolve(&real_name, &real_email, mailmap_, raw_name.c_str(),
                                        raw_email.c_str()) == 0) {
      if (real_name) name = real_name;
      if (real_email) email = real_email;
    }
    name = to_utf8(name);
    email = to_utf8(email);
    std::string key = email.empty() ? name : ascii_lower(email);
    int32_t id;
    if (auto k = by_key_.find(key); k != by_key_.end()) {
      id = k->second;
    } else {
      id = static_cast<int32_t>(ids_.size());
      Identity ident;
      ident.key = key;
      ident.email = email;
      ident.name = name;
      ids_.push_back(std::move(ident));
      canonical_.push_back(id);
      by_key_.emplace(key, id);
    }
    Identity& ident = ids_[static_cast<size_t>(id)];
    std::string raw_lower = ascii_lower(to_utf8(raw_email));
    if (!raw_lower.empty() && raw_lower != ident.key &&
        std::find(ident.mapped_emails.begin(), ident.mapped_emails.end(), raw_lower) ==
            ident.mapped_emails.end())
      ident.mapped_emails.push_back(raw_lower);
    bool bot = is_bot(name, email) || is_bot(to_utf8(raw_name), to_utf8(raw_email));
    it = by_raw_.emplace(raw_key, RawAuthor{id, std::move(name), bot}).first;
  }
  const RawAuthor& raw = it->second;
  Identity& ident = ids_[static_cast<size_t>(raw.id)];
  ident.raw_commits += 1;
  // A non-merge commit's name wins over any merge's; among commits of one kind, the newest.
  const bool first_authored = !merge && !ident.authored;
  if (first_authored || ((merge == !ident.authored) && time > ident.newest_time)) {
    ident.newest_time = time;
    ident.name = raw.name;
  }
  if (!merge) ident.authored = true;
  if (merge) {
    std::string n = normalise_name(raw.name);
    if (std::find(ident.merge_names.begin(), ident.merge_names.end(), n) == ident.merge_names.end())
      ident.merge_names.push_back(std::move(n));
  }
  ident.bot = ident.bot || raw.bot;
  return raw.id;
}

namespace {

/// Whether the words of the shorter name begin the longer one ("sine" and "sine jespersen").
bool names_agree(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() <= b.size() ? a : b;
  const std::string& longer = a.size() <= b.size() ? b : a;
  return !shorter.empty() && longer.compare(0, shorter.size(), shorter) == 0 &&
         (longer.size() == shorter.size() || longer[shorter.size()] == ' ');
}

bool generic_name(const std::string& n) {
  return n.empty() || std::find(kGenericNames.begin(), kGenericNames.end(), n) != kGenericNames.end();
}

}  // namespace

void IdentityTable::merge_aliases() {
  std::vector<int32_t> root(ids_.size());
  for (size_t i = 0; i < root.size(); ++i) root[i] = static_cast<int32_t>(i);
  auto find = [&](int32_t x) {
    while (root[static_cast<size_t>(x)] != x) x = root[static_cast<size_t>(x)];
    return x;
  };
  std::map<std::string, int32_t> first_with_name;
  for (size_t i = 0; i < ids_.size(); ++i) {
    const Identity& ident = ids_[i];
    if (ident.bot || ident.email.empty() || !ident.authored) continue;
    const std::string n = normalise_name(ident.name);
    if (generic_name(n)) continue;
    std::vector<std::string> names{n};
    for (const std::string& m : ident.merge_names)
      if (m != n && !generic_name(m) && names_agree(n, m)) names.push_back(m);
    for (const std::string& name : names) {
      auto [it, inserted] = first_with_name.emplace(name, static_cast<int32_t>(i));
      if (!inserted) root[static_cast<size_t>(find(static_cast<int32_t>(i)))] = find(it->second);
    }
  }
  std::map<int32_t, std::vector<int32_t>> groups;
  for (size_t i = 0; i < ids_.size(); ++i) groups[find(static_cast<int32_t>(i))].push_back(static_cast<int32_t>(i));
  for (auto& [r, members] : groups) {
    if (members.size() < 2) continue;
    int32_t best = members.front();
    for (int32_t m : members) {
      const Identity& a = ids_[static_cast<size_t>(m)];
      const Identity& b = ids_[static_cast<size_t>(best)];
      if (a.raw_commits > b.raw_commits || (a.raw_commits == b.raw_commits && a.key < b.key))
        best = m;
    }
    for (int32_t m : members) canonical_[static_cast<size_t>(m)] = best;
  }
}

std::vector<std::string> IdentityTable::aliases(int32_t representative) const {
  std::vector<std::string> out;
  const std::string& self = ids_[static_cast<size_t>(representative)].key;
  for (size_t i = 0; i < ids_.size(); ++i) {
    if (canonical_[i] != representative) continue;
    const Identity& ident = ids_[i];
    if (ident.key != self && !ident.email.empty()) out.push_back(ident.key);
    for (const auto& e : ident.mapped_emails)
      if (e != self) out.push_back(e);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MailmapPtr load_mailmap(git_repository* repo, git_tree* revision_tree) {
  git_mailmap* mm = nullptr;
  if (BlobPtr blob = blob_at(repo, revision_tree, ".mailmap")) {
    std::string text = blob_text(blob.get());
    if (git_mailmap_from_buffer(&mm, text.data(), text.size()) == 0) return MailmapPtr(mm);
    mm = nullptr;
  }
  if (git_mailmap_from_repository(&mm, repo) == 0) return MailmapPtr(mm);
  return nullptr;
}

IgnoreRevs parse_ignore_revs(git_repository* repo, std::string_view text) {
  IgnoreRevs out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos || line[b] == '#') continue;
    line = line.substr(b);
    size_t e = line.find_first_of(" \t\r#");
    std::string hex(line.substr(0, e));
    bool is_hex = hex.size() >= 4 && hex.size() <= GIT_OID_HEXSZ &&
                  hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
    git_oid id;
    if (!is_hex || git_oid_fromstrn(&id, hex.c_str(), hex.size()) != 0) {
      out.unresolved += 1;
      continue;
    }
    if (hex.size() < GIT_OID_HEXSZ) {
      git_object* obj = nullptr;
      if (git_object_lookup_prefix(&obj, repo, &id, hex.size(), GIT_OBJECT_COMMIT) != 0) {
        out.unresolved += 1;
        continue;
      }
      id = *git_object_id(obj);
      git_object_free(obj);
    }
    out.ids.push_back(id);
  }
  return out;
}

}  // namespace rh::history
