#pragma once
// Page pictures at resolutions other than the screen one (zoom, sharp
// pictures on high-density screens), drawn on demand from a render's PDF
// and kept, within a memory budget, for whoever asks next.
#include <cstdint>
#include <future>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <tuple>

#include "app/preview/preview_render.h"

namespace app::preview {

// What `?ppi=N` may ask for: from a thumbnail to 4× the screen resolution.
inline constexpr int kMinPpi = 24;
inline constexpr int kMaxPpi = 384;

class ZoomImages {
 public:
  ZoomImages() : ZoomImages(std::size_t{96} << 20) {}
  explicit ZoomImages(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  ZoomImages(const ZoomImages&) = delete;
  ZoomImages& operator=(const ZoomImages&) = delete;

  // The PNG of page `index` (0-based, which must exist) of `r` at `ppi`.
  // Concurrent askers for the same picture share one drawing. Null when it
  // could not be drawn soon (too many drawings asked for at once); throws
  // when the PDF cannot be drawn.
  std::shared_ptr<const std::string> page(const std::shared_ptr<const Rendered>& r, std::size_t index, int ppi);

 private:
  using Key = std::tuple<std::string, bool, std::size_t, int>;  // render key, debug, page, ppi
  using Png = std::shared_ptr<const std::string>;
  struct Entry {
    std::shared_future<Png> png;
    std::uint64_t used = 0;
    std::size_t bytes = 0;  // 0 while it is being drawn
  };
  void evict_locked();

  // A page at 384 ppi takes ~100 MB while it is drawn: two at a time at most,
  // however many requests ask.
  std::counting_semaphore<2> drawing_{2};
  std::mutex mu_;
  std::map<Key, Entry> entries_;
  std::uint64_t clock_ = 0;
  std::size_t bytes_ = 0;
  const std::size_t max_bytes_;
};

}  // namespace app::preview
