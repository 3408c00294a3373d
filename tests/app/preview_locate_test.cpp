// The preview connects the page to the YAML: /api/locate names the line an
// item drawn at a spot comes from, /api/boxes the boxes a line is drawn in.
// The spots are found in the served PDF's own text (poppler), never as fixed
// positions, so the test holds whatever the layout does to the page.
#include <poppler-document.h>
#include <poppler-page.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "app/preview/preview_html.h"
#include "preview_test_support.h"

namespace fs = std::filesystem;
using namespace preview_test;

namespace {

struct Spot {
  double x = 0, y = 0;  // pt from the trimmed page's top-left corner
};

// The 1-based number of the first line of `text` that contains `needle`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE_MESSAGE(at != std::string::npos, "sample no longer contains: " << needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// The text of line `n` after its first `"` (a quoted scalar's content).
std::string quoted_on_line(const std::string& text, int n) {
  std::size_t at = 0;
  for (int i = 1; i < n; ++i) at = text.find('\n', at) + 1;
  const std::string line = text.substr(at, text.find('\n', at) - at);
  const auto quote = line.find('"');
  REQUIRE(quote != std::string::npos);
  return line.substr(quote + 1);
}

// The first `n` code points of UTF-8 `s`.
std::string first_chars(const std::string& s, int n) {
  std::size_t at = 0;
  for (int i = 0; i < n && at < s.size(); ++i) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return s.substr(0, at);
}

// The middle of the first word box on PDF page `page` (0-based) whose text
// holds `needle`, less the picture's margin around the trimmed page.
Spot spot_in_pdf(const std::string& pdf, int page, const std::string& needle, double margin) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  REQUIRE(doc);
  std::unique_ptr<poppler::page> p(doc->create_page(page));
  REQUIRE(p);
  for (const auto& box : p->text_list()) {
    const auto utf8 = box.text().to_utf8();
    const std::string text(utf8.begin(), utf8.end());
    if (text.find(needle) == std::string::npos) continue;
    const auto r = box.bbox();  // pt, from the MediaBox's top-left corner
    return {r.x() + r.width() / 2 - margin, r.y() + r.height() / 2 - margin};
  }
  FAIL("no text on page " << page + 1 << " holds " << needle);
  return {};
}

Poco::JSON::Object::Ptr json(const std::string& body) {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string locate_target(const Spot& s, int page = 1) {
  return "/api/locate?doc=seed-page.yaml&page=" + std::to_string(page) + "&x=" + std::to_string(s.x) +
         "&y=" + std::to_string(s.y);
}

struct Served {
  std::string key, pdf;
  double margin = 0;
};

Served served_pdf(std::uint16_t port) {
  Served out;
  const Http doc = http(port, "/doc/seed-page.yaml");
  REQUIRE(doc.status == 200);
  out.key = first_match(doc.body, "src=\"/img/([0-9a-f]{16})/page/1\\.png\"");
  REQUIRE(!out.key.empty());
  out.margin = std::stod(first_match(doc.body, "id=\"page-1\" data-page=\"1\" data-width=\"[0-9.]+\" "
                                               "data-height=\"[0-9.]+\" data-margin=\"([0-9.]+)\""));
  const Http pdf = http(port, "/pdf/" + out.key + "/page/seed-page.pdf");
  REQUIRE(pdf.status == 200);
  out.pdf = pdf.body;
  return out;
}

}  // namespace

