#pragma once
// Typed big- and little-endian reads and writes of unsigned numbers in byte
// strings (font tables, CFF, PNG and EXIF headers, UTF-16BE): the one place
// that shifts bytes. Reads past the end of the bytes count those bytes as 0;
// callers that must reject a short read check the length first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

// The unsigned big-endian number of `n` bytes (1 to 4) at `at`.
constexpr std::uint32_t read_be(std::string_view s, std::size_t at, unsigned n) {
  std::uint32_t v = 0;
  for (unsigned i = 0; i < n; ++i) v = (v << 8) | (at + i < s.size() ? static_cast<unsigned char>(s[at + i]) : 0u);
  return v;
}
// 16-bit reads come back as 32-bit unsigned, so arithmetic on them never
// turns signed through integer promotion.
constexpr std::uint32_t read_be16(std::string_view s, std::size_t at) { return read_be(s, at, 2); }
constexpr std::uint32_t read_be32(std::string_view s, std::size_t at) { return read_be(s, at, 4); }

constexpr std::uint32_t read_le16(std::string_view s, std::size_t at) {
  return read_be(s, at + 1, 1) << 8 | read_be(s, at, 1);
}
constexpr std::uint32_t read_le32(std::string_view s, std::size_t at) {
  return read_le16(s, at + 2) << 16 | read_le16(s, at);
}

// Writes the low 16 or 32 bits of `v`, most significant byte first, at `at`
// (which must have room).
inline void write_be16(char* at, std::uint32_t v) {
  at[0] = static_cast<char>((v >> 8) & 0xFF);
  at[1] = static_cast<char>(v & 0xFF);
}
inline void write_be32(char* at, std::uint32_t v) {
  write_be16(at, v >> 16);
  write_be16(at + 2, v & 0xFFFF);
}

inline void append_be16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}
inline void append_be32(std::string& out, std::uint32_t v) {
  append_be16(out, v >> 16);
  append_be16(out, v & 0xFFFF);
}

}  // namespace core
