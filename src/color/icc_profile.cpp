#include "color/icc_profile.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace color {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ProfileError("cannot read the ICC profile " + path + " (" + std::strerror(errno) + ")");
  std::ostringstream buf;
  buf << in.rdbuf();
  return std::move(buf).str();
}

std::string space_name(cmsColorSpaceSignature s) {
  switch (s) {
    case cmsSigRgbData: return "RGB";
    case cmsSigGrayData: return "gray";
    case cmsSigLabData: return "Lab";
    case cmsSigCmykData: return "CMYK";
    default: return "another colour space";
  }
}

}  // namespace

PressProfile PressProfile::load(const std::string& path) {
  PressProfile p;
  p.path_ = path;
  p.bytes_ = read_all(path);
  p.handle_.reset(cmsOpenProfileFromMem(p.bytes_.data(), static_cast<cmsUInt32Number>(p.bytes_.size())));
  if (!p.handle_) throw ProfileError(path + " is not an ICC profile");
  const cmsColorSpaceSignature space = cmsGetColorSpace(p.handle());
  if (space != cmsSigCmykData) {
    throw ProfileError(path + " is an " + space_name(space) + " profile; press output needs a CMYK profile");
  }
  if (cmsGetDeviceClass(p.handle()) != cmsSigOutputClass ||
      !cmsIsIntentSupported(p.handle(), INTENT_RELATIVE_COLORIMETRIC, LCMS_USED_AS_OUTPUT) ||
      !cmsIsIntentSupported(p.handle(), INTENT_PERCEPTUAL, LCMS_USED_AS_OUTPUT)) {
    throw ProfileError(path + " is a CMYK profile but not an output (printer) profile colours can be converted into");
  }
  char desc[256] = {};
  cmsGetProfileInfoASCII(p.handle(), cmsInfoDescription, "en", "US", desc, sizeof desc);
  p.description_ = desc[0] ? desc : "CMYK output profile";
  return p;
}

std::string press_profile_problem(const std::string& path) {
  try {
    PressProfile::load(path);
    return "";
  } catch (const ProfileError& e) {
    return e.what();
  }
}

}  // namespace color
