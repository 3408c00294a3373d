#pragma once
// What "unchanged since the PDF was written" means: a file's size and
// modification time (nanoseconds), as make and ninja judge it. Stat-ing is
// far cheaper than hashing photos and fonts, and any editor, copy or
// checkout that changes a file changes its mtime.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/common/pipeline.h"

namespace app {

struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// nullopt when the file does not exist (or cannot be stat-ed).
std::optional<FileStamp> stamp_file(const std::string& path);

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
