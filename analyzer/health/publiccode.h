#pragma once
// publiccode.yml (https://yml.publiccode.tools): the metadata file public-sector software carries.
// This unit checks the keys the standard makes mandatory, their types and their enumerations, and
// reads back the facts the health report shows (name, status, maintenance, licence, languages).
// Unknown keys are never reported: the standard allows country sections and extensions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace rh {

/// One way a publiccode.yml falls short of the standard's required keys.
struct PubliccodeProblem {
  /// Dotted key path, list items as [i]: "maintenance.contacts[0].name",
  /// "description.en.shortDescription". Empty for the file as a whole (not YAML, empty, a list).
  std::string key;
  /// 1-based line of the offending key, or of the parent mapping's key when the key is missing
  /// (the line of the first top-level key for a missing top-level key); 0 when unknown.
  int64_t line = 0;
  /// What is wrong, a catalogue message (rules/health/messages/publiccode.yml) that names the key
  /// itself ("{key}: required key missing"); its English rendering is the evidence's text.
  Message message;
  bool operator==(const PubliccodeProblem&) const = default;
};

/// What a publiccode.yml declares. String facts are as written, even when a problem reports them
/// (an unknown developmentStatus is still shown as found); empty when absent or not a string.
struct PubliccodeFacts {
  bool parsed = false;  ///< the text is YAML whose document is a mapping
  std::string version;  ///< publiccodeYmlVersion as written, e.g. "0.4"
  std::string name, url, development_status, software_type, maintenance_type;
  std::string licence;  ///< legal.license, an SPDX expression
  int64_t licence_line = 0;
  /// The description's language codes, then localisation.availableLanguages, each once, in the
  /// order of the file.
  std::vector<std::string> languages;
  std::vector<PubliccodeProblem> problems;  ///< empty = valid for the required keys
};

/// Checks the text of a publiccode.yml. Never throws. Text that is not YAML is one problem at the
/// parser's line; an empty document (nothing but blanks or comments) and a document that is not a
/// mapping are one problem each with `parsed` false, rather than a list of every required key.
PubliccodeFacts check_publiccode(std::string_view yaml_text);

}  // namespace rh
