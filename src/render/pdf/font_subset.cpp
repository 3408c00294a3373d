#include "render/pdf/font_subset.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/byte_order.h"
#include "core/handle.h"
#include "render/pdf/cff_table.h"
#include "render/pdf/font_file.h"
#include "render/pdf/font_sources.h"
#include "render/pdf/sfnt_tables.h"
#include "render/pdf/utf.h"

namespace render::pdf {
namespace {

using Blob = core::Handle<hb_blob_t, hb_blob_destroy>;
using Face = core::Handle<hb_face_t, hb_face_destroy>;
using Font = core::Handle<hb_font_t, hb_font_destroy>;
using SubsetInput = core::Handle<hb_subset_input_t, hb_subset_input_destroy>;
using SubsetPlan = core::Handle<hb_subset_plan_t, hb_subset_plan_destroy>;

constexpr hb_tag_t tag(const char (&s)[5]) { return HB_TAG(s[0], s[1], s[2], s[3]); }

// Tables hb-subset keeps: outlines and metrics. `name` is made here
// (sfnt_tables.h); no `cmap` at all, since glyphs are asked for by id and
// reached by CID. Hinting (cvt/fpgm/prep, glyph instructions, CFF hints)
// is dropped: a press and a 300-dpi preview do not need it. Layout tables
// (GSUB/GPOS/GDEF) are layout's business, vertical metrics and embedded
// bitmaps dead weight here.
constexpr std::array kTrueTypeTables = {tag("glyf"), tag("head"), tag("hhea"), tag("hmtx"), tag("loca"),
                                        tag("maxp"), tag("OS/2"), tag("post")};
constexpr std::array kCffTables = {tag("CFF "), tag("head"), tag("hhea"), tag("hmtx"), tag("maxp"), tag("OS/2"),
                                   tag("post")};
// What the face hb-subset reads is made of besides the outlines (which
// the TrueType copy brings with `head`, `loca` and a cut `post`).
const std::vector<std::uint32_t> kTrueTypeSource = {tag("hhea"), tag("hmtx"), tag("maxp"), tag("name"), tag("OS/2")};
const std::vector<std::uint32_t> kCffSource = {tag("head"), tag("hhea"), tag("hmtx"), tag("maxp"),
                                               tag("name"), tag("OS/2"), tag("post")};

std::string table_bytes(hb_face_t* face, hb_tag_t t) {
  Blob blob(hb_face_reference_table(face, t));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  return std::string(data ? data : "", len);
}

// PostScript name as libharu needs it: ASCII, no spaces, short enough for
// its 127-byte name buffer once the subset tag is added.
std::string postscript_name(hb_face_t* face, const core::FontFace& ff) {
  char buf[128];
  unsigned len = sizeof buf;
  std::string name;
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, hb_language_from_string("en", -1), &len, buf) > 0) {
    name.assign(buf, len);
  }
  if (name.empty()) name = ff.family;
  std::string clean;
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (ok) clean.push_back(c);
  }
  if (clean.empty()) clean = "Font";
  if (clean.size() > 48) clean.resize(48);
  return clean;
}

// FNV-1a: tiny, stable across platforms and releases.
struct Fnv {
  std::uint64_t h = 1469598103934665603ull;
  void bytes(std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  void number(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) h = (h ^ ((v >> (8 * i)) & 0xFF)) * 1099511628211ull;
  }
};

