#pragma once
// Checks that an HTML report holds no executable markup but its own: every tag is one the
// templates use, no event-handler attribute, no javascript: URL, no src attribute, links only to
// fragments, exactly one script (the embedded one) and one style (the embedded one), and a
// Content-Security-Policy that forbids everything else.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "reports/report_assets.h"

namespace rh::test {

struct HtmlTag {
  std::string name;  ///< lower case
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  ///< names lower case, values raw
  std::string raw_text;  ///< for script and style: the text up to the closing tag
};

inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Character references in attribute values, decoded as a browser does before using the value.
inline std::string decode_entities(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '&') {
      out += v[i];
      continue;
    }
    size_t semi = v.find(';', i);
    std::string ref = semi == std::string::npos ? "" : v.substr(i + 1, semi - i - 1);
    static const std::pair<const char*, char> named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"colon", ':'}, {"Tab", '\t'}};
    bool done = false;
    for (const auto& [name, c] : named)
      if (ref == name) {
        out += c;
        done = true;
      }
    if (!done && ref.size() > 1 && ref[0] == '#') {
      long code = ref[1] == 'x' || ref[1] == 'X' ? std::strtol(ref.c_str() + 2, nullptr, 16)
                                                 : std::strtol(ref.c_str() + 1, nullptr, 10);
      if (code > 0 && code < 128) {
        out += static_cast<char>(code);
        done = true;
      }
    }
    if (done) {
      i = semi;
    } else {
      out += '&';
    }
  }
  return out;
}

/// A small tokenizer following the HTML parser where it matters here: tags start with '<' and a
/// letter (or '/' and a letter), attribute values may be quoted, script/style are raw text.
inline std::vector<HtmlTag> html_tags(const std::string& html) {
  std::vector<HtmlTag> tags;
  size_t i = 0;
  const size_t n = html.size();
  while ((i = html.find('<', i)) != std::string::npos) {
    size_t j = i + 1;
    if (j < n && html[j] == '!') {  // doctype or comment
      size_t end = html.compare(j, 3, "!--") == 0 ? html.find("-->", j) : html.find('>', j);
      i = end == std::string::npos ? n : end + 1;
      continue;
    }
    HtmlTag tag;
    if (j < n && html[j] == '/') {
      tag.closing = true;
      ++j;
    }
    if (j >= n || !std::isalpha(static_cast<unsigned char>(html[j]))) {
      i = j;
      continue;
    }
    size_t name_end = j;
    while (name_end < n && !std::isspace(static_cast<unsigned char>(html[name_end])) &&
           html[name_end] != '>' && html[name_end] != '/')
      ++name_end;
    tag.name = lower(html.substr(j, name_end - j));
    size_t k = name_end;
    while (k < n && html[k] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[k])) || html[k] == '/') {
        ++k;
        continue;
      }
      size_t a = k;
      while (k < n && !std::isspace(static_cast<unsigned char>(html[k])) && html[k] != '=' && html[k] != '>')
        ++k;
      std::string attr = lower(html.substr(a, k - a)), value;
      if (k < n && html[k] == '=') {
        ++k;
        if (k < n && (html[k] == '"' || html[k] == '\'')) {
          char q = html[k];
          size_t close = html.find(q, k + 1);
          value = html.substr(k + 1, close - k - 1);
          k = close == std::string::npos ? n : close + 1;
        } else {
          size_t v = k;
          while (k < n && !std::isspace(static_cast<unsigned char>(html[k])) && html[k] != '>') ++k;
          value = html.substr(v, k - v);
        }
      }
      tag.attributes.emplace_back(attr, decode_entities(value));
    }
    i = k + 1;
    if (!tag.closing && (tag.name == "script" || tag.name == "style")) {
      size_t close = lower(html.substr(i)).find("</" + tag.name);
      tag.raw_text = html.substr(i, close);
      i = close == std::string::npos ? n : i + close;
    }
    tags.push_back(std::move(tag));
  }
  return tags;
}

