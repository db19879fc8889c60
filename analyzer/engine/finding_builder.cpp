#include "engine/finding_builder.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace rh {

void FileText::index() {
  if (!starts_.empty()) return;
  starts_.push_back(0);
  for (size_t i = 0; i < content_.size(); ++i)
    if (content_[i] == '\n') starts_.push_back(i + 1);
}

FileText::Position FileText::position(size_t offset) {
  index();
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  return {static_cast<int64_t>(line), static_cast<int64_t>(offset - starts_[line - 1] + 1)};
}

int64_t FileText::line_count() {
  index();
  return static_cast<int64_t>(starts_.size());
}

std::string_view FileText::line(int64_t line) {
  index();
  if (line < 1 || line > static_cast<int64_t>(starts_.size())) return {};
  size_t begin = starts_[line - 1];
  size_t end = line < static_cast<int64_t>(starts_.size()) ? starts_[line] : content_.size();
  std::string_view s = content_.substr(begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string make_snippet(FileText& text, int64_t start_line, int64_t end_line) {
  end_line = std::min(std::max(start_line, end_line), start_line + 2);
  std::vector<std::string_view> lines;
  size_t indent = std::string_view::npos;
  for (int64_t l = start_line; l <= end_line; ++l) {
    std::string_view s = text.line(l);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    size_t lead = s.find_first_not_of(" \t");
    if (lead != std::string_view::npos) indent = std::min(indent, lead);
    lines.push_back(s);
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view s = lines[i];
    if (indent != std::string_view::npos && s.size() >= indent) s.remove_prefix(indent);
    if (s.size() > 160) {
      size_t cut = 157;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
      out += std::string(s.substr(0, cut)) + "...";
    } else {
      out += s;
    }
    if (i + 1 < lines.size()) out += '\n';
  }
  return out;
}

std::string finding_fingerprint(std::string_view rule_id, std::string_view matched, std::string_view function) {
  std::string key(rule_id);
  key += '\0';
  bool space = false;
  for (char c : matched) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && key.back() != '\0') key += ' ';
    space = false;
    key += c;
  }
  key += '\0';
  key += function;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  return hex;
}

std::string enclosing_function(const std::vector<FunctionMetrics>& functions, int64_t line) {
  const FunctionMetrics* best = nullptr;
  for (const auto& f : functions)
    if (f.start_line <= line && line <= f.end_line &&
        (!best || f.end_line - f.start_line < best->end_line - best->start_line))
      best = &f;
  return best ? best->name : "";
}

std::string redact_value(std::string_view value) {
  size_t keep = value.size() > 8 ? 4 : 0;
  return std::string(value.substr(0, keep)) + std::string(std::min<size_t>(value.size() - keep, 12), '*');
}

}  // namespace rh
