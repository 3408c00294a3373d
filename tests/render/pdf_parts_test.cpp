// The PDF writer's pure parts, one by one: tables, CMaps, text shows, page
// geometry and image headers.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "render/pdf/font_file.h"
#include "render/pdf/font_subset.h"
#include "render/pdf/image_source.h"
#include "render/pdf/page_geometry.h"
#include "render/pdf/sfnt_tables.h"
#include "render/pdf/text_segments.h"
#include "render/pdf/to_unicode.h"
#include "render/pdf/utf.h"
#include "render_fixtures.h"

using namespace render::pdf;

TEST_CASE("cmap format 4: every code maps back to its glyph, holes to 0") {
  std::mt19937 rng(7);
  std::vector<CodeGlyph> mapping;
  std::set<std::uint16_t> codes{0x20, 0x31, 0x3001, 0x4E00, 0x4E01, 0x4E02, 0x9FA5, 0xE000, 0xE001, 0xFF0C, 0xFFFD};
  while (codes.size() < 700) codes.insert(static_cast<std::uint16_t>(0x4E00 + rng() % 0x51A5));
  std::uint16_t gid = 1;
  for (std::uint16_t c : codes) mapping.push_back({c, gid++});
  const std::string table = build_cmap_table(mapping);
  CHECK(table.size() <= 0xFFFF + 12);
  for (const auto& cg : mapping) CHECK(cmap_lookup(table, cg.code) == cg.gid);
  std::uint16_t hole = 0x4E00;
  while (codes.count(hole)) ++hole;
  CHECK(cmap_lookup(table, hole) == 0);
  CHECK(cmap_lookup(table, 0x21) == 0);
  CHECK(cmap_lookup(table, 0xFFFF) == 0);
  // Few segments: libharu scans them linearly for each of 65,536 codes.
  const unsigned seg_count = (static_cast<unsigned char>(table[12 + 6]) << 8 | static_cast<unsigned char>(table[12 + 7])) / 2;
  CHECK(seg_count <= 8);
}

TEST_CASE("cmap format 4: consecutive codes and glyphs need no glyph array") {
  const std::string table = build_cmap_table({{0xE000, 1}, {0xE001, 2}, {0xE002, 3}});
  CHECK(table.size() == 12 + 16 + 8 * 2);  // two segments (+ end marker), no array
  CHECK(cmap_lookup(table, 0xE001) == 2);
  CHECK_THROWS(build_cmap_table({{0xFFFF, 1}}));
  CHECK_THROWS(build_cmap_table({{0x41, 1}, {0x41, 2}}));
}

TEST_CASE("name table carries the PostScript name in Windows Unicode") {
  const std::string t = build_name_table("ABCDEF+UMingCN");
  CHECK(t.size() == 6 + 4 * 12 + 2 * (3 * 14 + 7));
  CHECK(t.find(std::string("\0A\0B\0C\0D\0E\0F\0+", 14)) != std::string::npos);
}

TEST_CASE("skeleton outlines keep each glyph's header and nothing else") {
  std::string head(54, '\0');  // indexToLocFormat 0: short offsets (halved)
  const std::string glyf = std::string("\x00\x01" "ABCDEFGH" "tail", 14) + std::string(12, 'x') + "0123456789";
  const std::string loca("\x00\x00" "\x00\x00" "\x00\x07" "\x00\x0D" "\x00\x12", 10);  // glyph 0 empty
  const SkeletonOutlines s = skeleton_outlines(head, loca, glyf, 4);
  CHECK(s.head[51] == 1);
  CHECK(s.glyf == std::string("\x00\x01" "ABCDEFGH", 10) + std::string(10, 'x') + "0123456789");
  CHECK(s.loca == std::string("\0\0\0\0" "\0\0\0\0" "\0\0\0\x0A" "\0\0\0\x14" "\0\0\0\x1E", 20));
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
  CHECK(g.crop_marks.empty());

  page.bleed = 9;
  g = page_geometry(page);
  CHECK(g.media_width == 518);
  CHECK(g.y(0) == 709);
  CHECK(g.trim.left == 9);
  CHECK(g.bleed.left == 0);

  page.crop_marks = true;
  g = page_geometry(page);
  const double margin = 9 + frame::mm(5) + frame::mm(1);  // bleed wider than the 3 mm gap
  CHECK(g.margin == doctest::Approx(margin));
  REQUIRE(g.crop_marks.size() == 8);
  for (const auto& l : g.crop_marks) {
    // Every mark lies outside the bleed box and inside the media.
    const bool outside = std::max(l.x0, l.x1) <= g.bleed.left || std::min(l.x0, l.x1) >= g.bleed.right ||
                         std::max(l.y0, l.y1) <= g.bleed.bottom || std::min(l.y0, l.y1) >= g.bleed.top;
    CHECK(outside);
    CHECK(std::min({l.x0, l.x1, l.y0, l.y1}) >= 0);
    CHECK(std::max(l.x0, l.x1) <= g.media_width);
    CHECK(std::max(l.y0, l.y1) <= g.media_height);
  }
}

