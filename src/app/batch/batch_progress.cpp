#include "app/batch/batch_progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace app {
namespace {

using Clock = std::chrono::steady_clock;

// Redrawing faster than this only flickers.
constexpr auto kRedraw = std::chrono::milliseconds(100);

bool is_terminal(int fd) {
  const char* term = std::getenv("TERM");
  return ::isatty(fd) == 1 && !(term && std::string_view(term) == "dumb");
}

int terminal_width() {
  winsize ws{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 80;
}

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

std::string counter(std::size_t n, std::size_t total) {
  const std::string t = std::to_string(total);
  std::string d = std::to_string(n);
  if (d.size() < t.size()) d.insert(0, t.size() - d.size(), ' ');
  return "[" + d + "/" + t + "]";
}

}  // namespace

std::string human_bytes(std::int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>((bytes + 512) / 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  }
  return buf;
}

BatchProgress::BatchProgress(std::size_t total, bool bar, bool lines)
    : total_(total), bar_(bar), lines_(lines), start_(Clock::now()) {}

BatchProgress::~BatchProgress() { close(); }

BatchProgress BatchProgress::for_terminal(std::size_t total) {
  // Lines go to stdout unless the bar already shows progress on that same terminal.
  const bool bar = is_terminal(STDERR_FILENO);
  return BatchProgress(total, bar, !bar || !is_terminal(STDOUT_FILENO));
}

void BatchProgress::unchanged(const BatchDocument& doc) {
  if (!lines_) return;
  clear_bar();
  std::cout << "unchanged " << doc.path << " -> " << doc.output_path << '\n' << std::flush;
  if (bar_) draw();
}

void BatchProgress::finished(const BatchDocument& doc, const DocumentOutcome& o) {
  ++done_;
  if (o.status == DocStatus::Failed) ++failed_;
  clear_bar();
  if (lines_) {
    std::string line = counter(done_, total_);
    if (o.status == DocStatus::Rendered) {
      char stats[96];
      std::snprintf(stats, sizeof stats, "%d page%s, %s, %.0f ms", o.pages, o.pages == 1 ? "" : "s",
                    human_bytes(o.bytes).c_str(), o.milliseconds);
      line += " ok     " + doc.path + " -> " + doc.output_path + "  (" + stats;
      if (!o.warnings.empty()) line += ", " + std::to_string(o.warnings.size()) + " warning(s)";
      line += ")";
    } else {
      line += " FAILED " + doc.path + "  (" + std::to_string(o.errors.size()) + " error(s))";
    }
    std::cout << line << '\n' << std::flush;
  }
  // Errors first, then warnings, each as `FILE:LINE:COL: …` for editors.
  std::string text;
  for (const auto& e : o.errors) text += e + '\n';
  for (const auto& w : o.warnings) text += w + '\n';
  if (!text.empty()) std::cerr << text << std::flush;
  if (bar_) draw();
}

void BatchProgress::message(const std::string& text) {
  clear_bar();
  std::cerr << text << '\n' << std::flush;
  if (bar_) draw();
}

void BatchProgress::tick() {
  if (bar_ && Clock::now() - last_draw_ >= kRedraw) draw();
}

void BatchProgress::close() {
  clear_bar();
  bar_ = false;
}

void BatchProgress::clear_bar() {
  if (!bar_shown_) return;
  std::cerr << "\r\033[K" << std::flush;
  bar_shown_ = false;
}

void BatchProgress::draw() {
  if (!bar_ || total_ == 0) return;
  last_draw_ = Clock::now();
  const double elapsed = std::chrono::duration<double>(last_draw_ - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
  char stats[128];
  const std::string eta =
      done_ == 0 || rate <= 0 ? "--:--" : clock_text(static_cast<double>(total_ - done_) / rate);
  // Fixed widths, so the bar does not jump about as the numbers change.
  const int digits = static_cast<int>(std::to_string(total_).size());
  std::snprintf(stats, sizeof stats, " %*zu/%zu  %5.1f docs/s  ETA %5s", digits, done_, total_, rate, eta.c_str());
  std::string tail = stats;
  if (failed_ > 0) tail += "  " + std::to_string(failed_) + " failed";
  const int width = terminal_width() - 1;  // the last column would wrap on some terminals
  const int bar_cells = width - static_cast<int>(tail.size()) - 2;
  std::string line;
  if (bar_cells >= 10) {
    const auto cells = static_cast<std::size_t>(bar_cells);
    const std::size_t full = std::min(cells, cells * done_ / total_);
    line += '[';
    line.append(full, '#');
    line.append(cells - full, '.');
    line += ']';
  }
  line += tail;
  if (static_cast<int>(line.size()) > width) line.resize(width);
  std::cerr << '\r' << line << "\033[K" << std::flush;
  bar_shown_ = true;
}

}  // namespace app

