// The PDF writer's pure parts, one by one: tables, CMaps, text shows, page
// geometry and image headers.
#include <doctest/doctest.h>

#include <hb-subset.h>

#include <algorithm>
#include <random>
#include <thread>

#include "render/pdf/cff_table.h"
#include "core/byte_order.h"
#include "core/utf8.h"
#include "render/pdf/font_file.h"
#include "render/pdf/font_sources.h"
#include "render/pdf/font_subset.h"
#include "render/pdf/image_source.h"
#include "render/pdf/page_geometry.h"
#include "render/pdf/sfnt_tables.h"
#include "render/pdf/text_segments.h"
#include "render/pdf/to_unicode.h"
#include "render/pdf/utf.h"
#include "render_fixtures.h"

using namespace render::pdf;

TEST_CASE("name table carries the PostScript name in Windows Unicode") {
  const std::string t = build_name_table("ABCDEF+UMingCN");
  CHECK(t.size() == 6 + 4 * 12 + 2 * (3 * 14 + 7));
  CHECK(t.find(std::string("\0A\0B\0C\0D\0E\0F\0+", 14)) != std::string::npos);
}

TEST_CASE("ToUnicode CMap: BMP, surrogate pairs, several characters, nothing") {
  const std::string cmap = build_to_unicode_cmap({{0x4E2D, U"中"}, {0xE000, U"\U0002CB4E"}, {0xE001, U"中国"}, {0xE002, U""}});
  CHECK(cmap.find("3 beginbfchar") != std::string::npos);
  CHECK(cmap.find("<4E2D> <4E2D>") != std::string::npos);
  CHECK(cmap.find("<E000> <D872DF4E>") != std::string::npos);
  CHECK(cmap.find("<E001> <4E2D56FD>") != std::string::npos);
  CHECK(cmap.find("<E002>") == std::string::npos);
  CHECK(cmap.find("<0000> <FFFF>") != std::string::npos);
  std::map<std::uint16_t, std::u32string> many;
  for (std::uint16_t c = 0x4E00; c < 0x4E00 + 250; ++c) many[c] = std::u32string(1, c);
  const std::string big = build_to_unicode_cmap(many);
  CHECK(big.find("100 beginbfchar") != std::string::npos);
  CHECK(big.find("50 beginbfchar") != std::string::npos);
}

TEST_CASE("text shows: a justified line is one show with Tc, changes of spacing start another") {
  // 10 pt CJK, 1000/em: 10 pt advances; 0.35 pt added between characters.
  std::vector<double> x, w;
  for (int i = 0; i < 6; ++i) x.push_back(60 + i * 10.35), w.push_back(10);
  auto segs = split_text_segments(x, w);
  REQUIRE(segs.size() == 1);
  CHECK(segs[0].count == 6);
  CHECK(*segs[0].char_space == doctest::Approx(0.35));

  // Punctuation compression: "。”" take 1.5 em, then normal again.
  x = {0, 10, 20, 25, 35};
  w = {10, 10, 10, 10, 10};
  segs = split_text_segments(x, w);
  REQUIRE(segs.size() == 2);
  CHECK(segs[0].count == 3);
  CHECK(*segs[0].char_space == doctest::Approx(0));
  CHECK(segs[1].first == 3);
  CHECK(segs[1].count == 2);

  // A lone glyph: any Tc will do.
  segs = split_text_segments({5}, {10});
  REQUIRE(segs.size() == 1);
  CHECK_FALSE(segs[0].char_space.has_value());

  // Drift below the tolerance stays in one show; above it does not.
  segs = split_text_segments({0, 10.004, 20.0}, {10, 10, 10});
  CHECK(segs.size() == 1);
  segs = split_text_segments({0, 10, 20.05}, {10, 10, 10});
  CHECK(segs.size() == 2);
  // Gaps beyond libharu's Tc range are positioned glyph by glyph.
  segs = split_text_segments({0, 400, 800}, {10, 10, 10});
  CHECK(segs.size() == 3);
}