/// What makes `html` unsafe; empty when it holds only the report's own markup.
inline std::vector<std::string> executable_markup_problems(const std::string& html) {
  static const std::set<std::string> allowed = {
      "html", "head",   "meta",    "title",      "style",  "body",  "header", "p",   "h1",
      "h2",   "h3",     "dl",      "div",        "dt",     "dd",    "code",   "nav", "ol",
      "li",   "a",      "main",    "section",    "ul",     "span",  "figure", "svg", "g",
      "rect", "text",   "line",    "figcaption", "table",  "thead", "tr",     "th",  "tbody",
      "td",   "strong", "article", "pre",        "footer", "script", "details", "summary", "wbr"};
  std::vector<std::string> problems;
  int scripts = 0, styles = 0;
  bool csp = false;
  for (const auto& tag : html_tags(html)) {
    if (!allowed.count(tag.name)) problems.push_back("unexpected element <" + tag.name + ">");
    for (const auto& [name, value] : tag.attributes) {
      const std::string where = "<" + tag.name + " " + name + "=\"" + value + "\">";
      if (name.starts_with("on")) problems.push_back("event handler attribute " + where);
      if (lower(value).find("javascript:") != std::string::npos)
        problems.push_back("javascript: URL " + where);
      if (name == "src" || name == "srcdoc" || name == "srcset")
        problems.push_back("a source to load " + where);
      if (name == "href" && !value.starts_with("#")) problems.push_back("link outside the page " + where);
      if (tag.name == "meta" && name == "content" && value.find("default-src 'none'") != std::string::npos)
        csp = true;
    }
    if (tag.closing) continue;
    if (tag.name == "script") {
      ++scripts;
      if (tag.raw_text != report_asset("html/report.js"))
        problems.push_back("a script that is not the report's own: " + tag.raw_text.substr(0, 80));
    }
    if (tag.name == "style") {
      ++styles;
      if (tag.raw_text != report_asset("html/report.css"))
        problems.push_back("a style that is not the report's own");
    }
  }
  if (scripts != 1) problems.push_back(std::to_string(scripts) + " script elements instead of 1");
  if (styles != 1) problems.push_back(std::to_string(styles) + " style elements instead of 1");
  if (!csp) problems.push_back("no Content-Security-Policy with default-src 'none'");
  return problems;
}

/// Markdown for GitHub: outside code spans, no HTML but the report's own <sub>.
inline std::vector<std::string> markdown_html_problems(const std::string& md) {
  std::vector<std::string> problems;
  size_t i = 0;
  while (i < md.size()) {
    if (md[i] == '`') {  // skip a code span: a run of n backticks up to the next run of exactly n
      size_t run = md.find_first_not_of('`', i) - i;
      std::string fence(run, '`');
      size_t close = i + run;
      while (true) {
        close = md.find(fence, close);
        if (close == std::string::npos || md.find_first_not_of('`', close) - close == run) break;
        close = md.find_first_not_of('`', close);
      }
      if (close == std::string::npos) {
        i += run;
        continue;
      }
      i = close + run;
      continue;
    }
    if (md[i] == '<' && i + 1 < md.size() &&
        (std::isalpha(static_cast<unsigned char>(md[i + 1])) || md[i + 1] == '/')) {
      std::string rest = md.substr(i, 6);
      if (!rest.starts_with("<sub>") && !rest.starts_with("</sub>"))
        problems.push_back("HTML in Markdown: " + md.substr(i, 40));
    }
    ++i;
  }
  return problems;
}

inline std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "  " + l + "\n";
  return out;
}

inline void expect_no_executable_markup(const std::string& html) {
  auto problems = executable_markup_problems(html);
  EXPECT_TRUE(problems.empty()) << joined(problems);
}

inline void expect_no_markdown_html(const std::string& md) {
  auto problems = markdown_html_problems(md);
  EXPECT_TRUE(problems.empty()) << joined(problems);
}

}  // namespace rh::test
