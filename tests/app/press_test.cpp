// Press output end to end: the PDFs `render --press` and `batch --press`
// write for the seed page, a county sheet and a photo-heavy document are
// PDF/X-1a in the press's inks — read back from the file, and measured with
// Ghostscript.
#include <doctest/doctest.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "render/pdf/jpeg_codec.h"
#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

constexpr double kInkLimit = 240;  // percent, the layouts' default

fs::path temp_dir(const std::string& name) { return fresh_dir("press", name); }

fs::path render_pdf(const std::string& doc, const fs::path& out, const std::string& flags = "--press") {
  const auto r = run_command(broadsheet() + " render " + doc + " " + flags + " -o " + out.string() + " 2>&1");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  return out;
}

// --- A small reader for the PDFs libharu writes (no object streams). ---

struct PdfObject {
  std::string dict;    // the text between "obj" and "stream"/"endobj"
  std::string stream;  // raw stream bytes, "" when none
};

std::string inflate(const std::string& data) {
  std::string out(data.size() * 4 + 1024, '\0');
  while (true) {
    uLongf size = static_cast<uLongf>(out.size());
    const int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                              reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()));
    if (rc == Z_BUF_ERROR) {
      out.resize(out.size() * 4);
      continue;
    }
    REQUIRE(rc == Z_OK);
    out.resize(size);
    return out;
  }
}

struct Pdf {
  std::string bytes;
  std::map<int, PdfObject> objects;

  explicit Pdf(const fs::path& path) : bytes(read_file(path)) {
    static const std::regex head(R"((\d+) 0 obj\b)");
    struct Pending {
      int object;
      std::size_t data;
    };
    std::vector<Pending> streams;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), head); it != std::sregex_iterator(); ++it) {
      const std::size_t body = static_cast<std::size_t>(it->position() + it->length());
      const std::size_t end = bytes.find("endobj", body);
      const std::size_t stream = bytes.find("stream", body);
      const int n = std::stoi((*it)[1]);
      PdfObject obj;
      if (stream < end) {
        obj.dict = bytes.substr(body, stream - body);
        std::size_t data = stream + 6;
        if (bytes[data] == '\r') ++data;
        if (bytes[data] == '\n') ++data;
        streams.push_back({n, data});
      } else {
        obj.dict = bytes.substr(body, end - body);
      }
      objects[n] = std::move(obj);
    }
    // /Length is a number or a reference to one (libharu writes both).
    for (const auto& [n, data] : streams) {
      PdfObject& obj = objects[n];
      std::smatch m;
      static const std::regex length(R"(/Length (\d+)( 0 R)?)");
      REQUIRE(std::regex_search(obj.dict, m, length));
      const std::string size = m[2].matched ? objects.at(std::stoi(m[1])).dict : m[1].str();
      obj.stream = bytes.substr(data, std::stoul(size));
    }
  }

  const PdfObject& ref(const std::string& dict, const std::string& key) const {
    std::smatch m;
    const std::regex r("/" + key + R"( (\d+) 0 R)");
    REQUIRE_MESSAGE(std::regex_search(dict, m, r), key);
    return objects.at(std::stoi(m[1]));
  }

  std::vector<const PdfObject*> pages() const {
    std::vector<const PdfObject*> out;
    for (const auto& [n, obj] : objects)
      if (obj.dict.find("/Type /Page\n") != std::string::npos || obj.dict.find("/Type /Page ") != std::string::npos ||
          obj.dict.find("/Type /Page/") != std::string::npos)
        out.push_back(&obj);
    return out;
  }
};

// The colour in force wherever text is shown or a path stroked.
struct PaintedColour {
  std::string op;  // k, K, g, G, rg, RG, ...
  std::vector<double> values;
};

