#pragma once
// Notices edits by polling: the folder's list of documents and each
// document's inputs (YAML, layout, photos) are looked at every `interval`.
// Polling, not inotify: photos and layouts can live outside the folder,
// editors save by rename, and a stat of a few dozen files costs nothing.
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

  // One look; the thread calls it every interval (the constructor once
  // before returning, so every document is known when the server starts).
  void scan_now();

 private:
  void run();

  PreviewState& state_;
  RenderWorkers& workers_;
  Catalog catalog_;
  const std::chrono::milliseconds interval_;
  // document id → (its inputs, their fingerprint) at the last look
  std::map<std::string, std::pair<std::vector<std::string>, std::string>> seen_;
  std::chrono::steady_clock::time_point last_sweep_;
  std::mutex mu_;  // scan_now from the thread and from tests
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace app::preview
