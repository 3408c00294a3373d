#pragma once
// Owning handles for Little CMS objects.
#include <lcms2.h>

#include <type_traits>

#include "core/handle.h"

namespace color {

using ProfileHandle = core::Handle<std::remove_pointer_t<cmsHPROFILE>, cmsCloseProfile>;
using TransformHandle = core::Handle<std::remove_pointer_t<cmsHTRANSFORM>, cmsDeleteTransform>;

}  // namespace color