void scan_content(const std::string& content, std::vector<PaintedColour>& text, std::vector<PaintedColour>& strokes,
                  std::vector<std::string>& colour_ops) {
  std::istringstream in(content);
  std::vector<std::string> operands;
  PaintedColour fill{"g", {0}}, stroke{"G", {0}};
  for (std::string tok; in >> tok;) {
    if (tok[0] == '<' || tok[0] == '(' || tok[0] == '[') {
      // Strings and arrays of shown text: skip to their end (libharu writes
      // hex strings for CID text, so no escaped brackets inside).
      const char close = tok[0] == '<' ? '>' : tok[0] == '(' ? ')' : ']';
      while (tok.back() != close && in >> std::ws && !in.eof()) {
        std::string more;
        in >> more;
        tok += more;
      }
      operands.push_back(tok);
      continue;
    }
    const bool number = std::isdigit(static_cast<unsigned char>(tok[0])) || tok[0] == '-' || tok[0] == '.';
    if (number || tok[0] == '/') {
      operands.push_back(tok);
      continue;
    }
    auto values = [&] {
      std::vector<double> v;
      for (const auto& o : operands) v.push_back(std::stod(o));
      return v;
    };
    if (tok == "k" || tok == "g" || tok == "rg" || tok == "sc" || tok == "scn") {
      colour_ops.push_back(tok);
      fill = {tok, values()};
    } else if (tok == "K" || tok == "G" || tok == "RG" || tok == "SC" || tok == "SCN") {
      colour_ops.push_back(tok);
      stroke = {tok, values()};
    } else if (tok == "Tj" || tok == "TJ" || tok == "'" || tok == "\"") {
      text.push_back(fill);
    } else if (tok == "S" || tok == "s" || tok == "B" || tok == "b" || tok == "B*" || tok == "b*") {
      strokes.push_back(stroke);
    }
    operands.clear();
  }
}

// Dark or neutral colours used for text and lines must be black ink alone:
// `0 0 0 K k` or a gray; no colour may be a rich black.
void check_black_ink_only(const PaintedColour& c) {
  CAPTURE(c.op);
  CAPTURE(c.values.size());
  CHECK((c.op == "k" || c.op == "K" || c.op == "g" || c.op == "G"));
  if (c.op != "k" && c.op != "K") return;
  REQUIRE(c.values.size() == 4);
  const double cy = c.values[0], ma = c.values[1], ye = c.values[2], k = c.values[3];
  const bool dark = k >= 0.5;
  const bool neutral = std::max({cy, ma, ye}) - std::min({cy, ma, ye}) < 0.05;
  if (dark || neutral) {
    CAPTURE(cy);
    CAPTURE(ma);
    CAPTURE(ye);
    CAPTURE(k);
    CHECK(cy == 0);
    CHECK(ma == 0);
    CHECK(ye == 0);
  }
}

// Ghostscript's 8-bit-per-ink CMYK rendering at 50 dpi: the most ink any
// pixel carries, in percent.
double most_ink(const fs::path& pdf) {
  const fs::path raw = pdf.string() + ".cmyk";
  const auto r = run_command("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=bitcmyk -dGrayValues=256 -r50 -o " +
                             raw.string() + " " + pdf.string() + " 2>&1");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  const std::string px = read_file(raw);
  fs::remove(raw);
  REQUIRE(px.size() > 1000);
  unsigned most = 0;
  for (std::size_t i = 0; i + 3 < px.size(); i += 4) {
    unsigned sum = 0;
    for (int c = 0; c < 4; ++c) sum += static_cast<unsigned char>(px[i + c]);
    most = std::max(most, sum);
  }
  return most / 255.0 * 100;
}

