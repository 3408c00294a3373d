// Page pictures: one PNG per page, at the requested resolution, from the
// very bytes write_pdf produced.
#include "render/png/page_images.h"

#include <doctest/doctest.h>

#include "render/pdf/pdf_writer.h"
#include "render_fixtures.h"

using namespace render_test;

namespace {

std::string two_page_pdf() {
  frame::Publication pub;
  for (double width : {200.0, 100.0}) {
    frame::Page page;
    page.size = {width, 50};
    frame::Box box;
    box.rect = {0, 0, 20, 10};
    box.fill = true;
    box.fill_color = {0, 0.5, 0};
    page.items.push_back(box);
    pub.pages.push_back(page);
  }
  core::Diagnostics diags;
  return render::write_pdf(pub, {}, diags);
}

}  // namespace

TEST_CASE("one PNG per page, sized by the page and the resolution") {
  const std::string pdf = two_page_pdf();
  const auto at72 = render::rasterize_pdf(pdf, 72);
  REQUIRE(at72.size() == 2);
  for (const auto& png : at72) CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  const Picture first = decode_png(at72[0]);
  CHECK(first.width == 200);
  CHECK(first.height == 50);
  CHECK(decode_png(at72[1]).width == 100);
  const Picture fine = decode_png(render::rasterize_pdf(pdf, 144)[0]);
  CHECK(fine.width == 400);
  CHECK(fine.height == 100);
  // The top-left box, drawn in green; paper white elsewhere.
  CHECK(fine.at(10, 10).g == doctest::Approx(128).epsilon(0.05));
  CHECK(fine.at(10, 10).r == 0);
  CHECK(fine.at(300, 80).r == 255);
  // Same PDF, same pictures.
  CHECK(render::rasterize_pdf(pdf, 72) == at72);
}

TEST_CASE("an unreadable PDF throws") {
  CHECK_THROWS_AS(render::rasterize_pdf("not a pdf", 72), std::runtime_error);
  CHECK_THROWS_AS(render::rasterize_pdf(two_page_pdf(), 0), std::runtime_error);
}
