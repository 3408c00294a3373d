#include "render/pdf/font_subset.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

#include "render/pdf/font_file.h"
#include "render/pdf/sfnt_tables.h"
#include "render/pdf/utf.h"

namespace render::pdf {
namespace {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using Blob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using Font = std::unique_ptr<hb_font_t, HbDeleter<hb_font_t, hb_font_destroy>>;
using SubsetInput = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;
using SubsetPlan = std::unique_ptr<hb_subset_plan_t, HbDeleter<hb_subset_plan_t, hb_subset_plan_destroy>>;

constexpr hb_tag_t tag(const char (&s)[5]) { return HB_TAG(s[0], s[1], s[2], s[3]); }

// Tables hb-subset keeps: outlines and metrics. `cmap` and `name` are
// made here (sfnt_tables.h). Hinting (cvt/fpgm/prep and glyph
// instructions) is dropped: a press and a 300-dpi preview do not need it.
// Layout tables (GSUB/GPOS/GDEF) are layout's business, vertical metrics
// and embedded bitmaps dead weight here.
constexpr std::array kKeptTables = {tag("glyf"), tag("head"), tag("hhea"), tag("hmtx"), tag("loca"),
                                    tag("maxp"), tag("OS/2"), tag("post")};

std::string table_bytes(hb_face_t* face, hb_tag_t t) {
  Blob blob(hb_face_reference_table(face, t));
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob.get(), &len);
  return std::string(data ? data : "", len);
}

unsigned be16(const std::string& s, std::size_t at) {
  return at + 2 <= s.size() ? (static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]) : 0;
}

