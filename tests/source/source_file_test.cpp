// Reading a file before any YAML parsing: what is refused, and where.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "source/source_file.h"

namespace {

using core::Diagnostics;

std::string check(std::string text) {
  Diagnostics diags;
  source::source_from_text(std::move(text), "t.yaml", diags);
  return core::format_all(diags);
}

}  // namespace

TEST_CASE("text that is not a readable YAML file is refused with a position") {
  struct Row {
    std::string name;
    std::string text;
    const char* expected;
  };
  const Row rows[] = {
      {"empty", "", "t.yaml: error: the file is empty\n"},
      {"whitespace only", "  \n\t\r\n", "t.yaml: error: the file is empty\n"},
      {"byte-order mark only", "\xEF\xBB\xBF\n", "t.yaml: error: the file is empty\n"},
      {"NUL byte", std::string("a: b\0c", 6), "t.yaml:1:5: error: binary data, not a text file (NUL byte)\n"},
      {"control character", "a: ok\nb: \x07", "t.yaml:2:4: error: binary data, not a text file (control character U+0007)\n"},
      {"invalid UTF-8 after Chinese", "a: 中\xFF",
       "t.yaml:1:5: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8 (GBK and other encodings are not supported)\n"},
      {"GBK text", "a: \xB9\xA4\xBB\xE1",  // 工会 in GBK
       "t.yaml:1:4: error: invalid UTF-8 (byte 0xB9); save the file as UTF-8 (GBK and other encodings are not supported)\n"},
      {"overlong encoding", "a: \xC0\x80",
       "t.yaml:1:4: error: invalid UTF-8 (byte 0xC0); save the file as UTF-8 (GBK and other encodings are not supported)\n"},
      {"encoded surrogate", "a: \xED\xA0\x80",
       "t.yaml:1:4: error: invalid UTF-8 (byte 0xED); save the file as UTF-8 (GBK and other encodings are not supported)\n"},
      {"truncated sequence at the end", "a: \xE4\xB8",
       "t.yaml:1:4: error: invalid UTF-8 (byte 0xE4); save the file as UTF-8 (GBK and other encodings are not supported)\n"},
      {"UTF-16", std::string("\xFF\xFE" "a\0:\0", 6), "t.yaml: error: the file is UTF-16; save it as UTF-8\n"},
      {"tabs and CRLF are text", "a:\tb\r\nc: d\r\n", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    CHECK(check(row.text) == row.expected);
  }
}

TEST_CASE("a file over 16 MiB is refused before it is parsed") {
  CHECK(check(std::string(core::kMaxSourceBytes + 1, 'a')) == "t.yaml: error: the file is larger than 16 MiB\n");

  const auto path = std::filesystem::temp_directory_path() / "broadsheet-too-large.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out.seekp(static_cast<std::streamoff>(core::kMaxSourceBytes));
    out.put('a');  // sparse: cheap to create
  }
  Diagnostics diags;
  CHECK_FALSE(source::read_source(path.string(), diags));
  CHECK(core::format_all(diags) == path.string() + ": error: the file is larger than 16 MiB\n");
  std::filesystem::remove(path);
}

TEST_CASE("a missing file or a directory cannot be read") {
  Diagnostics diags;
  CHECK_FALSE(source::read_source("/nonexistent/doc.yaml", diags));
  const std::string dir = std::filesystem::temp_directory_path().string();
  CHECK_FALSE(source::read_source(dir, diags));
  CHECK(core::format_all(diags) == "/nonexistent/doc.yaml: error: cannot read the file: no such file\n" + dir +
                                         ": error: cannot read the file: it is a directory\n");
}

TEST_CASE("columns count code points, and a byte-order mark is not a column") {
  Diagnostics diags;
  const auto file = source::source_from_text("\xEF\xBB\xBFk: v\n标题: 推进产改\n", "t.yaml", diags);
  REQUIRE(file);
  CHECK(diags.empty());
  CHECK(file->text == "k: v\n标题: 推进产改\n");
  const auto at = [&](std::size_t byte) {
    const auto s = file->span_at(byte);
    return std::to_string(s.line) + ":" + std::to_string(s.column);
  };
  CHECK(at(0) == "1:1");
  CHECK(at(3) == "1:4");
  CHECK(at(5) == "2:1");
  CHECK(at(5 + 6) == "2:3");          // the ':' after two 3-byte characters
  CHECK(at(5 + 6 + 2 + 6) == "2:7");  // 产 in 推进产改
  CHECK(at(file->text.size()) == "3:1");
}
