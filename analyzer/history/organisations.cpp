#include "history/organisations.h"

#include <algorithm>
#include <array>
#include <functional>

#include <yaml-cpp/yaml.h>

#include "core/embedded.h"
#include "core/text.h"

namespace rh::history {
namespace {

bool is_suffix_domain(std::string_view domain, std::string_view base) {
  if (domain == base) return true;
  return domain.size() > base.size() && domain.substr(domain.size() - base.size()) == base &&
         domain[domain.size() - base.size() - 1] == '.';
}

/// rules/history/mail_domains.yml: exact domains, "name.*" and "*.suffix" patterns.
struct PublicMail {
  std::vector<std::string> domains;   ///< match the domain or a parent of it
  std::vector<std::string> names;     ///< "yahoo" from "yahoo.*"
  std::vector<std::string> suffixes;  ///< ".local" from "*.local"
};

const PublicMail& public_mail() {
  static const PublicMail data = [] {
    PublicMail d;
    YAML::Node n = YAML::Load(std::string(embedded_text("history/mail_domains.yml")));
    for (const auto& v : n["public_mail"]) {
      std::string e = ascii_lower(v.as<std::string>());
      if (e.size() > 2 && e.compare(e.size() - 2, 2, ".*") == 0)
        d.names.push_back(e.substr(0, e.size() - 2));
      else if (e.size() > 2 && e.compare(0, 2, "*.") == 0)
        d.suffixes.push_back(e.substr(1));
      else
        d.domains.push_back(e);
    }
    return d;
  }();
  return data;
}

// Second-level labels under which organisations register (acme.co.uk, acme.com.au).
constexpr std::array<std::string_view, 10> kSecondLevel = {"co", "com", "ac", "org", "net",
                                                           "gov", "edu", "ltd", "plc", "or"};

}  // namespace

std::string email_domain(std::string_view email) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  std::string d = ascii_lower(email.substr(at + 1));
  while (!d.empty() && (d.back() == '.' || d.back() == ' ')) d.pop_back();
  return d;
}

bool is_public_mail_domain(std::string_view domain) {
  std::string d = ascii_lower(domain);
  if (d.empty() || d.find('.') == std::string::npos) return true;  // "localhost", "(none)"
  const PublicMail& mail = public_mail();
  for (const std::string& p : mail.domains)
    if (is_suffix_domain(d, p)) return true;
  for (const std::string& s : mail.suffixes)
    if (d.size() > s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0) return true;
  // "yahoo.*": the name right above the public suffix (yahoo.dk, mail.yahoo.co.uk).
  const std::string reg = registrable_domain(d);
  const std::string name = reg.substr(0, reg.find('.'));
  for (const std::string& n : mail.names)
    if (name == n) return true;
  return false;
}

std::string registrable_domain(std::string_view domain) {
  std::string d = ascii_lower(domain);
  std::vector<std::string_view> labels;
  std::string_view rest = d;
  while (true) {
    size_t dot = rest.find('.');
    labels.push_back(rest.substr(0, dot));
    if (dot == std::string_view::npos) break;
    rest = rest.substr(dot + 1);
  }
  size_t keep = 2;
  if (labels.size() >= 3 && labels.back().size() == 2 &&
      std::find(kSecondLevel.begin(), kSecondLevel.end(), labels[labels.size() - 2]) !=
          kSecondLevel.end())
    keep = 3;
  if (labels.size() <= keep) return d;
  std::string out;
  for (size_t i = labels.size() - keep; i < labels.size(); ++i) {
    if (!out.empty()) out += '.';
    out += labels[i];
  }
  return out;
}

namespace {

/// Lower-case ASCII letters of a name, Danish and German letters spelt out, split into words.
std::vector<std::string> name_words(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kSpell[] = {
      {"\xc3\xa6", "ae"}, {"\xc3\x86", "ae"}, {"\xc3\xb8", "oe"}, {"\xc3\x98", "oe"},
      {"\xc3\xa5", "aa"}, {"\xc3\x85", "aa"}, {"\xc3\xa4", "ae"}, {"\xc3\xb6", "oe"},
      {"\xc3\xbc", "ue"}, {"\xc3\xa9", "e"},  {"\xc3\x9f", "ss"}};
  std::vector<std::string> words(1);
  for (size_t i = 0; i < name.size();) {
    bool spelt = false;
    for (const auto& [from, to] : kSpell)
      if (name.substr(i, from.size()) == from) {
        words.back() += to;
        i += from.size();
        spelt = true;
        break;
      }
    if (spelt) continue;
    const char c = ascii_lower(name[i++]);
    if (c >= 'a' && c <= 'z')
      words.back() += c;
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace

bool looks_personal(std::string_view domain, std::string_view person_name) {
  const std::string reg = registrable_domain(ascii_lower(domain));
  std::string label;
  for (char c : reg.substr(0, reg.find('.')))
    if (c >= 'a' && c <= 'z') label += c;
  const std::vector<std::string> words = name_words(person_name);
  if (label.size() < 3 || words.empty()) return false;
  std::string whole;
  for (const auto& w : words) {
    whole += w;
    if (w.size() >= 4 && label.find(w) != std::string::npos) return true;
  }
  if (whole.find(label) != std::string::npos) return true;
  return words.size() >= 2 && label == words.front().substr(0, 1) + words.back();
}

OrgOf organisation_of(std::string_view email, std::string_view person, const OrgMapping& mapping,
                      bool personal) {
  std::string d = email_domain(email);
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& m : mapping) {
    std::string base = ascii_lower(m.first);
    if (!d.empty() && is_suffix_domain(d, base) && (!best || base.size() > best->first.size()))
      best = &m;
  }
  if (best) return {best->second, "organisation"};
  if (personal || is_public_mail_domain(d)) return {std::string(person), "individual"};
  return {registrable_domain(d), "organisation"};
}

int64_t elephant_factor(std::vector<int64_t> commits) {
  int64_t total = 0;
  for (int64_t c : commits) total += c;
  if (total <= 0) return 0;
  std::sort(commits.begin(), commits.end(), std::greater<>());
  int64_t sum = 0, n = 0;
  for (int64_t c : commits) {
    sum += c;
    n += 1;
    if (2 * sum >= total) break;
  }
  return n;
}

}  // namespace rh::history
