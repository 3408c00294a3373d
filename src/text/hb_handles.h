#pragma once
// Owning handles for HarfBuzz objects.
#include <hb.h>

#include "core/handle.h"

namespace text {

using HbBlob = core::Handle<hb_blob_t, hb_blob_destroy>;
using HbFace = core::Handle<hb_face_t, hb_face_destroy>;
using HbFont = core::Handle<hb_font_t, hb_font_destroy>;

}  // namespace text
