#pragma once
// Ctrl-C and `kill` during a batch: SIGINT and SIGTERM are blocked for the
// lifetime of an InterruptWatch (in the thread that makes it and in every
// thread started after), so they never kill the process halfway through a
// file; the batch asks poll() between documents and winds down instead:
// no new documents, the ones in flight finished and renamed into place (or
// not at all), manifest and report written, then a non-zero exit.
// Blocking instead of a handler needs no global flag.
#include <signal.h>

#include <string>

namespace app {

class InterruptWatch {
 public:
  InterruptWatch();
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // A signal that arrived since the last call (SIGINT or SIGTERM), or 0.
  // Waits up to `timeout_ms` for one.
  int poll(int timeout_ms = 0);

  // A second Ctrl-C: give up on the documents in flight and die by `sig`
  // as if it had never been blocked (the shell sees "killed by SIGINT").
  [[noreturn]] void die_by(int sig);

 private:
  sigset_t watched_{};
  sigset_t previous_{};
};

// "SIGINT", "SIGTERM", or "signal N".
std::string signal_name(int sig);

}  // namespace app
