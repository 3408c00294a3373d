#include "source/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/utf8.h"
#include "source/input_file.h"

namespace source {
namespace {

constexpr const char* kTooLarge = "the file is larger than 16 MiB";

void index(SourceFile& file) {
  const std::string_view text = file.text;
  file.line_starts = {0};
  file.code_point_checkpoints = {0};
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') file.line_starts.push_back(i + 1);
    // Every byte that is not a continuation byte starts a code point.
    code_points += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if ((i + 1) % SourceFile::kCheckpointBytes == 0) file.code_point_checkpoints.push_back(code_points);
  }
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// The first reason the bytes are not a text file, reported at its position.
// One message is enough: a binary file would otherwise yield thousands.
bool check_text(const SourceFile& file, core::Diagnostics& diags) {
  const std::string_view text = file.text;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0) {
      diags.error(file.span_at(i), "binary data, not a text file (NUL byte)");
      return false;
    }
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
      diags.error(file.span_at(i), "binary data, not a text file (control character " +
                                       code_point_name(b) + ")");
      return false;
    }
    const core::Decoded d = core::decode_utf8(text, i);
    if (!d.valid) {
      // GBK is what a Chinese Windows editor saves by default.
      diags.error(file.span_at(i), "invalid UTF-8 (byte " + hex_byte(b) +
                                       "); save the file as UTF-8 (GBK and other encodings "
                                       "are not supported)");
      return false;
    }
    i += d.length;
  }
  return true;
}

}  // namespace

core::SourceSpan SourceFile::span_at(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text.size());
  const auto next = std::upper_bound(line_starts.begin(), line_starts.end(), byte_offset);
  const auto line = static_cast<int>(next - line_starts.begin());
  const std::size_t start = *(next - 1);
  const auto column = static_cast<int>(1 + code_points_before(byte_offset) - code_points_before(start));
  return core::SourceSpan{name, line, column};
}

std::size_t SourceFile::code_points_before(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text.size());
  const std::size_t block = byte_offset / kCheckpointBytes;
  const std::size_t block_start = block * kCheckpointBytes;
  return code_point_checkpoints[block] +
         static_cast<std::size_t>(core::count_code_points(std::string_view(text).substr(block_start, byte_offset - block_start)));
}

std::optional<SourceFile> source_from_text(std::string text, const std::string& path,
                                           core::Diagnostics& diags) {
  const core::SourceSpan whole_file{path};
  if (text.size() > core::kMaxSourceBytes) {
    diags.error(whole_file, kTooLarge);
    return std::nullopt;
  }
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                           (text[0] == '\xFE' && text[1] == '\xFF'))) {
    diags.error(whole_file, "the file is UTF-16; save it as UTF-8");
    return std::nullopt;
  }
  // Editors do not count a UTF-8 byte-order mark as a column, so neither do we.
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  SourceFile file;
  file.path = path;
  file.name = whole_file.file;
  file.text = std::move(text);
  index(file);
  if (!check_text(file, diags)) return std::nullopt;
  if (file.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(whole_file, "the file is empty");
    return std::nullopt;
  }
  return file;
}

std::optional<SourceFile> read_source(const std::string& path, core::Diagnostics& diags) {
  std::string why;
  auto text = read_input_file(path, core::kMaxSourceBytes, why);
  if (!text) {
    diags.error(core::SourceSpan{path}, why.starts_with("the file is") ? why : "cannot read the file: " + why);
    return std::nullopt;
  }
  return source_from_text(std::move(*text), path, diags);
}

}  // namespace source
