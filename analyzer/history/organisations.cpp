#include "history/organisations.h"

#include <algorithm>
#include <array>
#include <functional>

#include "core/text.h"

namespace rh::history {
namespace {

bool is_suffix_domain(std::string_view domain, std::string_view base) {
  if (domain == base) return true;
  return domain.size() > base.size() && domain.substr(domain.size() - base.size()) == base &&
         domain[domain.size() - base.size() - 1] == '.';
}

// Mail services where an address says nothing about an employer. Matched as the domain or a
// parent of it.
constexpr std::array<std::string_view, 40> kPublicDomains = {
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "hotmail.dk", "outlook.com",
    "outlook.dk", "live.com", "live.dk", "msn.com", "yahoo.com", "yahoo.co.uk", "yahoo.dk",
    "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
    "protonmail.ch", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru",
    "yandex.com", "qq.com", "163.com", "126.com", "zoho.com", "fastmail.com", "fastmail.fm",
    "hey.com", "tutanota.com", "mail.dk", "users.noreply.github.com", "users.noreply.gitlab.com"};

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
  for (std::string_view p : kPublicDomains)
    if (is_suffix_domain(d, p)) return true;
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

OrgOf organisation_of(std::string_view email, std::string_view person, const OrgMapping& mapping) {
  std::string d = email_domain(email);
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& m : mapping) {
    std::string base = ascii_lower(m.first);
    if (!d.empty() && is_suffix_domain(d, base) && (!best || base.size() > best->first.size()))
      best = &m;
  }
  if (best) return {best->second, "organisation"};
  if (is_public_mail_domain(d)) return {std::string(person), "individual"};
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
