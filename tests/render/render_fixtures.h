#pragma once
// Helpers for the render tests: fonts and glyph runs built with HarfBuzz
// (no layout stage needed), temporary files, running poppler-utils, and
// decoding the PNG pages that rasterize_pdf returns.
#include <hb.h>
#include <png.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "frame/frame.h"
#include "image/image_probe.h"

namespace render_test {

inline const std::string kUming = "/usr/share/fonts/truetype/arphic/uming.ttc";  // face 0: AR PL UMing CN
inline const std::string kUkai = "/usr/share/fonts/truetype/arphic/ukai.ttc";    // face 0: AR PL UKai CN
inline const std::string kZenHei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
inline const std::string kWenKai = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";  // has U+2CB4E
// OpenType/CFF collections (fonts-noto-cjk); face kNotoSc is the SC one.
inline const std::string kNotoSerif = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
inline const std::string kNotoSansBold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
inline constexpr int kNotoSc = 2;

inline std::string image_path(const std::string& name) { return std::string(BROADSHEET_TEST_DATA) + "/images/" + name; }

// A photo of tests/data/images placed at `box`, probed as the loader does.
inline frame::Image photo(const std::string& name, const core::Rect& box, const core::SourceSpan& span = {}) {
  std::string why;
  const auto info = image::probe_image_file(image_path(name), image::Check::Whole, why);
  if (!info) throw std::runtime_error("test image " + name + " " + why);
  return frame::Image{image_path(name), box, span, {}, *info};
}

inline std::u32string utf32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

inline std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
  } else if (c < 0x10000) {
    out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
            static_cast<char>(0x80 | (c & 0x3F))};
  } else {
    out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
            static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
  }
  return out;
}

// One font file opened with HarfBuzz, to find glyph ids and advances the
// way the text stage would.
class TestFont {
 public:
  TestFont(const std::string& path, int index) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) throw std::runtime_error("missing font " + path);
    face_ = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    font_ = hb_font_create(face_);
    upem_ = hb_face_get_upem(face_);
  }
  ~TestFont() {
    hb_font_destroy(font_);
    hb_face_destroy(face_);
  }
  TestFont(const TestFont&) = delete;
  TestFont& operator=(const TestFont&) = delete;

  std::uint32_t gid(char32_t c) const {
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(font_, c, &g)) throw std::runtime_error("font lacks a character");
    return g;
  }
  hb_font_t* font() const { return font_; }
  double advance(std::uint32_t gid, double size) const {
    return hb_font_get_glyph_h_advance(font_, gid) * size / upem_;
  }

 private:
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  unsigned upem_ = 1000;
};

// A line of text, one glyph per character, `extra` points added after
// every glyph (inter-character justification).
inline frame::GlyphRun make_run(const TestFont& font, int face, const std::string& text, double x, double baseline,
                                double size, double extra = 0, core::Color color = {}) {
  frame::GlyphRun run;
  run.face = face;
  run.size = size;
  run.baseline = baseline;
  run.color = color;
  for (char32_t c : utf32(text)) {
    frame::Glyph g;
    g.gid = font.gid(c);
    g.x = x;
    g.advance = font.advance(g.gid, size);
    g.text = utf8(c);
    run.glyphs.push_back(g);
    x += g.advance + extra;
  }
  return run;
}

inline frame::Page a4_page() {
  frame::Page p;
  p.size = {core::mm(210), core::mm(297)};
  return p;
}

class TempFile {
 public:
  explicit TempFile(const std::string& contents, const char* suffix = ".pdf") {
    std::string tmpl = "/tmp/broadsheet-render-test-XXXXXX";
    tmpl += suffix;
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    const int fd = mkstemps(buf.data(), static_cast<int>(std::strlen(suffix)));
    if (fd < 0) throw std::runtime_error("mkstemps failed");
    path_ = buf.data();
    const ssize_t written = ::write(fd, contents.data(), contents.size());
    ::close(fd);
    if (written != static_cast<ssize_t>(contents.size())) throw std::runtime_error("short write");
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct CommandResult {
  std::string out, err;
  int status = -1;
};

// Runs `command` (through the shell) capturing stdout and stderr.
inline CommandResult run(const std::string& command) {
  TempFile err("", ".err");
  CommandResult r;
  FILE* pipe = popen((command + " 2>" + err.path()).c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  r.status = pclose(pipe);
  std::ifstream in(err.path());
  r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return r;
}

inline std::string without_space(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out.push_back(c);
  }
  return out;
}

struct Rgb {
  int r = 0, g = 0, b = 0;
};

struct Picture {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  Rgb at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 3;
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

inline Picture decode_png(const std::string& bytes) {
  png_image img;
  std::memset(&img, 0, sizeof img);
  img.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&img, bytes.data(), bytes.size())) throw std::runtime_error("bad PNG");
  img.format = PNG_FORMAT_RGB;
  Picture p;
  p.width = static_cast<int>(img.width);
  p.height = static_cast<int>(img.height);
  p.rgb.resize(PNG_IMAGE_SIZE(img));
  if (!png_image_finish_read(&img, nullptr, p.rgb.data(), 0, nullptr)) throw std::runtime_error("bad PNG data");
  return p;
}

}  // namespace render_test
