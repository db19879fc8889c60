// The code-metric parts of facts.json: Halstead counts, function totals, maintainability index,
// duplicated lines, and the scan's `duplication` section. Fields written here are optional when
// reading (facts files written before they existed still load), typed when present.
#include "core/model_json.h"

namespace rh {
namespace {

/// Reads optional fields; the first wrong type is kept as the error.
class OptionalReader {
 public:
  explicit OptionalReader(std::string where) : where_(std::move(where)) {}
  const std::string& error() const { return error_; }

  template <class T>
  void get(const ojson& j, const char* key, T& out) {
    if (!error_.empty()) return;
    auto it = j.find(key);
    if (it == j.end()) return;
    try {
      out = it->template get<T>();
    } catch (const nlohmann::json::exception&) {
      error_ = where_ + "." + key + " has the wrong type (" + it->type_name() + ")";
    }
  }
  /// The member `key` when it is an object (or absent: nullptr); a wrong type is an error.
  const ojson* object(const ojson& j, const char* key) { return typed(j, key, true); }
  const ojson* array(const ojson& j, const char* key) { return typed(j, key, false); }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

 private:
  const ojson* typed(const ojson& j, const char* key, bool object) {
    if (!error_.empty()) return nullptr;
    auto it = j.find(key);
    if (it == j.end()) return nullptr;
    if (object ? !it->is_object() : !it->is_array()) {
      error_ = where_ + "." + key + (object ? " is not an object" : " is not an array");
      return nullptr;
    }
    return &*it;
  }

