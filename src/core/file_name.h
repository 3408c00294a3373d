#pragma once
// A source file's path, interned: a position (and so every glyph, which
// carries one) holds a four-byte id instead of its own copy of the path.
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// Paths are interned once per process and never released: a run reads a
// handful of files (a long-running preview a few hundred), and ids stay
// valid for the process's life, so they can cross threads freely. The table
// behind them is the one piece of process-wide state in the program; it is
// append-only and guarded by a mutex.
class FileName {
 public:
  FileName() = default;  // no file
  FileName(std::string_view path);  // NOLINT: a path is a file name
  FileName(const std::string& path) : FileName(std::string_view(path)) {}
  FileName(const char* path) : FileName(std::string_view(path)) {}

  // The path as it was given; "" for none.
  const std::string& path() const;
  bool empty() const { return id_ == 0; }
  bool operator==(const FileName&) const = default;
  // Orders by when a path was first seen, not by its spelling: for maps only.
  std::uint32_t id() const { return id_; }

 private:
  std::uint32_t id_ = 0;
};

}  // namespace core
