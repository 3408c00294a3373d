#pragma once
// The render threads: HTTP threads and the watcher only ask for renders here
// and never render themselves, so a slow document never holds up a request.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/common/pipeline.h"
#include "app/preview/preview_state.h"
#include "render/pdf/font_sources.h"

namespace app::preview {

class RenderWorkers {
 public:
  // `root`: the canonical preview folder (for messages); `threads` ≥ 1.
  RenderWorkers(PreviewState& state, const Resources& res, std::string root, std::size_t threads);
  ~RenderWorkers();
  RenderWorkers(const RenderWorkers&) = delete;
  RenderWorkers& operator=(const RenderWorkers&) = delete;

  // Asks for document `id` to be looked at again (debug: its debug-overlay
  // variant). A document is queued at most once and never rendered by two
  // threads at a time; a request while it renders runs again afterwards.
  void request(const std::string& id, bool debug);

  // Renders finished since start (for tests and the load report).
  std::size_t renders_done() const;

 private:
  using Job = std::pair<std::string, bool>;
  void run();
  void process(const Job& job);

  PreviewState& state_;
  const Resources& res_;
  render::pdf::FontSources fonts_;  // read once for every render
  const std::string root_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::set<Job> queued_, running_, again_;
  std::size_t renders_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace app::preview
