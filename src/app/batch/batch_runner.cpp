#include "app/batch/batch_runner.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "app/batch/batch_render.h"
#include "app/common/atomic_file.h"
#include "app/common/output_check.h"
#include "image/photo_checks.h"
#include "render/pdf/font_sources.h"

namespace app {
namespace {

using Clock = std::chrono::steady_clock;

// How often the calling thread wakes to look for signals and redraw the bar.
constexpr auto kTick = std::chrono::milliseconds(50);

std::vector<std::string> input_paths(const BatchRender& r) {
  std::vector<std::string> paths;
  for (const auto& f : r.inputs) paths.push_back(f.path);
  return paths;
}

DocumentOutcome render_one(const BatchDocument& doc, const Resources& res, LayoutCache& layouts,
                           const RenderOptions& options) {
  DocumentOutcome out;
  const auto start = Clock::now();
  try {
    BatchRender r = render_batch_document(doc.path, res, layouts, options);
    for (const auto& d : r.diags.all()) {
      (d.severity == core::Severity::Error ? out.errors : out.warnings).push_back(core::format(d));
    }
    if (r.pdf.empty()) {
      out.status = DocStatus::Failed;
      out.failure = Failure::Input;
      if (out.errors.empty()) out.errors.push_back(doc.path + ": error: no PDF was produced");
    } else if (auto clash = output_clash(doc.output_path, input_paths(r)); !clash.empty()) {
      out.status = DocStatus::Failed;
      out.failure = Failure::Refused;
      out.errors.push_back("broadsheet: error: will not write " + doc.output_path + ": " + clash);
    } else if (auto err = write_file_atomically(doc.output_path, r.pdf); !err.empty()) {
      out.status = DocStatus::Failed;
      out.failure = Failure::Output;
      out.errors.push_back("broadsheet: error: " + err);
    } else {
      out.status = DocStatus::Rendered;
      out.pages = r.pages;
      out.bytes = static_cast<std::int64_t>(r.pdf.size());
      out.pdf = stamp_file(doc.output_path);
      out.inputs = std::move(r.inputs);
    }
  } catch (const std::exception& e) {
    // One broken document must not end the batch, whatever it breaks.
    out.status = DocStatus::Failed;
    out.failure = Failure::Internal;
    out.errors.push_back(doc.path + ": internal error: " + e.what());
  }
  out.milliseconds = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return out;
}

}  // namespace

int run_documents(const std::vector<BatchDocument>& docs, const std::vector<std::size_t>& todo, int jobs,
                  const Resources& res, const RenderOptions& options, std::vector<DocumentOutcome>& outcomes,
                  InterruptWatch& interrupts, const RunHooks& hooks) {
  LayoutCache layouts;
  // The fonts' sources, read once for every document of the run.
  render::pdf::FontSources font_sources;
  // Photos, most of them shared by many sheets, decoded once.
  image::PhotoChecks photo_checks;
  RenderOptions shared_options = options;
  shared_options.font_sources = &font_sources;
  shared_options.photo_checks = &photo_checks;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};

  // Guarded by `mutex`: finished documents not yet handed to the hooks, and
  // how many workers are still running.
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<std::size_t> finished;
  std::size_t running = 0;

  const std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), todo.size());
  auto work = [&] {
    while (!stop.load()) {
      const std::size_t k = next.fetch_add(1);
      if (k >= todo.size()) break;
      const std::size_t i = todo[k];
      // Each worker writes only its own document's slot; the hand-over
      // through `finished` under the lock publishes it to the main thread.
      outcomes[i] = render_one(docs[i], res, layouts, shared_options);
      {
        std::lock_guard lock(mutex);
        finished.push_back(i);
      }
      wake.notify_one();
    }
    std::lock_guard lock(mutex);
    --running;
    wake.notify_one();
  };

  std::vector<std::thread> threads;
  running = workers;
  for (std::size_t t = 0; t < workers; ++t) threads.emplace_back(work);

  int interrupted_by = 0;
  for (;;) {
    std::deque<std::size_t> ready;
    bool all_done = false;
    {
      std::unique_lock lock(mutex);
      wake.wait_for(lock, kTick, [&] { return !finished.empty() || running == 0; });
      ready.swap(finished);
      all_done = running == 0;
    }
    for (std::size_t i : ready) hooks.finished(i);
    if (const int sig = interrupts.poll()) {
      if (interrupted_by != 0) interrupts.die_by(sig);
      interrupted_by = sig;
      stop.store(true);
      hooks.interrupted(sig);
    }
    if (all_done) break;
    hooks.tick();
  }
  for (auto& t : threads) t.join();
  return interrupted_by;
}

}  // namespace app
