#pragma once
// What a batch prints while it runs. On a terminal (stderr), a progress bar:
// documents done/total, rate, ETA and failures so far, with each document's
// messages printed above it. Otherwise, and whenever stdout is not that
// terminal (a log, a CI job), one plain line per document on stdout.
// Messages (`FILE:LINE:COL: error: …`) always go to stderr. Used from one
// thread only.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/batch/batch_inputs.h"
#include "app/batch/batch_runner.h"

namespace app {

class BatchProgress {
 public:
  // `total`: documents to render (after skipping unchanged ones).
  BatchProgress(std::size_t total, bool bar, bool lines);
  ~BatchProgress();
  BatchProgress(const BatchProgress&) = delete;
  BatchProgress& operator=(const BatchProgress&) = delete;

  // Bar on stderr when it is a terminal; plain lines on stdout unless the bar is there.
  static BatchProgress for_terminal(std::size_t total);

  void unchanged(const BatchDocument& doc);
  void finished(const BatchDocument& doc, const DocumentOutcome& outcome);
  // Text for stderr (a note, a message), printed above the bar.
  void message(const std::string& text);
  void tick();   // redraws the bar a few times a second
  void close();  // removes the bar for good

  std::size_t done() const { return done_; }
  std::size_t failed() const { return failed_; }

 private:
  void draw();
  void clear_bar();

  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool bar_;
  bool lines_;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// "1.2 MB", "84 KB", "912 B".
std::string human_bytes(std::int64_t bytes);

}  // namespace app
