#include "app/preview/preview_zoom.h"

#include "render/png/page_images.h"

namespace app::preview {
namespace {
// How long a request waits for its turn to draw, or for another's drawing:
// past that the screen picture does (blurred at high zoom, but now).
constexpr std::chrono::milliseconds kPatience{1500};
}  // namespace

std::shared_ptr<const std::string> ZoomImages::page(const std::shared_ptr<const Rendered>& r, std::size_t index,
                                                    int ppi) {
  const Key key{r->key, r->debug, index, ppi};
  std::promise<Png> promise;
  {
    std::unique_lock lock(mu_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      it->second.used = ++clock_;
      const auto drawn = it->second.png;
      lock.unlock();  // drawn already, or being drawn by another request
      if (drawn.wait_for(kPatience) != std::future_status::ready) return nullptr;
      return drawn.get();
    }
    entries_[key] = Entry{promise.get_future().share(), ++clock_, 0};
  }
  if (!drawing_.try_acquire_for(kPatience)) {
    promise.set_value(nullptr);
    std::lock_guard lock(mu_);
    entries_.erase(key);
    return nullptr;
  }
  Png png;
  try {
    struct Release {
      std::counting_semaphore<2>& s;
      ~Release() { s.release(); }
    } release{drawing_};
    png = std::make_shared<const std::string>(render::rasterize_pdf_page(r->pdf, static_cast<int>(index), ppi));
  } catch (...) {
    promise.set_exception(std::current_exception());
    std::lock_guard lock(mu_);
    entries_.erase(key);
    throw;
  }
  promise.set_value(png);
  std::lock_guard lock(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    it->second.bytes = png->size();
    bytes_ += png->size();
    evict_locked();
  }
  return png;
}

void ZoomImages::evict_locked() {
  while (bytes_ > max_bytes_) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second.bytes > 0 && (oldest == entries_.end() || it->second.used < oldest->second.used)) oldest = it;
    if (oldest == entries_.end()) return;
    bytes_ -= oldest->second.bytes;
    entries_.erase(oldest);
  }
}

}  // namespace app::preview
