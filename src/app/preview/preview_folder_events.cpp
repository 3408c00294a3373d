#include "app/preview/preview_folder_events.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <vector>

namespace app::preview {
namespace {

// The watched folder itself deleted or moved away also counts. IN_MODIFY is
// what a write that is not yet closed, and a change of the modification
// time alone, send; IN_ATTRIB is only sent when both times change (touch).
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
                                IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// A write is usually closed within microseconds, and a half-saved file is
// not worth a render: after a write, wait this long for the close (or
// rename) before calling it a change.
constexpr std::chrono::milliseconds kSettle{100};

int poll_millis(std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

}  // namespace

FolderEvents::FolderEvents() {
  inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) return;
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_ < 0) {
    close(inotify_);
    inotify_ = -1;
  }
}

FolderEvents::~FolderEvents() {
  if (inotify_ >= 0) close(inotify_);
  if (wake_ >= 0) close(wake_);
}

bool FolderEvents::watch(const std::set<std::string>& folders) {
  if (!available()) return false;
  std::lock_guard lock(mu_);
  // Removals first: a folder moved within the tree keeps its watch (and
  // descriptor) under the new name, which adding before removing would lose.
  // Two names of one folder (a symlink, "a/../b") share one descriptor,
  // which stays while either name is wanted.
  for (auto it = watches_.begin(); it != watches_.end();) {
    if (folders.count(it->first)) {
      ++it;
      continue;
    }
    const int wd = it->second;
    it = watches_.erase(it);
    if (!shared(wd)) inotify_rm_watch(inotify_, wd);
  }
  bool all = true;
  for (const auto& folder : folders) {
    if (watches_.count(folder)) continue;
    const int wd = inotify_add_watch(inotify_, folder.c_str(), kMask);
    if (wd < 0) {
      all = false;
      continue;
    }
    watches_[folder] = wd;
  }
  return all;
}

bool FolderEvents::shared(int wd) const {
  for (const auto& [folder, other] : watches_)
    if (other == wd) return true;
  return false;
}

FolderEvents::Drained FolderEvents::drain() {
  alignas(inotify_event) std::array<char, 16384> buffer;
  Drained seen;
  while (true) {
    const ssize_t n = read(inotify_, buffer.data(), buffer.size());
    if (n <= 0) return seen;  // EAGAIN: nothing more waiting
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_IGNORED) {
        // The watch is gone, removed by watch() or with its folder (which
        // sent IN_DELETE_SELF first): forget it under every name, so that a
        // folder made again there is watched again.
        std::lock_guard lock(mu_);
        std::erase_if(watches_, [&](const auto& w) { return w.second == e->wd; });
        continue;
      }
      // IN_Q_OVERFLOW too: events were lost, look at everything.
      if (e->mask == IN_MODIFY) seen.written = true; else seen.changed = true;
    }
  }
}

bool FolderEvents::wait(std::chrono::milliseconds timeout) {
  if (!available() || stopped_) return false;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  bool written = false;
  while (true) {
    const Drained seen = drain();
    if (seen.changed) return true;
    if (seen.written && !written) {
      written = true;
      deadline = std::min(deadline, std::chrono::steady_clock::now() + kSettle);
    }
    std::array<pollfd, 2> fds{{{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}}};
    const int r = poll(fds.data(), fds.size(), poll_millis(deadline));
    if (r < 0 && errno != EINTR) return written;
    if (fds[1].revents & POLLIN) return false;
    if (r == 0) return written;
  }
}

void FolderEvents::stop() {
  stopped_ = true;
  if (wake_ < 0) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
}

}  // namespace app::preview