std::string subset_tag(std::uint64_t h) {
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

Blob blob_of(const std::string& bytes) {
  // READONLY without a copy: every blob made here dies before `bytes`.
  return Blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
}

std::string serialize(const std::vector<std::pair<hb_tag_t, const std::string*>>& tables) {
  Face builder(hb_face_builder_create());
  std::vector<Blob> blobs;
  for (const auto& [t, bytes] : tables) {
    if (bytes->empty()) continue;
    blobs.push_back(blob_of(*bytes));
    hb_face_builder_add_table(builder.get(), t, blobs.back().get());
  }
  Blob file(hb_face_reference_blob(builder.get()));
  unsigned len = 0;
  const char* data = hb_blob_get_data(file.get(), &len);
  if (!data || len == 0) throw std::runtime_error("HarfBuzz could not assemble the subset font");
  return std::string(data, len);
}

// The face hb-subset works on: the file's metrics and names as they are,
// and outlines holding only `glyphs` (and, in TrueType, their components)
// (font_file.h), so the 10-20 MB of a CJK font's outlines are never mapped
// or read. Glyph ids, and so the subset, are the same as from the whole
// file.
Face open_source(const FontFile& file, Outlines outlines, std::set<std::uint32_t>& glyphs) {
  SparseFont* font = (outlines == Outlines::Cff ? file.sparse_cff_font(glyphs, kCffSource)
                                                : file.sparse_font(glyphs, kTrueTypeSource))
                         .release();
  // The blob owns the memory from here on (HarfBuzz frees it at once on failure).
  Blob blob(hb_blob_create(font->data(), static_cast<unsigned>(font->size()), HB_MEMORY_MODE_WRITABLE, font,
                           [](void* p) { delete static_cast<SparseFont*>(p); }));
  return Face(hb_face_create(blob.get(), 0));
}

// A face over bytes that outlive it; hb-subset only reads them.
Face open_bytes(const char* data, std::size_t size) {
  Blob blob(hb_blob_create(data, static_cast<unsigned>(size), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  return Face(hb_face_create(blob.get(), 0));
}

// The same from the copy documents share (font_sources.h), when there is
// one: CFF faces only (a TrueType face's sparse copy is laid out afresh for
// its glyphs). hb-subset only reads it.
Face open_source(const FontFile& file, Outlines outlines, std::set<std::uint32_t>& glyphs, FontSources* shared,
                 const core::FontFace& ff) {
  if (!shared || outlines != Outlines::Cff) return open_source(file, outlines, glyphs);
  const auto [data, size] = shared->cff_face(file, ff.path, ff.index, kCffSource, glyphs);
  return open_bytes(data, size);
}

Outlines outlines_of(const FontFile& file) {
  if (file.length(tag("glyf")) > 0) return Outlines::TrueType;
  if (file.length(tag("CFF ")) > 0) return Outlines::Cff;
  if (file.has(tag("CFF2"))) throw std::runtime_error("has CFF2 (variable) outlines, which PDF cannot embed");
  throw std::runtime_error("has neither TrueType (glyf) nor CFF outlines");
}

void check_licence(hb_face_t* face) {
  const unsigned fs_type = core::read_be16(table_bytes(face, tag("OS/2")), 8);
  if (fs_type & 0x0002) throw std::runtime_error("its licence forbids embedding (OS/2 fsType restricted)");
  if (fs_type & 0x0100) throw std::runtime_error("its licence forbids subsetting (OS/2 fsType no-subsetting)");
  if (fs_type & 0x0200) throw std::runtime_error("its licence allows embedding bitmaps only (OS/2 fsType)");
}

struct Subset {
  SubsetPlan plan;  // owns the glyph mapping
  Face face;
  const hb_map_t* old_to_new = nullptr;
};

// `keep_ids`: glyphs keep their ids (a name-keyed CFF, whose codes are glyph ids).
Subset run_hb_subset(hb_face_t* face, Outlines outlines, const std::set<std::uint32_t>& gids, bool keep_ids = false) {
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("out of memory (hb_subset_input)");
  hb_set_t* glyphs = hb_subset_input_set(input.get(), HB_SUBSET_SETS_GLYPH_INDEX);
  for (std::uint32_t gid : gids) hb_set_add(glyphs, gid);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  std::array<hb_tag_t, 64> tags{};
  unsigned start = 0, count = 0;
  const hb_tag_t* kept = outlines == Outlines::Cff ? kCffTables.data() : kTrueTypeTables.data();
  const hb_tag_t* kept_end = kept + (outlines == Outlines::Cff ? kCffTables.size() : kTrueTypeTables.size());
  do {
    count = tags.size();
    hb_face_get_table_tags(face, start, &count, tags.data());
    for (unsigned i = 0; i < count; ++i) {
      if (std::find(kept, kept_end, tags[i]) == kept_end) hb_set_add(drop, tags[i]);
    }
    start += count;
  } while (count == tags.size());
  // Flat charstrings: subroutines shared by the few glyphs drawn would
  // cost more to keep (and to compute) than to inline.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING |
                                             (outlines == Outlines::Cff ? static_cast<unsigned>(HB_SUBSET_FLAGS_DESUBROUTINIZE) : 0u) |
                                             (keep_ids ? static_cast<unsigned>(HB_SUBSET_FLAGS_RETAIN_GIDS) : 0u));

  Subset out;
  out.plan.reset(hb_subset_plan_create_or_fail(face, input.get()));
  if (!out.plan) throw std::runtime_error("HarfBuzz could not plan the subset");
  out.old_to_new = hb_subset_plan_old_to_new_glyph_mapping(out.plan.get());
  out.face.reset(hb_subset_plan_execute_or_fail(out.plan.get()));
  if (!out.face) throw std::runtime_error("HarfBuzz could not subset the font");
  return out;
}

// The tag names this exact font program: same font (its `head`, which
// holds the whole file's checksum), same glyphs, same codes and texts ->
// same tag, so identical input gives identical bytes.
std::string tagged_name(hb_face_t* face, const std::string& file_head, const core::FontFace& ff,
                        const FontCodes& codes) {
  Fnv hash;
  hash.bytes(file_head);
  hash.number(static_cast<std::uint64_t>(ff.index));
  for (const auto& [use, ref] : codes.codes()) {
    hash.bytes(use.text), hash.number(use.gid), hash.number(static_cast<std::uint64_t>(use.width + 1));
    hash.number((static_cast<std::uint64_t>(ref.instance) << 16) | ref.code);
  }
  return subset_tag(hash.h) + "+" + postscript_name(face, ff);
}

int cap_height(hb_font_t* font, unsigned upem) {
  hb_position_t cap = 0;
  if (!hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) || cap <= 0) {
    hb_font_extents_t ext{};
    hb_font_get_h_extents(font, &ext);
    cap = ext.ascender;
  }
  return static_cast<int>(static_cast<long>(cap) * 1000 / static_cast<long>(upem));
}

int per_mille(long v, unsigned upem) { return static_cast<int>(std::lround(static_cast<double>(v) * 1000 / upem)); }

// The descriptor's numbers from the font's own tables.
FontMetrics metrics_of(hb_face_t* face, hb_font_t* font, const std::string& head) {
  const unsigned upem = hb_face_get_upem(face);
  FontMetrics m;
  for (int i = 0; i < 4; ++i) m.bbox[i] = per_mille(static_cast<std::int16_t>(core::read_be16(head, 36 + 2 * i)), upem);
  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) m.ascent = per_mille(v, upem);
  if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) m.descent = per_mille(v, upem);
  m.cap_height = cap_height(font, upem);
  const std::string post = table_bytes(face, tag("post"));
  const auto angle = static_cast<std::int32_t>(core::read_be32(post, 4));
  m.italic_angle = angle / 65536.0;
  if (core::read_be16(post, 12) || core::read_be16(post, 14)) m.flags |= 1;  // fixed pitch
  if (m.italic_angle != 0) m.flags |= 64;
  // PDF wants a dominant stem width, which fonts do not record; this rough
  // estimate from the weight class is what most writers use.
  const double weight = core::read_be16(table_bytes(face, tag("OS/2")), 4);
  m.stem_v = static_cast<int>(std::lround(50 + (weight / 65) * (weight / 65)));
  return m;
}

