#pragma once
// Owning handles for fontconfig objects (RAII around every C handle).
#include <fontconfig/fontconfig.h>

#include <memory>

namespace text {

struct FcConfigFree {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
struct FcPatternFree {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FcFontSetFree {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct FcObjectSetFree {
  void operator()(FcObjectSet* s) const { FcObjectSetDestroy(s); }
};

using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigFree>;
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternFree>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, FcFontSetFree>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, FcObjectSetFree>;

}  // namespace text
