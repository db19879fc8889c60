#include "core/model_json.h"

namespace rh {
namespace {

template <class T>
bool take(const ojson& j, const char* key, T& out, const std::string& where, std::string& error) {
  auto it = j.find(key);
  if (it == j.end()) {
    error = where + "." + key + " is missing";
    return false;
  }
  try {
    out = it->template get<T>();
  } catch (const nlohmann::json::exception&) {
    error = where + "." + key + " has the wrong type (" + it->type_name() + ")";
    return false;
  }
  return true;
}

}  // namespace

/// `confidence` (high | medium | low); facts written before it was renamed carry `precision`
/// (very-high | high | medium | low), read with very-high as high.
bool take_confidence(const ojson& j, std::string& out, const std::string& w, std::string& e) {
  if (!j.contains("confidence") && j.contains("precision")) {
    if (!take(j, "precision", out, w, e)) return false;
    if (out == "very-high") out = "high";
    return true;
  }
  return take(j, "confidence", out, w, e);
}

ojson finding_to_json(const Finding& f) {
  ojson j;
  j["rule_id"] = f.rule_id;
  j["severity"] = f.severity;
  j["message"] = f.message;
  j["arguments"] = f.arguments;
  j["path"] = f.path;
  j["start_line"] = f.start_line;
  j["start_column"] = f.start_column;
  j["end_line"] = f.end_line;
  j["end_column"] = f.end_column;
  j["snippet"] = f.snippet;
  j["function"] = f.function;
  j["fingerprint"] = f.fingerprint;
  j["suppression"] = f.suppression ? ojson{{"kind", f.suppression->kind},
                                           {"justification", f.suppression->justification}}
                                   : ojson(nullptr);
  j["baseline_state"] = f.baseline_state;
  if (!f.text_message.empty()) j["text_message"] = message_to_json(f.text_message);
  return j;
}

Result<Finding> finding_from_json(const ojson& j, const std::string& w) {
  Finding f;
  std::string e;
  if (!j.is_object()) return Error{w + " is not an object"};
  bool ok = take(j, "rule_id", f.rule_id, w, e) && take(j, "severity", f.severity, w, e) &&
            take(j, "message", f.message, w, e) && take(j, "path", f.path, w, e) &&
            take(j, "start_line", f.start_line, w, e) && take(j, "start_column", f.start_column, w, e) &&
            take(j, "end_line", f.end_line, w, e) && take(j, "end_column", f.end_column, w, e) &&
            take(j, "snippet", f.snippet, w, e) && take(j, "function", f.function, w, e) &&
            take(j, "fingerprint", f.fingerprint, w, e) &&
            take(j, "baseline_state", f.baseline_state, w, e);
  if (!ok) return Error{e};
  // Facts written before arguments were kept have none: reports then show `message` as it is.
  if (j.contains("arguments") && !take(j, "arguments", f.arguments, w, e)) return Error{e};
  try {
    f.text_message = get_message(j, "text_message");
  } catch (const nlohmann::json::exception& x) {
    return Error{w + ".text_message: " + x.what()};
  }
  auto s = j.find("suppression");
  if (s != j.end() && !s->is_null()) {
    Suppression sup;
    if (!take(*s, "kind", sup.kind, w + ".suppression", e) ||
        !take(*s, "justification", sup.justification, w + ".suppression", e))
      return Error{e};
    f.suppression = std::move(sup);
  }
  return f;
}

ojson rule_to_json(const RuleDescriptor& r) {
  ojson j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["severity"] = r.severity;
  j["kind"] = r.kind;
  j["languages"] = r.languages;
  j["tags"] = r.tags;
  j["confidence"] = r.confidence;
  j["state"] = r.state;
  j["description"] = r.description;
  j["security_severity"] = r.security_severity;
  j["message"] = r.message;
  ojson translations = ojson::object();
  for (const auto& [lang, text] : r.translations)
    translations[lang] = {{"title", text.title}, {"message", text.message}};
  j["translations"] = std::move(translations);
  return j;
}

Result<RuleDescriptor> rule_from_json(const ojson& j, const std::string& w) {
  RuleDescriptor r;
  std::string e;
  if (!j.is_object()) return Error{w + " is not an object"};
  bool ok = take(j, "id", r.id, w, e) && take(j, "title", r.title, w, e) &&
            take(j, "severity", r.severity, w, e) && take(j, "kind", r.kind, w, e) &&
            take(j, "languages", r.languages, w, e) && take(j, "tags", r.tags, w, e) &&
            take_confidence(j, r.confidence, w, e) && take(j, "state", r.state, w, e) &&
            take(j, "description", r.description, w, e) &&
            take(j, "security_severity", r.security_severity, w, e);
  if (!ok) return Error{e};
  // Facts written before rules carried their message template and translations have neither.
  if (j.contains("message") && !take(j, "message", r.message, w, e)) return Error{e};
  if (auto t = j.find("translations"); t != j.end()) {
    if (!t->is_object()) return Error{w + ".translations has the wrong type (" + t->type_name() + ")"};
    for (const auto& [lang, text] : t->items()) {
      RuleText rt;
      const std::string where = w + ".translations." + lang;
      if (!text.is_object()) return Error{where + " is not an object"};
      if (!take(text, "title", rt.title, where, e) || !take(text, "message", rt.message, where, e)) return Error{e};
      r.translations.emplace(lang, std::move(rt));
    }
  }
  return r;
}

}  // namespace rh
