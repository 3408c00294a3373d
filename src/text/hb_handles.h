#pragma once
// Owning handles for HarfBuzz objects (RAII around every C handle).
#include <hb.h>

#include <memory>

namespace text {

struct HbBlobFree {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct HbFaceFree {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct HbFontFree {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};

using HbBlob = std::unique_ptr<hb_blob_t, HbBlobFree>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceFree>;
using HbFont = std::unique_ptr<hb_font_t, HbFontFree>;

}  // namespace text
