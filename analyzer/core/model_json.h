#pragma once
// ScanResult <-> facts.json. Writing then reading then writing gives the same bytes.
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/model.h"

namespace rh {

using ojson = nlohmann::ordered_json;

ojson to_json(const ScanResult& result);
/// Reads a facts.json document; errors name the field that is missing or of the wrong type.
Result<ScanResult> scan_result_from_json(const ojson& doc);

/// Serialised text of facts.json (2-space indent, trailing newline).
std::string facts_json_text(const ScanResult& result);
/// Reads and parses a facts.json file; errors name the file.
Result<ScanResult> read_facts_file(const std::string& path);

// The findings part lives in findings_json.cpp, the history part in history_json.cpp.
ojson finding_to_json(const Finding& finding);
Result<Finding> finding_from_json(const ojson& j, const std::string& where);
ojson rule_to_json(const RuleDescriptor& rule);
Result<RuleDescriptor> rule_from_json(const ojson& j, const std::string& where);
ojson history_to_json(const HistoryFacts& history);
void history_from_json(const ojson& j, HistoryFacts& history);
ojson new_code_to_json(const NewCode& new_code);
void new_code_from_json(const ojson& j, NewCode& new_code);  ///< throws nlohmann::json::exception
/// A catalogue message (core/message.h): {"key", "args": [{"name", "value", "kind"}]}, "kind"
/// left out for repository text.
ojson message_to_json(const Message& m);
Message message_from_json(const ojson& j);  ///< throws nlohmann::json::exception
/// Sets j[field] to the message unless it is empty; reads it back when present.
void put_message(ojson& j, const char* field, const Message& m);
Message get_message(const ojson& j, const char* field);
ojson health_to_json(const HealthFacts& health);
void health_from_json(const ojson& j, HealthFacts& health);  ///< throws nlohmann::json::exception
ojson gate_to_json(const GateResult& gate);
void gate_from_json(const ojson& j, GateResult& gate);  ///< throws nlohmann::json::exception
// The code-metric parts live in metrics_json.cpp. Readers return "" or the error; every field
// they read is optional (older facts files), typed when present.
void function_metrics_to_json(const FunctionMetrics& f, ojson& j);
std::string function_metrics_from_json(const ojson& j, FunctionMetrics& f, const std::string& where);
void file_metrics_to_json(const FileFacts& f, ojson& j);
std::string file_metrics_from_json(const ojson& j, FileFacts& f, const std::string& where);
ojson duplication_to_json(const Duplication& d);
std::string duplication_from_json(const ojson& j, Duplication& d, const std::string& where);

}  // namespace rh
