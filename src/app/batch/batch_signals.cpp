#include "app/batch/batch_signals.h"

#include <pthread.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>

namespace app {

InterruptWatch::InterruptWatch() {
  sigemptyset(&watched_);
  for (int sig : {SIGINT, SIGTERM}) {
    // A signal the parent set to be ignored (`batch … &` in a script) stays
    // ignored: blocked signals are queued even when ignored, and would
    // otherwise stop a background batch on the terminal's Ctrl-C.
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaddset(&watched_, sig);
  }
  pthread_sigmask(SIG_BLOCK, &watched_, &previous_);
}

InterruptWatch::~InterruptWatch() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

int InterruptWatch::poll(int timeout_ms) {
  timespec wait{timeout_ms / 1000, static_cast<long>(timeout_ms % 1000) * 1'000'000L};
  for (;;) {
    const int sig = sigtimedwait(&watched_, nullptr, &wait);
    if (sig > 0) return sig;
    if (errno != EINTR) return 0;  // EAGAIN: nothing arrived in time
  }
}

void InterruptWatch::die_by(int sig) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigaction(sig, &dfl, nullptr);
  sigset_t just{};
  sigemptyset(&just);
  sigaddset(&just, sig);
  pthread_sigmask(SIG_UNBLOCK, &just, nullptr);
  raise(sig);
  std::_Exit(128 + sig);  // not reached
}

std::string signal_name(int sig) {
  if (sig == SIGINT) return "SIGINT";
  if (sig == SIGTERM) return "SIGTERM";
  return "signal " + std::to_string(sig);
}

}  // namespace app
