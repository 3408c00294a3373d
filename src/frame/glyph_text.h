#pragma once
// The characters one glyph stands for (UTF-8), in 12 bytes. A display list
// holds one per glyph, and make-up holds every setting of every paragraph
// until the pages are planned, so glyphs are most of a long document's
// memory: a std::string costs 32 bytes here. Up to 8 bytes (any one
// character, most pairs) are kept inside; longer texts (a ligature's
// letters, a long cluster) on the heap.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace frame {

class GlyphText {
 public:
  GlyphText() = default;
  GlyphText(std::string_view s) { assign(s); }  // NOLINT: implicit, as for a string
  GlyphText(const std::string& s) { assign(s); }  // NOLINT
  GlyphText(const char* s) { assign(s); }         // NOLINT
  GlyphText(const GlyphText& o) { assign(o.view()); }
  GlyphText(GlyphText&& o) noexcept : size_(o.size_) {
    std::memcpy(bytes_, o.bytes_, sizeof bytes_);
    o.size_ = 0;
  }
  GlyphText& operator=(const GlyphText& o) {
    if (this != &o) *this = GlyphText(o);
    return *this;
  }
  GlyphText& operator=(GlyphText&& o) noexcept {
    if (this != &o) {
      release();
      std::memcpy(bytes_, o.bytes_, sizeof bytes_);
      size_ = o.size_;
      o.size_ = 0;
    }
    return *this;
  }
  ~GlyphText() { release(); }

  std::string_view view() const { return {data(), size_}; }
  operator std::string_view() const { return view(); }  // NOLINT: reads as a string
  std::string str() const { return std::string(view()); }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  friend bool operator==(const GlyphText& a, std::string_view b) { return a.view() == b; }

 private:
  static constexpr std::size_t kInside = 8;
  const char* data() const {
    if (size_ <= kInside) return bytes_;
    const char* p = nullptr;
    std::memcpy(&p, bytes_, sizeof p);
    return p;
  }
  void assign(std::string_view s) {
    if (s.size() <= kInside) {
      std::memcpy(bytes_, s.data(), s.size());
    } else {
      char* p = new char[s.size()];
      std::memcpy(p, s.data(), s.size());
      std::memcpy(bytes_, &p, sizeof p);
    }
    size_ = static_cast<std::uint32_t>(s.size());
  }
  void release() {
    if (size_ > kInside) delete[] data();
    size_ = 0;
  }

  char bytes_[kInside] = {};  // the text, or a pointer to it when longer
  std::uint32_t size_ = 0;
};

}  // namespace frame
