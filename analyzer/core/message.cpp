#include "core/message.h"

#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>

#include "core/embedded.h"

namespace rh {
namespace {

using Texts = std::map<std::string, std::string, std::less<>>;  // by language
using Catalogue = std::map<std::string, Texts, std::less<>>;     // by key

void add_texts(Catalogue& out, const std::string& key, const YAML::Node& node) {
  if (!node || !node.IsMap()) return;
  for (const auto& kv : node) out[key][kv.first.as<std::string>()] = kv.second.as<std::string>();
}

// Shipped data, checked by tests/health: a malformed file is a build defect, not user input.
Catalogue load() {
  Catalogue out;
  for (const EmbeddedFile& f : embedded_files()) {
    if (!f.path.starts_with("health/messages/")) continue;
    YAML::Node root = YAML::Load(std::string(f.bytes));
    for (const auto& kv : root["messages"]) add_texts(out, kv.first.as<std::string>(), kv.second);
  }
  // Each check's record, the `repo` rule rules/repo/<family>/<name>.yml that names the check in
  // `repo.check`: its own texts (`repo.messages`), and its title (English) and `da.title`.
  for (const EmbeddedFile& f : embedded_files()) {
    if (!f.path.starts_with("repo/")) continue;
    YAML::Node rule = YAML::Load(std::string(f.bytes));
    if (!rule["repo"] || !rule["repo"]["check"]) continue;
    for (const auto& kv : rule["repo"]["messages"]) add_texts(out, kv.first.as<std::string>(), kv.second);
    const std::string key = "check." + rule["repo"]["check"].as<std::string>() + ".title";
    out[key]["en"] = rule["title"].as<std::string>();
    for (const auto& lang : rule)
      if (lang.first.as<std::string>().size() == 2 && lang.second.IsMap() && lang.second["title"])
        out[key][lang.first.as<std::string>()] = lang.second["title"].as<std::string>();
  }
  // Requirements: `title`, `person` and their translations under the language.
  YAML::Node reqs = YAML::Load(std::string(embedded_text("health/requirements.yml")));
  for (const char* framework : {"community", "standard_for_public_code"})
    for (const auto& r : reqs[framework]) {
      const std::string id = r["id"].as<std::string>();
      for (const char* field : {"title", "person"}) {
        if (!r[field]) continue;
        const std::string key = "requirement." + id + "." + field;
        out[key]["en"] = r[field].as<std::string>();
        for (const auto& lang : r)
          if (lang.second.IsMap() && lang.second[field]) out[key][lang.first.as<std::string>()] = lang.second[field].as<std::string>();
      }
    }
  return out;
}

const Catalogue& catalogue() {
  static const Catalogue c = load();
  return c;
}

int digits_of(const std::string& v) {
  size_t dot = v.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(v.size() - dot - 1);
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

std::string styled(const std::function<std::string(std::string_view)>& f, std::string_view s) {
  return f ? f(s) : std::string(s);
}

std::string plain_text(std::string_view key, std::string_view lang) {
  const std::string* t = message_text(key, lang);
  return t ? *t : std::string(key);
}

}  // namespace

Message nest(std::string key, std::string name, const Message& inner, std::vector<MessageArg> more) {
  Message out{std::move(key), std::move(more)};
  out.args.insert(out.args.end(), inner.args.begin(), inner.args.end());
  out.args.push_back({std::move(name), inner.key, "key"});
  return out;
}

MessageArg text_arg(std::string name, std::string value) { return {std::move(name), std::move(value), "text"}; }
MessageArg int_arg(std::string name, int64_t value) { return {std::move(name), std::to_string(value), "int"}; }
MessageArg decimal_arg(std::string name, double value, int digits) {
  return {std::move(name), fixed(value, digits), "decimal"};
}
MessageArg percent_arg(std::string name, double share, int digits) {
  return {std::move(name), fixed(share * 100, digits), "percent"};
}
MessageArg key_arg(std::string name, std::string key) { return {std::move(name), std::move(key), "key"}; }
MessageArg date_arg(std::string name, std::string iso) { return {std::move(name), std::move(iso), "date"}; }
MessageArg keys_arg(std::string name, const std::vector<std::string>& keys) {
  std::string v;
  for (const auto& k : keys) v += (v.empty() ? "" : "\n") + k;
  return {std::move(name), v, "keys"};
}

const std::string* message_text(std::string_view key, std::string_view lang) {
  const auto& c = catalogue();
  auto it = c.find(key);
  if (it == c.end()) return nullptr;
  auto t = it->second.find(lang);
  if (t == it->second.end()) t = it->second.find("en");
  return t == it->second.end() ? nullptr : &t->second;
}

const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>& message_catalogue() {
  static const auto list = [] {
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> out;
    for (const auto& [key, texts] : catalogue()) {
      std::vector<std::pair<std::string, std::string>> by_lang;
      for (const auto& [lang, text] : texts) by_lang.emplace_back(lang, text);
      out.emplace_back(key, std::move(by_lang));
    }
    return out;
  }();
  return list;
}

std::string render(const Message& m, std::string_view lang, const NumberFormat& numbers, const MessageStyle& style) {
  std::vector<std::pair<std::string, std::string>> values;
  for (const auto& a : m.args) {
    std::string shown;
    if (a.kind == "int") {
      shown = styled(style.prose, numbers.integer(std::stoll(a.value)));
    } else if (a.kind == "decimal") {
      shown = styled(style.prose, numbers.decimal(std::stod(a.value), digits_of(a.value)));
    } else if (a.kind == "percent") {
      shown = styled(style.prose, numbers.percent(std::stod(a.value) / 100, digits_of(a.value)));
    } else if (a.kind == "date") {
      shown = styled(style.prose, numbers.date ? numbers.date(a.value) : a.value);
    } else if (a.kind == "key") {
      continue;  // below, filled with the other arguments
    } else if (a.kind == "keys") {
      std::vector<std::string> items;
      std::istringstream in(a.value);
      for (std::string k; std::getline(in, k);) items.push_back(plain_text(k, lang));
      std::string list;
      for (size_t i = 0; i < items.size(); ++i)
        list += (i == 0 ? "" : i + 1 == items.size() ? plain_text("common.list_and", lang) : ", ") + items[i];
      shown = styled(style.prose, list);
    } else {
      shown = styled(style.content, a.value);
    }
    values.emplace_back(a.name, std::move(shown));
  }
  // A key argument's text may use the message's other arguments ("job '{job}' step {step}").
  std::vector<std::pair<std::string, std::string>> nested;
  for (const auto& a : m.args)
    if (a.kind == "key") nested.emplace_back(a.name, fill_placeholders(styled(style.prose, plain_text(a.value, lang)), values));
  values.insert(values.begin(), nested.begin(), nested.end());
  const std::string* pattern = message_text(m.key, lang);
  return fill_placeholders(styled(style.prose, pattern ? *pattern : m.key), values);
}

}  // namespace rh
