#include "core/message_template.h"

#include <algorithm>
#include <cctype>

namespace rh {
namespace {

bool is_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  });
}

/// Calls `each(from, open, close)` for every "{...}" of `message`, left to right: where the text
/// before it starts and the positions of its braces. Returns where the text after the last starts.
template <class F>
size_t for_each_brace(std::string_view message, F&& each) {
  size_t i = 0;
  while (i < message.size()) {
    size_t open = message.find('{', i);
    if (open == std::string_view::npos) break;
    size_t close = message.find('}', open);
    if (close == std::string_view::npos) break;
    each(i, open, close);
    i = close + 1;
  }
  return i;
}

}  // namespace

std::string interpolate(const std::string& message,
                        const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::string out;
  const size_t rest = for_each_brace(message, [&](size_t from, size_t open, size_t close) {
    out.append(message, from, open - from);
    std::string_view key(message.data() + open + 1, close - open - 1);
    if (auto value = lookup(key))
      out += *value;
    else if (!is_key(key))
      out.append(message, open, close - open + 1);
  });
  out.append(message, rest, std::string::npos);
  return out;
}

std::string interpolate(const std::string& message, const std::map<std::string, std::string>& arguments) {
  return interpolate(message, [&](std::string_view key) -> std::optional<std::string> {
    auto it = arguments.find(std::string(key));
    if (it == arguments.end()) return std::nullopt;
    return it->second;
  });
}

std::map<std::string, std::string> message_arguments(
    const std::string& message, const std::function<std::optional<std::string>(std::string_view)>& lookup) {
  std::map<std::string, std::string> out;
  for (auto& key : placeholders(message)) {
    std::optional<std::string> value = lookup(key);
    out.emplace(std::move(key), value ? std::move(*value) : std::string());
  }
  return out;
}

std::vector<std::string> placeholders(std::string_view message) {
  std::vector<std::string> out;
  for_each_brace(message, [&](size_t, size_t open, size_t close) {
    std::string_view key = message.substr(open + 1, close - open - 1);
    if (is_key(key) && std::find(out.begin(), out.end(), key) == out.end()) out.emplace_back(key);
  });
  return out;
}

}  // namespace rh