namespace {

// A 10 pt run of 1-em glyphs: pen positions from `gaps` (pt after each
// glyph's advance) and, when given, the room of its last glyph.
frame::GlyphRun run_with_gaps(const std::vector<double>& gaps, double advance_em = 1, double end_width = 0) {
  frame::GlyphRun run;
  run.size = 10;
  double x = 50;
  for (std::size_t i = 0; i <= gaps.size(); ++i) {
    run.glyphs.push_back({.x = x, .advance = advance_em * 10, .gid = static_cast<std::uint32_t>(i + 1), .text = "字"});
    if (i < gaps.size()) x += advance_em * 10 + gaps[i];
  }
  run.end_width = end_width;
  return run;
}

std::vector<int> widths(const frame::GlyphRun& run) {
  std::vector<int> out;
  for (const auto& u : uses_of(run)) out.push_back(u.width);
  return out;
}

}  // namespace

TEST_CASE("glyph widths in the PDF: boxes meet where the text runs on, so a reader sees no space") {
  struct Case {
    const char* what;
    frame::GlyphRun run;
    std::vector<int> expected;  // 1/1000 em; -1: the font's own
  };
  const Case cases[] = {
      {"a tight justified line keeps the fonts' widths", run_with_gaps({0.3, 0.3, 0.3}), {-1, -1, -1, -1}},
      {"a loose line (0.2 em between characters): each box widened by 0.16 em, the last kept",
       run_with_gaps({2, 2, 2}), {1160, 1160, 1160, -1}},
      {"0.13 em: widened by 0.08 em (a gap under 0.05 em left)", run_with_gaps({1.3, 1.3, 1.3}), {1080, 1080, 1080, -1}},
      {"a compressed pair in a loose line: its own width plus the widening",
       run_with_gaps({2, -3, 2, 2}), {1160, 660, 1160, 1160, -1}},
      {"a mark squeezed into the line's end: half width", run_with_gaps({0, 0}, 1, 5), {-1, -1, 500}},
      {"a run another run follows on a loose line: its last box widened too", run_with_gaps({2, 2}, 1, 12),
       {1160, 1160, 160 + 1000}},
      {"a run ending at the measure: nothing to widen", run_with_gaps({2, 2}, 1, 10), {1160, 1160, -1}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(widths(c.run) == c.expected);
  }
}

TEST_CASE("page geometry: y flips, bleed and crop marks enlarge the MediaBox") {
  frame::Page page;
  page.size = {500, 700};
  PageGeometry g = page_geometry(page);
  CHECK(g.media_width == 500);
  CHECK(g.media_height == 700);
  CHECK_FALSE(g.has_boxes());
  CHECK(g.x(10) == 10);
  CHECK(g.y(0) == 700);
  CHECK(g.y(700) == 0);

  page.bleed = 9;
  page.paper_margin = 9;
  g = page_geometry(page);
  CHECK(g.media_width == 518);
  CHECK(g.y(0) == 709);
  CHECK(g.trim.left == 9);
  CHECK(g.bleed.left == 0);

  // Paper beyond the bleed (room for crop marks): the boxes move inwards.
  page.paper_margin = 20;
  g = page_geometry(page);
  CHECK(g.media_width == 540);
  CHECK(g.trim.left == 20);
  CHECK(g.bleed.left == 11);
}

TEST_CASE("PNG decoding: alpha kept apart, opaque images without alpha") {
  const DecodedPng png = decode_png(read_file(render_test::image_path("alpha.png")));
  CHECK(png.width == 64);
  CHECK(png.height == 32);
  CHECK(png.channels == 3);
  REQUIRE(png.alpha.size() == 64 * 32);
  CHECK(static_cast<unsigned char>(png.alpha[0]) == 255);
  CHECK(static_cast<unsigned char>(png.alpha[63]) == 0);
  CHECK(static_cast<unsigned char>(png.color[1]) == 200);
  CHECK_THROWS(decode_png("\x89PNG\r\n\x1a\nnonsense"));
}

TEST_CASE("PDF text strings: UTF-16BE with a byte-order mark, surrogate pairs above U+FFFF") {
  CHECK(pdf_text_string("𬭎") == std::string("\xFE\xFF\xD8\x72\xDF\x4E", 6));
  CHECK(pdf_text_string("王\xE4\xB8") == std::string("\xFE\xFF\x73\x8B\xFF\xFD\xFF\xFD", 8));
}

TEST_CASE("TrueType codes: numbered in order of first use, mapped to the subset's glyphs; a second width or text takes a second instance") {
  const render_test::TestFont kai(render_test::kWenKai, 0);
  const core::FontFace face{render_test::kWenKai, 0, "LXGW WenKai", 1000};
  const std::uint32_t wang = kai.gid(U'王'), rare = kai.gid(0x2CB4E);
  FontCodes codes = font_codes(face);
  CHECK(codes.outlines() == Outlines::TrueType);
  const CodeRef w = codes.code({wang, "王"}, 1000), r = codes.code({rare, "𬭎"}, 1000);
  CHECK(w == CodeRef{0, 1});
  CHECK(r == CodeRef{0, 2});
  CHECK(codes.code({wang, "王"}, 1000) == w);  // asked again: the same
  const CodeRef narrow = codes.code({wang, "王", 500}, 1000), empty = codes.code({rare, ""}, 1000);
  CHECK(narrow == CodeRef{1, w.code});
  CHECK(empty == CodeRef{1, r.code});
  REQUIRE(codes.instances().size() == 2);
  CHECK(codes.width(w) == 1000);
  CHECK(codes.width(narrow) == 500);
  CHECK(codes.instances()[0].text_of_code.at(r.code) == U"\U0002CB4E");
  CHECK(codes.instances()[1].text_of_code.at(r.code) == U"");
  CHECK(codes.glyph_of_code() == std::vector<std::uint32_t>{0, wang, rare});
  CHECK_THROWS(codes.code({900000, "x"}, 1000));  // not in the font

  const SubsetFont sub = subset_font(face, codes);
  CHECK(sub.outlines == Outlines::TrueType);
  CHECK(sub.glyph_count == 3);  // .notdef + 2
  // The /CIDToGIDMap: code 1 (王) and 2 (𬭎) to their glyphs in the subset, kept in glyph id order.
  REQUIRE(sub.glyph_of_code.size() == 3);
  CHECK(sub.glyph_of_code[0] == 0);
  CHECK(std::set<std::uint16_t>{sub.glyph_of_code[1], sub.glyph_of_code[2]} == std::set<std::uint16_t>{1, 2});
  CHECK((sub.glyph_of_code[1] < sub.glyph_of_code[2]) == (wang < rare));
  CHECK(sub.base_name.size() == 7 + std::string("LXGWWenKai-Regular").size());
  CHECK(sub.base_name.substr(6) == "+LXGWWenKai-Regular");
  CHECK(sub.program.substr(0, 4) == std::string("\0\1\0\0", 4));
  // Same glyphs, same font program, same tag.
  CHECK(subset_font(face, codes).program == sub.program);
  CHECK(subset_font(face, codes).base_name == sub.base_name);
}

TEST_CASE("CFF codes are the glyphs' CIDs, read from the charset alone, and the subset's charset gives the same") {
  const render_test::TestFont song(render_test::kNotoSerif, render_test::kNotoSc);
  const core::FontFace face{render_test::kNotoSerif, render_test::kNotoSc, "Noto Serif CJK SC", 1000};
  const std::uint32_t gong = song.gid(U'工'), rare = song.gid(0x2CB4E), stop = song.gid(U'。');
  REQUIRE(rare != 0);
  FontCodes codes = font_codes(face);
  CHECK(codes.outlines() == Outlines::Cff);
  // Noto CJK's CIDs are its glyph ids: the codes are the original glyph ids.
  CHECK(codes.code({gong, "工"}, 1000).code == gong);
  CHECK(codes.code({rare, "𬭎"}, 1000).code == rare);
  CHECK(codes.code({stop, "。"}, 1000) == CodeRef{0, static_cast<std::uint16_t>(stop)});
  CHECK(codes.code({stop, "。", 500}, 1000) == CodeRef{1, static_cast<std::uint16_t>(stop)});
  CHECK(codes.instances()[0].text_of_code.at(static_cast<std::uint16_t>(rare)) == U"\U0002CB4E");
  CHECK(codes.glyph_of_code().size() == 1);  // TrueType's numbering is not used

  const SubsetFont sub = subset_font(face, codes);
  CHECK(sub.outlines == Outlines::Cff);
  CHECK(sub.glyph_count == 4);
  CHECK(sub.program[0] == 1);  // CFF major version 1, no sfnt around it
  CHECK(sub.glyph_of_code.empty());
  const std::vector<std::uint16_t> cids = cff_glyph_cids(sub.program);
  REQUIRE(cids.size() == 4);
  CHECK(std::set<std::uint16_t>(cids.begin() + 1, cids.end()) ==
        std::set<std::uint16_t>{static_cast<std::uint16_t>(gong), static_cast<std::uint16_t>(rare),
                                static_cast<std::uint16_t>(stop)});
  // The file's charset read alone gives what the whole table does.
  const FontFile file(render_test::kNotoSerif, render_test::kNotoSc);
  const std::vector<std::uint16_t> all = file.cff_cids();
  CHECK(all.size() == hb_face_get_glyph_count(hb_font_get_face(song.font())));
  CHECK(all[gong] == gong);
  CHECK(sub.base_name.substr(6) == "+NotoSerifCJKsc-Regular");
  CHECK(sub.metrics.ascent > 800);
  CHECK(sub.metrics.descent < 0);
  CHECK(subset_font(face, codes).program == sub.program);
  // Flat charstrings, no subroutines: a few hundred bytes a glyph at most.
  CHECK(sub.program.size() < 4000);
}

TEST_CASE("the sparse CFF copy draws the glyphs asked for exactly as the whole file does") {
  const render_test::TestFont full(render_test::kNotoSerif, render_test::kNotoSc);
  const std::uint32_t gong = full.gid(U'工'), stop = full.gid(U'。'), other = full.gid(U'国');
  const FontFile file(render_test::kNotoSerif, render_test::kNotoSc);
  std::unique_ptr<SparseFont> sparse =
      file.sparse_cff_font({0, gong, stop}, {table_tag("head"), table_tag("hhea"), table_tag("hmtx"), table_tag("maxp")});
  hb_blob_t* blob = hb_blob_create(sparse->data(), static_cast<unsigned>(sparse->size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  auto extents = [](hb_font_t* f, std::uint32_t g) {
    hb_glyph_extents_t x{};
    hb_font_get_glyph_extents(f, g, &x);
    return std::array<int, 4>{x.x_bearing, x.y_bearing, x.width, x.height};
  };
  for (std::uint32_t g : {gong, stop}) {
    CAPTURE(g);
    CHECK(extents(font, g) == extents(full.font(), g));
    CHECK(extents(font, g) != std::array<int, 4>{0, 0, 0, 0});
  }
  CHECK(extents(font, other) == std::array<int, 4>{0, 0, 0, 0});  // not read
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

TEST_CASE("the sparse CFF copy packs the charstrings asked for and hb-subsets to the whole file's bytes") {
  const render_test::TestFont full(render_test::kNotoSerif, render_test::kNotoSc);
  std::set<std::uint32_t> glyphs{0};
  // No punctuation: from the whole file hb-subset would also keep the
  // vertical forms GSUB reaches from it, which the copy has no GSUB for.
  for (char32_t c : std::u32string(U"工会产改国家工匠𬭎")) glyphs.insert(full.gid(c));
  glyphs.insert(65534);  // the last glyph too, where the spare room cannot go
  const FontFile file(render_test::kNotoSerif, render_test::kNotoSc);
  const std::vector<std::uint32_t> whole{table_tag("head"), table_tag("hhea"), table_tag("hmtx"), table_tag("maxp"),
                                         table_tag("OS/2"), table_tag("post")};
  const std::unique_ptr<SparseFont> sparse = file.sparse_cff_font(glyphs, whole);
  auto whole_or_cff = [&](hb_tag_t t) {
    return t == HB_TAG('C', 'F', 'F', ' ') || std::find(whole.begin(), whole.end(), t) != whole.end();
  };
  auto cff_subset = [&](hb_face_t* face) {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    for (std::uint32_t g : glyphs) hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_GLYPH_INDEX), g);
    // As subset_font asks: only the outlines and metrics.
    hb_tag_t tags[64];
    unsigned count = 64;
    hb_face_get_table_tags(face, 0, &count, tags);
    for (unsigned i = 0; i < count; ++i)
      if (!whole_or_cff(tags[i])) hb_set_add(hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG), tags[i]);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_face_t* subset = hb_subset_or_fail(face, input);
    REQUIRE(subset);
    hb_blob_t* table = hb_face_reference_table(subset, HB_TAG('C', 'F', 'F', ' '));
    unsigned length = 0;
    const char* data = hb_blob_get_data(table, &length);
    std::string bytes(data ? data : "", length);
    hb_blob_destroy(table);
    hb_face_destroy(subset);
    hb_subset_input_destroy(input);
    return bytes;
  };
  hb_blob_t* blob = hb_blob_create(sparse->data(), static_cast<unsigned>(sparse->size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  const std::string from_sparse = cff_subset(face);
  CHECK(from_sparse.size() > 1000);
  CHECK(from_sparse == cff_subset(hb_font_get_face(full.font())));
  // Packed: the glyphs before the spare one lie at the front of the
  // charstrings' data (a page for all of them, not one each across the
  // 20 MB where they lie in the file); the last one stays at the end.
  FontFile::CffCharstrings cs;
  file.sparse_cff_skeleton(whole, cs);
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned length = 0;
  const char* data = hb_blob_get_data(cff, &length);
  const std::string table(data, length);
  auto offset = [&](std::uint32_t g) {
    return core::read_be(table, cs.data + 1 - (cs.count + 1u - g) * cs.off_size, cs.off_size);
  };
  REQUIRE(cs.count == 65535);
  for (std::uint32_t g : glyphs) {
    CAPTURE(g);
    if (g == 65534) CHECK(offset(g + 1) == core::read_be(cs.offsets, cs.count * cs.off_size, cs.off_size));
    else CHECK(offset(g + 1) < 16384);
  }
  hb_blob_destroy(cff);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

TEST_CASE("the subsetter's font file: only the glyphs asked for and their components, as in the file") {
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";  // é is e + acute
  const render_test::TestFont full(dejavu, 0);
  const std::uint32_t e_acute = full.gid(U'é'), e = full.gid(U'e'), cap_a = full.gid(U'A');
  const FontFile file(dejavu, 0);
  std::set<std::uint32_t> glyphs{0, e_acute};
  std::unique_ptr<SparseFont> sparse = file.sparse_font(glyphs, {table_tag("cmap"), table_tag("hhea"), table_tag("hmtx"),
                                                                 table_tag("maxp")});
  CHECK(glyphs.size() == 4);  // .notdef, é and its two components
  CHECK(glyphs.count(e) == 1);

  hb_blob_t* blob = hb_blob_create(sparse->data(), static_cast<unsigned>(sparse->size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  hb_blob_t* full_blob = hb_blob_create_from_file(dejavu.c_str());
  hb_face_t* full_face = hb_face_create(full_blob, 0);
  hb_font_t* full_font = hb_font_create(full_face);
  CHECK(hb_face_get_glyph_count(face) == hb_face_get_glyph_count(full_face));
  CHECK(hb_face_get_upem(face) == hb_face_get_upem(full_face));
  auto extents = [](hb_font_t* f, std::uint32_t g) {
    hb_glyph_extents_t x{};
    hb_font_get_glyph_extents(f, g, &x);
    return std::array<int, 4>{x.x_bearing, x.y_bearing, x.width, x.height};
  };
  for (std::uint32_t g : glyphs) {
    CAPTURE(g);
    CHECK(extents(font, g) == extents(full_font, g));
    CHECK(hb_font_get_glyph_h_advance(font, g) == hb_font_get_glyph_h_advance(full_font, g));
  }
  CHECK(extents(full_font, cap_a) != std::array<int, 4>{0, 0, 0, 0});
  CHECK(extents(font, cap_a) == std::array<int, 4>{0, 0, 0, 0});  // not asked for: empty
  hb_codepoint_t nominal = 0;
  CHECK(hb_font_get_nominal_glyph(font, U'é', &nominal));  // the cmap is whole
  CHECK(nominal == e_acute);
  hb_font_destroy(full_font);
  hb_face_destroy(full_face);
  hb_blob_destroy(full_blob);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);

  CHECK_THROWS_AS(FontFile(dejavu, 1), std::runtime_error);
  CHECK_THROWS_AS(FontFile("/nonexistent/font.ttf", 0), std::runtime_error);
  CHECK_NOTHROW(FontFile(render_test::kUming, 3));
  CHECK_THROWS_AS(FontFile(render_test::kUming, 4), std::runtime_error);
}

TEST_CASE("CFF subsets from sources shared across documents are those from the file, on any thread") {
  const render_test::TestFont song(render_test::kNotoSerif, render_test::kNotoSc);
  const core::FontFace face{render_test::kNotoSerif, render_test::kNotoSc, "Noto Serif CJK SC", 1000};
  // Three "documents" with overlapping characters, and one more glyph later.
  std::vector<FontCodes> docs;
  for (const char32_t* text : {U"工会产改。", U"产业工人，", U"国家工匠「」", U"𬭎"}) {
    FontCodes codes = font_codes(face);
    for (const char32_t* c = text; *c; ++c) {
      std::string utf8;
      core::append_utf8(utf8, *c);
      codes.code({song.gid(*c), utf8}, 1000);
    }
    docs.push_back(std::move(codes));
  }
  FontSources shared;
  for (const auto& uses : docs) {
    const SubsetFont alone = subset_font(face, uses);
    const SubsetFont from_shared = subset_font(face, uses, &shared);
    CHECK(from_shared.program == alone.program);
    CHECK(from_shared.base_name == alone.base_name);
    CHECK(from_shared.glyph_count == alone.glyph_count);
  }
  // Many glyphs of every FD (Han, kana, Latin, punctuation, symbols), in
  // documents that share some: later subsets are made from the stub with
  // charstrings kept by earlier ones (font_sources.h), and the CharStrings
  // INDEX needs wider offsets than in a small subset.
  std::mt19937 random(7);
  const unsigned glyph_total = hb_face_get_glyph_count(hb_font_get_face(song.font()));
  std::set<std::uint32_t> pool;
  while (pool.size() < 600) pool.insert(1 + random() % (glyph_total - 1));
  const std::vector<std::uint32_t> pool_glyphs(pool.begin(), pool.end());
  for (int doc = 0; doc < 5; ++doc) {
    FontCodes uses = font_codes(face);
    for (int k = 0; k < 250; ++k) uses.code({pool_glyphs[random() % pool_glyphs.size()], ""}, 1000);
    CAPTURE(doc);
    CHECK(subset_font(face, uses, &shared).program == subset_font(face, uses).program);
  }
  // They were made from the stub, not from the copy with real charstrings.
  CHECK(shared.cff_stub(FontFile(face.path, face.index), face.path, face.index, {}).has_value());
  CHECK(shared.flat_charstrings(face.path, face.index, pool).size() > 500);
  // Documents on several threads at once, each adding its glyphs.
  FontSources fresh;
  std::vector<std::string> programs(docs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    threads.emplace_back([&, i] { programs[i] = subset_font(face, docs[i], &fresh).program; });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(programs[i] == subset_font(face, docs[i]).program);
}
