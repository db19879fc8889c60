// publiccode.yml checker. The required keys are those of the core standard as documented in
// publiccodeyml/publiccode.yml docs/standard/schema.core.rst (the 0.4/0.5 line of the standard),
// cross-checked with the reference validator italia/publiccode-parser-go (v0.go, PublicCodeV0),
// which applies one schema to every 0.x version (0, 0.2 ... 0.5). Deliberate choices:
// - `categories` is not required: the reference validator and the standard's minimal example
//   treat it as optional, and the community's list of requirements leaves it out.
// - `platforms` must be a list, as the reference validator reads it, although the schema text
//   also allows a single string.
// - shortDescription is required in every language; longDescription and features in at least
//   one language (the schema text's "mandatory (for at least one language)"; the reference
//   validator is stricter and wants them in every language).
// Lengths are counted in Unicode code points of the value as YAML delivers it (a folded `>`
// block keeps its final newline), as the reference validator does.
#include "health/publiccode.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <span>

namespace rh {
namespace {

constexpr size_t kShortDescriptionMax = 150;
constexpr size_t kLongDescriptionMin = 150;
constexpr size_t kLongDescriptionMax = 10000;

constexpr std::array<std::string_view, 5> kDevelopmentStatus = {"concept", "development", "beta", "stable",
                                                                "obsolete"};
constexpr std::array<std::string_view, 9> kSoftwareType = {"standalone/mobile",
                                                           "standalone/iot",
                                                           "standalone/desktop",
                                                           "standalone/web",
                                                           "standalone/backend",
                                                           "standalone/other",
                                                           "addon",
                                                           "library",
                                                           "configurationFiles"};
constexpr std::array<std::string_view, 4> kMaintenanceType = {"internal", "contract", "community", "none"};

/// What a required key's value must be.
enum class Expect {
  version,  ///< a string "0" or "0.x[.y]"
  text,     ///< a non-empty string
  url,      ///< a string shaped scheme://rest
  list,     ///< a non-empty list of strings
  choice,   ///< one of `allowed`
  boolean,  ///< a plain true or false
};

/// A required key, as data. `fact` is where its value is copied when it is a string.
struct KeyRule {
  std::string_view path;
  Expect expect;
  std::span<const std::string_view> allowed = {};
  std::string PubliccodeFacts::*fact = nullptr;
};

/// The keys the standard marks mandatory with a fixed path, in the order of the standard.
/// description (keyed by language) and the maintenance people (required depending on
/// maintenance.type) need more than a path and are checked in code below.
const std::array<KeyRule, 10> kRequiredKeys = {{
    {"publiccodeYmlVersion", Expect::version, {}, &PubliccodeFacts::version},
    {"name", Expect::text, {}, &PubliccodeFacts::name},
    {"url", Expect::url, {}, &PubliccodeFacts::url},
    {"platforms", Expect::list},
    {"developmentStatus", Expect::choice, kDevelopmentStatus, &PubliccodeFacts::development_status},
    {"softwareType", Expect::choice, kSoftwareType, &PubliccodeFacts::software_type},
    {"legal.license", Expect::text, {}, &PubliccodeFacts::licence},
    {"maintenance.type", Expect::choice, kMaintenanceType, &PubliccodeFacts::maintenance_type},
    {"localisation.localisationReady", Expect::boolean},
    {"localisation.availableLanguages", Expect::list},
}};

int64_t line_of(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return m.line >= 0 ? m.line + 1 : 0;
}

// Problems are messages of the catalogue rules/health/messages/publiccode.yml (core/message.h msg).

/// `args` with the arguments saying what `n` is: "found" (a list, a mapping, an empty value, or
/// the scalar quoted) and, for a scalar, "value".
std::vector<MessageArg> found(const YAML::Node& n, std::vector<MessageArg> args) {
  if (n.IsSequence()) {
    args.push_back(key_arg("found", "publiccode.found.list"));
  } else if (n.IsMap()) {
    args.push_back(key_arg("found", "publiccode.found.mapping"));
  } else if (!n.IsDefined() || n.IsNull()) {
    args.push_back(key_arg("found", "publiccode.found.empty"));
  } else {
    args.push_back(key_arg("found", "publiccode.found.value"));
    args.push_back(text_arg("value", n.Scalar()));
  }
  return args;
}

/// `must_be` (a message with {key} and {found}) about `n`, or "required value is empty" for a
/// null value.
Message must_be(const std::string& must_be_key, const std::string& key, const YAML::Node& n) {
  if (n.IsNull()) return msg("publiccode.empty_value", {text_arg("key", key)});
  return msg(must_be_key, found(n, {text_arg("key", key)}));
}

size_t code_points(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool looks_like_version(const std::string& s) {
  // "0", "0.4", "0.4.1"
  if (s.empty() || s[0] != '0') return false;
  if (s.size() == 1) return true;
  if (s[1] != '.' || s.size() == 2) return false;
  bool digit_seen = false;
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] == '.' && digit_seen && i + 1 < s.size()) {
      digit_seen = false;
    } else if (s[i] >= '0' && s[i] <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return digit_seen;
}

/// scheme://something, no white space. The standard wants a URL to the repository; an scp-style
/// "git@host:path" is not one.
bool looks_like_url(const std::string& s) {
  const size_t sep = s.find("://");
  if (sep == std::string::npos || sep == 0 || sep + 3 >= s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 0; i < sep; ++i) {
    const char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return std::none_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

/// YYYY-MM-DD, the only date format the standard allows.
bool looks_like_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

/// A value found under a mapping key, with the key's line (what problems point at).
struct Entry {
  bool present = false;
  YAML::Node value;
  int64_t line = 0;
};

/// Looks `key` up in `map` by walking it: no zombie nodes, and the key's own line.
Entry child(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return {};
  for (const auto& kv : map) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return {true, kv.second, line_of(kv.first)};
  }
  return {};
}

/// The state of one check run: the facts being filled and the problems found so far.
class Checker {
 public:
  Checker(PubliccodeFacts& facts, const YAML::Node& root) : facts_(facts), root_(root) {}

  void run() {
    for (const KeyRule& rule : kRequiredKeys) check_rule(rule);
    check_description();
    check_maintenance_people();
    if (Walk w = walk("localisation.availableLanguages"); w.entry.present && w.entry.value.IsSequence()) {
      for (const auto& item : w.entry.value)
        if (item.IsScalar()) add_language(item.Scalar());
    }
  }

 private:
  void problem(std::string key, int64_t line, Message message) {
    facts_.problems.push_back({std::move(key), line, std::move(message)});
  }
  /// A problem whose message has the key as its only argument.
  void problem(const std::string& key, int64_t line, const char* message_key) {
    problem(key, line, msg(message_key, {text_arg("key", key)}));
  }

  /// Walks a dotted path from the root. When a section on the way is missing, `line` is that of
  /// the deepest mapping found (what a "required key missing" points at). When a section on the
  /// way is not a mapping, it is reported once and the walk stops with present = false.
  struct Walk {
    Entry entry;
    int64_t parent_line = 0;
    bool blocked = false;
  };
  Walk walk(std::string_view path) {
    // yaml-cpp's Node::operator= writes into the node it refers to (it would edit the document):
    // nodes here are only constructed, and rebound with reset().
    YAML::Node node(root_);
    int64_t parent_line = line_of(root_);
    std::string so_far;
    while (true) {
      const size_t dot = path.find('.');
      const std::string_view part = path.substr(0, dot);
      so_far += (so_far.empty() ? "" : ".") + std::string(part);
      Entry e = child(node, part);
      if (dot == std::string_view::npos || !e.present) return Walk{e, parent_line, false};
      if (!e.value.IsMap()) {
        if (reported_sections_.insert(so_far).second)
          problem(so_far, e.line, msg("publiccode.section_not_mapping", found(e.value, {text_arg("key", so_far)})));
        return Walk{{}, parent_line, true};
      }
      node.reset(e.value);
      parent_line = e.line;
      path = path.substr(dot + 1);
    }
  }

  void check_rule(const KeyRule& rule) {
    const Walk w = walk(rule.path);
    if (w.blocked) return;
    const std::string key(rule.path);
    if (!w.entry.present) {
      problem(key, w.parent_line, "publiccode.missing");
      return;
    }
    const YAML::Node& v = w.entry.value;
    const int64_t line = w.entry.line;
    if (rule.expect == Expect::list) {
      check_string_list(key, v, line);
      return;
    }
    if (!v.IsScalar()) {
      problem(key, line, must_be(rule.expect == Expect::boolean ? "publiccode.not_boolean" : "publiccode.not_string", key, v));
      return;
    }
    const std::string& s = v.Scalar();
    if (rule.fact) facts_.*rule.fact = s;
    if (rule.fact == &PubliccodeFacts::licence) facts_.licence_line = line;
    if (rule.expect != Expect::boolean && blank(s)) {
      problem(key, line, "publiccode.empty_value");
      return;
    }
    const MessageArg key_text = text_arg("key", key), value = text_arg("value", s);
    switch (rule.expect) {
      case Expect::version:
        if (!looks_like_version(s)) problem(key, line, msg("publiccode.bad_version", {key_text, value}));
        break;
      case Expect::url:
        if (!looks_like_url(s)) problem(key, line, msg("publiccode.bad_url", {key_text, value}));
        break;
      case Expect::choice:
        if (std::find(rule.allowed.begin(), rule.allowed.end(), s) == rule.allowed.end())
          problem(key, line, msg("publiccode.bad_choice", {key_text, text_arg("allowed", join(rule.allowed)), value}));
        break;
      case Expect::boolean: {
        // A plain true/false only: a quoted "true" is a string, and yes/no/on/off are booleans only
        // in YAML 1.1, which the standard deprecates.
        static constexpr std::array<std::string_view, 6> kBool = {"true",  "True",  "TRUE",
                                                                  "false", "False", "FALSE"};
        const bool quoted = v.Tag() == "!";
        if (quoted || std::find(kBool.begin(), kBool.end(), s) == kBool.end())
          problem(key, line,
                  msg("publiccode.bad_boolean",
                      {key_text, key_arg("found", quoted ? "publiccode.found.string" : "publiccode.found.value"), value}));
        break;
      }
      case Expect::text:
      case Expect::list:
        break;
    }
  }

  /// A non-empty list whose items are non-empty strings.
  void check_string_list(const std::string& key, const YAML::Node& v, int64_t line) {
    if (!v.IsSequence()) {
      problem(key, line, must_be("publiccode.not_list", key, v));
      return;
    }
    if (v.size() == 0) {
      problem(key, line, "publiccode.empty_list");
      return;
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const YAML::Node item = v[i];
      if (!item.IsScalar() || blank(item.Scalar())) {
        const std::string item_key = key + "[" + std::to_string(i) + "]";
        problem(item_key, line_of(item), msg("publiccode.bad_item", found(item, {text_arg("key", item_key)})));
      }
    }
  }

  /// A string in a language section: returns it, or reports and returns nullptr.
  const std::string* text_at(const std::string& key, const Entry& e) {
    if (!e.value.IsScalar()) {
      problem(key, e.line, must_be("publiccode.not_string", key, e.value));
      return nullptr;
    }
    if (blank(e.value.Scalar())) {
      problem(key, e.line, "publiccode.empty_value");
      return nullptr;
    }
    return &e.value.Scalar();
  }

  /// description: a mapping by language code; every language has a shortDescription of at most
  /// 150 characters; longDescription (150..10000 characters) and features (a non-empty list) are
  /// required in at least one language and checked wherever they appear.
  void check_description() {
    const Entry d = child(root_, "description");
    if (!d.present) {
      problem("description", line_of(root_), "publiccode.missing");
      return;
    }
    if (d.value.IsNull() || (d.value.IsMap() && d.value.size() == 0)) {
      problem("description", d.line, "publiccode.no_language");
      return;
    }
    if (!d.value.IsMap()) {
      problem("description", d.line, must_be("publiccode.description_not_mapping", "description", d.value));
      return;
    }
    bool has_long = false, has_features = false;
    std::string first_language;
    for (const auto& kv : d.value) {
      const std::string lang = kv.first.Scalar();
      const std::string base = "description." + lang;
      if (first_language.empty()) first_language = lang;
      add_language(lang);
      if (!kv.second.IsMap()) {
        problem(base, line_of(kv.first), msg("publiccode.language_not_mapping", found(kv.second, {text_arg("key", base)})));
        continue;
      }
      const int64_t lang_line = line_of(kv.first);
      if (Entry s = child(kv.second, "shortDescription"); !s.present) {
        problem(base + ".shortDescription", lang_line, "publiccode.missing");
      } else if (const std::string* t = text_at(base + ".shortDescription", s)) {
        if (const size_t n = code_points(*t); n > kShortDescriptionMax)
          problem(base + ".shortDescription", s.line,
                  msg("publiccode.short_too_long",
                      {text_arg("key", base + ".shortDescription"), int_arg("n", static_cast<int64_t>(n)),
                       int_arg("max", kShortDescriptionMax)}));
      }
      if (Entry l = child(kv.second, "longDescription"); l.present) {
        has_long = true;
        if (const std::string* t = text_at(base + ".longDescription", l)) {
          const size_t n = code_points(*t);
          if (n < kLongDescriptionMin || n > kLongDescriptionMax)
            problem(base + ".longDescription", l.line,
                    msg(n < kLongDescriptionMin ? "publiccode.long_too_short" : "publiccode.long_too_long",
                        {text_arg("key", base + ".longDescription"), int_arg("n", static_cast<int64_t>(n)),
                         int_arg("min", kLongDescriptionMin), int_arg("max", kLongDescriptionMax)}));
        }
      }
      if (Entry f = child(kv.second, "features"); f.present) {
        has_features = true;
        check_string_list(base + ".features", f.value, f.line);
      }
    }
    const Entry first = child(d.value, first_language);
    if (!has_long) problem("description." + first_language + ".longDescription", first.line, "publiccode.missing_in_all");
    if (!has_features) problem("description." + first_language + ".features", first.line, "publiccode.missing_in_all");
  }

  /// maintenance.type contract needs contractors (name, until YYYY-MM-DD); internal and
  /// community need contacts (name). Other types, or a missing type, need neither.
  void check_maintenance_people() {
    const std::string& type = facts_.maintenance_type;
    const bool contract = type == "contract";
    if (!contract && type != "internal" && type != "community") return;
    const Entry m = child(root_, "maintenance");
    const std::string key = contract ? "maintenance.contractors" : "maintenance.contacts";
    const Entry people = child(m.value, contract ? "contractors" : "contacts");
    if (!people.present) {
      problem(key, m.line, msg("publiccode.missing_for_type", {text_arg("key", key), text_arg("type", type)}));
      return;
    }
    if (people.value.IsNull() || (people.value.IsSequence() && people.value.size() == 0)) {
      problem(key, people.line,
              msg(contract ? "publiccode.no_contractor" : "publiccode.no_contact", {text_arg("key", key), text_arg("type", type)}));
      return;
    }
    if (!people.value.IsSequence()) {
      problem(key, people.line, must_be("publiccode.not_list", key, people.value));
      return;
    }
    for (size_t i = 0; i < people.value.size(); ++i) {
      const YAML::Node person = people.value[i];
      const std::string item = key + "[" + std::to_string(i) + "]";
      if (!person.IsMap()) {
        problem(item, line_of(person),
                must_be(contract ? "publiccode.contractor_not_mapping" : "publiccode.person_not_mapping", item, person));
        continue;
      }
      if (Entry n = child(person, "name"); !n.present)
        problem(item + ".name", line_of(person), "publiccode.missing");
      else
        text_at(item + ".name", n);
      if (!contract) continue;
      if (Entry u = child(person, "until"); !u.present) {
        problem(item + ".until", line_of(person), "publiccode.missing");
      } else if (const std::string* t = text_at(item + ".until", u); t && !looks_like_date(*t)) {
        problem(item + ".until", u.line, msg("publiccode.bad_date", {text_arg("key", item + ".until"), text_arg("value", *t)}));
      }
    }
  }

  void add_language(const std::string& lang) {
    if (lang.empty()) return;
    if (std::find(facts_.languages.begin(), facts_.languages.end(), lang) == facts_.languages.end())
      facts_.languages.push_back(lang);
  }

  PubliccodeFacts& facts_;
  const YAML::Node& root_;
  std::set<std::string> reported_sections_;  ///< sections already reported as not a mapping
};

}  // namespace

PubliccodeFacts check_publiccode(std::string_view yaml_text) {
  PubliccodeFacts facts;
  YAML::Node root;
  try {
    root.reset(YAML::Load(std::string(yaml_text)));
  } catch (const YAML::Exception& e) {
    const int64_t line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    // The parser's explanation is library output in English: an argument, not catalogue text.
    facts.problems.push_back({"", line, msg("publiccode.not_yaml", {text_arg("error", e.msg)})});
    return facts;
  } catch (const std::exception& e) {
    facts.problems.push_back({"", 0, msg("publiccode.not_yaml", {text_arg("error", e.what())})});
    return facts;
  }
  if (!root.IsDefined() || root.IsNull()) {
    facts.problems.push_back({"", 0, msg("publiccode.empty_file")});
    return facts;
  }
  if (!root.IsMap()) {
    facts.problems.push_back({"", line_of(root), msg("publiccode.root_not_mapping", found(root, {}))});
    return facts;
  }
  facts.parsed = true;
  try {
    Checker(facts, root).run();
  } catch (const std::exception& e) {
    // Every access above is type-checked first; this is a net, not a path the checks rely on.
    facts.problems.push_back({"", 0, msg("publiccode.internal_error", {text_arg("error", e.what())})});
  }
  return facts;
}

}  // namespace rh
