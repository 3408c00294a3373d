// The FontBook with the Debian fonts the project depends on (fonts/manifest.yaml):
// roles resolved by family through fontconfig, per-character fallback up to
// any installed font, characters above U+FFFF, metrics from HarfBuzz.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "text/face_qualification.h"
#include "text/font_book.h"
#include "text/font_report.h"
#include "text/glyph_metrics.h"
#include "text/paragraph.h"

namespace {

const std::string kFontsDir = BROADSHEET_SOURCE_DIR "/fonts";

const text::FontBook& book() {
  static const text::FontBook fonts = [] {
    core::Diagnostics diags;
    return text::FontBook(text::load_font_manifest(kFontsDir + "/manifest.yaml", diags), kFontsDir);
  }();
  return fonts;
}

const core::FontFace& face(int i) { return book().faces().at(static_cast<std::size_t>(i)); }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

text::ParagraphSpec spec_of(const std::string& s, core::FontRole role, double width) {
  text::ParagraphSpec spec;
  core::Span span;
  span.text = s;
  span.style.role = role;
  span.style.size = 10;
  span.source = {"doc.yaml", 2, 5};
  span.one_line = true;
  spec.spans = {span};
  spec.width = width;
  spec.align = core::Align::Left;
  return spec;
}

}  // namespace

TEST_CASE("each role resolves to its Debian family, then the shared fallbacks") {
  struct Case {
    core::FontRole role;
    const char* family;
    const char* file;
    int index;
    const char* style;
  };
  const Case cases[] = {
      {core::FontRole::Song, "Noto Serif CJK SC", "/NotoSerifCJK-Regular.ttc", 2, "Regular"},
      {core::FontRole::SongBold, "Noto Serif CJK SC", "/NotoSerifCJK-Bold.ttc", 2, "Bold"},
      {core::FontRole::Hei, "Noto Sans CJK SC", "/NotoSansCJK-Regular.ttc", 2, "Regular"},
      {core::FontRole::HeiBold, "Noto Sans CJK SC", "/NotoSansCJK-Bold.ttc", 2, "Bold"},
      {core::FontRole::Kai, "LXGW WenKai", "/LXGWWenKai-Regular.ttf", 0, "Regular"},  // not Light
      {core::FontRole::KaiBold, "LXGW WenKai", "/LXGWWenKai-Bold.ttf", 0, "Bold"},
  };
  for (const auto& c : cases) {
    CAPTURE(std::string(c.file));
    const auto& chain = book().role_chain(c.role);
    REQUIRE(chain.size() >= 4);
    CHECK(book().primary_face(c.role) == chain[0]);
    CHECK(face(chain[0]).family == c.family);
    CHECK(ends_with(face(chain[0]).path, c.file));
    CHECK(face(chain[0]).index == c.index);
    CHECK(face(chain[0]).style == c.style);
    // The Song-style fallbacks first, whatever the role.
    CHECK(face(chain[1]).family == "HanaMinA");
    CHECK(face(chain[2]).family == "HanaMinB");
    CHECK(face(chain[3]).family == "Droid Sans Fallback");
    CHECK(face(chain.back()).family == (chain.size() == 5 ? "LXGW WenKai" : "Droid Sans Fallback"));
  }
  CHECK(book().unresolved_families().empty());
}

