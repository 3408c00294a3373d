#pragma once
// What "unchanged since the PDF was written" means for a batch: the stamps
// of app/common/input_stamp.h, of each input and of what every document
// depends on.
#include <string>

#include "app/common/input_stamp.h"
#include "app/common/pipeline.h"

namespace app {

// An input file of a document (its YAML, layout file, photos), by absolute path.
struct StampedFile {
  std::string path;
  FileStamp stamp;
};

// What every document of this process depends on besides its own files:
// the program itself, fonts/manifest.yaml and every font file the FontBook
// opened (a font installed or updated changes it). A short hex digest.
std::string environment_fingerprint(const Resources& res);

}  // namespace app
