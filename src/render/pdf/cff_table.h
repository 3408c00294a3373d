#pragma once
// Reading a CFF table (the outlines of OpenType/CFF fonts such as Noto CJK):
// just what the writer needs to know of a subset hb-subset made, namely
// which CID each glyph has, and its charstrings, which batch keeps and
// puts back (font_subset.cpp). In a CIDFontType0 a PDF code selects a glyph by
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

// The CIDs of a CID-keyed font's `glyphs` glyphs from its charset's bytes
// (formats 0, 1 and 2; glyph 0, .notdef, has CID 0).
std::vector<std::uint16_t> cff_charset_cids(const std::string& charset, unsigned glyphs);

// Each glyph's charstring (index = glyph id). Throws std::runtime_error
// when the table cannot be read.
std::vector<std::string> cff_charstrings(const std::string& cff);

// `cff`, a CID-keyed CFF table laid out as hb-subset writes one (Private
// DICTs after the CharStrings, the Font DICTs' offsets to them in five
// bytes), with `charstrings` (one per glyph, in glyph order) in place of
// its own: the CharStrings INDEX rebuilt as hb-subset builds one and the
// Private DICTs' offsets moved with it. nullopt for a table laid out
// otherwise, or with another number of glyphs.
std::optional<std::string> cff_with_charstrings(const std::string& cff,
                                                const std::vector<const std::string*>& charstrings);

}  // namespace render::pdf