TEST_CASE("per-character fallback: role font, shared fallbacks, then any installed font") {
  const auto& fonts = book();
  const int song = fonts.primary_face(core::FontRole::Song);
  CHECK(fonts.face_for(core::FontRole::Song, U'中') == song);
  CHECK(fonts.face_for(core::FontRole::Song, U'A') == song);  // Noto's own proportional Latin is used
  // 𬭎 U+2CB4E, above the BMP: the role's own faces have it.
  CHECK(fonts.face_for(core::FontRole::Song, U'𬭎') == song);
  CHECK(face(fonts.face_for(core::FontRole::Kai, U'𬭎')).family == "LXGW WenKai");
  // 𠀀 U+20000 is in none of them: the Song-style HanaMin gives it to every role.
  const int rare = fonts.face_for(core::FontRole::Song, U'𠀀');
  REQUIRE(rare >= 0);
  CHECK(face(rare).family == "HanaMinA");
  CHECK(fonts.face_for(core::FontRole::Kai, U'𠀀') == rare);
  CHECK(fonts.face_for(core::FontRole::HeiBold, U'𠀀') == rare);
  CHECK(fonts.glyph(rare, U'𠀀') != 0);
  // ⚛ is in no listed family: fontconfig finds an installed font for it.
  const int atom = fonts.face_for(core::FontRole::Song, U'⚛');
  REQUIRE(atom >= 0);
  const auto& sys = fonts.system_fallbacks();
  CHECK(std::find(sys.begin(), sys.end(), atom) != sys.end());
  CHECK(fonts.glyph(atom, U'⚛') != 0);
  // No installed font has these.
  CHECK(fonts.face_for(core::FontRole::Song, U'ꔀ') == -1);
  CHECK(fonts.face_for(core::FontRole::Kai, U'\U0001E900') == -1);
  // Answers are stable (the BMP cache) and the same on a second ask.
  CHECK(fonts.face_for(core::FontRole::Song, U'ꔀ') == -1);
  CHECK(fonts.face_for(core::FontRole::Song, U'中') == song);
}

TEST_CASE("HarfBuzz metrics: advances and where a mark's ink sits") {
  const auto& fonts = book();
  const int song = fonts.primary_face(core::FontRole::Song);
  const auto zhong = fonts.glyph(song, U'中');
  CHECK(fonts.advance(song, zhong, 10) == doctest::Approx(10));
  const auto comma = fonts.extents(song, fonts.glyph(song, U'，'));
  CHECK(comma.x_max < 0.5);  // GB comma: lower left
  CHECK(comma.y_max < 0.3);
  const auto open = fonts.extents(song, fonts.glyph(song, U'“'));
  CHECK(open.x_min > 0.5);   // opening quote: inner (right) side
  // Droid Sans Fallback has 256 units per em: metrics are still in em.
  const int droid = fonts.role_chain(core::FontRole::Song)[3];
  CHECK(face(droid).units_per_em == 256);
  CHECK(fonts.advance(droid, fonts.glyph(droid, U'中'), 10) == doctest::Approx(10));
}

TEST_CASE("a FaceSet holds each file and face once, opens lazily and measures in em") {
  const core::FontFace& song = face(book().primary_face(core::FontRole::Song));
  text::FaceSet set;
  const text::FaceLocation where{song.path, song.index, song.family, "Regular"};
  CHECK(set.add({"/nonexistent/font.ttf", 0, "None", "Regular"}, {}, false) == -1);
  CHECK(set.add({song.path, 99, song.family, "Regular"}, {}, false) == -1);  // no such face in the file
  REQUIRE(set.add(where, {}, false) == 0);
  CHECK(set.add(where, {}, true) == 0);
  CHECK(set.size() == 1);
  CHECK(set.faces()[0].units_per_em == song.units_per_em);
  CHECK(set.has(0, U'中'));
  CHECK_FALSE(set.has(1, U'中'));  // an index outside the set draws nothing
  CHECK(set.advance(0, set.glyph(0, U'中'), 12) == doctest::Approx(12));
  const auto comma = set.extents(0, set.glyph(0, U'，'));
  CHECK(comma.x_max < 0.5);
  CHECK_FALSE(set.covers(0, U'中'));  // no fontconfig coverage given
}

TEST_CASE("a rare character above U+FFFF is set from the Song-style fallback font and kept as text") {
  core::Diagnostics diags;
  const auto spec = spec_of("通讯员黄𠀀", core::FontRole::Song, 200);
  const auto lines = text::set_paragraph(spec, book(), diags);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs.back();
  CHECK(g.text == "𠀀");
  CHECK_FALSE(g.missing);
  CHECK(face(g.face).family == "HanaMinA");
  CHECK(g.gid != 0);
  CHECK(g.x == doctest::Approx(40));
  CHECK(diags.empty());
}

