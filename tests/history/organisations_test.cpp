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
