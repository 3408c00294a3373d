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
    // Red at the bottom right: the colour channels stay in their order.
    box.rect = {width - 20, 40, 20, 10};
    box.fill_color = {1, 0, 0};
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
  CHECK(fine.at(300, 80).g == 255);
  CHECK(fine.at(390, 90).r == 255);
  CHECK(fine.at(390, 90).g == 0);
  CHECK(fine.at(390, 90).b == 0);
  // Same PDF, same pictures.
  CHECK(render::rasterize_pdf(pdf, 72) == at72);
}

TEST_CASE("an unreadable PDF throws") {
  CHECK_THROWS_AS(render::rasterize_pdf("not a pdf", 72), std::runtime_error);
  CHECK_THROWS_AS(render::rasterize_pdf(two_page_pdf(), 0), std::runtime_error);
}

TEST_CASE("pages drawn on several threads are the same pictures; the thumbnail is the first page made smaller") {
  const std::string pdf = two_page_pdf();
  const auto one_thread = render::rasterize_pdf(pdf, 144);
  render::PictureOptions options;
  options.dpi = 144;
  options.threads = 3;  // more threads than pages: one a page
  options.thumbnail_reduction = 4;
  const render::PagePictures drawn = render::rasterize_pdf(pdf, options);
  CHECK(drawn.pages == one_thread);
  // 400 × 100 pixels made 4 times smaller, each pixel the mean of 16.
  const Picture thumb = decode_png(drawn.thumbnail);
  CHECK(thumb.width == 100);
  CHECK(thumb.height == 25);
  CHECK(thumb.at(2, 2).g == doctest::Approx(128).epsilon(0.05));  // inside the green box
  CHECK(thumb.at(2, 2).r == 0);
  CHECK(thumb.at(98, 23).r == 255);  // inside the red one
  CHECK(thumb.at(98, 23).g == 0);
  CHECK(thumb.at(60, 10).b == 255);  // paper
  // A picture whose side is not a multiple: the last row and column are means of what is there.
  options.dpi = 72;
  options.thumbnail_reduction = 3;
  const Picture odd = decode_png(render::rasterize_pdf(pdf, options).thumbnail);
  CHECK(odd.width == 67);  // 200 / 3, rounded up
  CHECK(odd.height == 17);
  CHECK(odd.at(66, 16).r == 255);
  CHECK(odd.at(66, 16).g == 0);
  // No thumbnail unless asked for.
  options.thumbnail_reduction = 0;
  CHECK(render::rasterize_pdf(pdf, options).thumbnail.empty());
}