// PostScript name as libharu needs it: ASCII, no spaces, short enough for
// its 127-byte name buffer once the subset tag is added.
std::string postscript_name(hb_face_t* face, const frame::FontFace& ff) {
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

// Hands out codes for glyphs that cannot use their own character: the
// private-use area first, then any other BMP code no character took.
class CodeAllocator {
 public:
  explicit CodeAllocator(const std::set<std::uint16_t>& taken) : taken_(taken) {}
  std::uint16_t next() {
    while (cursor_ < kOrder.size()) {
      auto& [lo, hi] = kOrder[cursor_];
      while (pos_ <= hi) {
        const auto code = static_cast<std::uint16_t>(pos_ < lo ? lo : pos_);
        pos_ = code + 1u;
        if (!taken_.count(code)) return code;
      }
      ++cursor_;
      pos_ = 0;
    }
    throw std::runtime_error("more distinct glyphs than one font's 2-byte code space holds");
  }

 private:
  static constexpr std::array<std::pair<unsigned, unsigned>, 3> kOrder = {
      {{0xE000, 0xF8FF}, {0x0100, 0xD7FF}, {0xF900, 0xFFFD}}};
  const std::set<std::uint16_t>& taken_;
  std::size_t cursor_ = 0;
  unsigned pos_ = 0;
};

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

bool usable_real_code(char32_t c) {
  // Below U+0020 a code would be a C0 control (and U+0000 ends the C string
  // handed to libharu); U+FFFE/U+FFFF are outside libharu's CIDToGIDMap.
  return c >= 0x20 && c <= 0xFFFD && !(c >= 0xD800 && c <= 0xDFFF);
}


// The face hb-subset works on: the file's metrics, cmap and names as they
// are, and outlines holding only `glyphs` and their components (font_file.h),
// so the 10-20 MB of a CJK font's outlines are never mapped or read. Glyph
// ids, and so the subset, are the same as from the whole file.
Face open_source(const FontFile& file, std::set<std::uint32_t>& glyphs) {
  SparseFont* font =
      file.sparse_font(glyphs, {tag("cmap"), tag("hhea"), tag("hmtx"), tag("maxp"), tag("name"), tag("OS/2")}).release();
  // The blob owns the memory from here on (HarfBuzz frees it at once on failure).
  Blob blob(hb_blob_create(font->data(), static_cast<unsigned>(font->size()), HB_MEMORY_MODE_WRITABLE, font,
                           [](void* p) { delete static_cast<SparseFont*>(p); }));
  return Face(hb_face_create(blob.get(), 0));
}

// Refused early when libharu or the licence would refuse the font later.
void check_outlines(const FontFile& file) {
  if (file.length(tag("glyf")) == 0) {
    throw std::runtime_error("has no TrueType outlines (glyf); libharu 2.3.0 can embed only TrueType, not CFF");
  }
}

void check_licence(hb_face_t* face) {
  const unsigned fs_type = be16(table_bytes(face, tag("OS/2")), 8);
  if (fs_type & 0x0002) throw std::runtime_error("its licence forbids embedding (OS/2 fsType restricted)");
  if (fs_type & 0x0100) throw std::runtime_error("its licence forbids subsetting (OS/2 fsType no-subsetting)");
  if (fs_type & 0x0200) throw std::runtime_error("its licence allows embedding bitmaps only (OS/2 fsType)");
}

struct CodedUse {
  const GlyphUse* use;
  char32_t nominal_of = 0;  // the character this glyph is the nominal glyph of, 0 if none
};

// Codes for every use: real characters first, so a private-use fallback
// never takes a code that some glyph's own character needs.
std::vector<CodedUse> assign_codes(hb_font_t* font, const std::set<GlyphUse>& uses, SubsetFont& out) {
  const unsigned glyph_total = hb_face_get_glyph_count(hb_font_get_face(font));
  std::vector<CodedUse> coded;
  std::set<std::uint16_t> taken;
  std::vector<const GlyphUse*> need_private;
  for (const auto& use : uses) {
    if (use.gid >= glyph_total) throw std::runtime_error("glyph id " + std::to_string(use.gid) + " is not in the font");
    const std::u32string text = decode_utf8(use.text);
    hb_codepoint_t nominal = 0;
    CodedUse cu{&use, 0};
    if (text.size() == 1 && hb_font_get_nominal_glyph(font, text[0], &nominal) && nominal == use.gid) {
      cu.nominal_of = text[0];
    }
    coded.push_back(cu);
    // A narrowed glyph shares its glyph with the full-width one, so only the
    // latter may take the character's own code.
    if (cu.nominal_of && usable_real_code(cu.nominal_of) && use.width < 0) {
      // A (glyph, text) pair is unique, so no other use claims this code.
      taken.insert(static_cast<std::uint16_t>(cu.nominal_of));
      out.code_of[use] = static_cast<std::uint16_t>(cu.nominal_of);
    } else {
      need_private.push_back(&use);
    }
  }
  CodeAllocator alloc(taken);
  for (const GlyphUse* use : need_private) out.code_of[*use] = alloc.next();
  return coded;
}

struct Subset {
  SubsetPlan plan;  // owns the glyph mapping
  Face face;
  const hb_map_t* old_to_new = nullptr;
};

Subset run_hb_subset(hb_face_t* face, const std::vector<CodedUse>& coded) {
  // Characters where a glyph is its character's nominal glyph, glyph ids
  // only for the rest: given any glyph id, hb-subset 6.0 first inverts the
  // font's whole cmap (1.5-2 ms for a CJK font), while characters alone are
  // looked up directly (~0.05 ms). .notdef is always kept.
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input) throw std::runtime_error("out of memory (hb_subset_input)");
  hb_set_t* unicodes = hb_subset_input_set(input.get(), HB_SUBSET_SETS_UNICODE);
  hb_set_t* glyphs = hb_subset_input_set(input.get(), HB_SUBSET_SETS_GLYPH_INDEX);
  for (const auto& cu : coded) {
    if (cu.nominal_of) {
      hb_set_add(unicodes, cu.nominal_of);
    } else {
      hb_set_add(glyphs, cu.use->gid);
    }
  }
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  std::array<hb_tag_t, 64> tags{};
  unsigned start = 0, count = 0;
  do {
    count = tags.size();
    hb_face_get_table_tags(face, start, &count, tags.data());
    for (unsigned i = 0; i < count; ++i) {
      if (std::find(kKeptTables.begin(), kKeptTables.end(), tags[i]) == kKeptTables.end()) hb_set_add(drop, tags[i]);
    }
    start += count;
  } while (count == tags.size());
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

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
std::string tagged_name(hb_face_t* face, const std::string& file_head, const frame::FontFace& ff,
                        const std::vector<CodeGlyph>& cmap, const SubsetFont& out) {
  Fnv hash;
  hash.bytes(file_head);
  hash.number(static_cast<std::uint64_t>(ff.index));
  for (const auto& cg : cmap) hash.number((static_cast<std::uint64_t>(cg.code) << 16) | cg.gid);
  for (const auto& [use, code] : out.code_of) hash.bytes(use.text), hash.number(use.gid), hash.number(code);
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

}  // namespace

std::vector<GlyphUse> uses_of(const frame::GlyphRun& run) {
  const auto& gs = run.glyphs;
  std::vector<GlyphUse> uses;
  uses.reserve(gs.size());
  for (const auto& g : gs) uses.push_back({g.gid, g.text});
  if (gs.size() < 2 || !(run.size > 0)) return uses;
  // The run's own spacing: the median gap after the glyphs' advances.
  std::vector<double> gaps;
  for (std::size_t i = 0; i + 1 < gs.size(); ++i) gaps.push_back(gs[i + 1].x - gs[i].x - gs[i].advance);
  std::vector<double> sorted = gaps;
  std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
  const double spacing = sorted[sorted.size() / 2];
  for (std::size_t i = 0; i + 1 < gs.size(); ++i) {
    const double off = gaps[i] - spacing;
    // A fifth of an em: far more than float noise or a justification
    // difference, less than any compression or Han–Latin gap.
    if (std::abs(off) < 0.2 * run.size) continue;
    const double width = (gs[i].advance + off) / run.size * 1000;
    uses[i].width = std::max(0, static_cast<int>(std::lround(width)));
  }
  return uses;
}

SubsetFont subset_font(const frame::FontFace& ff, const std::set<GlyphUse>& uses) {
  const FontFile file(ff.path, ff.index);
  check_outlines(file);
  std::set<std::uint32_t> glyphs{0};  // .notdef, kept by hb-subset
  for (const auto& use : uses) glyphs.insert(use.gid);
  Face face = open_source(file, glyphs);
  check_licence(face.get());
  const unsigned upem = hb_face_get_upem(face.get());
  SubsetFont out;
  std::vector<CodedUse> coded;
  {
    const Font font(hb_font_create(face.get()));
    coded = assign_codes(font.get(), uses, out);
  }
  Subset subset = run_hb_subset(face.get(), coded);
  // hb-subset keeps the glyphs drawn and their components, which the
  // source holds; should it ever keep another one (through a table it
  // reads that this file does not know of), that glyph would come out
  // empty: load it too and subset again.
  while (add_unloaded(subset, glyphs)) {
    subset = Subset{};
    face = open_source(file, glyphs);
    subset = run_hb_subset(face.get(), coded);
  }
  const Font font(hb_font_create(face.get()));  // scale = upem: advances in font units
  out.glyph_count = hb_face_get_glyph_count(subset.face.get());

  std::vector<CodeGlyph> cmap;
  for (const auto& [use, code] : out.code_of) {
    const hb_codepoint_t new_gid = hb_map_get(subset.old_to_new, use.gid);
    if (new_gid == HB_MAP_VALUE_INVALID) throw std::runtime_error("HarfBuzz dropped a glyph from the subset");
    cmap.push_back({code, static_cast<std::uint16_t>(new_gid)});
    out.text_of_code[code] = decode_utf8(use.text);
    const auto advance = static_cast<unsigned>(hb_font_get_glyph_h_advance(font.get(), use.gid));
    out.width_of_code[code] = use.width >= 0 ? use.width : static_cast<int>((advance * 1000u + upem / 2) / upem);
  }
  std::sort(cmap.begin(), cmap.end(), [](const CodeGlyph& a, const CodeGlyph& b) { return a.code < b.code; });
  out.gid_of_code.assign(cmap.empty() ? 0 : cmap.back().code + 1u, 0);
  for (const auto& cg : cmap) out.gid_of_code[cg.code] = cg.gid;
  out.base_name = tagged_name(face.get(), file.table(tag("head")), ff, cmap, out);
  out.cap_height = cap_height(font.get(), upem);

  const std::string cmap_table = build_cmap_table(cmap);
  const std::string name_table = build_name_table(out.base_name);
  std::map<hb_tag_t, std::string> t;
  for (hb_tag_t k : kKeptTables) t[k] = table_bytes(subset.face.get(), k);
  // No cmap in the embedded program: a CIDFontType2 reaches its glyphs
  // through /CIDToGIDMap, and PDF (ISO 32000-1, 9.9) does not require the
  // table there; leaving it out saves 1-2 KB a font. poppler and Ghostscript
  // render such fonts identically.
  out.sfnt = serialize({{tag("OS/2"), &t[tag("OS/2")]},
                        {tag("glyf"), &t[tag("glyf")]},
                        {tag("head"), &t[tag("head")]},
                        {tag("hhea"), &t[tag("hhea")]},
                        {tag("hmtx"), &t[tag("hmtx")]},
                        {tag("loca"), &t[tag("loca")]},
                        {tag("maxp"), &t[tag("maxp")]},
                        {tag("name"), &name_table},
                        {tag("post"), &t[tag("post")]}});
  const SkeletonOutlines skeleton = skeleton_outlines(t[tag("head")], t[tag("loca")], t[tag("glyf")], out.glyph_count);
  out.metrics_sfnt = serialize({{tag("OS/2"), &t[tag("OS/2")]},
                                {tag("cmap"), &cmap_table},
                                {tag("glyf"), &skeleton.glyf},
                                {tag("head"), &skeleton.head},
                                {tag("hhea"), &t[tag("hhea")]},
                                {tag("hmtx"), &t[tag("hmtx")]},
                                {tag("loca"), &skeleton.loca},
                                {tag("maxp"), &t[tag("maxp")]},
                                {tag("name"), &name_table}});
  return out;
}

}  // namespace render::pdf