  std::string where_;
  std::string error_;
};

ojson halstead_json(const Halstead& h) {
  ojson j;
  j["distinct_operators"] = h.distinct_operators;
  j["distinct_operands"] = h.distinct_operands;
  j["operators"] = h.operators;
  j["operands"] = h.operands;
  j["volume"] = h.volume;
  return j;
}

void read_halstead(OptionalReader& r, const ojson& j, Halstead& h) {
  r.get(j, "distinct_operators", h.distinct_operators);
  r.get(j, "distinct_operands", h.distinct_operands);
  r.get(j, "operators", h.operators);
  r.get(j, "operands", h.operands);
  r.get(j, "volume", h.volume);
}

}  // namespace

void function_metrics_to_json(const FunctionMetrics& f, ojson& j) { j["halstead"] = halstead_json(f.halstead); }

std::string function_metrics_from_json(const ojson& j, FunctionMetrics& f, const std::string& where) {
  OptionalReader r(where);
  if (const ojson* h = r.object(j, "halstead")) {
    OptionalReader inner(where + ".halstead");
    read_halstead(inner, *h, f.halstead);
    r.fail(inner.error());
  }
  return r.error();
}

void file_metrics_to_json(const FileFacts& f, ojson& j) {
  const FunctionTotals& t = f.totals;
  j["function_totals"] = {{"count", t.count},
                          {"nloc", t.nloc},
                          {"cyclomatic", t.cyclomatic},
                          {"cognitive", t.cognitive},
                          {"tokens", t.tokens},
                          {"max_nloc", t.max_nloc},
                          {"max_cyclomatic", t.max_cyclomatic},
                          {"max_cognitive", t.max_cognitive},
                          {"max_params", t.max_params},
                          {"max_nesting", t.max_nesting}};
  j["tokens"] = f.tokens;
  j["halstead"] = halstead_json(f.halstead);
  j["maintainability_index"] = f.maintainability_index ? ojson(*f.maintainability_index) : ojson(nullptr);
  j["duplicated_lines"] = f.duplicated_lines;
  if (!f.spdx_license.empty()) j["spdx_license"] = f.spdx_license;
}

std::string file_metrics_from_json(const ojson& j, FileFacts& f, const std::string& where) {
  OptionalReader r(where);
  if (const ojson* t = r.object(j, "function_totals")) {
    OptionalReader inner(where + ".function_totals");
    FunctionTotals& o = f.totals;
    inner.get(*t, "count", o.count);
    inner.get(*t, "nloc", o.nloc);
    inner.get(*t, "cyclomatic", o.cyclomatic);
    inner.get(*t, "cognitive", o.cognitive);
    inner.get(*t, "tokens", o.tokens);
    inner.get(*t, "max_nloc", o.max_nloc);
    inner.get(*t, "max_cyclomatic", o.max_cyclomatic);
    inner.get(*t, "max_cognitive", o.max_cognitive);
    inner.get(*t, "max_params", o.max_params);
    inner.get(*t, "max_nesting", o.max_nesting);
    r.fail(inner.error());
  }
  r.get(j, "tokens", f.tokens);
  if (const ojson* h = r.object(j, "halstead")) {
    OptionalReader inner(where + ".halstead");
    read_halstead(inner, *h, f.halstead);
    r.fail(inner.error());
  }
  auto mi = j.find("maintainability_index");
  if (mi != j.end() && !mi->is_null()) {
    if (mi->is_number())
      f.maintainability_index = mi->get<double>();
    else
      r.fail(where + ".maintainability_index has the wrong type (" + mi->type_name() + ")");
  }
  r.get(j, "duplicated_lines", f.duplicated_lines);
  r.get(j, "spdx_license", f.spdx_license);
  return r.error();
}

ojson duplication_to_json(const Duplication& d) {
  ojson j;
  j["min_tokens"] = d.min_tokens;
  j["min_lines"] = d.min_lines;
  j["files"] = d.files;
  j["code_lines"] = d.code_lines;
  j["duplicated_lines"] = d.duplicated_lines;
  j["duplicated_percent"] = d.duplicated_percent;
  j["product_code_lines"] = d.product_code_lines;
  j["product_duplicated_lines"] = d.product_duplicated_lines;
  j["groups"] = ojson::array();
  for (const CloneGroup& g : d.groups) {
    ojson group;
    group["tokens"] = g.tokens;
    group["lines"] = g.lines;
    group["locations"] = ojson::array();
    for (const CloneLocation& l : g.locations)
      group["locations"].push_back({{"path", l.path}, {"start_line", l.start_line}, {"end_line", l.end_line}});
    j["groups"].push_back(std::move(group));
  }
  return j;
}

std::string duplication_from_json(const ojson& j, Duplication& d, const std::string& where) {
  if (!j.is_object()) return where + " is not an object";
  OptionalReader r(where);
  r.get(j, "min_tokens", d.min_tokens);
  r.get(j, "min_lines", d.min_lines);
  r.get(j, "files", d.files);
  r.get(j, "code_lines", d.code_lines);
  r.get(j, "duplicated_lines", d.duplicated_lines);
  r.get(j, "duplicated_percent", d.duplicated_percent);
  r.get(j, "product_code_lines", d.product_code_lines);
  r.get(j, "product_duplicated_lines", d.product_duplicated_lines);
  if (const ojson* groups = r.array(j, "groups")) {
    for (size_t g = 0; g < groups->size() && r.error().empty(); ++g) {
      const std::string gw = where + ".groups[" + std::to_string(g) + "]";
      const ojson& gj = (*groups)[g];
      if (!gj.is_object()) return gw + " is not an object";
      OptionalReader gr(gw);
      CloneGroup group;
      gr.get(gj, "tokens", group.tokens);
      gr.get(gj, "lines", group.lines);
      if (const ojson* locs = gr.array(gj, "locations")) {
        for (size_t k = 0; k < locs->size(); ++k) {
          const ojson& lj = (*locs)[k];
          const std::string lw = gw + ".locations[" + std::to_string(k) + "]";
          if (!lj.is_object()) return lw + " is not an object";
          OptionalReader lr(lw);
          CloneLocation l;
          lr.get(lj, "path", l.path);
          lr.get(lj, "start_line", l.start_line);
          lr.get(lj, "end_line", l.end_line);
          if (!lr.error().empty()) return lr.error();
          group.locations.push_back(std::move(l));
        }
      }
      if (!gr.error().empty()) return gr.error();
      d.groups.push_back(std::move(group));
    }
  }
  return r.error();
}

}  // namespace rh
