#include "lang/clang_source.h"

#include <cctype>

namespace rh {
namespace {

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

/// Replaces [from, to) by `replacement` padded with spaces; line ends are kept.
void overwrite(std::string& text, size_t from, size_t to, std::string_view replacement) {
  for (size_t i = from; i < to && i < text.size(); ++i) {
    if (text[i] == '\n') continue;
    const size_t k = i - from;
    text[i] = k < replacement.size() ? replacement[k] : ' ';
  }
}

/// `__has_include` and `__has_include_next` calls: the whole call becomes `0`.
void neutralize_has_include(std::string& text) {
  for (std::string_view name : {"__has_include_next", "__has_include"}) {
    size_t at = 0;
    while ((at = text.find(name, at)) != std::string::npos) {
      const size_t end_name = at + name.size();
      if ((at > 0 && is_ident(text[at - 1])) || (end_name < text.size() && is_ident(text[end_name]))) {
        at = end_name;
        continue;
      }
      size_t i = end_name;
      while (i < text.size() && is_blank(text[i])) ++i;
      if (i >= text.size() || text[i] != '(') {
        at = end_name;
        continue;
      }
      int depth = 0;
      for (; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0) break;
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\\')) break;  // the directive ends
      }
      const size_t end = i < text.size() && text[i] == ')' ? i + 1 : i;
      overwrite(text, at, end, "0");
      at = end;
    }
  }
}

/// The text right after `from`, blanks skipped.
std::string_view after(std::string_view content, size_t from) {
  while (from < content.size() && (is_blank(content[from]) || content[from] == '\n')) ++from;
  return from < content.size() ? content.substr(from) : std::string_view();
}

/// The quoted names of a clang message: "no member named 'B' in namespace 'A'" -> {B, A}.
std::vector<std::string> quoted(std::string_view message) {
  std::vector<std::string> out;
  size_t at = 0;
  while ((at = message.find('\'', at)) != std::string_view::npos) {
    const size_t end = message.find('\'', at + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(message.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return out;
}

bool plain_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!is_ident(c) && c != ':') return false;
  return true;
}

}  // namespace

std::string neutralize_includes(std::string_view content) {
  std::string text(content);
  // Skips what the preprocessor skips between `#` and the directive's name: blanks, escaped
  // line ends and block comments.
  auto skip = [&](size_t d) {
    for (;;) {
      if (d < text.size() && is_blank(text[d])) {
        ++d;
      } else if (d + 1 < text.size() && text[d] == '\\' && text[d + 1] == '\n') {
        d += 2;
      } else if (d + 2 < text.size() && text[d] == '\\' && text[d + 1] == '\r' && text[d + 2] == '\n') {
        d += 3;
      } else if (d + 1 < text.size() && text[d] == '/' && text[d + 1] == '*') {
        const size_t close = text.find("*/", d + 2);
        d = close == std::string::npos ? text.size() : close + 2;
      } else {
        return d;
      }
    }
  };
  size_t line = 0;
  while (line < text.size()) {
    size_t i = skip(line);
    const bool hash = i < text.size() && text[i] == '#';
    const bool digraph = i + 1 < text.size() && text[i] == '%' && text[i + 1] == ':';
    if (hash || digraph) {
      size_t d = skip(i + (hash ? 1 : 2));
      size_t e = d;
      while (e < text.size() && is_ident(text[e])) ++e;
      const std::string_view directive(text.data() + d, e - d);
      if (directive == "include" || directive == "include_next" || directive == "import") overwrite(text, d, e, "pragma");
    }
    const size_t next = text.find('\n', line);
    if (next == std::string::npos) break;
    line = next + 1;
  }
  neutralize_has_include(text);
  return text;
}

bool RecoveryPrelude::learn(const std::vector<SourceDiagnostic>& diagnostics, std::string_view content) {
  const size_t before = namespaces.size() + templates.size() + types.size();
  for (const SourceDiagnostic& d : diagnostics) {
    const std::vector<std::string> names = quoted(d.message);
    if (names.empty() || !plain_name(names[0]) || names[0].find(':') != std::string::npos) continue;
    const std::string& name = names[0];
    const bool at_name = d.offset + name.size() <= content.size() && content.substr(d.offset, name.size()) == name;
    const std::string_view rest = at_name ? after(content, d.offset + name.size()) : std::string_view();
    // "no member named 'vector' in namespace 'std'": the name lives in a known namespace.
    std::string qualified = name;
    if (names.size() == 2 && plain_name(names[1]) && d.message.find("in namespace") != std::string::npos)
      qualified = names[1] + "::" + name;
    else if (names.size() != 1)
      continue;
    const bool undeclared = d.message.starts_with("use of undeclared identifier") ||
                            d.message.starts_with("no member named") || d.message.starts_with("no type named") ||
                            d.message.starts_with("unknown type name");
    if (d.message.starts_with("no template named")) {
      templates.insert(qualified);
    } else if (undeclared && at_name && rest.starts_with("::")) {
      namespaces.insert(qualified);
    } else if (undeclared && at_name && rest.starts_with("<")) {
      templates.insert(qualified);
    } else if (at_name && (d.message.starts_with("unknown type name") || d.message.starts_with("no type named"))) {
      types.insert(qualified);
    }
  }
  for (const std::string& n : namespaces) {
    templates.erase(n);
    types.erase(n);
  }
  for (const std::string& t : templates) types.erase(t);
  return namespaces.size() + templates.size() + types.size() != before;
}

std::string RecoveryPrelude::text() const {
  std::string out;
  for (const std::string& n : namespaces) out += "namespace " + n + " {}\n";
  auto declare = [&](const std::string& qualified, const char* head) {
    const size_t cut = qualified.rfind("::");
    if (cut == std::string::npos) {
      out += head + qualified + " {};\n";
    } else {
      out += "namespace " + qualified.substr(0, cut) + " { " + head + qualified.substr(cut + 2) + " {}; }\n";
    }
  };
  for (const std::string& t : templates) declare(t, "template <class...> struct ");
  for (const std::string& t : types) declare(t, "struct ");
  return out;
}

}  // namespace rh