TEST_CASE("/api/locate finds the YAML line of a lead paragraph, a headline and a caption of the seed page") {
  const fs::path dir = sample_copy("locate", true);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const auto port = server.port();
  REQUIRE(server.wait_idle(40000));
  const fs::path yaml_path = dir / "seed-page.yaml";
  const std::string yaml = read_file(yaml_path);

  const int lead_line = line_of(yaml, "    lead:") + 1;
  const int headline_line = line_of(yaml, "headline: \"推进产改走深走实");
  const int caption_line = line_of(yaml, "caption: \"佛山市高明区总工会成立");
  const std::string lead_start = first_chars(quoted_on_line(yaml, lead_line), 8);
  const std::string caption_start = first_chars(quoted_on_line(yaml, caption_line), 11);

  Served s = served_pdf(port);
  struct Case {
    const char* kind;
    std::string needle;
    int line;
  };
  for (const Case& c : {Case{"lead", lead_start, lead_line}, Case{"headline", "推进产改走深走实", headline_line},
                        Case{"caption", caption_start, caption_line}}) {
    INFO(c.kind);
    const Spot spot = spot_in_pdf(s.pdf, 0, c.needle, s.margin);
    const Http r = http(port, locate_target(spot));
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.type == "application/json");
    const auto j = json(r.body);
    CHECK(j->getValue<std::string>("file") == "seed-page.yaml");
    CHECK(j->getValue<int>("line") == c.line);
    CHECK(j->getValue<int>("column") > 0);
    CHECK(j->getValue<std::string>("kind") == c.kind);
    CHECK(j->getValue<std::string>("path") == (fs::canonical(dir) / "seed-page.yaml").string());
    // The YAML around it, for the source panel.
    const auto context = j->getObject("context");
    REQUIRE(context);
    const int first = context->getValue<int>("first");
    const auto lines = context->getArray("lines");
    REQUIRE(lines);
    REQUIRE(c.line - first < static_cast<int>(lines->size()));
    CHECK(lines->getElement<std::string>(static_cast<unsigned>(c.line - first)).find(c.needle) != std::string::npos);
    // The reverse: the boxes of that line hold the spot.
    const Http b = http(port, "/api/boxes?doc=seed-page.yaml&line=" + std::to_string(c.line));
    REQUIRE(b.status == 200);
    const auto boxes = json(b.body)->getArray("boxes");
    bool holds = false;
    for (unsigned i = 0; i < boxes->size(); ++i) {
      const auto box = boxes->getObject(i);
      const double x = box->getValue<double>("x"), y = box->getValue<double>("y");
      holds = holds || (box->getValue<int>("page") == 1 && x <= spot.x && spot.x <= x + box->getValue<double>("width") &&
                        y <= spot.y && spot.y <= y + box->getValue<double>("height"));
    }
    CHECK(holds);
  }
  // The lead paragraph is drawn as several lines, all of them found.
  CHECK(json(http(port, "/api/boxes?doc=seed-page.yaml&line=" + std::to_string(lead_line)).body)
            ->getArray("boxes")
            ->size() >= 4);

  // Nothing in the page's corner: 404, with a JSON body.
  const Http empty = http(port, locate_target({2, 2}));
  CHECK(empty.status == 404);
  CHECK(empty.type == "application/json");
  CHECK(json(empty.body)->has("error"));
  CHECK(http(port, locate_target({100, 100}, 9)).status == 404);
  CHECK(http(port, locate_target({100, 100}, 0)).status == 400);
  CHECK(http(port, "/api/locate?doc=seed-page.yaml&page=1&x=abc&y=3").status == 400);
  CHECK(http(port, "/api/locate?doc=seed-page.yaml&page=1&x=nan&y=3").status == 400);
  CHECK(http(port, "/api/locate?doc=no-such.yaml&page=1&x=1&y=1").status == 404);
  CHECK(http(port, "/api/locate?page=1&x=1&y=1").status == 400);
  CHECK(http(port, "/api/boxes?doc=seed-page.yaml&line=x").status == 400);

  // An edit moves everything: a new first lead paragraph. The old one is now
  // the second, one line further down the YAML and elsewhere on the page.
  const std::string added = "      - \"预览定位测试新增的一段导语，排在最前面，把后面的内容往下推。\"\n";
  std::string edited = yaml;
  edited.insert(edited.find("\n", edited.find("    lead:")) + 1, added);
  write_file(yaml_path, edited);
  REQUIRE(wait_until(20, [&] { return served_pdf(port).key != s.key; }) >= 0);
  REQUIRE(server.wait_idle(20000));
  s = served_pdf(port);
  const Spot moved = spot_in_pdf(s.pdf, 0, lead_start, s.margin);
  const auto j = json(http(port, locate_target(moved)).body);
  CHECK(j->getValue<int>("line") == lead_line + 1);
  CHECK(j->getValue<std::string>("kind") == "lead");
  CHECK(json(http(port, locate_target(spot_in_pdf(s.pdf, 0, "预览定位测试", s.margin))).body)->getValue<int>("line") ==
        lead_line);

  CHECK(server.counters().server_errors == 0);
  fs::remove_all(dir);
}

