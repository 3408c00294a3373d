#pragma once
// Reading a CFF table (the outlines of OpenType/CFF fonts such as Noto CJK):
// just what the writer needs to know of a subset hb-subset made, namely
// which CID each glyph has. In a CIDFontType0 a PDF code selects a glyph by
// CID through the font's charset, so the codes on the page are these CIDs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace render::pdf {

// The last operand before the first operator `op` in a CFF DICT; two-byte
// operators are 1200 + their second byte (ROS = 1230). nullopt when absent.
std::optional<long> cff_dict_operand(const std::string& dict, unsigned op);

// The CID of each glyph of a CID-keyed CFF table (index = glyph id); glyph
// ids themselves for a name-keyed one, which viewers address by glyph id.
// Throws std::runtime_error when the table cannot be read.
std::vector<std::uint16_t> cff_glyph_cids(const std::string& cff);

}  // namespace render::pdf
