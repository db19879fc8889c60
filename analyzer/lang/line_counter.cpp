#include "lang/line_counter.h"

#include <algorithm>
#include <string>

namespace rh {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

size_t bom_length(std::string_view content) {
  return content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

/// What starts at a position: the longest of the comment and string markers wins, so "--[["
/// (a block) beats "--" (a line comment) and '"""' beats '"'.
struct Marker {
  enum Kind { none, line_comment, block_comment, string } kind = none;
  size_t length = 0;
  size_t index = 0;  ///< into syntax.block or syntax.strings
};

Marker marker_at(std::string_view rest, const CommentSyntax& syntax) {
  Marker best;
  auto consider = [&](std::string_view text, Marker::Kind kind, size_t index) {
    if (text.size() > best.length && rest.starts_with(text)) best = {kind, text.size(), index};
  };
  for (size_t i = 0; i < syntax.block.size(); ++i) consider(syntax.block[i].open, Marker::block_comment, i);
  for (const auto& l : syntax.line) consider(l, Marker::line_comment, 0);
  for (size_t i = 0; i < syntax.strings.size(); ++i) consider(syntax.strings[i].open, Marker::string, i);
  return best;
}

class Counter {
 public:
  explicit Counter(const CommentSyntax& syntax) : syntax_(syntax) {
    for (const auto& b : syntax.block)
      if (!b.open.empty()) first_.push_back(b.open[0]);
    for (const auto& l : syntax.line)
      if (!l.empty()) first_.push_back(l[0]);
    for (const auto& s : syntax.strings)
      if (!s.open.empty()) first_.push_back(s.open[0]);
  }

  LineCounts run(std::string_view content) {
    size_t i = bom_length(content);
    while (i < content.size()) {
      const char c = content[i];
      if (c == '\n') {
        end_line();
        ++i;
        continue;
      }
      switch (state_) {
        case State::normal: i = step_normal(content, i); break;
        case State::line_comment:
          if (!is_space(static_cast<unsigned char>(c))) has_comment_ = true;
          ++i;
          break;
        case State::block_comment: i = step_block(content, i); break;
        case State::string: i = step_string(content, i); break;
      }
    }
    if (line_open_) end_line();
    return counts_;
  }

 private:
  enum class State { normal, line_comment, block_comment, string };

  size_t step_normal(std::string_view content, size_t i) {
    const char c = content[i];
    line_open_ = true;
    if (is_space(static_cast<unsigned char>(c))) return i + 1;
    if (first_.find(c) != std::string::npos) {
      Marker m = marker_at(content.substr(i), syntax_);
      switch (m.kind) {
        case Marker::line_comment:
          has_comment_ = true;
          state_ = State::line_comment;
          return i + m.length;
        case Marker::block_comment:
          has_comment_ = true;
          state_ = State::block_comment;
          close_ = syntax_.block[m.index].close;
          return i + m.length;
        case Marker::string:
          has_code_ = true;
          state_ = State::string;
          close_ = syntax_.strings[m.index].close;
          multiline_ = syntax_.strings[m.index].multiline;
          return i + m.length;
        case Marker::none: break;
      }
    }
    has_code_ = true;
    return i + 1;
  }

  size_t step_block(std::string_view content, size_t i) {
    line_open_ = true;
    if (content.substr(i).starts_with(close_)) {
      has_comment_ = true;
      state_ = State::normal;
      return i + close_.size();
    }
    if (!is_space(static_cast<unsigned char>(content[i]))) has_comment_ = true;
    return i + 1;
  }

  size_t step_string(std::string_view content, size_t i) {
    line_open_ = true;
    const char c = content[i];
    if (!is_space(static_cast<unsigned char>(c))) has_code_ = true;
    if (c == '\\' && i + 1 < content.size()) {
      if (content[i + 1] == '\n') {  // an escaped line end continues any string
        continued_ = true;
        end_line();
      }
      return i + 2;
    }
    if (content.substr(i).starts_with(close_)) {
      state_ = State::normal;
      return i + close_.size();
    }
    return i + 1;
  }

  void end_line() {
    ++counts_.total;
    if (has_code_)
      ++counts_.code;
    else if (has_comment_)
      ++counts_.comment;
    else
      ++counts_.blank;
    has_code_ = has_comment_ = false;
    line_open_ = false;
    if (state_ == State::line_comment) state_ = State::normal;
    // A single-line string ends at the line end unless the line end was escaped.
    if (state_ == State::string && !multiline_ && !continued_) state_ = State::normal;
    continued_ = false;
  }

  const CommentSyntax& syntax_;
  std::string first_;  ///< first bytes of every marker, to skip marker_at() for most bytes
  LineCounts counts_;
  State state_ = State::normal;
  std::string close_;
  bool multiline_ = false;
  bool continued_ = false;
  bool has_code_ = false, has_comment_ = false, line_open_ = false;
};

}  // namespace

LineCounts count_lines(std::string_view content, const CommentSyntax& syntax) {
  return Counter(syntax).run(content);
}

std::vector<uint8_t> whitespace_only_lines(std::string_view content) {
  std::vector<uint8_t> out;
  bool only_space = true;
  bool open = false;
  for (size_t i = bom_length(content); i < content.size(); ++i) {
    const char c = content[i];
    if (c == '\n') {
      out.push_back(only_space ? 1 : 0);
      only_space = true;
      open = false;
      continue;
    }
    open = true;
    if (!is_space(static_cast<unsigned char>(c))) only_space = false;
  }
  if (open) out.push_back(only_space ? 1 : 0);
  return out;
}

}  // namespace rh
