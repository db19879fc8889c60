// Organisations from e-mail domains and the elephant factor.
#include "history/organisations.h"

#include <gtest/gtest.h>

namespace rh::history {
namespace {

TEST(Organisations, Domains) {
  EXPECT_EQ(email_domain("Alice@Dev.ACME.com"), "dev.acme.com");
  EXPECT_EQ(email_domain("no-at-sign"), "");
  EXPECT_EQ(registrable_domain("dev.acme.com"), "acme.com");
  EXPECT_EQ(registrable_domain("acme.com"), "acme.com");
  EXPECT_EQ(registrable_domain("a.b.acme.co.uk"), "acme.co.uk");
  EXPECT_EQ(registrable_domain("it.aarhus.dk"), "aarhus.dk");
  EXPECT_TRUE(is_public_mail_domain("gmail.com"));
  EXPECT_TRUE(is_public_mail_domain("users.noreply.github.com"));
  EXPECT_TRUE(is_public_mail_domain("localhost"));
  EXPECT_TRUE(is_public_mail_domain(""));
  EXPECT_FALSE(is_public_mail_domain("kommune.dk"));
  EXPECT_FALSE(is_public_mail_domain("notgmail.com"));
}

TEST(Organisations, OrganisationOf) {
  OrgMapping none;
  EXPECT_EQ(organisation_of("a@dev.acme.com", "a@dev.acme.com", none).name, "acme.com");
  EXPECT_EQ(organisation_of("a@dev.acme.com", "a@dev.acme.com", none).kind, "organisation");
  OrgOf ind = organisation_of("bob@gmail.com", "bob@gmail.com", none);
  EXPECT_EQ(ind.name, "bob@gmail.com");
  EXPECT_EQ(ind.kind, "individual");
  OrgMapping m = {{"acme.com", "ACME"}, {"labs.acme.com", "ACME Labs"}, {"gmail.com", "Freelance"}};
  EXPECT_EQ(organisation_of("a@x.labs.acme.com", "a", m).name, "ACME Labs");  // longest match
  EXPECT_EQ(organisation_of("a@acme.com", "a", m).name, "ACME");
  EXPECT_EQ(organisation_of("a@notacme.com", "a", m).name, "notacme.com");
  EXPECT_EQ(organisation_of("a@gmail.com", "a", m).kind, "organisation");  // mapping wins
}

TEST(Organisations, FreeMailAndProvidersAreIndividuals) {
  // rules/history/mail_domains.yml: exact domains and their subdomains, "name.*", "*.suffix".
  for (const char* d : {"googlemail.com", "yahoo.com", "yahoo.co.uk", "mail.yahoo.dk", "hotmail.dk",
                        "outlook.de", "live.co.uk", "msn.com", "icloud.com", "me.com", "gmx.de", "gmx.net",
                        "web.de", "t-online.de", "free.fr", "orange.fr", "protonmail.ch", "proton.me",
                        "riseup.net", "mail.ru", "yandex.ru", "qq.com", "163.com", "jubii.dk", "mail.dk",
                        "ofir.dk", "stofanet.dk", "mail1.stofanet.dk", "get2net.dk", "tdcadsl.dk",
                        "youmail.dk", "post.tele.dk", "123+someone.users.noreply.github.com",
                        "laptop.local", "build-host.localdomain", "ubuntu.(none)", "(none)", "vagrant.vm"})
    EXPECT_TRUE(is_public_mail_domain(d)) << d;
  // Look-alikes of organisations: a name.* pattern matches only right above the public suffix.
  for (const char* d : {"magenta.dk", "live.acme.com", "yahoo.example.org", "gmx-consulting.dk",
                        "kommune.dk", "localization.dk", "tele.dk"})
    EXPECT_FALSE(is_public_mail_domain(d)) << d;
}

TEST(Organisations, PersonalDomains) {
  EXPECT_TRUE(looks_personal("jensen.dk", "Jens Jensen"));
  EXPECT_TRUE(looks_personal("mail.jdoe.net", "John Doe"));
  EXPECT_TRUE(looks_personal("soerensen-it.dk", "Mette Sørensen"));
  EXPECT_TRUE(looks_personal("annalund.name", "Anna Lund"));
  EXPECT_FALSE(looks_personal("magenta.dk", "Anna Lund"));
  EXPECT_FALSE(looks_personal("kommune.dk", "Bo Holm"));
  EXPECT_FALSE(looks_personal("acme.com", ""));
  // A single person's own domain is an individual; a mapping still wins.
  EXPECT_EQ(organisation_of("jens@jensen.dk", "jens@jensen.dk", {}, true).kind, "individual");
  EXPECT_EQ(organisation_of("jens@jensen.dk", "x", {{"jensen.dk", "Jensen IT"}}, true).name, "Jensen IT");
}

TEST(Organisations, ElephantFactor) {
  EXPECT_EQ(elephant_factor({}), 0);
  EXPECT_EQ(elephant_factor({0, 0}), 0);
  EXPECT_EQ(elephant_factor({4, 4}), 1);  // exactly half is enough
  EXPECT_EQ(elephant_factor({1, 5, 2}), 1);
  EXPECT_EQ(elephant_factor({3, 3, 3, 1}), 2);
  EXPECT_EQ(elephant_factor({1, 1, 1, 1, 1}), 3);
}

}  // namespace
}  // namespace rh::history