// Glyphs the subset kept that `loaded` lacks, added to it; false when none.
bool add_unloaded(const Subset& subset, std::set<std::uint32_t>& loaded) {
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(subset.plan.get());
  bool added = false;
  const unsigned kept = hb_face_get_glyph_count(subset.face.get());
  for (unsigned g = 0; g < kept; ++g) {
    const hb_codepoint_t old = hb_map_get(new_to_old, g);
    if (old != HB_MAP_VALUE_INVALID && loaded.insert(old).second) added = true;
  }
  return added;
}

// The glyph ids `subset` kept, by new glyph id; nullopt when one has none.
std::optional<std::vector<std::uint32_t>> old_glyph_ids(const Subset& subset) {
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(subset.plan.get());
  std::vector<std::uint32_t> old(hb_face_get_glyph_count(subset.face.get()));
  for (std::uint32_t g = 0; g < old.size(); ++g) {
    old[g] = hb_map_get(new_to_old, g);
    if (old[g] == HB_MAP_VALUE_INVALID) return std::nullopt;
  }
  return old;
}

// Makes hb-subset write the charstrings of `glyphs` that `shared` lacks,
// from the real face, and keeps them. False when it kept a glyph not asked
// for (an accent of a seac glyph): the stub, which has none, would then
// not stand for the face.
bool keep_missing_charstrings(const FontFile& file, const core::FontFace& ff, FontSources& shared,
                              const std::set<std::uint32_t>& glyphs) {
  const auto known = shared.flat_charstrings(ff.path, ff.index, glyphs);
  std::set<std::uint32_t> missing;
  for (std::uint32_t g : glyphs) {
    if (!known.count(g)) missing.insert(g);
  }
  if (missing.empty()) return true;
  std::set<std::uint32_t> load = missing;
  load.insert(0);  // hb-subset keeps .notdef
  const std::size_t asked = load.size();
  Face real = open_source(file, Outlines::Cff, load, &shared, ff);
  const Subset subset = run_hb_subset(real.get(), Outlines::Cff, missing);
  const auto old = old_glyph_ids(subset);
  if (!old || old->size() != asked) return false;
  std::vector<std::string> charstrings = cff_charstrings(table_bytes(subset.face.get(), tag("CFF ")));
  if (charstrings.size() != old->size()) return false;
  std::map<std::uint32_t, std::string> found;
  for (std::size_t g = 0; g < old->size(); ++g) found.emplace((*old)[g], std::move(charstrings[g]));
  shared.keep_flat_charstrings(ff.path, ff.index, std::move(found));
  return true;
}

