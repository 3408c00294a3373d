#pragma once
// Owning handles for fontconfig objects.
#include <fontconfig/fontconfig.h>

#include "core/handle.h"

namespace text {

using FcConfigPtr = core::Handle<FcConfig, FcConfigDestroy>;
using FcPatternPtr = core::Handle<FcPattern, FcPatternDestroy>;
using FcFontSetPtr = core::Handle<FcFontSet, FcFontSetDestroy>;
using FcObjectSetPtr = core::Handle<FcObjectSet, FcObjectSetDestroy>;

}  // namespace text
