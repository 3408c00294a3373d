#include "app/preview/preview_watcher.h"

#include <set>

#include "app/common/input_stamp.h"
#include "app/preview/preview_inputs.h"

namespace app::preview {

namespace {
// Now and then every document is fingerprinted even though no stat changed:
// two saves within one tick of the file system's clock, with the same size,
// would otherwise go unseen. A fingerprint that matches costs no render.
// Also the longest an edit waits when the kernel's event was missed.
constexpr std::chrono::seconds kSweep{3};
}  // namespace

Watcher::Watcher(PreviewState& state, RenderWorkers& workers, std::filesystem::path root,
                 std::chrono::milliseconds interval)
    : state_(state), workers_(workers), catalog_(std::move(root)), interval_(interval),
      last_sweep_(std::chrono::steady_clock::now()) {
  scan_now();
  thread_ = std::thread([this] { run(); });
}

Watcher::~Watcher() {
  {
    std::lock_guard lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  events_.stop();
  thread_.join();
}

bool Watcher::stopping() {
  std::lock_guard lock(stop_mu_);
  return stopping_;
}

void Watcher::run() {
  while (!stopping()) {
    if (told_) {
      events_.wait(kSweep);
    } else {
      std::unique_lock lock(stop_mu_);
      if (stop_cv_.wait_for(lock, interval_, [&] { return stopping_; })) return;
    }
    if (stopping()) return;
    scan_now();
  }
}

void Watcher::scan_now() {
  std::lock_guard lock(mu_);
  state_.set_documents(catalog_.scan());
  const auto now = std::chrono::steady_clock::now();
  const bool sweep = now - last_sweep_ >= kSweep;
  if (sweep) last_sweep_ = now;

  std::map<std::string, std::pair<std::vector<std::string>, std::string>> still;
  for (const auto& doc : state_.documents()) {
    std::string sig = inputs_fingerprint(doc.inputs);
    auto old = seen_.find(doc.id);
    if (old == seen_.end() || old->second.first != doc.inputs) {
      // New, or its list of inputs was just learnt: look, without calling
      // it "rendering" in the page (most likely nothing changed).
      workers_.request(doc.id, false);
    } else if (old->second.second != sig) {
      state_.set_pending(doc.id);
      workers_.request(doc.id, false);
    } else if (sweep) {
      workers_.request(doc.id, false);
    }
    still[doc.id] = {doc.inputs, std::move(sig)};
  }
  seen_ = std::move(still);
  watch_folders_locked();
}

// The folder's own folders, and every folder an input lies in (a layout or
// photos kept elsewhere). A folder that does not exist cannot be watched;
// the sweep notices when it appears.
void Watcher::watch_folders_locked() {
  if (!events_.available()) return;
  std::set<std::string> folders = catalog_.folders();
  for (const auto& [id, inputs] : seen_) {
    for (const auto& file : inputs.first) {
      std::error_code ec;
      const auto parent = std::filesystem::path(file).parent_path();
      if (std::filesystem::is_directory(parent, ec)) folders.insert(parent.string());
    }
  }
  told_ = events_.watch(folders);
}

}  // namespace app::preview