// Everything the issue asks of a press PDF, checked in the file itself.
void check_press_pdf(const fs::path& path) {
  CAPTURE(path.string());
  const Pdf pdf(path);
  CHECK(pdf.bytes.rfind("%PDF-1.3", 0) == 0);  // PDF/X-1a:2001 is PDF 1.3

  // The output intent, with the embedded CMYK profile (N 4).
  std::string catalog;
  for (const auto& [n, obj] : pdf.objects)
    if (obj.dict.find("/Type /Catalog") != std::string::npos) catalog = obj.dict;
  REQUIRE(!catalog.empty());
  CHECK(catalog.find("/OutputIntents") != std::string::npos);
  CHECK(catalog.find("/S /GTS_PDFX") != std::string::npos);
  CHECK(catalog.find("/OutputConditionIdentifier") != std::string::npos);
  const PdfObject& profile = pdf.ref(catalog, "DestOutputProfile");
  CHECK(profile.dict.find("/N 4") != std::string::npos);
  const std::string icc = profile.dict.find("/FlateDecode") != std::string::npos ? inflate(profile.stream) : profile.stream;
  REQUIRE(icc.size() > 128);
  CHECK(icc.substr(12, 4) == "prtr");  // an output profile
  CHECK(icc.substr(16, 4) == "CMYK");

  // The PDF/X keys and the document ID.
  const std::size_t trailer = pdf.bytes.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  const std::string tail = pdf.bytes.substr(trailer);
  CHECK(tail.find("/ID [") != std::string::npos);
  const PdfObject& info = pdf.ref(tail, "Info");
  CHECK(std::regex_search(info.dict, std::regex(R"(/GTS_PDFXVersion \(PDF(/|\\057)X-1:2001\))")));
  CHECK(std::regex_search(info.dict, std::regex(R"(/GTS_PDFXConformance \(PDF(/|\\057)X-1a:2001\))")));
  CHECK(info.dict.find("/Trapped /False") != std::string::npos);
  CHECK(info.dict.find("/CreationDate") != std::string::npos);
  CHECK(info.dict.find("/Title") != std::string::npos);

  // A TrimBox on every page.
  const auto pages = pdf.pages();
  REQUIRE(!pages.empty());
  for (const PdfObject* page : pages) CHECK(page->dict.find("/TrimBox") != std::string::npos);

  // No RGB, no transparency, in any object (stream data aside: binary).
  std::string structure = tail;
  for (const auto& [n, obj] : pdf.objects) structure += obj.dict;
  for (const char* banned : {"/DeviceRGB", "/CalRGB", "/ICCBased", "/SMask", "/CA ", "/ca ", "/BM "}) {
    CAPTURE(banned);
    CHECK(structure.find(banned) == std::string::npos);
  }

  // Page content: no rg/RG; text and lines dark or neutral in black ink only.
  std::vector<PaintedColour> text, strokes;
  std::vector<std::string> ops;
  for (const PdfObject* page : pages) {
    const PdfObject& contents = pdf.ref(page->dict, "Contents");
    scan_content(inflate(contents.stream), text, strokes, ops);
  }
  CHECK(std::count(ops.begin(), ops.end(), "rg") == 0);
  CHECK(std::count(ops.begin(), ops.end(), "RG") == 0);
  REQUIRE(text.size() > 3);
  for (const auto& c : text) check_black_ink_only(c);
  for (const auto& c : strokes) check_black_ink_only(c);
  // Black text is solid black ink.
  CHECK(std::any_of(text.begin(), text.end(), [](const PaintedColour& c) {
    return c.op == "k" && c.values == std::vector<double>{0, 0, 0, 1};
  }));

  // Nowhere more ink than the limit allows (2 % for JPEG coding).
  CHECK(most_ink(path) <= kInkLimit + 2);
}

// pdftotext's words with their boxes: what a reader and a search see.
std::string words(const fs::path& pdf) {
  const auto r = run_command("pdftotext -bbox " + pdf.string() + " - 2>/dev/null");
  std::string out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);)
    if (line.find("<word") != std::string::npos) out += line + '\n';
  return out;
}

// A 6000 x 4000 RGB photo: smooth gradients, a deep shadow band (where a
// SWOP conversion puts 300 % ink) and saturated blocks.
void write_huge_photo(const fs::path& path) {
  color::Pixels p;
  p.width = 6000;
  p.height = 4000;
  p.channels = 3;
  p.samples.resize(static_cast<std::size_t>(p.width) * p.height * 3);
  for (int y = 0; y < p.height; ++y) {
    for (int x = 0; x < p.width; ++x) {
      unsigned char* s = &p.samples[(static_cast<std::size_t>(y) * p.width + x) * 3];
      if (y < 800) {  // near-black shadows
        s[0] = static_cast<unsigned char>(x % 24), s[1] = static_cast<unsigned char>(y % 16), s[2] = 10;
      } else if ((x / 500 + y / 500) % 2) {  // saturated dark blue and red blocks
        s[0] = (x / 500) % 3 ? 20 : 180, s[1] = 10, s[2] = (x / 500) % 3 ? 90 : 20;
      } else {
        s[0] = static_cast<unsigned char>(x * 255 / p.width), s[1] = static_cast<unsigned char>(y * 255 / p.height);
        s[2] = 128;
      }
    }
  }
  std::ofstream(path, std::ios::binary) << render::pdf::encode_jpeg(p, 85);
}

// A CMYK JPEG as Photoshop writes it (Adobe marker, inverted): a cyan half
// and a gray (K) half, so a reader that misses the inversion shows it.
void write_adobe_cmyk_photo(const fs::path& path) {
  color::Pixels p;
  p.width = 240;
  p.height = 160;
  p.channels = 4;
  for (int y = 0; y < p.height; ++y)
    for (int x = 0; x < p.width; ++x) {
      const bool left = x < p.width / 2;
      const unsigned char px[4] = {static_cast<unsigned char>(left ? 153 : 0), 0, 0,
                                   static_cast<unsigned char>(left ? 0 : 102)};
      p.samples.insert(p.samples.end(), px, px + 4);
    }
  const std::string jpeg = render::pdf::encode_jpeg(p, 95);
  REQUIRE(jpeg.find("Adobe") != std::string::npos);
  std::ofstream(path, std::ios::binary) << jpeg;
}