TEST_CASE("a character no font has: warning with code point and position, placeholder kept") {
  core::Diagnostics diags;
  const auto spec = spec_of("古文ꔀ字", core::FontRole::Kai, 200);
  const auto lines = text::set_paragraph(spec, book(), diags);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].glyphs.size() == 4);
  const auto& g = lines[0].glyphs[2];
  CHECK(g.missing);
  CHECK(g.text == "ꔀ");
  CHECK(g.face == book().primary_face(core::FontRole::Kai));
  CHECK(g.set_width == doctest::Approx(5));
  REQUIRE(diags.warning_count() == 1);
  const std::string msg = core::format(diags.all()[0]);
  CHECK(msg.find("doc.yaml:2:7: warning:") == 0);
  CHECK(msg.find("U+A500") != std::string::npos);
}

TEST_CASE("full-width marks from real fonts: narrow WenKai quotes take a full em; 。 halves at line end") {
  core::Diagnostics diags;
  // LXGW WenKai's “ ” are 0.35 em Western glyphs: in Chinese text they get a
  // full em, ink on the inner side.
  auto lines = text::set_paragraph(spec_of("他说“好”", core::FontRole::Kai, 200), book(), diags);
  REQUIRE(lines.size() == 1);
  const auto& g = lines[0].glyphs;
  CHECK(g[3].x == doctest::Approx(30));                // 好 after three full ems
  CHECK(g[2].x + g[2].advance == doctest::Approx(30));  // “ hugs 好
  // Noto's 。 sits in the lower left (GB): at line end it loses its right half.
  lines = text::set_paragraph(spec_of("好。", core::FontRole::Song, 200), book(), diags);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].width == doctest::Approx(15));
  CHECK(lines[0].glyphs[1].x == doctest::Approx(10));
  // AR PL UMing centres 。 (TW style): at line end it loses a quarter em each side.
  text::FontManifest tw;
  tw.song = {"AR PL UMing CN"};
  tw.fallback = {};
  const text::FontBook uming(tw, "");
  lines = text::set_paragraph(spec_of("好。", core::FontRole::Song, 200), uming, diags);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].width == doctest::Approx(15));
  CHECK(lines[0].glyphs[1].x == doctest::Approx(7.5));
  CHECK(diags.empty());
}

