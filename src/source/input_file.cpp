#include "source/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace source {

std::string_view file_kind(unsigned mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISREG(mode)) return "a regular file";
  return "not a regular file";
}

namespace {

std::string too_large(std::size_t max_bytes) {
  return max_bytes >= (1u << 20) ? "the file is larger than " + std::to_string(max_bytes >> 20) + " MiB"
                                 : "the file is larger than " + std::to_string(max_bytes) + " bytes";
}

std::string not_regular(unsigned mode) {
  if (S_ISDIR(mode)) return "it is a directory";
  return "it is " + std::string(file_kind(mode)) + ", not a regular file";
}

}  // namespace

std::optional<InputFile> InputFile::open(const std::string& path, std::string& why) {
  // Looked at before opening, so that no device is ever opened at all…
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    why = errno == ENOENT || errno == ENOTDIR ? std::string("no such file") : std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = not_regular(st.st_mode);
    return std::nullopt;
  }
  // …and opened without waiting and checked again, because the name may
  // have been replaced by a FIFO in between.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    why = S_ISREG(st.st_mode) ? std::string(std::strerror(errno)) : not_regular(st.st_mode);
    ::close(fd);
    return std::nullopt;
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return InputFile(fd, static_cast<std::uintmax_t>(st.st_size));
}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    size_ = other.size_;
    other.fd_ = -1;
  }
  return *this;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<std::size_t> InputFile::read_some(char* buffer, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    const ssize_t got = ::read(fd_, buffer + done, n - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return std::nullopt;
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

std::optional<std::string> InputFile::read_all(std::size_t max_bytes) {
  std::string out;
  // A file may grow after fstat: read in chunks up to one byte past the limit.
  const std::size_t cap = max_bytes + 1;
  out.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(size_ + 1, cap)));
  std::size_t have = 0;
  while (have < cap) {
    if (have == out.size()) out.resize(std::min(cap, out.size() * 2 + 4096));
    const auto got = read_some(out.data() + have, out.size() - have);
    if (!got) return std::nullopt;
    have += *got;
    if (*got == 0 || have < out.size()) break;
  }
  out.resize(have);
  return out;
}

std::optional<std::string> read_input_file(const std::string& path, std::size_t max_bytes, std::string& why) {
  auto file = InputFile::open(path, why);
  if (!file) return std::nullopt;
  if (file->size() > max_bytes) {
    why = too_large(max_bytes);
    return std::nullopt;
  }
  auto bytes = file->read_all(max_bytes);
  if (!bytes) {
    why = std::string("read error: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (bytes->size() > max_bytes) {
    why = too_large(max_bytes);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace source
