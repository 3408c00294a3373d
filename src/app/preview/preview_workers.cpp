#include "app/preview/preview_workers.h"

#include "app/common/input_stamp.h"
#include "app/preview/preview_inputs.h"

namespace app::preview {

RenderWorkers::RenderWorkers(PreviewState& state, const Resources& res, std::string root, std::size_t threads)
    : state_(state), res_(res), root_(std::move(root)) {
  for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) threads_.emplace_back([this] { run(); });
}

RenderWorkers::~RenderWorkers() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();
}

void RenderWorkers::request(const std::string& id, bool debug) {
  const Job job{id, debug};
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queued_.count(job)) return;
    if (running_.count(job)) {
      again_.insert(job);
      return;
    }
    queued_.insert(job);
    // Pages someone is looking at with the overlay on go first.
    if (debug) queue_.push_front(job); else queue_.push_back(job);
  }
  wake_.notify_one();
}

std::size_t RenderWorkers::renders_done() const {
  std::lock_guard lock(mu_);
  return renders_;
}

void RenderWorkers::run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    // request() never queues a job that is running (it marks it `again_`
    // instead), so whatever is first can start now.
    const Job job = queue_.front();
    queue_.pop_front();
    queued_.erase(job);
    running_.insert(job);
    lock.unlock();
    process(job);
    lock.lock();
    running_.erase(job);
    if (again_.erase(job) && !queued_.count(job)) {
      queued_.insert(job);
      queue_.push_back(job);
    }
    wake_.notify_one();
  }
}

void RenderWorkers::process(const Job& job) {
  const auto& [id, debug] = job;
  const auto doc = state_.document(id);
  if (!doc) return;
  DocumentInputs inputs = find_inputs(doc->path, res_.data_dir);
  state_.set_inputs(id, inputs.files);
  const std::string key = inputs_fingerprint(inputs.files);

  if (debug) {
    // The overlay is drawn only for the inputs the document shows now.
    if (!doc->current || !doc->current->ok || doc->current->key != key || state_.find(key, true)) return;
  } else if (auto cached = state_.find(key, false)) {
    if (doc->current == cached) state_.clear_pending(id); else state_.publish(cached);
    return;
  }

  const RenderJob render_job{doc->path, id, key, inputs.layout, inputs.layout_known, inputs.title, debug, root_};
  auto rendered = render_for_preview(render_job, res_, &fonts_);
  // The pipeline read the files itself: keep the result only if their
  // stamps are still those the key was made from, or the key would name a
  // render of other bytes. Otherwise look again. (The same files: which
  // files they are follows from the YAML, whose stamp is among them.)
  if (inputs_fingerprint(inputs.files) != key) {
    request(id, debug);
    return;
  }
  {
    std::lock_guard lock(mu_);
    ++renders_;
  }
  state_.publish(rendered);
}

}  // namespace app::preview
