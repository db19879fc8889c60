#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace rh {
namespace {

/// Characters on screen: UTF-8 continuation bytes take no column.
size_t columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// The last `keep` characters of `s` (whole UTF-8 sequences).
std::string tail(std::string_view s, size_t keep) {
  size_t at = s.size();
  for (size_t kept = 0; at > 0 && kept < keep;) {
    --at;
    if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80) ++kept;
  }
  return std::string(s.substr(at));
}

size_t terminal_width() {
  winsize ws{};
  if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 80;
}

}  // namespace

std::string format_progress(const ProgressView& view, size_t width) {
  std::string head = view.phase;
  if (view.total > 0)
    head += " " + std::to_string(view.done) + "/" + std::to_string(view.total);
  else if (view.phase_seconds >= Progress::kSlowFile.count())
    head += " (" + std::to_string(view.phase_seconds) + " s)";
  if (view.slow_path.empty()) return head;
  head += " — still on ";
  const std::string end = " (" + std::to_string(view.slow_seconds) + " s)";
  const size_t used = columns(head) + columns(end);
  // One column stays free: a line filling the terminal would wrap before the next \r.
  const size_t room = width > used + 1 ? width - used - 1 : 0;
  std::string path = view.slow_path;
  if (columns(path) > room) path = room > 1 ? "…" + tail(path, room - 1) : "…";
  return head + path + end;
}

Progress::Progress(bool enabled) {
  if (!enabled || !isatty(2)) return;
  enabled_ = true;
  width_ = terminal_width() - 2;  // the line is drawn indented by two spaces
  sink_ = [](const std::string& text) {
    // \r, the text, then clear what a longer earlier text left on the line.
    std::fprintf(stderr, "\r%s%s\033[K", text.empty() ? "" : "  ", text.c_str());
    std::fflush(stderr);
  };
  watcher_ = std::thread([this] { watch(); });
}

Progress::Progress(Sink sink, Clock clock) : enabled_(true), sink_(std::move(sink)), clock_(std::move(clock)) {}

Progress::~Progress() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
  if (!drawn_.empty()) sink_("");
}

void Progress::phase(std::string name, size_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  phase_ = std::move(name);
  phase_started_ = clock_();
  done_ = 0;
  total_ = total;
  draw_locked(true);
}

Progress::File Progress::file(std::string_view path) {
  if (!enabled_) return File();
  std::lock_guard lock(mu_);
  const uint64_t id = next_id_++;
  in_flight_.emplace(id, InFlight{std::string(path), clock_()});
  return File(this, id);
}

Progress::File::~File() {
  if (owner_) owner_->finish_file(id_);
}

void Progress::finish_file(uint64_t id) {
  std::lock_guard lock(mu_);
  in_flight_.erase(id);
  ++done_;
  draw_locked(done_ == total_);
}

ProgressView Progress::view() {
  std::lock_guard lock(mu_);
  return view_locked(clock_());
}

ProgressView Progress::view_locked(std::chrono::steady_clock::time_point now) const {
  ProgressView v;
  v.phase = phase_;
  v.done = done_;
  v.total = total_;
  v.phase_seconds = std::chrono::duration_cast<std::chrono::seconds>(now - phase_started_).count();
  if (!in_flight_.empty()) {
    const InFlight& oldest = in_flight_.begin()->second;
    if (now - oldest.since > kSlowFile) {
      v.slow_path = oldest.path;
      v.slow_seconds = std::chrono::duration_cast<std::chrono::seconds>(now - oldest.since).count();
    }
  }
  return v;
}

void Progress::refresh() {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  draw_locked(true);
}

void Progress::draw_locked(bool force) {
  const auto now = clock_();
  // Counting files redraws at most ten times a second; phases and the watcher always may.
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  if (phase_.empty()) return;
  std::string text = format_progress(view_locked(now), width_);
  last_draw_ = now;
  if (text == drawn_) return;
  drawn_ = std::move(text);
  sink_(drawn_);
}

void Progress::watch() {
  std::unique_lock lock(mu_);
  while (!stop_) {
    wake_.wait_for(lock, std::chrono::milliseconds(250));
    if (!stop_) draw_locked(true);
  }
}

}  // namespace rh
