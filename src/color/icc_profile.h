#pragma once
// The press's ICC output profile: the CMYK characterisation that press
// output converts colours and photos through and embeds as the PDF/X output
// intent.
#include <stdexcept>
#include <string>

#include "color/lcms_handles.h"

namespace color {

// Ghostscript's "Artifex CMYK SWOP Profile" (Debian package libgs-common,
// which ghostscript depends on): docs/press.md says why it is the default.
inline constexpr const char* kDefaultPressProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

struct ProfileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class PressProfile {
 public:
  // Throws ProfileError with the reason when the file is missing, is not
  // an ICC profile, or is not a CMYK output profile that colours can be
  // converted into.
  static PressProfile load(const std::string& path);

  const std::string& path() const { return path_; }
  const std::string& bytes() const { return bytes_; }  // the file, for embedding
  const std::string& description() const { return description_; }
  cmsHPROFILE handle() const { return handle_.get(); }

 private:
  std::string path_, bytes_, description_;
  ProfileHandle handle_;
};

// The same checks without keeping anything: "" when `path` is a usable
// press profile, else the reason.
std::string press_profile_problem(const std::string& path);

}  // namespace color
