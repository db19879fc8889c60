#include "core/rule_pages.h"

#include <algorithm>
#include <cctype>

namespace rh {

std::string rule_pack(const std::string& id) { return id.substr(0, id.find('.')); }

std::string rule_page_anchor(const std::string& id) {
  std::string a;
  for (char c : id)
    if (c != '.') a += c;
  return a;
}

std::string rule_page(const std::string& id) { return rule_pack(id) + ".md#" + rule_page_anchor(id); }

std::string check_docs_url(const std::string& url) {
  std::string lower = url;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t scheme = lower.starts_with("https://") ? 8 : lower.starts_with("http://") ? 7 : 0;
  if (scheme == 0) return "'" + url + "' is not an http:// or https:// URL";
  for (unsigned char c : url)
    if (c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == '{' || c == '}' ||
        c == '|' || c == '^')
      return "'" + url + "' contains a space or a character a URL cannot hold";
  if (url.find_first_of("?#") != std::string::npos)
    return "'" + url + "' has a query or fragment; give the folder the rule pages are in";
  size_t host_end = url.find('/', scheme);
  std::string host = url.substr(scheme, host_end == std::string::npos ? std::string::npos : host_end - scheme);
  if (host.empty() || host.find('@') != std::string::npos) return "'" + url + "' names no host (or carries a user name)";
  return "";
}

std::string docs_base(const std::string& url) { return url.empty() || url.back() == '/' ? url : url + "/"; }

}  // namespace rh