// The CFF table of `subset`, made from the face's stub (font_sources.h),
// with each glyph's real charstring; nullopt when the stub does not stand
// for the face.
std::optional<std::string> cff_from_stub(const FontFile& file, const core::FontFace& ff, FontSources& shared,
                                         const Subset& subset) {
  const auto old = old_glyph_ids(subset);
  if (!old) return std::nullopt;
  const std::set<std::uint32_t> kept(old->begin(), old->end());
  if (!keep_missing_charstrings(file, ff, shared, kept)) return std::nullopt;
  const auto flat = shared.flat_charstrings(ff.path, ff.index, kept);
  std::vector<const std::string*> charstrings;
  for (std::uint32_t g : *old) {
    const auto it = flat.find(g);
    if (it == flat.end()) return std::nullopt;
    charstrings.push_back(it->second);
  }
  return cff_with_charstrings(table_bytes(subset.face.get(), tag("CFF ")), charstrings);
}

// Readers of the PDF (pdftotext, a viewer's copy) take a gap of a tenth of
// an em between two glyph boxes for a space. A loosely justified line's
// glyphs are therefore widened by most of its spacing, in steps of a
// twentieth of an em so that a glyph needs few widths; the gap left is
// less than a step. Lines spaced tighter keep the fonts' widths.
double loose_line_widening(double spacing, double size) {
  const double step = 0.08 * size;
  return spacing >= 0.08 * size ? std::floor(spacing / step + 1e-6) * step : 0;
}

}  // namespace

std::vector<GlyphUse> uses_of(const frame::GlyphRun& run) {
  const auto& gs = run.glyphs;
  std::vector<GlyphUse> uses;
  uses.reserve(gs.size());
  for (const auto& g : gs) uses.push_back({g.gid, g.text.str()});
  if (gs.empty() || !(run.size > 0)) return uses;
  // A fifth of an em: far more than float noise or a justification
  // difference, less than any compression or Han–Latin gap.
  const double off_width = 0.2 * run.size;
  // The last glyph: a mark squeezed into the line's end takes the narrower
  // room, so that its box ends at the measure; one that another run follows
  // (emphasis in another face) is widened like a loose line's glyphs.
  if (run.end_width > 0) {
    const double end_gap = run.end_width - gs.back().advance;
    if (end_gap <= -off_width) uses.back().width = static_cast<int>(std::lround(run.end_width / run.size * 1000));
    else if (const double w = loose_line_widening(end_gap, run.size); w > 0)
      uses.back().width = static_cast<int>(std::lround((gs.back().advance + w) / run.size * 1000));
  }
  if (gs.size() < 2) return uses;
  // The run's own spacing: the median gap after the glyphs' advances.
  std::vector<double> gaps;
  for (std::size_t i = 0; i + 1 < gs.size(); ++i) gaps.push_back(gs[i + 1].x - gs[i].x - gs[i].advance);
  std::vector<double> sorted = gaps;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double spacing = sorted[sorted.size() / 2];
  const double widen = loose_line_widening(spacing, run.size);
  for (std::size_t i = 0; i + 1 < gs.size(); ++i) {
    const double off = gaps[i] - spacing;
    double width = 0;
    if (std::abs(off) >= off_width) width = gs[i].advance + off + widen;
    else if (widen > 0 && gaps[i] > widen - 1e-3) width = gs[i].advance + widen;
    else continue;
    uses[i].width = std::max(0, static_cast<int>(std::lround(width / run.size * 1000)));
  }
  return uses;
}

FontCodes font_codes(const core::FontFace& ff) {
  const FontFile file(ff.path, ff.index);
  const Outlines outlines = outlines_of(file);
  const std::string maxp = file.table(tag("maxp"), 6);
  if (maxp.size() < 6) throw std::runtime_error("has no readable maxp table");
  const unsigned glyph_count = core::read_be16(maxp, 4);
  return FontCodes(outlines, glyph_count, outlines == Outlines::Cff ? file.cff_cids() : std::vector<std::uint16_t>{});
}

