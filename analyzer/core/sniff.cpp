#include "core/sniff.h"

#include <cstdio>
#include <vector>

#include "core/text.h"

namespace rh {
namespace {

/// Share of control characters above which a file is binary. Random bytes hold about 10.5 %
/// (27 of 256 values); text next to none.
constexpr double kMaxControl = 0.05;

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    start = nl + 1;
  }
  return out;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ';')) s.remove_suffix(1);
  return s;
}

/// Emacs: `-*- mode: tcl -*-`, `-*- Mode: js; indent-tabs-mode: nil -*-`, `-*- C++ -*-`.
std::string emacs_mode(std::string_view line) {
  size_t open = line.find("-*-");
  if (open == std::string_view::npos) return {};
  size_t close = line.find("-*-", open + 3);
  if (close == std::string_view::npos) return {};
  std::string_view inside = trim_view(line.substr(open + 3, close - open - 3));
  const std::string lowered = ascii_lower(inside);
  if (lowered.find(':') == std::string::npos) return lowered;  // `-*- tcl -*-`
  for (size_t at = lowered.find("mode:"); at != std::string::npos; at = lowered.find("mode:", at + 1)) {
    if (at > 0 && lowered[at - 1] != ' ' && lowered[at - 1] != ';') continue;  // not indent-tabs-mode:
    std::string_view value = std::string_view(lowered).substr(at + 5);
    value = trim_view(value.substr(0, value.find(';')));
    return std::string(value);
  }
  return {};
}

/// Vim: `vim: set ft=tcl :`, `vim: filetype=sh`, `vi: set syntax=python:` after white space.
std::string vim_mode(std::string_view line) {
  const std::string lowered = ascii_lower(line);
  for (std::string_view marker : {"vim:", "vi:"}) {
    for (size_t at = lowered.find(marker); at != std::string::npos; at = lowered.find(marker, at + 1)) {
      if (at > 0 && lowered[at - 1] != ' ' && lowered[at - 1] != '\t') continue;
      std::string_view rest = std::string_view(lowered).substr(at + marker.size());
      for (std::string_view key : {"filetype=", "ft=", "syntax=", "syn="}) {
        size_t k = rest.find(key);
        if (k == std::string_view::npos || (k > 0 && rest[k - 1] != ' ' && rest[k - 1] != ':' && rest[k - 1] != '\t'))
          continue;
        std::string_view value = rest.substr(k + key.size());
        size_t end = value.find_first_of(" :\t");
        return std::string(value.substr(0, end));
      }
    }
  }
  return {};
}

}  // namespace

std::string binary_evidence(std::string_view head) {
  const std::string_view h = head.substr(0, kBinarySniffBytes);
  if (h.find('\0') != std::string_view::npos) return "NUL byte in the first 8 KiB";
  if (h.empty()) return {};
  // Control characters, not high bytes: text in Latin-1, EUC-JP or Shift-JIS is full of bytes
  // that are not UTF-8 (git's t/t3900/eucJP.txt), but no text has many control characters.
  size_t control = 0;
  for (const char ch : h) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F) ++control;
  }
  const double share = static_cast<double>(control) / static_cast<double>(h.size());
  if (share <= kMaxControl) return {};
  char buf[96];
  std::snprintf(buf, sizeof buf, "%d %% control characters in the first %s", static_cast<int>(share * 100 + 0.5),
                h.size() < kBinarySniffBytes ? "bytes" : "8 KiB");
  return buf;
}

bool looks_binary(std::string_view head) { return !binary_evidence(head).empty(); }

std::string media_kind(std::string_view h) {
  auto at = [&](size_t offset, std::string_view sig) { return h.size() >= offset + sig.size() && h.substr(offset, sig.size()) == sig; };
  using namespace std::string_view_literals;
  if (starts(h, "wOFF") || starts(h, "wOF2") || starts(h, "OTTO") || starts(h, "ttcf") || starts(h, "true") ||
      starts(h, "\x00\x01\x00\x00\x00"sv) || at(34, "LP"))
    return "font";
  if (starts(h, "\x89PNG\r\n\x1a\n") || starts(h, "\xff\xd8\xff") || starts(h, "GIF87a") || starts(h, "GIF89a") ||
      (starts(h, "RIFF") && at(8, "WEBP")) || starts(h, "\x00\x00\x01\x00"sv) || starts(h, "II*\x00"sv) ||
      starts(h, "MM\x00*"sv) || (starts(h, "BM") && h.size() >= 26) || (at(4, "ftyp") && (at(8, "avif") || at(8, "heic"))))
    return "image";
  if (starts(h, "%PDF-")) return "document";
  if (starts(h, "OggS") || starts(h, "ID3") || starts(h, "fLaC") || (starts(h, "RIFF") && at(8, "WAVE")))
    return "audio";
  if (at(4, "ftyp") || starts(h, "\x1a\x45\xdf\xa3")) return "video";
  return {};
}

std::string mode_line(std::string_view head) {
  const std::vector<std::string_view> lines = lines_of(head);
  const size_t n = lines.size();
  for (size_t i = 0; i < n; ++i) {
    if (i >= 5 && i + 5 < n) continue;  // the first and the last five lines only
    if (i < 5)
      if (std::string m = emacs_mode(lines[i]); !m.empty()) return m;
    if (std::string m = vim_mode(lines[i]); !m.empty()) return m;
  }
  return {};
}

std::string reexec_interpreter(std::string_view head) {
  if (!starts(head, "#!")) return {};
  const std::vector<std::string_view> lines = lines_of(head.substr(0, 4096));
  for (size_t i = 1; i < lines.size() && i < 10; ++i) {
    std::string_view line = trim_view(lines[i]);
    if (!starts(line, "exec ") && !starts(line, "exec\t")) continue;
    if (line.find("$0") == std::string_view::npos) continue;  // it runs another program, not this file
    line.remove_prefix(5);
    line = trim_view(line);
    size_t end = line.find_first_of(" \t");
    std::string_view program = line.substr(0, end);
    if (size_t slash = program.rfind('/'); slash != std::string_view::npos) program.remove_prefix(slash + 1);
    if (program.empty() || program.find('$') != std::string_view::npos || program.find('"') != std::string_view::npos)
      return {};
    return std::string(program);
  }
  return {};
}

std::string blank_comments_and_strings(std::string_view text, const CommentSyntax& syntax) {
  std::string out(text);
  auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < out.size(); ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    bool done = false;
    for (const auto& b : syntax.block) {
      if (!starts(rest, b.open)) continue;
      size_t close = text.find(b.close, i + b.open.size());
      size_t end = close == std::string_view::npos ? text.size() : close + b.close.size();
      blank(i, end);
      i = end;
      done = true;
      break;
    }
    if (done) continue;
    for (const auto& l : syntax.line) {
      if (!starts(rest, l)) continue;
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      blank(i, end);
      i = end;
      done = true;
      break;
    }
    if (done) continue;
    for (const auto& s : syntax.strings) {
      if (!starts(rest, s.open)) continue;
      const bool raw = s.open.size() > 1 && s.open.back() == '(';  // R"( ... )" has no escapes
      size_t k = i + s.open.size();
      while (k < text.size()) {
        if (starts(text.substr(k), s.close)) {
          k += s.close.size();
          break;
        }
        if (text[k] == '\n' && !s.multiline) break;
        if (text[k] == '\\' && !raw) ++k;  // an escaped character
        ++k;
      }
      blank(i, k);
      i = std::max(k, i + 1);
      done = true;
      break;
    }
    if (!done) ++i;
  }
  return out;
}

}  // namespace rh
