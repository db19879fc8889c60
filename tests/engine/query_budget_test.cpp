// The per-file budget of the query pass (QueryBudget): past the match limit or the time, the
// file keeps the findings found so far and gets a notification naming it and what was cut.
// Budgets here are tiny on purpose, so the cut happens on any machine; timings are not asserted.
#include <gtest/gtest.h>

#include "engine/query_matcher.h"
#include "engine/rule_loader.h"
#include "engine_test_support.h"

namespace rh::test {
namespace {

struct QueryRun {
  std::vector<RawMatch> matches;
  std::vector<Notification> notes;
};

/// One query rule on one Bash file, with the given budget.
QueryRun run_query(const std::string& query, const std::string& content, const QueryBudget& budget) {
  QueryRun out;
  RuleCatalog catalog;
  Rule rule;
  const std::string yaml = rule_yaml("t.q.budget", "query", "bash", "query: |\n" + query);
  EXPECT_TRUE(parse_rule(yaml, "t/budget.yml", rule, catalog.errors)) << catalog.errors.size();
  QueryMatcher matcher;
  std::vector<std::string> errors;
  std::vector<Message> notes;
  matcher.build({{0, &rule}}, errors, notes, /*eager=*/true);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors[0]);
  matcher.set_budget(budget);

  const LanguageInfo* bash = find_language("bash");
  FileFacts facts;
  FileSyntax syntax;
  std::vector<Notification> frontend_notes;
  frontend_for(*bash)->analyze(FrontendInput{"big.sh", content, bash}, facts, frontend_notes, &syntax);
  EXPECT_NE(syntax.tree, nullptr);
  HsScratchPool pool;
  auto lease = pool.acquire();
  FileInput file{"big.sh", content, bash, &syntax, &facts, {}, &out.notes};
  matcher.match(file, {true}, &lease, out.matches);
  return out;
}

const std::string kEvalQuery =
    "  ((command name: (command_name) @name argument: (_) @value) @match\n"
    "   (#eq? @name \"eval\"))\n";

std::string evals(int n) {
  std::string out = "#!/bin/bash\n";
  for (int i = 0; i < n; ++i) out += "eval \"$cmd" + std::to_string(i) + "\"\n";
  return out;
}

TEST(QueryBudget, WithinTheBudgetEveryMatchIsFoundAndNothingIsNoted) {
  QueryRun r = run_query(kEvalQuery, evals(200), QueryBudget{});
  EXPECT_EQ(r.matches.size(), 200u);
  EXPECT_TRUE(r.notes.empty());
}

TEST(QueryBudget, PastTheTimeTheFileKeepsWhatWasFoundAndIsNamed) {
  QueryBudget budget;
  budget.time = std::chrono::milliseconds(0);
  QueryRun r = run_query(kEvalQuery, evals(200), budget);
  EXPECT_FALSE(r.matches.empty()) << "what was found before the cut is kept";
  EXPECT_LT(r.matches.size(), 200u);
  for (const RawMatch& m : r.matches) EXPECT_EQ(m.matched.rfind("eval ", 0), 0u) << m.matched;
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].level, "warning");
  EXPECT_EQ(r.notes[0].path, "big.sh");
  EXPECT_NE(r.notes[0].message.find("syntax rules stopped near line "), std::string::npos) << r.notes[0].message;
  EXPECT_NE(r.notes[0].message.find("(the per-file budget); query-rule findings past it are missing"),
            std::string::npos)
      << r.notes[0].message;
}

TEST(QueryBudget, PastTheMatchLimitTheFileIsNamed) {
  // Two unanchored arguments: every argument starts a partial match, so a command with 100
  // arguments holds dozens at once.
  const std::string pairs =
      "  ((command name: (command_name) @name argument: (_) @flags argument: (_) @path) @match\n"
      "   (#eq? @name \"rm\") (#match? @flags \"^-rf$\"))\n";
  std::string content = "#!/bin/bash\nrm -rf";
  for (int i = 0; i < 100; ++i) content += " \"$dir/f" + std::to_string(i) + "\"";
  content += "\n";
  QueryBudget budget;
  budget.match_limit = 8;
  QueryRun r = run_query(pairs, content, budget);
  EXPECT_FALSE(r.matches.empty()) << "the command is still found";
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_EQ(r.notes[0].level, "note");
  EXPECT_EQ(r.notes[0].path, "big.sh");
  EXPECT_NE(r.notes[0].message.find("syntax rules kept at most 8 partial matches at once"), std::string::npos)
      << r.notes[0].message;

  QueryRun roomy = run_query(pairs, content, QueryBudget{.match_limit = 4096});
  EXPECT_TRUE(roomy.notes.empty());
  EXPECT_FALSE(roomy.matches.empty());
}

}  // namespace
}  // namespace rh::test
