#include "render/pdf/pdf_fonts.h"

#include <hpdf_objects.h>

#include <cmath>
#include <map>

#include "core/byte_order.h"
#include "render/pdf/deflate.h"
#include "render/pdf/font_sources.h"
#include "render/pdf/font_subset.h"
#include "render/pdf/pdf_error.h"
#include "render/pdf/to_unicode.h"

namespace render::pdf {
namespace {

// Deflate level of embedded fonts (libdeflate's scale, deflate.h). Glyph
// outlines are most of a page's bytes and of its writing time. On the seed
// page's three subsets (332 KB) levels 1/2/4/6 gave 172.9/170.9/167.6/164.8
// KB in 2.0/2.7/3.1/4.4 ms (zlib's level 4, used before: 169.1 KB in 6.1 ms).
constexpr int kFontDeflateLevel = 4;

// A font that cannot be used, at the run that first needed it.
PdfError font_error(const core::FontFace& face, const core::SourceSpan& span, const std::exception& e) {
  return PdfError(span, "font " + face.path + " (" + face.family + "): " + e.what());
}

// A glyph's own advance, `em` of an em, in 1/1000 em as the font's units
// round to it: the font's whole units are recovered first, so that a width
// halfway between two thousandths rounds as it always does.
int per_mille(double em, int upem) {
  if (upem <= 0) upem = 1000;
  const long units = std::lround(em * upem);
  return static_cast<int>((units * 1000 + upem / 2) / upem);
}

// The part of a font that needs no libharu: the subset and its deflated program.
struct PreparedFont {
  SubsetFont subset;
  std::string program;  // FontFile2 or FontFile3, deflated
};

HPDF_Dict indirect_dict(HpdfDocument& doc, const char* what) {
  HPDF_Dict d = doc.require(what, HPDF_Dict_New(doc.mmgr()));
  doc.check(what, HPDF_Xref_Add(doc.xref(), d));
  return d;
}

HPDF_Dict font_descriptor(HpdfDocument& doc, const PreparedFont& font) {
  const SubsetFont& subset = font.subset;
  const FontMetrics& m = subset.metrics;
  const bool cff = subset.outlines == Outlines::Cff;
  HPDF_Dict file = doc.deflated_stream("font file", font.program);
  doc.check("font file", cff ? HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C")
                             : HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.program.size())));

  HPDF_Dict d = indirect_dict(doc, "font descriptor");
  HPDF_STATUS ret = HPDF_OK;
  ret |= HPDF_Dict_AddName(d, "Type", "FontDescriptor");
  ret |= HPDF_Dict_AddName(d, "FontName", subset.base_name.c_str());
  ret |= HPDF_Dict_AddNumber(d, "Flags", m.flags);
  const HPDF_Box bbox{static_cast<HPDF_REAL>(m.bbox[0]), static_cast<HPDF_REAL>(m.bbox[1]),
                      static_cast<HPDF_REAL>(m.bbox[2]), static_cast<HPDF_REAL>(m.bbox[3])};
  ret |= HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(doc.mmgr(), bbox));
  ret |= HPDF_Dict_AddReal(d, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle));
  ret |= HPDF_Dict_AddNumber(d, "Ascent", m.ascent);
  ret |= HPDF_Dict_AddNumber(d, "Descent", m.descent);
  ret |= HPDF_Dict_AddNumber(d, "CapHeight", m.cap_height);
  ret |= HPDF_Dict_AddNumber(d, "StemV", m.stem_v);
  ret |= HPDF_Dict_Add(d, cff ? "FontFile3" : "FontFile2", file);
  doc.check("font descriptor", ret);
  return d;
}

// /DW and /W from the instance's widths. The commonest width as /DW
// leaves /W to the few others.
void write_widths(HpdfDocument& doc, HPDF_Dict cid_font, const FontInstance& instance) {
  std::map<int, std::size_t> count;
  for (const auto& [code, w] : instance.width_of_code) ++count[w];
  int dw = 1000;
  std::size_t best = 0;
  for (const auto& [w, n] : count) {
    if (n > best) best = n, dw = w;
  }
  HPDF_Array widths = doc.require("widths", HPDF_Array_New(doc.mmgr()));
  HPDF_STATUS ret = HPDF_Dict_Add(cid_font, "W", widths);
  ret |= HPDF_Dict_AddNumber(cid_font, "DW", dw);
  HPDF_Array run = nullptr;
  int last = -2;
  for (const auto& [code, w] : instance.width_of_code) {
    if (w == dw) continue;
    if (!run || code != last + 1) {  // "c [w1 w2 ...]" per run of consecutive codes
      run = HPDF_Array_New(doc.mmgr());
      ret |= HPDF_Array_AddNumber(widths, code);
      ret |= HPDF_Array_Add(widths, run);
    }
    ret |= HPDF_Array_AddNumber(run, w);
    last = code;
  }
  doc.check("widths", ret);
}

