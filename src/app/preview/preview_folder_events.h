#pragma once
// Tells the watcher that something changed in the folders it names
// (inotify), so an edit is looked at as soon as it is saved instead of at
// the next poll. Folders, not files: editors save by writing a new file
// and renaming it over the old one, which a watch on the old file misses.
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace app::preview {

class FolderEvents {
 public:
  FolderEvents();  // without inotify (or out of file handles) available() is false
  ~FolderEvents();
  FolderEvents(const FolderEvents&) = delete;
  FolderEvents& operator=(const FolderEvents&) = delete;

  bool available() const { return inotify_ >= 0; }

  // Watches exactly `folders` from now on. False when some could not be
  // watched (the system's limit on watches, a folder gone meanwhile): the
  // caller must then keep looking by itself.
  bool watch(const std::set<std::string>& folders);

  // Waits until a file in a watched folder is written and closed, created,
  // deleted, renamed or touched, or `timeout` passes, or stop() is called.
  // A write not closed within a moment counts too. True when something
  // changed (every event waiting is consumed; the caller looks at
  // everything again, so which file does not matter).
  bool wait(std::chrono::milliseconds timeout);

  // Ends the current and every later wait() at once (any thread).
  void stop();

 private:
  struct Drained {
    bool changed = false;  // closed after writing, created, deleted, renamed, touched
    bool written = false;  // written to, not yet closed (or its time set)
  };
  Drained drain();  // reads every waiting event
  bool shared(int wd) const;  // another folder name still uses `wd`

  int inotify_ = -1;
  int wake_ = -1;  // eventfd written by stop()
  std::atomic<bool> stopped_{false};
  std::mutex mu_;  // watch() may run on another thread than wait()
  std::map<std::string, int> watches_;  // folder → watch descriptor
};

}  // namespace app::preview
