#include "render/pdf/sfnt_tables.h"

namespace render::pdf {
namespace {

void put16(std::string& out, unsigned v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

}  // namespace

std::string build_name_table(std::string_view ps_name) {
  struct Record {
    unsigned id;
    std::string_view text;
  };
  const Record records[] = {{1, ps_name}, {2, "Regular"}, {4, ps_name}, {6, ps_name}};
  std::string strings;
  std::string table;
  put16(table, 0);  // format
  put16(table, 4);  // count
  put16(table, 6 + 12 * 4);
  for (const auto& r : records) {
    put16(table, 3);
    put16(table, 1);
    put16(table, 0x409);
    put16(table, r.id);
    put16(table, static_cast<unsigned>(r.text.size() * 2));
    put16(table, static_cast<unsigned>(strings.size()));
    for (char c : r.text) put16(strings, static_cast<unsigned char>(c));
  }
  return table + strings;
}

}  // namespace render::pdf
