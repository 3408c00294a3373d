#include "render/pdf/pdf_fonts.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

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

// libharu writes a stream's /Filter only for filters it applies itself;
// the font file arrives already deflated, so this adds the entry while
// libharu copies the bytes through untouched (filter NONE).
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

struct FontSource {
  std::set<GlyphUse> uses;
  source::SourceSpan first_span;  // where errors about this font point
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

// The part of a font that needs no libharu: the subset and its two
// deflated streams.
struct PreparedFont {
  SubsetFont subset;
  std::string program;  // FontFile2, deflated
  std::string cid_map;  // CIDToGIDMap, deflated
};

PreparedFont prepare_font(const frame::FontFace& face, const std::set<GlyphUse>& uses) {
  PreparedFont p;
  p.subset = subset_font(face, uses);
  p.program = deflate_bytes(p.subset.sfnt, kFontDeflateLevel);
  // CIDToGIDMap: two bytes of glyph id per code, up to the highest code
  // used (libharu's own covers all 65,535). Mostly zeros: the fastest
  // level already shrinks it ~50x.
  std::string map;
  map.reserve(p.subset.gid_of_code.size() * 2);
  for (std::uint16_t gid : p.subset.gid_of_code) {
    map.push_back(static_cast<char>(gid >> 8));
    map.push_back(static_cast<char>(gid & 0xFF));
  }
  p.cid_map = deflate_bytes(map, 1);
  return p;
}

// A stream whose bytes arrive deflated already.
HPDF_Dict packed_stream(HpdfDocument& doc, const char* what, const std::string& packed) {
  HPDF_Dict stream = doc.require(what, HPDF_DictStream_New(doc.mmgr(), doc.xref()));
  doc.check(what, HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                                    static_cast<HPDF_UINT>(packed.size())));
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
  return stream;
}

HPDF_Dict font_descriptor(HpdfDocument& doc, HPDF_FontDef def, const PreparedFont& font) {
  const SubsetFont& subset = font.subset;
  HPDF_Dict file = packed_stream(doc, "font file", font.program);
  doc.check("font file", HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.sfnt.size())));

  HPDF_Dict d = doc.require("font descriptor", HPDF_Dict_New(doc.mmgr()));
  doc.check("font descriptor", HPDF_Xref_Add(doc.xref(), d));
  HPDF_STATUS ret = HPDF_OK;
  ret |= HPDF_Dict_AddName(d, "Type", "FontDescriptor");
  ret |= HPDF_Dict_AddName(d, "FontName", subset.base_name.c_str());
  // Symbolic (4): CJK glyphs are outside the standard Latin set; keep
  // libharu's serif/script/fixed bits read from OS/2 and post.
  ret |= HPDF_Dict_AddNumber(d, "Flags", static_cast<HPDF_INT32>((def->flags & (1 | 2 | 8 | 64)) | 4));
  ret |= HPDF_Dict_Add(d, "FontBBox", HPDF_Box_Array_New(doc.mmgr(), def->font_bbox));
  ret |= HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
  ret |= HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
  ret |= HPDF_Dict_AddNumber(d, "Descent", def->descent);
  ret |= HPDF_Dict_AddNumber(d, "CapHeight", subset.cap_height);
  ret |= HPDF_Dict_AddNumber(d, "StemV", def->stemv);
  ret |= HPDF_Dict_Add(d, "FontFile2", file);
  doc.check("font descriptor", ret);
  return d;
}

void replace_to_unicode(HpdfDocument& doc, HPDF_Font font, const SubsetFont& subset) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  HPDF_Dict cmap = attr->cmap_stream;
  if (!cmap || !cmap->stream) throw PdfError({}, "libharu wrote no ToUnicode stream to replace");
  // Reuse libharu's stream object (it is already in the xref and gets the
  // document's compression), only with the right content.
  HPDF_MemStream_FreeData(cmap->stream);
  const std::string text = build_to_unicode_cmap(subset.text_of_code);
  doc.check("ToUnicode", HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                           static_cast<HPDF_UINT>(text.size())));
  for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"}) HPDF_Dict_RemoveElement(cmap, key);

  auto info = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT));
  if (info) doc.check("CIDSystemInfo", HPDF_Dict_Add(info, "Ordering", HPDF_String_New(doc.mmgr(), "Identity", nullptr)));
}

