#pragma once
// The one answer to "have a document's inputs changed?", used by batch (skip
// a document whose PDF is up to date) and by preview (when to render again,
// and the key its pictures are kept under): each file's size and
// modification time in nanoseconds, as make and ninja judge it.
//
// Why stamps and not a hash of the contents: stat-ing is far cheaper than
// reading photos and fonts — a rerun of a batch of thousands of sheets, or a
// preview looking at every document each few seconds, would otherwise read
// every photo again — and any editor, copy or checkout that changes a file
// changes its mtime. The price: a file touched without a change is rendered
// again, which is only extra work, never a wrong page.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// nullopt when the file does not exist (or cannot be stat-ed).
std::optional<FileStamp> stamp_file(const std::string& path);

// The stamps of `files` (their paths too, a missing file as such) as one
// short hex digest of kFingerprintLength characters: equal digests mean
// the same files, unchanged.
std::string inputs_fingerprint(const std::vector<std::string>& files);
inline constexpr std::size_t kFingerprintLength = 16;

// FNV-1a, then a 64-bit finaliser so that the low bits mix every input
// byte. Fixed here (not std::hash) so all machines agree.
std::uint64_t stable_hash(std::string_view bytes);

// stable_hash as kFingerprintLength hex digits.
std::string hex_digest(std::string_view bytes);

}  // namespace app