TEST_CASE("JPEG headers: size, components, the Adobe marker; unsupported codings refused") {
  std::string why;
  const auto read = [](const char* name) { return read_file(render_test::image_path(name)); };
  auto info = probe_jpeg(read("cmyk.jpg"), why);
  REQUIRE(info);
  CHECK(info->width == 64);
  CHECK(info->height == 32);
  CHECK(info->components == 4);
  CHECK(info->adobe);
  info = probe_jpeg(read("grey.jpg"), why);
  REQUIRE(info);
  CHECK(info->components == 1);
  CHECK_FALSE(info->adobe);
  CHECK(sniff_image(read("alpha.png")) == ImageKind::Png);
  CHECK(sniff_image("GIF89a") == ImageKind::Unknown);

  std::string lossless = read("rgb.jpg");
  const auto sof = lossless.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  lossless[sof + 1] = '\xC3';
  CHECK_FALSE(probe_jpeg(lossless, why));
  CHECK(why.find("SOF3") != std::string::npos);
  CHECK_FALSE(probe_jpeg(read("rgb.jpg").substr(0, 40), why));
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

TEST_CASE("UTF helpers") {
  CHECK(decode_utf8("王𬭎") == U"王\U0002CB4E");
  CHECK(decode_utf8("\xE4\xB8") == U"\uFFFD\uFFFD");
  CHECK(pdf_text_string("𬭎") == std::string("\xFE\xFF\xD8\x72\xDF\x4E", 6));
  std::string s;
  append_utf8(s, 0x2CB4E);
  CHECK(s == "𬭎");
}

TEST_CASE("subsetting gives nominal glyphs their own character as code, others private-use codes") {
  const render_test::TestFont kai(render_test::kWenKai, 0);
  const frame::FontFace face{render_test::kWenKai, 0, "LXGW WenKai", 1000};
  const std::uint32_t wang = kai.gid(U'王'), rare = kai.gid(0x2CB4E);
  const SubsetFont sub = subset_font(face, {{wang, "王"}, {rare, "𬭎"}, {wang, "王王"}, {rare, ""}});
  CHECK(sub.code_of.at({wang, "王"}) == 0x738B);
  CHECK(sub.code_of.at({rare, "𬭎"}) >= 0xE000);
  CHECK(sub.code_of.at({wang, "王王"}) >= 0xE000);
  CHECK(sub.code_of.at({rare, ""}) >= 0xE000);
  CHECK(sub.text_of_code.at(sub.code_of.at({rare, "𬭎"})) == U"\U0002CB4E");
  CHECK(sub.glyph_count == 3);  // .notdef + 2
  CHECK(sub.gid_of_code[0x738B] != 0);
  CHECK(sub.gid_of_code[sub.code_of.at({rare, "𬭎"})] == sub.gid_of_code[sub.code_of.at({rare, ""})]);
  CHECK(sub.base_name.size() == 7 + std::string("LXGWWenKai-Regular").size());
  CHECK(sub.base_name.substr(6) == "+LXGWWenKai-Regular");
  CHECK(sub.width_of_code.at(0x738B) == 1000);
  // Same glyphs, same font program, same tag.
  CHECK(subset_font(face, {{wang, "王"}, {rare, "𬭎"}, {wang, "王王"}, {rare, ""}}).sfnt == sub.sfnt);
  CHECK_THROWS(subset_font(face, {{900000, "x"}}));
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
