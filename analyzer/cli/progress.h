#pragma once
// The progress line a scan draws on stderr when stderr is a terminal: the phase it is in
// (parsing, history, duplication, health, writing reports), the files done in the parsing phase,
// and, when one file has been in analysis for longer than two seconds, its name:
//   parsing 4803/4841 — still on gitk-git/gitk (12 s)
// A watcher thread redraws the line while nothing else happens, so a long file or a long phase
// does not look like a hang. Off a terminal (or with --quiet) it does nothing and costs nothing.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace rh {

/// What the line says at one moment.
struct ProgressView {
  std::string phase;           ///< "parsing", "history", "duplication", "health", "writing reports"
  size_t done = 0, total = 0;  ///< files of the phase; total 0: a phase without a count
  int64_t phase_seconds = 0;   ///< how long the phase has run (shown from 2 s on, uncounted phases only)
  std::string slow_path;       ///< the file longest in analysis, when past Progress::kSlowFile; or ""
  int64_t slow_seconds = 0;
};

/// The line's text, at most `width` characters (a long path loses its start to "…"):
/// "parsing 4803/4841 — still on gitk-git/gitk (12 s)", "history (14 s)".
std::string format_progress(const ProgressView& view, size_t width = 80);

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  /// Receives each new text of the line; "" when the line is to be cleared.
  using Sink = std::function<void(const std::string& text)>;
  static constexpr std::chrono::seconds kSlowFile{2};

  /// Draws on stderr when `enabled` and stderr is a terminal; otherwise every call is a no-op.
  explicit Progress(bool enabled);
  /// Test seam: draws through `sink`, reads `clock`; no watcher thread (call refresh()).
  Progress(Sink sink, Clock clock);
  ~Progress();  ///< stops the watcher and clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Enters a phase; `total` files to count (0: none). Drawn at once.
  void phase(std::string name, size_t total = 0);

  /// One file in analysis, from construction to destruction (then it counts as done).
  class File {
   public:
    File() = default;
    File(File&& o) noexcept : owner_(o.owner_), id_(o.id_) { o.owner_ = nullptr; }
    File& operator=(File&&) = delete;
    ~File();

   private:
    friend class Progress;
    File(Progress* owner, uint64_t id) : owner_(owner), id_(id) {}
    Progress* owner_ = nullptr;
    uint64_t id_ = 0;
  };
  /// Thread-safe; cheap when disabled (no lock).
  File file(std::string_view path);

  /// Draws the line again when its text changed (the watcher calls it four times a second).
  void refresh();
  /// The line as it would be drawn now.
  ProgressView view();

 private:
  void finish_file(uint64_t id);
  ProgressView view_locked(std::chrono::steady_clock::time_point now) const;
  void draw_locked(bool force);
  void watch();

  bool enabled_ = false;
  size_t width_ = 80;  ///< the terminal's columns
  Sink sink_;
  Clock clock_ = [] { return std::chrono::steady_clock::now(); };
  std::mutex mu_;
  std::string phase_;
  std::chrono::steady_clock::time_point phase_started_{};
  size_t done_ = 0, total_ = 0;
  uint64_t next_id_ = 0;
  struct InFlight {
    std::string path;
    std::chrono::steady_clock::time_point since;
  };
  std::map<uint64_t, InFlight> in_flight_;  ///< by id: the first is the oldest
  std::string drawn_;                       ///< the text on screen
  std::chrono::steady_clock::time_point last_draw_{};
  bool stop_ = false;
  std::condition_variable wake_;
  std::thread watcher_;
};

}  // namespace rh
