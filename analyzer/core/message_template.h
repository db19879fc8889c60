#pragma once
// Rule messages are templates: `{name}` placeholders filled from a finding's arguments
// (Finding::arguments). The engine fills the English template when it makes a finding; the
// reports fill a translated template (RuleDescriptor::translations) from the same arguments.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rh {

/// Replaces `{key}` by lookup(key); a key the lookup does not know (an optional capture that
/// did not match) becomes ""; braces around anything but a key (letters, digits, `_`, `.`)
/// stay as written.
std::string interpolate(const std::string& message,
                        const std::function<std::optional<std::string>(std::string_view)>& lookup);

/// interpolate() with the values of a finding's arguments.
std::string interpolate(const std::string& message, const std::map<std::string, std::string>& arguments);

/// The value of every placeholder of `message` (Finding::arguments): lookup(key), "" where the
/// lookup does not know the key (as interpolate() writes it).
std::map<std::string, std::string> message_arguments(
    const std::string& message, const std::function<std::optional<std::string>(std::string_view)>& lookup);

/// The distinct placeholder keys of a template, in order of first appearance
/// ("{name} has {value} lines (threshold {threshold})" -> name, value, threshold).
std::vector<std::string> placeholders(std::string_view message);

}  // namespace rh
