#pragma once
// Organisations from e-mail domains: dev.acme.com -> acme.com, public mail services -> the
// person is an individual; overrides from the configuration win.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rh::history {

using OrgMapping = std::vector<std::pair<std::string, std::string>>;  ///< domain -> organisation

/// The part after the last '@', lower case; empty without one.
std::string email_domain(std::string_view email);
/// gmail.com, outlook.com, proton.me, users.noreply.github.com and the like.
bool is_public_mail_domain(std::string_view domain);
/// The organisation's own domain: the last two labels, or three under a two-level public
/// suffix such as co.uk or com.au ("a.b.acme.co.uk" -> "acme.co.uk").
std::string registrable_domain(std::string_view domain);

/// Whether a domain looks like one person's own: its name (the label above the public suffix,
/// hyphens and digits dropped) contains a part of the person's name of four letters or more,
/// is contained in the whole name, or is the first initial and the last name ("jens@jensen.dk"
/// for Jens Jensen, "jdoe.net" for John Doe). Asked only for domains one person writes from.
bool looks_personal(std::string_view domain, std::string_view person_name);

struct OrgOf {
  std::string name;
  std::string kind;  ///< organisation | individual
};
/// The organisation of a person with e-mail `email` and id `person`. A mapping entry matches the
/// domain itself or any subdomain; the longest match wins. Without one, public mail domains and
/// `personal` ones (a single author's own domain, see looks_personal) make an individual.
OrgOf organisation_of(std::string_view email, std::string_view person, const OrgMapping& mapping,
                      bool personal = false);

/// Fewest organisations whose commits make at least half of all commits (0 without commits).
int64_t elephant_factor(std::vector<int64_t> commits_per_organisation);

}  // namespace rh::history