// /DW and /W from the subset's own widths. libharu takes /DW from .notdef
// (often half an em in CJK fonts) and so lists every Han character in /W,
// uncompressed: ~8 KB for a page of body text. The commonest width as /DW
// leaves /W to the few others.
void write_widths(HpdfDocument& doc, HPDF_Dict cid_font, const SubsetFont& subset) {
  std::map<int, std::size_t> count;
  for (const auto& [code, w] : subset.width_of_code) ++count[w];
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
  for (const auto& [code, w] : subset.width_of_code) {
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

HPDF_Font load_font(HpdfDocument& doc, const PreparedFont& prepared) {
  const SubsetFont& subset = prepared.subset;
  const std::string& file = subset.metrics_sfnt;
  HPDF_Stream data = doc.require("font data", HPDF_MemStream_New(doc.mmgr(), static_cast<HPDF_UINT>(file.size())));
  if (HPDF_Stream_Write(data, reinterpret_cast<const HPDF_BYTE*>(file.data()), static_cast<HPDF_UINT>(file.size())) !=
      HPDF_OK) {
    HPDF_Stream_Free(data);
    doc.check("font data", HPDF_FAILD_TO_ALLOC_MEM);
  }
  // Takes `data` in every case. "Not embedding" as far as libharu knows:
  // it only reads metrics (ascent, bbox, widths) and the cmap (codes to
  // glyphs); the font program, its descriptor and the CIDToGIDMap are ours.
  HPDF_FontDef def = doc.require("libharu could not read the subset font", HPDF_TTFontDef_Load(doc.mmgr(), data, HPDF_FALSE));
  if (subset.base_name != def->base_font || HPDF_Doc_FindFontDef(doc.get(), def->base_font)) {
    const std::string name = def->base_font;
    HPDF_FontDef_Free(def);
    throw PdfError({}, "subset font name clash or misread: " + name);
  }
  doc.check("register font", HPDF_Doc_RegisterFontDef(doc.get(), def));  // frees `def` on failure
  // libharu builds a descriptor only when there is none yet.
  def->descriptor = font_descriptor(doc, def, prepared);
  HPDF_Font font = doc.require("load font", HPDF_GetFont(doc.get(), def->base_font, "UTF-8"));
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  doc.check("CIDToGIDMap", HPDF_Dict_Add(attr->descendant_font, "CIDToGIDMap", packed_stream(doc, "CIDToGIDMap", prepared.cid_map)));
  write_widths(doc, attr->descendant_font, subset);
  replace_to_unicode(doc, font, subset);
  return font;
}

}  // namespace

PdfFonts::PdfFonts(HpdfDocument& doc, const frame::Publication& pub, bool include_debug_items)
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
      PreparedFont prepared = prepare_font(ff, src->uses);
      loaded.handle = load_font(doc, prepared);
      loaded.subset = std::move(prepared.subset);
    } catch (const std::exception& e) {
      throw PdfError(src->first_span, "font " + ff.path + " (" + ff.family + "): " + e.what());
    }
    // libharu holds its own copies now.
    loaded.subset.sfnt = {};
    loaded.subset.metrics_sfnt = {};
    font_of_first_face[face] = static_cast<int>(fonts_.size());
    fonts_.push_back(std::move(loaded));
  }
  for (std::size_t f = 0; f < first_face_of.size(); ++f) {
    if (first_face_of[f] >= 0) font_of_face_[f] = font_of_first_face.at(first_face_of[f]);
  }
}

}  // namespace render::pdf
