#include "render/pdf/sfnt_tables.h"

#include "core/byte_order.h"

namespace render::pdf {
std::string build_name_table(std::string_view ps_name) {
  struct Record {
    unsigned id;
    std::string_view text;
  };
  const Record records[] = {{1, ps_name}, {2, "Regular"}, {4, ps_name}, {6, ps_name}};
  std::string strings;
  std::string table;
  core::append_be16(table, 0);  // format
  core::append_be16(table, 4);  // count
  core::append_be16(table, 6 + 12 * 4);
  for (const auto& r : records) {
    core::append_be16(table, 3);
    core::append_be16(table, 1);
    core::append_be16(table, 0x409);
    core::append_be16(table, r.id);
    core::append_be16(table, static_cast<unsigned>(r.text.size() * 2));
    core::append_be16(table, static_cast<unsigned>(strings.size()));
    for (char c : r.text) core::append_be16(strings, static_cast<unsigned char>(c));
  }
  return table + strings;
}

}  // namespace render::pdf
