// HistoryFacts <-> the "history" object of facts.json. One field table per struct, used for both
// directions, so writing and reading cannot drift apart. Field names are the struct's names.
#include "core/model_json.h"

namespace rh {
namespace {

/// Visits every field of a struct with its JSON name. `F` is called as f("name", member).
template <class F>
void fields(FileContribution& c, F&& f) {
  f("author", c.author);
  f("commits", c.commits);
  f("lines_added", c.lines_added);
  f("lines_deleted", c.lines_deleted);
  f("first_author", c.first_author);
  f("doa", c.doa);
  f("doa_author", c.doa_author);
}

template <class F>
void fields(FileHistory& h, F&& f) {
  f("path", h.path);
  f("former_paths", h.former_paths);
  f("commits", h.commits);
  f("authors", h.authors);
  f("lines_added", h.lines_added);
  f("lines_deleted", h.lines_deleted);
  f("first_change", h.first_change);
  f("last_change", h.last_change);
  f("age_days", h.age_days);
  f("age_months", h.age_months);
  f("creator", h.creator);
  f("main_author", h.main_author);
  f("main_author_share", h.main_author_share);
  f("main_author_by_lines", h.main_author_by_lines);
  f("main_author_by_lines_share", h.main_author_by_lines_share);
  f("doa_authors", h.doa_authors);
  f("fragmentation", h.fragmentation);
  f("knowledge_lost", h.knowledge_lost);
  f("contributions", h.contributions);
}

template <class F>
void fields(Contributor& c, F&& f) {
  f("id", c.id);
  f("name", c.name);
  f("email", c.email);
  f("organisation", c.organisation);
  f("aliases", c.aliases);
  f("commits", c.commits);
  f("commits_last_12_months", c.commits_last_12_months);
  f("lines_added", c.lines_added);
  f("lines_deleted", c.lines_deleted);
  f("first_commit", c.first_commit);
  f("last_commit", c.last_commit);
  f("active", c.active);
  f("files_authored", c.files_authored);
}

template <class F>
void fields(BotAccount& b, F&& f) {
  f("id", b.id);
  f("name", b.name);
  f("email", b.email);
  f("commits", b.commits);
}

template <class F>
void fields(TruckFactor& t, F&& f) {
  f("value", t.value);
  f("authors", t.authors);
  f("files", t.files);
  f("coverage", t.coverage);
}

template <class F>
void fields(KnowledgeLoss& k, F&& f) {
  f("files", k.files);
  f("files_lost", k.files_lost);
  f("file_share", k.file_share);
  f("lines", k.lines);
  f("lines_lost", k.lines_lost);
  f("line_share", k.line_share);
  f("files_without_authors", k.files_without_authors);
}

template <class F>
void fields(Organisation& o, F&& f) {
  f("name", o.name);
  f("kind", o.kind);
  f("authors", o.authors);
  f("active_authors", o.active_authors);
  f("commits", o.commits);
  f("commits_last_12_months", o.commits_last_12_months);
  f("files_owned", o.files_owned);
}

template <class F>
void fields(Hotspot& h, F&& f) {
  f("path", h.path);
  f("commits", h.commits);
  f("complexity", h.complexity);
  f("score", h.score);
}

template <class F>
void fields(CoupledFiles& c, F&& f) {
  f("path_a", c.path_a);
  f("path_b", c.path_b);
  f("shared_commits", c.shared_commits);
  f("commits_a", c.commits_a);
  f("commits_b", c.commits_b);
  f("degree", c.degree);
}

template <class F>
void fields(ReleasePractice& r, F&& f) {
  f("tags", r.tags);
  f("semver_tags", r.semver_tags);
  f("releases", r.releases);
  f("releases_last_12_months", r.releases_last_12_months);
  f("last_tag", r.last_tag);
  f("commits_since_last_tag", r.commits_since_last_tag);
  f("last_release", r.last_release);
  f("last_release_date", r.last_release_date);
  f("days_since_last_release", r.days_since_last_release);
  f("has_changelog", r.has_changelog);
  f("release_intervals", r.release_intervals);
  f("release_intervals_with_changelog", r.release_intervals_with_changelog);
}

template <class F>
void fields(TraceabilityPractice& t, F&& f) {
  f("commits", t.commits);
  f("issue_references", t.issue_references);
  f("issue_reference_share", t.issue_reference_share);
  f("conventional_commits", t.conventional_commits);
  f("conventional_share", t.conventional_share);
  f("signed_commits", t.signed_commits);
  f("signed_share", t.signed_share);
  f("mainline_commits", t.mainline_commits);
  f("pull_request_commits", t.pull_request_commits);
  f("pull_request_share", t.pull_request_share);
  f("median_commit_files", t.median_commit_files);
  f("median_commit_lines", t.median_commit_lines);
}

template <class F>
void fields(RepoHistory& r, F&& f) {
  f("revision", r.revision);
  f("reference_date", r.reference_date);
  f("first_parent", r.first_parent);
  f("since", r.since);
  f("max_commits", r.max_commits);
  f("line_window_months", r.line_window_months);
  f("shallow", r.shallow);
  f("shallow_depth", r.shallow_depth);
  f("commits", r.commits);
  f("merges", r.merges);
  f("bot_commits", r.bot_commits);
  f("ignored_commits", r.ignored_commits);
  f("unreadable_commits", r.unreadable_commits);
  f("first_commit_date", r.first_commit_date);
  f("last_commit_date", r.last_commit_date);
  f("lines_added", r.lines_added);
  f("lines_deleted", r.lines_deleted);
  f("binary_changes", r.binary_changes);
  f("contributors", r.contributors);
  f("active_contributors", r.active_contributors);
  f("authors", r.authors);
  f("bots", r.bots);
  f("truck_factor", r.truck_factor);
  f("active_truck_factor", r.active_truck_factor);
  f("knowledge_loss", r.knowledge_loss);
  f("organisations", r.organisations);
  f("elephant_factor", r.elephant_factor);
  f("hotspots", r.hotspots);
  f("coupling", r.coupling);
  f("releases", r.releases);
  f("traceability", r.traceability);
}

template <class F>
void fields(HistoryFacts& h, F&& f) {
  f("repository", h.repository);
  f("files", h.files);
}  // notes: history_to_json, history_from_json

// A type is a "record" when it has a field table.
template <class T>
concept Record = requires(T& t) { fields(t, [](const char*, auto&) {}); };

template <class T>
ojson write(const T& value);

template <class T>
ojson write_value(const T& v) {
  if constexpr (Record<T>) {
    return write(v);
  } else {
    return ojson(v);
  }
}

template <class T>
ojson write_value(const std::vector<T>& v) {
  ojson a = ojson::array();
  for (const auto& e : v) a.push_back(write_value(e));
  return a;
}

template <class T>
ojson write(const T& value) {
  ojson j = ojson::object();
  // The field table takes a mutable reference; writing never modifies.
  fields(const_cast<T&>(value), [&](const char* name, const auto& member) {
    j[name] = write_value(member);
  });
  return j;
}

/// A reading problem with the path of the field in the history object.
struct ReadError {
  std::string path;
  std::string reason;
};

template <class T>
void read(const ojson& j, T& out, const std::string& path);

template <class T>
void read_value(const ojson& j, T& out, const std::string& path) {
  if constexpr (Record<T>) {
    read(j, out, path);
  } else {
    try {
      out = j.get<T>();
    } catch (const nlohmann::json::exception&) {
      throw ReadError{path, std::string("has the wrong type (") + j.type_name() + ")"};
    }
  }
}

template <class T>
void read_value(const ojson& j, std::vector<T>& out, const std::string& path) {
  if (!j.is_array()) throw ReadError{path, "is not an array"};
  out.clear();
  out.resize(j.size());
  for (size_t i = 0; i < j.size(); ++i) read_value(j[i], out[i], path + "[" + std::to_string(i) + "]");
}

template <class T>
void read(const ojson& j, T& out, const std::string& path) {
  if (!j.is_object()) throw ReadError{path, "is not an object"};
  fields(out, [&](const char* name, auto& member) {
    auto it = j.find(name);
    std::string where = path.empty() ? std::string(name) : path + "." + name;
    if (it == j.end()) throw ReadError{where, "is missing"};
    read_value(*it, member, where);
  });
}

}  // namespace

ojson history_to_json(const HistoryFacts& h) {
  ojson j = write(h);
  j["notes"] = ojson::array();
  j["note_messages"] = ojson::array();
  for (const auto& n : h.notes) {
    j["notes"].push_back(english(n));
    j["note_messages"].push_back(message_to_json(n));
  }
  return j;
}

void history_from_json(const ojson& j, HistoryFacts& h) {
  h = HistoryFacts{};
  try {
    read(j, h, "");
    std::vector<std::string> texts;
    read_value(j.contains("notes") ? j.at("notes") : ojson::array(), texts, "notes");
    // facts.json written before notes were messages has only the English texts.
    const ojson* messages = j.contains("note_messages") && j.at("note_messages").is_array() &&
                                    j.at("note_messages").size() == texts.size()
                                ? &j.at("note_messages")
                                : nullptr;
    for (size_t i = 0; i < texts.size(); ++i)
      h.notes.push_back(messages && (*messages)[i].is_object() ? message_from_json((*messages)[i]) : verbatim(texts[i]));
  } catch (const ReadError& e) {
    // The caller reports nlohmann exceptions with "$.history: " in front.
    throw ojson::other_error::create(501, e.path.empty() ? e.reason : e.path + " " + e.reason,
                                     nullptr);
  }
}

}  // namespace rh
