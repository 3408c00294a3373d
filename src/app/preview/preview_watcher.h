#pragma once
// Notices edits: the kernel says when a file in the preview folder, or in
// a folder holding one of a document's inputs (a layout, photos elsewhere),
// is saved, and the watcher looks at once — the folder's list of documents
// and each document's inputs (YAML, layout, photos). Where it cannot be
// told (no inotify, too many folders for the system's limit on watches) it
// looks every `interval` instead; either way it looks again every few
// seconds in case an event was missed.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/preview/preview_catalog.h"
#include "app/preview/preview_folder_events.h"
#include "app/preview/preview_state.h"
#include "app/preview/preview_workers.h"

namespace app::preview {

class Watcher {
 public:
  Watcher(PreviewState& state, RenderWorkers& workers, std::filesystem::path root,
          std::chrono::milliseconds interval);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // One look; the thread calls it on every change it is told of, or every
  // interval (the constructor once before returning, so every document is
  // known when the server starts).
  void scan_now();

  // True while edits are learnt from the kernel rather than by polling.
  bool told_of_changes() const { return told_.load(); }

 private:
  void run();
  bool stopping();
  void watch_folders_locked();

  PreviewState& state_;
  RenderWorkers& workers_;
  Catalog catalog_;
  const std::chrono::milliseconds interval_;
  // document id → (its inputs, their fingerprint) at the last look
  std::map<std::string, std::pair<std::vector<std::string>, std::string>> seen_;
  std::chrono::steady_clock::time_point last_sweep_;
  FolderEvents events_;
  std::atomic<bool> told_{false};  // every folder that matters is watched
  std::mutex mu_;  // scan_now from the thread and from tests
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace app::preview