TEST_CASE("load_font_manifest reads roles and fallbacks, and reports problems with positions") {
  const auto dir = std::filesystem::temp_directory_path() / "broadsheet-text-manifest";
  std::filesystem::create_directories(dir);
  {
    core::Diagnostics diags;
    const auto m = text::load_font_manifest(kFontsDir + "/manifest.yaml", diags);
    CHECK(diags.empty());
    CHECK(m.song == std::vector<std::string>{"Noto Serif CJK SC"});
    CHECK(m.hei == std::vector<std::string>{"Noto Sans CJK SC"});
    CHECK(m.kai == std::vector<std::string>{"LXGW WenKai"});
    CHECK(m.fallback == std::vector<std::string>{"HanaMinA", "HanaMinB", "Droid Sans Fallback", "LXGW WenKai"});
  }
  {
    const auto path = (dir / "bad.yaml").string();
    std::ofstream(path) << "roles:\n  song: Some Song\n  hei: {a: 1}\n  kia: [x]\nfallback: [A, B]\n";
    core::Diagnostics diags;
    const auto m = text::load_font_manifest(path, diags);
    CHECK(m.song == std::vector<std::string>{"Some Song"});          // one string is a list of one
    CHECK(m.hei == std::vector<std::string>{"Noto Sans CJK SC"});    // bad value: default kept
    CHECK(m.fallback == std::vector<std::string>{"A", "B"});
    CHECK(diags.error_count() == 2);  // the mapping, and the unknown key 'kia'
    CHECK(core::format_all(diags).find("bad.yaml:3:") != std::string::npos);
    CHECK(core::format_all(diags).find("kia") != std::string::npos);
  }
  {
    core::Diagnostics diags;
    const auto m = text::load_font_manifest((dir / "none.yaml").string(), diags);
    CHECK(diags.warning_count() == 1);
    CHECK(m.song == std::vector<std::string>{"Noto Serif CJK SC"});
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("families that are not installed are listed; the role falls through to the next") {
  text::FontManifest m;
  m.song = {"No Such Song Font", "AR PL UMing CN"};
  m.fallback = {"LXGW WenKai"};
  const text::FontBook fonts(m, "");
  CHECK(fonts.unresolved_families() == std::vector<std::string>{"No Such Song Font"});
  CHECK(fonts.faces()[fonts.primary_face(core::FontRole::Song)].family == "AR PL UMing CN");
  CHECK(fonts.role_chain(core::FontRole::Song).size() == 2);
  CHECK(text::font_report(fonts, "").find("not installed: No Such Song Font") != std::string::npos);
}

TEST_CASE("fonts in the project's fonts/ folder win over installed copies of the same family") {
  const auto dir = std::filesystem::temp_directory_path() / "broadsheet-text-fontsdir";
  std::filesystem::create_directories(dir);
  const auto link = dir / "wenkai.ttf";
  std::filesystem::remove(link);
  std::filesystem::create_symlink("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", link);
  text::FontManifest m;
  m.song = {"LXGW WenKai"};
  m.fallback = {};
  const text::FontBook fonts(m, dir.string());
  const auto& f = fonts.faces()[fonts.primary_face(core::FontRole::Song)];
  CHECK(f.path.find("broadsheet-text-fontsdir") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("font_report names each role's files and the document's coverage") {
  const std::string report = text::font_report(book(), "中文𠀀✉ꔀ 中");
  CHECK(report.find("song      Noto Serif CJK SC      Regular  ") != std::string::npos);
  CHECK(report.find("song bold Noto Serif CJK SC      Bold     ") != std::string::npos);
  CHECK(report.find("hei bold  Noto Sans CJK SC       Bold     ") != std::string::npos);
  CHECK(report.find("NotoSerifCJK-Regular.ttc #2") != std::string::npos);
  CHECK(report.find("NotoSansCJK-Bold.ttc #2") != std::string::npos);
  CHECK(report.find("LXGWWenKai-Regular.ttf #0") != std::string::npos);
  CHECK(report.find("Document: 6 characters, 5 distinct") != std::string::npos);
  CHECK(report.find("𠀀 U+20000") != std::string::npos);
  CHECK(report.find("✉ U+2709") != std::string::npos);
  CHECK(report.find("no font has 1: U+A500") != std::string::npos);

  const text::FontCoverage cov = text::measure_coverage(book(), "中文𠀀✉ꔀ 中");
  CHECK(cov.characters == 6);
  CHECK(cov.distinct == 5);
  const auto& song = cov.roles[0];
  CHECK(song.missing == std::vector<char32_t>{U'ꔀ'});
  REQUIRE(!song.faces.empty());
  CHECK(song.faces[0].chars == std::vector<char32_t>{U'中', U'文'});
}

TEST_CASE("one FontBook serves several threads at once") {
  const std::string text =
      "产业工人队伍建设改革事关全局，需要精准施策。高明区委、区政府将产改工作作为推动高质量发展的重要抓手，"
      "明确由区总工会牵头抓总，22个部门和4个镇（街道）总工会协同推进。𬭎𠀀✉";
  auto run = [&](const text::FontBook& fonts, core::FontRole role) {
    core::Diagnostics diags;
    text::ParagraphSpec spec = spec_of(text, role, 95);
    spec.align = core::Align::Justify;
    std::string dump;
    for (const auto& line : text::set_paragraph(spec, fonts, diags)) {
      for (const auto& g : line.glyphs) {
        dump += std::to_string(g.face) + ":" + std::to_string(g.gid) + "@" + std::to_string(g.x) + " ";
      }
      dump += "\n";
    }
    return dump;
  };
  const std::string expected_song = run(book(), core::FontRole::Song);
  const std::string expected_kai = run(book(), core::FontRole::Kai);
  // A fresh book, so the threads race on its lazily filled caches.
  core::Diagnostics diags;
  const text::FontBook fresh(text::load_font_manifest(kFontsDir + "/manifest.yaml", diags), kFontsDir);
  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] { got[t] = run(fresh, t % 2 ? core::FontRole::Kai : core::FontRole::Song); });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) CHECK(got[t] == (t % 2 ? expected_kai : expected_song));
}

namespace {
// How many mappings of files whose name ends with `file` the process has.
int mappings_of(const std::string& file) {
  std::ifstream maps("/proc/self/maps");
  int n = 0;
  for (std::string line; std::getline(maps, line);) n += ends_with(line, file) ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("fallback fonts are opened only when a character needs one") {
  const int hana = mappings_of("/HanaMinB.ttf"), dejavu = mappings_of("/DejaVuSans.ttf"),
            song = mappings_of("/NotoSerifCJK-Regular.ttc"), bold = mappings_of("/NotoSerifCJK-Bold.ttc");
  core::Diagnostics diags;
  const text::FontBook fonts(text::load_font_manifest(kFontsDir + "/manifest.yaml", diags), kFontsDir);
  CHECK(mappings_of("/NotoSerifCJK-Regular.ttc") == song + 1);  // a role's own regular face: opened at once
  CHECK(mappings_of("/NotoSerifCJK-Bold.ttc") == bold);          // bold ones when first drawn
  CHECK(mappings_of("/HanaMinB.ttf") == hana);
  for (char32_t c : std::u32string(U"工会中国人，。")) CHECK(fonts.face_for(core::FontRole::Song, c) >= 0);
  CHECK(mappings_of("/HanaMinB.ttf") == hana);
  CHECK(mappings_of("/DejaVuSans.ttf") == dejavu);
  CHECK(fonts.face_for(core::FontRole::SongBold, U'工') >= 0);
  CHECK(mappings_of("/NotoSerifCJK-Bold.ttc") == bold + 1);
  // Known all along, with their metrics, before they are opened.
  const int rare = fonts.face_for(core::FontRole::Song, U'\U0002A6D6');  // only HanaMinB has it
  REQUIRE(rare >= 0);
  CHECK(fonts.faces()[static_cast<std::size_t>(rare)].family == "HanaMinB");
  CHECK(mappings_of("/HanaMinB.ttf") == hana + 1);
  CHECK(fonts.glyph(rare, U'\U0002A6D6') != 0);
  CHECK(mappings_of("/HanaMinB.ttf") == hana + 1);  // once
}

TEST_CASE("face qualification: every role's primary face is GB-positioned and proportional; UMing is not") {
  for (int r = 0; r < core::kFontRoleCount; ++r) {
    const auto role = static_cast<core::FontRole>(r);
    const int f = book().primary_face(role);
    CAPTURE(face(f).path);
    const text::FaceQualification q = text::qualify_face(book(), f);
    CHECK(q.qualifies());
    for (const auto& p : q.problems) MESSAGE(p);
  }
  CHECK(text::unqualified_manifest_faces(book()).empty());

  // AR PL UMing CN: 。 and 、 centred (Taiwan style), half-em typewriter Latin.
  // AR PL KaitiM GB: GB marks, but the same typewriter Latin.
  text::FontManifest m;
  m.song = {"AR PL UMing CN"};
  m.kai = {"AR PL KaitiM GB"};
  m.fallback = {};
  const text::FontBook taiwan(m, "");
  const text::FaceQualification uming = text::qualify_face(taiwan, taiwan.primary_face(core::FontRole::Song));
  CHECK_FALSE(uming.qualifies());
  const auto has = [](const text::FaceQualification& q, const std::string& part) {
    return std::any_of(q.problems.begin(), q.problems.end(),
                       [&](const std::string& p) { return p.find(part) != std::string::npos; });
  };
  CHECK(has(uming, "。 ink is not on the left (its centre is 0.50 em"));
  CHECK(has(uming, "、 ink is not on the left"));
  CHECK_FALSE(has(uming, "，"));  // UMing's comma is lower left
  CHECK(has(uming, "Latin letters are monospaced"));
  const text::FaceQualification kaiti = text::qualify_face(taiwan, taiwan.primary_face(core::FontRole::Kai));
  CHECK(kaiti.problems.size() == 1);
  CHECK(has(kaiti, "Latin letters are monospaced"));
  const auto warnings = text::unqualified_manifest_faces(taiwan);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].rfind("font 'AR PL UMing CN' (song) does not qualify for a mainland page: ", 0) == 0);
  CHECK(warnings[1].rfind("font 'AR PL KaitiM GB' (kai)", 0) == 0);
}
