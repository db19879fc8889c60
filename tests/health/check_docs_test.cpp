// The generated sections of docs/health.md and docs/scoring.md (health/check_docs.h) are what
// the check records say: a record changed without `repohealth rules --check-docs docs` fails here.
#include "health/check_docs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "health/health.h"

namespace rh {
namespace {

std::string source(const std::string& rel) {
  std::ifstream in(std::string(RH_SOURCE_DIR) + "/" + rel, std::ios::binary);
  EXPECT_TRUE(in) << rel;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CheckDocs, CommittedDocumentsAreCurrent) {
  const auto sections = render_check_docs();
  for (const std::string name : {"health.md", "scoring.md"}) {
    const std::string doc = source("docs/" + name);
    auto fresh = splice_check_docs(name, doc, sections);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    EXPECT_TRUE(*fresh == doc) << "docs/" << name
                               << " is stale: run `build/repohealth rules --check-docs docs` and commit the result";
  }
}

TEST(CheckDocs, TablesShowEveryRecord) {
  const auto sections = render_check_docs();
  ASSERT_EQ(sections.size(), 3u);
  for (const CheckSpec& c : check_catalog()) {
    EXPECT_NE(sections[0].text.find("| `" + c.id + "` | " + c.title + ". "), std::string::npos) << c.id;
    EXPECT_NE(sections[2].text.find("| `" + c.id + "` | " + c.dimension + " | "), std::string::npos) << c.id;
  }
  // A requirement's checks are those whose records name it, in report order.
  EXPECT_NE(sections[1].text.find("| F2 | An OSI-approved licence, MPL-2.0 by default | `licence.present`, "
                                  "`licence.osi-approved`, `licence.community-default`, `licence.declarations`, "
                                  "`licence.headers` | – |"),
            std::string::npos)
      << sections[1].text;
  EXPECT_NE(sections[1].text.find("| F6 | Source handed over to and controlled by the community | – | "), std::string::npos);
}

TEST(CheckDocs, SplicingReplacesOnlyBetweenTheMarkersAndNamesMissingOnes) {
  const std::vector<CheckDocSection> sections = {{"x.md", "table", "| new |\n"}, {"y.md", "other", "ignored\n"}};
  const std::string doc = "# X\n\n" + check_doc_begin("table") + "\n| old |\n| rows |\n" + check_doc_end("table") + "\n\nafter\n";
  auto out = splice_check_docs("x.md", doc, sections);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "# X\n\n" + check_doc_begin("table") + "\n| new |\n\n" + check_doc_end("table") + "\n\nafter\n");
  auto again = splice_check_docs("x.md", *out, sections);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *out);  // stable
  auto missing = splice_check_docs("x.md", "# X\n", sections);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("'table'"), std::string::npos) << missing.error().message;
}

}  // namespace
}  // namespace rh
