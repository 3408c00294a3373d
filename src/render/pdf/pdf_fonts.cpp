#include "render/pdf/pdf_fonts.h"

#include <hpdf_objects.h>

#include <map>
#include <set>

#include "render/pdf/deflate.h"
#include "render/pdf/pdf_error.h"
#include "render/pdf/to_unicode.h"

namespace render::pdf {
namespace {

// Deflate level of embedded fonts (libdeflate's scale, deflate.h). Glyph
// outlines are most of a page's bytes and of its writing time. On the seed
// page's three subsets (332 KB) levels 1/2/4/6 gave 172.9/170.9/167.6/164.8
// KB in 2.0/2.7/3.1/4.4 ms (zlib's level 4, used before: 169.1 KB in 6.1 ms).
constexpr int kFontDeflateLevel = 4;

struct FontSource {
  std::set<GlyphUse> uses;
  core::SourceSpan first_span;  // where errors about this font point
  int face = 0;                   // first Publication face with this file and index
};

void collect_runs(const std::vector<frame::Item>& items, const frame::Publication& pub,
                  std::map<std::pair<std::string, int>, FontSource>& sources, std::vector<int>& first_face_of) {
  for (const auto& item : items) {
    const auto* run = std::get_if<frame::GlyphRun>(&item);
    if (!run || run->glyphs.empty()) continue;
    if (run->face < 0 || static_cast<std::size_t>(run->face) >= pub.faces.size()) {
      throw PdfError(run->span, "glyph run uses font face " + std::to_string(run->face) + " but the publication has " +
                                    std::to_string(pub.faces.size()));
    }
    const auto& ff = pub.faces[static_cast<std::size_t>(run->face)];
    auto [it, fresh] = sources.try_emplace({ff.path, ff.index});
    if (fresh) {
      it->second.first_span = run->span;
      it->second.face = run->face;
    }
    first_face_of[static_cast<std::size_t>(run->face)] = it->second.face;
    for (auto& use : uses_of(*run)) it->second.uses.insert(std::move(use));
  }
}

// The part of a font that needs no libharu: the subset and its deflated program.
struct PreparedFont {
  SubsetFont subset;
  std::string program;  // FontFile2 or FontFile3, deflated
};

PreparedFont prepare_font(const core::FontFace& face, const std::set<GlyphUse>& uses, FontSources* shared) {
  PreparedFont p;
  p.subset = subset_font(face, uses, shared);
  p.program = deflate_bytes(p.subset.program, kFontDeflateLevel);
  return p;
}

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

// One instance: a Type0 font over its own CIDFont, sharing `descriptor`.
HPDF_Dict write_instance(HpdfDocument& doc, const SubsetFont& subset, const FontInstance& instance,
                         HPDF_Dict descriptor) {
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
  if (!cff) ret |= HPDF_Dict_AddName(cid_font, "CIDToGIDMap", "Identity");
  doc.check("CIDFont", ret);
  write_widths(doc, cid_font, instance);

  HPDF_Dict font = indirect_dict(doc, "font");
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
  return font;
}

PdfFont write_font(HpdfDocument& doc, PreparedFont prepared) {
  PdfFont out;
  const HPDF_Dict descriptor = font_descriptor(doc, prepared);
  for (const FontInstance& instance : prepared.subset.instances) {
    out.instances.push_back(write_instance(doc, prepared.subset, instance, descriptor));
  }
  out.subset = std::move(prepared.subset);
  out.subset.program = {};
  return out;
}

}  // namespace

PdfFonts::PdfFonts(HpdfDocument& doc, const frame::Publication& pub, bool include_debug_items, FontSources* shared)
    : font_of_face_(pub.faces.size(), -1) {
  std::map<std::pair<std::string, int>, FontSource> sources;
  std::vector<int> first_face_of(pub.faces.size(), -1);
  for (const auto& page : pub.pages) {
    collect_runs(page.items, pub, sources, first_face_of);
    if (include_debug_items) collect_runs(page.debug_items, pub, sources, first_face_of);
  }
  // Load in order of first face index, so object order follows the
  // publication, not file paths.
  std::map<int, const FontSource*> by_face;
  for (const auto& [key, src] : sources) by_face[src.face] = &src;

  // One font after the other, on this thread. Subsetting and deflating are
  // independent per font and could run on threads of their own, but each
  // new thread's first allocations take fresh pages from its own malloc
  // arena: on the seed page that saved 1 ms of wall time on an idle 2-core
  // machine and cost 2.4 ms of CPU and 1.9 MB of peak memory (520 more page
  // faults); batch runs keep every core busy with documents anyway.
  std::map<int, int> font_of_first_face;
  for (const auto& [face, src] : by_face) {
    const auto& ff = pub.faces[static_cast<std::size_t>(face)];
    PdfFont loaded;
    try {
      loaded = write_font(doc, prepare_font(ff, src->uses, shared));
    } catch (const std::exception& e) {
      throw PdfError(src->first_span, "font " + ff.path + " (" + ff.family + "): " + e.what());
    }
    font_of_first_face[face] = static_cast<int>(fonts_.size());
    fonts_.push_back(std::move(loaded));
  }
  for (std::size_t f = 0; f < first_face_of.size(); ++f) {
    if (first_face_of[f] >= 0) font_of_face_[f] = font_of_first_face.at(first_face_of[f]);
  }
}

}  // namespace render::pdf