fs::path photo_document(const fs::path& dir) {
  const fs::path images = fs::path(BROADSHEET_TEST_DATA) / "images";
  write_huge_photo(dir / "huge.jpg");
  write_adobe_cmyk_photo(dir / "adobe-cmyk.jpg");
  for (const char* name : {"cmyk.jpg", "alpha.png", "lowres.jpg", "grey.jpg", "rgb.jpg"})
    fs::copy_file(images / name, dir / name);
  const fs::path doc = dir / "photos.yaml";
  std::ofstream(doc) << "meta: {title: 照片测试, date: 2024-12-18}\n"
                        "articles:\n"
                        "  - union: 测试县总工会\n"
                        "    headline: 照片很多的一页\n"
                        "    lead: [职工书屋里摆满了新书，职工们在这里读书学习。]\n"
                        "    photos:\n"
                        "      - {src: huge.jpg, caption: 六千乘四千像素的大照片, span: page}\n"
                        "      - {src: adobe-cmyk.jpg, caption: Photoshop 的 CMYK 照片}\n"
                        "      - {src: cmyk.jpg, caption: 另一张 CMYK 照片}\n"
                        "      - {src: alpha.png, caption: 带透明的 PNG}\n"
                        "      - {src: lowres.jpg, caption: 低分辨率照片}\n"
                        "      - {src: grey.jpg, caption: 灰度照片}\n"
                        "      - {src: rgb.jpg, caption: 小的 RGB 照片}\n";
  return doc;
}

struct ListedImage {
  int width = 0;
  std::string colour, encoding;
  double x_ppi = 0;
};

std::vector<ListedImage> list_images(const fs::path& pdf) {
  const auto r = run_command("pdfimages -list " + pdf.string() + " 2>&1");
  std::vector<ListedImage> out;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);  // the two header lines
  while (std::getline(lines, line)) {
    std::istringstream f(line);
    std::string page, num, type, height, comp, bpc, interp, object, id, y_ppi;
    ListedImage img;
    f >> page >> num >> type >> img.width >> height >> img.colour >> comp >> bpc >> img.encoding >> interp >> object >>
        id >> img.x_ppi >> y_ppi;
    out.push_back(img);
  }
  return out;
}

}  // namespace

TEST_CASE("press: the seed page and a county sheet are PDF/X-1a with black text in black ink only") {
  const auto dir = temp_dir("pages");
  check_press_pdf(render_pdf(source_dir() + "/samples/seed-page.yaml", dir / "seed.pdf"));

  // A county sheet through batch --press.
  const auto r = run_command(broadsheet() + " batch " + source_dir() + "/samples/counties/anji.yaml --press -o " +
                             (dir / "counties").string() + " 2>&1");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  check_press_pdf(dir / "counties" / "anji.pdf");
  fs::remove_all(dir);
}

TEST_CASE("press: a photo-heavy document — huge, low-res, Adobe CMYK, gray and transparent photos") {
  const auto dir = temp_dir("photos");
  const fs::path doc = photo_document(dir);
  const auto r = run_command(broadsheet() + " render " + doc.string() + " --press -o " + (dir / "photos.pdf").string() +
                             " 2>&1");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("lowres.jpg prints at") != std::string::npos);  // the low-dpi warning, as on screen
  check_press_pdf(dir / "photos.pdf");

  const auto images = list_images(dir / "photos.pdf");
  REQUIRE(images.size() == 7);
  int gray = 0;
  for (const auto& img : images) {
    CAPTURE(img.width);
    CHECK((img.colour == "cmyk" || img.colour == "gray"));
    CHECK(img.x_ppi <= 301);  // at most 300 dpi at the printed size
    gray += img.colour == "gray";
  }
  CHECK(gray == 1);  // grey.jpg stays gray
  // The 6000-pixel photo went in at its printed size, not 24 megapixels.
  CHECK(std::none_of(images.begin(), images.end(), [](const ListedImage& i) { return i.width >= 6000; }));

  // The Adobe CMYK photo prints its cyan and its gray, not their inverse.
  const fs::path raw = dir / "photos.cmyk";
  REQUIRE(run_command("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=bitcmyk -dGrayValues=256 -r50 -dFirstPage=1 "
                      "-dLastPage=1 -o " + raw.string() + " " + (dir / "photos.pdf").string())
              .exit_code == 0);
  const std::string px = read_file(raw);
  auto count_near = [&](int c, int m, int y, int k) {
    int n = 0;
    for (std::size_t i = 0; i + 3 < px.size(); i += 4) {
      const int v[4] = {static_cast<unsigned char>(px[i]), static_cast<unsigned char>(px[i + 1]),
                        static_cast<unsigned char>(px[i + 2]), static_cast<unsigned char>(px[i + 3])};
      n += std::abs(v[0] - c) <= 6 && std::abs(v[1] - m) <= 6 && std::abs(v[2] - y) <= 6 && std::abs(v[3] - k) <= 6;
    }
    return n;
  };
  CHECK(count_near(153, 0, 0, 0) > 20);
  CHECK(count_near(0, 0, 0, 102) > 20);
  fs::remove_all(dir);
}