SubsetFont subset_font(const core::FontFace& ff, const FontCodes& codes, FontSources* shared) {
  const FontFile file(ff.path, ff.index);
  SubsetFont out;
  out.outlines = outlines_of(file);
  if (out.outlines != codes.outlines()) throw std::runtime_error("the font file changed while the pages were drawn");
  std::set<std::uint32_t> drawn;
  for (const auto& [use, ref] : codes.codes()) drawn.insert(use.gid);
  // A name-keyed CFF's codes are glyph ids: its subset keeps them.
  const bool keep_ids = out.outlines == Outlines::Cff && !file.cff_cid_keyed();
  Face face;
  Subset subset;
  std::optional<std::string> cff;
  // A CFF face kept across documents: the subset made from its stub, with
  // the real charstrings put in; the same bytes as from the file.
  if (shared && out.outlines == Outlines::Cff && !keep_ids) {
    if (const auto stub = shared->cff_stub(file, ff.path, ff.index, kCffSource)) {
      face = open_bytes(stub->first, stub->second);
      check_licence(face.get());
      subset = run_hb_subset(face.get(), out.outlines, drawn);
      cff = cff_from_stub(file, ff, *shared, subset);
      if (!cff) shared->refuse_stub(ff.path, ff.index);
    }
  }
  if (!cff) {
    std::set<std::uint32_t> glyphs = drawn;
    glyphs.insert(0);  // .notdef, kept by hb-subset
    subset = Subset{};
    face = open_source(file, out.outlines, glyphs, shared, ff);
    check_licence(face.get());
    subset = run_hb_subset(face.get(), out.outlines, drawn, keep_ids);
    // hb-subset keeps the glyphs drawn and their components, which the
    // source holds; should it ever keep another one (through a table it
    // reads that this file does not know of), that glyph would come out
    // empty: load it too and subset again.
    while (add_unloaded(subset, glyphs)) {
      subset = Subset{};
      face = open_source(file, out.outlines, glyphs, shared, ff);
      subset = run_hb_subset(face.get(), out.outlines, drawn, keep_ids);
    }
  }
  const Font font(hb_font_create(face.get()));  // scale = upem: advances in font units
  out.glyph_count = hb_face_get_glyph_count(subset.face.get());

  std::map<hb_tag_t, std::string> t;
  for (hb_tag_t k : out.outlines == Outlines::Cff ? std::vector<hb_tag_t>(kCffTables.begin(), kCffTables.end())
                                                  : std::vector<hb_tag_t>(kTrueTypeTables.begin(), kTrueTypeTables.end())) {
    t[k] = k == tag("CFF ") && cff ? std::move(*cff) : table_bytes(subset.face.get(), k);
  }
  auto new_gid = [&](std::uint32_t gid) {
    const hb_codepoint_t g = hb_map_get(subset.old_to_new, gid);
    if (g == HB_MAP_VALUE_INVALID || g >= out.glyph_count) throw std::runtime_error("HarfBuzz dropped a glyph from the subset");
    return g;
  };
  if (out.outlines == Outlines::Cff) {
    // The codes on the pages are the CIDs the subset's charset must give.
    const std::vector<std::uint16_t> cids = cff_glyph_cids(t[tag("CFF ")]);
    for (const auto& [use, ref] : codes.codes()) {
      const hb_codepoint_t g = new_gid(use.gid);
      if (g >= cids.size() || cids[g] != ref.code) throw std::runtime_error("the subset's CIDs are not the codes drawn");
    }
  } else {
    for (std::uint32_t gid : codes.glyph_of_code()) out.glyph_of_code.push_back(static_cast<std::uint16_t>(new_gid(gid)));
  }
  const std::string file_head = file.table(tag("head"));
  out.base_name = tagged_name(face.get(), file_head, ff, codes);
  out.metrics = metrics_of(face.get(), font.get(), file_head);

  if (out.outlines == Outlines::Cff) {
    out.program = std::move(t[tag("CFF ")]);
    return out;
  }
  const std::string name_table = build_name_table(out.base_name);
  // No cmap in the embedded program: a CIDFontType2 reaches its glyphs
  // through /CIDToGIDMap, and PDF (ISO 32000-1, 9.9) does not require the
  // table there; leaving it out saves 1-2 KB a font. poppler and Ghostscript
  // render such fonts identically.
  out.program = serialize({{tag("OS/2"), &t[tag("OS/2")]},
                           {tag("glyf"), &t[tag("glyf")]},
                           {tag("head"), &t[tag("head")]},
                           {tag("hhea"), &t[tag("hhea")]},
                           {tag("hmtx"), &t[tag("hmtx")]},
                           {tag("loca"), &t[tag("loca")]},
                           {tag("maxp"), &t[tag("maxp")]},
                           {tag("name"), &name_table},
                           {tag("post"), &t[tag("post")]}});
  return out;
}

}  // namespace render::pdf
