#pragma once
// The one way broadsheet opens a file it reads (documents, layouts, photos,
// files the preview serves): only regular files, and never a wait. A FIFO,
// a device or a socket named as a photo would otherwise block the open or
// the read forever, or feed endless bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace source {

class InputFile {
 public:
  // Opens `path` for reading. nullopt with `why` set ("no such file", "it is
  // a directory", "it is a FIFO, not a regular file", or the system's reason).
  static std::optional<InputFile> open(const std::string& path, std::string& why);

  InputFile(InputFile&& other) noexcept : fd_(other.fd_), size_(other.size_) { other.fd_ = -1; }
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  int fd() const { return fd_; }
  std::uintmax_t size() const { return size_; }  // when opened

  // Up to `n` bytes from the current position; fewer at the end of the file.
  // nullopt on a read error.
  std::optional<std::size_t> read_some(char* buffer, std::size_t n);
  // Everything from the current position, but at most `max_bytes + 1` bytes,
  // so the caller can tell "too large" without reading it all. nullopt on a
  // read error.
  std::optional<std::string> read_all(std::size_t max_bytes);

 private:
  InputFile(int fd, std::uintmax_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uintmax_t size_ = 0;
};

// What kind of thing `mode` (st_mode) is, for messages: "a FIFO", "a socket"…
std::string_view file_kind(unsigned mode);

// The whole file, when it is a regular file of at most `max_bytes`;
// otherwise nullopt with `why` set.
std::optional<std::string> read_input_file(const std::string& path, std::size_t max_bytes, std::string& why);

}  // namespace source
