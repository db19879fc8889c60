#include "history/people_privacy.h"

#include <map>
#include <set>
#include <string>

namespace rh {
namespace {

/// A display name that carries no address: "jane@example.org" -> "jane".
std::string without_address(std::string name) {
  const size_t at = name.find('@');
  if (at != std::string::npos) name.erase(at);
  while (!name.empty() && (name.back() == ' ' || name.back() == '<')) name.pop_back();
  return name;
}

class Renamer {
 public:
  /// The public name for `id`, given once per person; later calls with the same id return it.
  const std::string& add(const std::string& id, const std::string& name) {
    auto it = public_.find(id);
    if (it != public_.end()) return it->second;
    std::string base = without_address(name);
    if (base.empty()) base = "unnamed author " + std::to_string(++unnamed_);
    std::string chosen = base;
    for (int n = 2; taken_.count(chosen); ++n) chosen = base + " (" + std::to_string(n) + ")";
    taken_.insert(chosen);
    return public_.emplace(id, chosen).first->second;
  }
  /// The public name of a known id; an unknown id is replaced too (never passed through).
  std::string operator()(const std::string& id) {
    if (id.empty()) return id;
    auto it = public_.find(id);
    return it != public_.end() ? it->second : add(id, id);
  }

 private:
  std::map<std::string, std::string> public_;
  std::set<std::string> taken_;
  int unnamed_ = 0;
};

}  // namespace

void hide_emails(HistoryFacts& history) {
  RepoHistory& r = history.repository;
  Renamer rename;
  for (const Contributor& c : r.authors) rename.add(c.id, c.name);
  std::set<std::string> individuals;
  for (Contributor& c : r.authors) {
    if (c.organisation == c.id) individuals.insert(c.id);
    c.id = rename(c.id);
    c.name = without_address(c.name);
    if (individuals.count(c.organisation)) c.organisation = c.id;
    c.email.clear();
    c.aliases.clear();
  }
  for (Organisation& o : r.organisations)
    if (o.kind == "individual" || individuals.count(o.name)) o.name = rename(o.name);
  for (BotAccount& b : r.bots) {
    b.id = without_address(b.name.empty() ? b.id : b.name);
    b.name = without_address(b.name);
    b.email.clear();
  }
  for (auto* tf : {&r.truck_factor, &r.active_truck_factor})
    for (std::string& a : tf->authors) a = rename(a);
  for (FileHistory& f : history.files) {
    f.creator = rename(f.creator);
    f.main_author = rename(f.main_author);
    f.main_author_by_lines = rename(f.main_author_by_lines);
    for (std::string& a : f.doa_authors) a = rename(a);
    for (FileContribution& c : f.contributions) c.author = rename(c.author);
  }
}

}  // namespace rh
