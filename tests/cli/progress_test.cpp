// The progress line: its text (phase, counts, the file still in analysis) and when it is drawn,
// with an injected clock and sink instead of a terminal.
#include "cli/progress.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace rh {
namespace {

using namespace std::chrono_literals;

struct Screen {
  std::vector<std::string> lines;  ///< every text drawn, in order ("" = cleared)
  std::chrono::steady_clock::time_point now{};
  Progress::Sink sink() {
    return [this](const std::string& text) { lines.push_back(text); };
  }
  Progress::Clock clock() {
    return [this] { return now; };
  }
};

TEST(ProgressFormat, CountsFilesOfThePhase) {
  ProgressView v;
  v.phase = "parsing";
  v.done = 4803;
  v.total = 4841;
  EXPECT_EQ(format_progress(v), "parsing 4803/4841");
}

TEST(ProgressFormat, NamesTheFileStillInAnalysis) {
  ProgressView v;
  v.phase = "parsing";
  v.done = 4803;
  v.total = 4841;
  v.slow_path = "gitk-git/gitk";
  v.slow_seconds = 12;
  EXPECT_EQ(format_progress(v), "parsing 4803/4841 — still on gitk-git/gitk (12 s)");
}

TEST(ProgressFormat, AnUncountedPhaseShowsItsTimeFromTwoSecondsOn) {
  ProgressView v;
  v.phase = "history";
  v.phase_seconds = 1;
  EXPECT_EQ(format_progress(v), "history");
  v.phase_seconds = 14;
  EXPECT_EQ(format_progress(v), "history (14 s)");
}

TEST(ProgressFormat, ALongPathLosesItsStartToFitTheWidth) {
  ProgressView v;
  v.phase = "parsing";
  v.done = 1;
  v.total = 2;
  v.slow_path = std::string(200, 'a') + "/the_end.sh";
  v.slow_seconds = 3;
  const std::string line = format_progress(v, 60);
  // 59 columns: one stays free so the line never wraps ("—" and "…" are one column each).
  size_t columns = 0;
  for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
  EXPECT_EQ(columns, 59u) << line;
  EXPECT_NE(line.find("still on …"), std::string::npos) << line;
  EXPECT_NE(line.find("/the_end.sh (3 s)"), std::string::npos) << line;
}

TEST(Progress, ShowsAFileOnlyAfterTwoSecondsInAnalysis) {
  Screen screen;
  std::optional<Progress> progress(std::in_place, screen.sink(), screen.clock());
  progress->phase("parsing", 3);
  ASSERT_FALSE(screen.lines.empty());
  EXPECT_EQ(screen.lines.back(), "parsing 0/3");
  {
    Progress::File quick = progress->file("a.py");
    screen.now += 100ms;
  }
  screen.now += 200ms;
  progress->refresh();
  EXPECT_EQ(screen.lines.back(), "parsing 1/3");
  {
    Progress::File slow = progress->file("gitk-git/gitk");
    screen.now += 1500ms;
    progress->refresh();
    EXPECT_EQ(screen.lines.back(), "parsing 1/3");
    screen.now += 10s;
    progress->refresh();
    EXPECT_EQ(screen.lines.back(), "parsing 1/3 — still on gitk-git/gitk (11 s)");
  }
  progress->refresh();
  EXPECT_EQ(screen.lines.back(), "parsing 2/3");
  progress.reset();
  EXPECT_EQ(screen.lines.back(), "") << "the line is cleared at the end";
}

TEST(Progress, TheOldestFileInAnalysisIsNamed) {
  Screen screen;
  Progress progress(screen.sink(), screen.clock());
  progress.phase("parsing", 10);
  Progress::File first = progress.file("first.sh");
  screen.now += 1s;
  Progress::File second = progress.file("second.sh");
  screen.now += 5s;
  EXPECT_EQ(progress.view().slow_path, "first.sh");
  EXPECT_EQ(progress.view().slow_seconds, 6);
}

TEST(Progress, PhasesAnnounceThemselvesAndRestartTheCount) {
  Screen screen;
  Progress progress(screen.sink(), screen.clock());
  progress.phase("parsing", 1);
  { Progress::File f = progress.file("a.py"); }
  EXPECT_EQ(screen.lines.back(), "parsing 1/1");
  progress.phase("history");
  EXPECT_EQ(screen.lines.back(), "history");
  screen.now += 3s;
  progress.refresh();
  EXPECT_EQ(screen.lines.back(), "history (3 s)");
  progress.phase("duplication");
  EXPECT_EQ(screen.lines.back(), "duplication");
  EXPECT_EQ(progress.view().done, 0u);
}

TEST(Progress, CountingRedrawsAtMostTenTimesASecond) {
  Screen screen;
  Progress progress(screen.sink(), screen.clock());
  progress.phase("parsing", 1000);
  const size_t before = screen.lines.size();
  for (int i = 0; i < 500; ++i) Progress::File f = progress.file("x");  // no time passes
  EXPECT_EQ(screen.lines.size(), before);
  screen.now += 150ms;
  { Progress::File f = progress.file("x"); }
  EXPECT_EQ(screen.lines.back(), "parsing 501/1000");
}

TEST(Progress, DisabledProgressDrawsNothing) {
  // Not a terminal in the test (or --quiet): every call is a no-op.
  Progress progress(false);
  progress.phase("parsing", 2);
  { Progress::File f = progress.file("a.py"); }
  EXPECT_EQ(progress.view().done, 0u);
}

}  // namespace
}  // namespace rh