TEST_CASE("press: `print: press` in a layout; a text-only page prints no cyan, magenta or yellow") {
  const auto dir = temp_dir("text");
  std::string layout = read_file(fs::path(source_dir()) / "layouts/newspaper-a4.yaml");
  // The shipped layout in black and grays only, for the press.
  layout = std::regex_replace(layout, std::regex("#b41e1e"), "#000000");
  layout = std::regex_replace(layout, std::regex("#f3e6d8"), "#e0e0e0");
  layout += "print: press\n";
  std::ofstream(dir / "mono.yaml") << layout;
  std::ofstream(dir / "text.yaml") << "layout: mono.yaml\n"
                                      "meta: {title: 文字, date: 2024-12-18}\n"
                                      "articles:\n"
                                      "  - union: 测试县总工会\n"
                                      "    headline: 只有文字的一页\n"
                                      "    lead: [职工书屋里摆满了新书，职工们在这里读书学习。]\n"
                                      "    sections:\n"
                                      "      - heading: 小标题\n"
                                      "        paragraphs: [正文段落，没有照片。]\n"
                                      "    byline: 记者 某某\n";
  const fs::path pdf = render_pdf((dir / "text.yaml").string(), dir / "text.pdf", "");  // no --press: the layout asks
  check_press_pdf(pdf);
  const auto r = run_command("gs -q -dSAFER -o - -sDEVICE=inkcov " + pdf.string() + " 2>&1");
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  int pages = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("CMYK") == std::string::npos) continue;
    ++pages;
    std::istringstream f(line);
    std::string c, m, y, k;
    f >> c >> m >> y >> k;
    CHECK(c == "0.00000");
    CHECK(m == "0.00000");
    CHECK(y == "0.00000");
    CHECK(k != "0.00000");
  }
  CHECK(pages >= 1);
  fs::remove_all(dir);
}

TEST_CASE("press: same text at the same positions as on screen; deterministic; screen output unchanged") {
  const auto dir = temp_dir("same");
  const std::string seed = source_dir() + "/samples/seed-page.yaml";
  const fs::path screen = render_pdf(seed, dir / "screen.pdf", "");
  const fs::path press = render_pdf(seed, dir / "press.pdf");
  const std::string on_screen = words(screen);
  CHECK(on_screen.size() > 1000);
  CHECK(words(press) == on_screen);
  const fs::path again = render_pdf(seed, dir / "again.pdf");
  CHECK(read_file(again) == read_file(press));

  // Screen output keeps RGB and PDF 1.4, with nothing of the press in it.
  const std::string bytes = read_file(screen);
  CHECK(bytes.rfind("%PDF-1.4", 0) == 0);
  CHECK(bytes.find("/OutputIntents") == std::string::npos);
  CHECK(bytes.find("GTS_PDFX") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("press: a layout whose profile is not CMYK fails at its line; --press with a bad layout too") {
  const auto dir = temp_dir("bad");
  std::ofstream(dir / "rgb.yaml") << "name: rgb\nprint:\n  mode: press\n  profile: /usr/share/color/icc/sRGB.icc\n";
  std::ofstream(dir / "doc.yaml") << "layout: rgb.yaml\narticles:\n  - union: 某县总工会\n    headline: 标题\n";
  const auto r = run_command(broadsheet() + " render " + (dir / "doc.yaml").string() + " -o " +
                             (dir / "doc.pdf").string() + " 2>&1");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find((dir / "rgb.yaml").string() + ":4:12: error: /usr/share/color/icc/sRGB.icc is an RGB profile") !=
        std::string::npos);
  CHECK_FALSE(fs::exists(dir / "doc.pdf"));
  fs::remove_all(dir);
}