// /CIDToGIDMap of a TrueType font: each code's glyph in the subset, two
// bytes each.
HPDF_Dict cid_to_gid_map(HpdfDocument& doc, const SubsetFont& subset) {
  std::string map;
  for (std::uint16_t g : subset.glyph_of_code) core::append_be16(map, g);
  return doc.deflated_stream("CIDToGIDMap", deflate_bytes(map, kFontDeflateLevel));
}

// Fills in `font`, instance `instance`: a Type0 font over its own CIDFont,
// sharing `descriptor` (and a TrueType font's `gid_map`).
void write_instance(HpdfDocument& doc, HPDF_Dict font, const SubsetFont& subset, const FontInstance& instance,
                    HPDF_Dict descriptor, HPDF_Dict gid_map) {
  const bool cff = subset.outlines == Outlines::Cff;
  HPDF_Dict cid_font = indirect_dict(doc, "CIDFont");
  HPDF_Dict info = doc.require("CIDSystemInfo", HPDF_Dict_New(doc.mmgr()));
  HPDF_STATUS ret = HPDF_OK;
  ret |= HPDF_Dict_Add(info, "Registry", HPDF_String_New(doc.mmgr(), "Adobe", nullptr));
  ret |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc.mmgr(), "Identity", nullptr));
  ret |= HPDF_Dict_AddNumber(info, "Supplement", 0);
  ret |= HPDF_Dict_AddName(cid_font, "Type", "Font");
  ret |= HPDF_Dict_AddName(cid_font, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
  ret |= HPDF_Dict_AddName(cid_font, "BaseFont", subset.base_name.c_str());
  ret |= HPDF_Dict_Add(cid_font, "CIDSystemInfo", info);
  ret |= HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  if (!cff) ret |= HPDF_Dict_Add(cid_font, "CIDToGIDMap", gid_map);
  doc.check("CIDFont", ret);
  write_widths(doc, cid_font, instance);

  HPDF_Array descendants = doc.require("font", HPDF_Array_New(doc.mmgr()));
  ret = HPDF_Dict_AddName(font, "Type", "Font");
  ret |= HPDF_Dict_AddName(font, "Subtype", "Type0");
  ret |= HPDF_Dict_AddName(font, "BaseFont", subset.base_name.c_str());
  ret |= HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  ret |= HPDF_Array_Add(descendants, cid_font);
  ret |= HPDF_Dict_Add(font, "DescendantFonts", descendants);
  const std::string to_unicode = deflate_bytes(build_to_unicode_cmap(instance.text_of_code), kFontDeflateLevel);
  ret |= HPDF_Dict_Add(font, "ToUnicode", doc.deflated_stream("ToUnicode", to_unicode));
  doc.check("font", ret);
}

}  // namespace

CodeRef PdfFont::code(const GlyphUse& use, double advance_em, const core::SourceSpan& span) {
  try {
    return codes_.code(use, per_mille(advance_em, face_.units_per_em));
  } catch (const std::runtime_error& e) {
    throw font_error(face_, span, e);
  }
}

HPDF_Dict PdfFont::instance(HpdfDocument& doc, std::uint16_t k) {
  while (instances_.size() <= k) instances_.push_back(indirect_dict(doc, "font"));
  return instances_[k];
}

void PdfFont::write(HpdfDocument& doc, FontSources* sources) {
  PreparedFont prepared;
  try {
    prepared.subset = subset_font(face_, codes_, sources);
    prepared.program = deflate_bytes(prepared.subset.program, kFontDeflateLevel);
  } catch (const std::exception& e) {
    throw font_error(face_, first_use_, e);
  }
  const HPDF_Dict descriptor = font_descriptor(doc, prepared);
  const HPDF_Dict gid_map = prepared.subset.outlines == Outlines::Cff ? nullptr : cid_to_gid_map(doc, prepared.subset);
  const auto& instances = codes_.instances();
  for (std::size_t k = 0; k < instances_.size() && k < instances.size(); ++k) {
    write_instance(doc, instances_[k], prepared.subset, instances[k], descriptor, gid_map);
  }
}

PdfFonts::PdfFonts(HpdfDocument& doc, FontSources* shared) : doc_(doc), shared_(shared) {}

PdfFonts::~PdfFonts() = default;

PdfFont& PdfFonts::font(const core::FontFace& face, const core::SourceSpan& span) {
  auto [it, fresh] = index_.try_emplace({face.path, face.index}, fonts_.size());
  if (!fresh) return *fonts_[it->second];
  try {
    fonts_.push_back(std::make_unique<PdfFont>(face, font_codes(face), span));
  } catch (const std::exception& e) {
    index_.erase(it);
    throw font_error(face, span, e);
  }
  return *fonts_.back();
}

// One font after the other, on this thread. Subsetting and deflating are
// independent per font and could run on threads of their own, but each
// new thread's first allocations take fresh pages from its own malloc
// arena: on the seed page that saved 1 ms of wall time on an idle 2-core
// machine and cost 2.4 ms of CPU and 1.9 MB of peak memory (520 more page
// faults); batch runs keep every core busy with documents anyway.
void PdfFonts::finish() {
  for (auto& font : fonts_) font->write(doc_, shared_);
}

}  // namespace render::pdf