TEST_CASE("preview: page pictures at a chosen resolution; last good pages while broken; warnings panel") {
  const fs::path dir = sample_copy("zoom", true);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  const auto port = server.port();
  REQUIRE(server.wait_idle(40000));
  const Served s = served_pdf(port);
  const std::string page1 = "/img/" + s.key + "/page/1.png";

  SUBCASE("?ppi=N draws the page at N pixels per inch, within bounds") {
    const Http normal = http(port, page1);
    CHECK(app::preview::png_size(normal.body) == std::pair<int, int>{794, 1123});
    const Http sharp = http(port, page1 + "?ppi=192");
    REQUIRE(sharp.status == 200);
    CHECK(sharp.type == "image/png");
    const auto [w, h] = app::preview::png_size(sharp.body);
    CHECK(std::abs(w - 595.276 * 192 / 72) < 1.5);
    CHECK(std::abs(h - 841.89 * 192 / 72) < 1.5);
    CHECK(http(port, page1 + "?ppi=192").body == sharp.body);  // kept, not drawn again differently
    CHECK(http(port, page1 + "?ppi=96").body == normal.body);
    CHECK(app::preview::png_size(http(port, "/img/" + s.key + "/debug/2.png?ppi=48").body).first == 397);
    for (const char* bad : {"?ppi=10", "?ppi=5000", "?ppi=abc", "?ppi=", "?ppi=96.5"}) {
      INFO(bad);
      CHECK(http(port, page1 + bad).status == 400);
    }
  }

  SUBCASE("a broken document keeps its last good pages, dimmed, beside its errors, and its own layout") {
    const fs::path anji = dir / "counties" / "anji.yaml";
    const std::string original = read_file(anji);
    const Http good = http(port, "/doc/counties/anji.yaml");
    const std::string good_key = first_match(good.body, "src=\"/img/([0-9a-f]{16})/page/1\\.png\"");
    REQUIRE(!good_key.empty());
    write_file(anji, original + "\n  - [unclosed\n");  // no longer YAML at all
    Http broken;
    REQUIRE(wait_until(20, [&] {
              broken = http(port, "/doc/counties/anji.yaml");
              return broken.body.find("does not load") != std::string::npos;
            }) >= 0);
    CHECK(std::regex_search(broken.body, std::regex("counties/anji\\.yaml:\\d+:\\d+: error: ")));
    CHECK(broken.body.find("class=\"pages stale\"") != std::string::npos);
    CHECK(broken.body.find("/img/" + good_key + "/page/1.png") != std::string::npos);
    CHECK(http(port, "/img/" + good_key + "/page/1.png").status == 200);
    CHECK(broken.body.find("layout sheet-a4") != std::string::npos);  // not the default layout
    CHECK(http(port, "/").body.find("layout sheet-a4") != std::string::npos);
    // The old pages still answer where their items came from.
    const int headline = line_of(original, "headline:");
    const auto boxes = json(http(port, "/api/boxes?doc=counties/anji.yaml&line=" + std::to_string(headline)).body)
                           ->getArray("boxes");
    REQUIRE(boxes->size() > 0);
    const auto box = boxes->getObject(0);
    const Http located = http(port, "/api/locate?doc=counties/anji.yaml&page=" + std::to_string(box->getValue<int>("page")) +
                                        "&x=" + std::to_string(box->getValue<double>("x") + box->getValue<double>("width") / 2) +
                                        "&y=" + std::to_string(box->getValue<double>("y") + box->getValue<double>("height") / 2));
    REQUIRE(located.status == 200);
    CHECK(json(located.body)->getValue<bool>("stale"));
    CHECK(json(located.body)->getValue<int>("line") == headline);
    CHECK(json(located.body)->getValue<std::string>("kind") == "headline");
    // An error names its line for the page to show.
    CHECK(std::regex_search(broken.body, std::regex("<li class=\"error\" data-file=\"counties/anji\\.yaml\" data-line=\"\\d+\"")));
    write_file(anji, original);
    CHECK(wait_until(20, [&] { return http(port, "/doc/counties/anji.yaml").body.find("pages stale") == std::string::npos; }) >= 0);
  }

  SUBCASE("warnings are listed with the spot they point at") {
    const fs::path yaml = dir / "seed-page.yaml";
    std::string text = read_file(yaml);
    text.insert(text.find("\n", text.find("    lead:")) + 1, "      - \"\"\n");  // an empty item: a warning
    write_file(yaml, text);
    const int line = line_of(text, "      - \"\"\n");
    const std::string item = "<li class=\"warning\" data-file=\"seed-page.yaml\" data-line=\"" + std::to_string(line) + "\"";
    Http doc;
    REQUIRE(wait_until(20, [&] {
              doc = http(port, "/doc/seed-page.yaml");
              return doc.body.find(item) != std::string::npos;
            }) >= 0);
    CHECK(doc.body.find("is empty") != std::string::npos);
    CHECK(doc.body.find("class=\"pages\"") != std::string::npos);  // a warning, not an error: the pages show
    // Its line: the YAML around it, and the page boxes of that line (none: nothing is drawn from it).
    const auto j = json(http(port, "/api/boxes?doc=seed-page.yaml&line=" + std::to_string(line)).body);
    CHECK(j->getArray("boxes")->size() == 0);
    CHECK(j->getObject("context")->getArray("lines")->size() > 3);
  }

  CHECK(server.counters().server_errors == 0);
  fs::remove_all(dir);
}
