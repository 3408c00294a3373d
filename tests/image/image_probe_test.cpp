// The photo probe: sizes, EXIF orientation, and the damaged or oversized
// files it must refuse with a reason.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "image/image_probe.h"
#include "image/photo_checks.h"

namespace {

std::string image(const std::string& name) { return std::string(BROADSHEET_TEST_DATA) + "/images/" + name; }

std::optional<image::ImageInfo> probe(const std::string& name, std::string& why,
                                      image::Check check = image::Check::Whole) {
  return image::probe_image_file(image(name), check, why);
}

}  // namespace

TEST_CASE("JPEG and PNG: size and components") {
  std::string why;
  const auto jpeg = probe("rgb.jpg", why);
  REQUIRE_MESSAGE(jpeg, why);
  CHECK(jpeg->format == image::Format::Jpeg);
  CHECK(jpeg->width == 64);
  CHECK(jpeg->height == 32);
  CHECK(jpeg->components == 3);
  CHECK(jpeg->orientation == image::Orientation::Normal);
  CHECK(probe("cmyk.jpg", why)->components == 4);
  const auto png = probe("alpha.png", why);
  REQUIRE_MESSAGE(png, why);
  CHECK(png->format == image::Format::Png);
  CHECK(png->width == 64);
  CHECK(png->height == 32);
}

TEST_CASE("JPEG: the Adobe marker, and codings a PDF cannot carry refused") {
  std::string why;
  const auto cmyk = probe("cmyk.jpg", why);
  REQUIRE_MESSAGE(cmyk, why);
  CHECK(cmyk->adobe);  // Photoshop CMYK, stored inverted
  const auto grey = probe("grey.jpg", why);
  REQUIRE_MESSAGE(grey, why);
  CHECK(grey->components == 1);
  CHECK_FALSE(grey->adobe);

  std::ifstream in(std::string(BROADSHEET_TEST_DATA) + "/images/rgb.jpg", std::ios::binary);
  std::string lossless((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto sof = lossless.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  lossless[sof + 1] = '\xC3';  // SOF3: lossless coding
  CHECK_FALSE(image::probe_image(lossless, image::Check::Header, why));
  CHECK_MESSAGE(why.find("JPEG") != std::string::npos, why);
}

TEST_CASE("EXIF orientation is read, and a quarter turn swaps the shown size") {
  std::string why;
  const auto six = probe("rgb-exif6.jpg", why);
  REQUIRE_MESSAGE(six, why);
  CHECK(six->orientation == image::Orientation::Rotate90);
  CHECK(six->shown_width() == 32);
  CHECK(six->shown_height() == 64);
  CHECK(probe("rgb-exif3.jpg", why)->orientation == image::Orientation::Rotate180);
  CHECK(probe("rgb-exif3.jpg", why)->shown_width() == 64);
  CHECK(probe("rgb-exif8.jpg", why)->orientation == image::Orientation::Rotate270);
  CHECK(probe("rgb-exif2.jpg", why)->orientation == image::Orientation::MirrorHorizontal);
  const auto png = probe("alpha-exif6.png", why);  // PNG's eXIf chunk
  REQUIRE_MESSAGE(png, why);
  CHECK(png->orientation == image::Orientation::Rotate90);
  CHECK(png->shown_width() == 32);
}

TEST_CASE("EXIF parsing survives malformed blocks") {
  using image::exif_orientation;
  CHECK(exif_orientation("") == image::Orientation::Normal);
  CHECK(exif_orientation(std::string("MM\0*\xff\xff\xff\xff", 8)) == image::Orientation::Normal);
  CHECK(exif_orientation(std::string("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0", 22)) ==
        image::Orientation::Rotate90);
  // A count running past the end, and a value out of range.
  CHECK(exif_orientation(std::string("II*\0\x08\0\0\0\xff\xff\x12\x01", 12)) == image::Orientation::Normal);
  CHECK(exif_orientation(std::string("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x09\0\0\0", 22)) ==
        image::Orientation::Normal);
}

TEST_CASE("the upright transforms map the stored unit square onto the unit square") {
  for (int o = 1; o <= 8; ++o) {
    const auto [a, b, c, d, e, f] = image::upright_transform(static_cast<image::Orientation>(o));
    // The four corners land on the four corners, whatever the turn.
    for (const auto& [u, v] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      const double x = a * u + c * v + e, y = b * u + d * v + f;
      CHECK((x == 0 || x == 1));
      CHECK((y == 0 || y == 1));
    }
  }
  // Rotate90: the stored top-left corner (u 0, v 1) is shown top-right.
  const auto r = image::upright_transform(image::Orientation::Rotate90);
  CHECK(r[0] * 0 + r[2] * 1 + r[4] == 1);
  CHECK(r[1] * 0 + r[3] * 1 + r[5] == 1);
}

TEST_CASE("a truncated JPEG or PNG is refused when checked whole") {
  std::string why;
  CHECK_FALSE(probe("truncated.jpg", why));
  CHECK(why.find("truncated") != std::string::npos);
  // Its header alone is fine: that is what the whole check is for.
  CHECK(probe("truncated.jpg", why, image::Check::Header));
  why.clear();
  CHECK_FALSE(probe("truncated.png", why));
  CHECK(why.find("truncated or damaged PNG") != std::string::npos);
}

TEST_CASE("a header claiming more pixels than the limit is refused before decoding") {
  std::string why;
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(probe("huge-header.jpg", why));
  CHECK(why.find("20000x20000") != std::string::npos);
  CHECK(why.find("limit of 100000000") != std::string::npos);
  CHECK_FALSE(probe("huge-header-65535.jpg", why));  // libjpeg's own limit
  CHECK_FALSE(probe("huge-header.png", why));
  CHECK(why.find("20000x20000") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
}

TEST_CASE("not an image, an empty file, a FIFO and a folder are refused without blocking") {
  std::string why;
  CHECK_FALSE(image::probe_image("GIF89a....", image::Check::Whole, why));
  CHECK(why == "is neither a JPEG nor a PNG file");
  CHECK_FALSE(image::probe_image(std::string("\xFF\xD8\xFF", 3), image::Check::Whole, why));
  CHECK_FALSE(image::probe_image(std::string("\x89PNG\r\n\x1a\n", 8), image::Check::Whole, why));
  const auto dir = std::filesystem::temp_directory_path() / ("bs-probe-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto fifo = dir / "photo.jpg";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(image::probe_image_file(fifo.string(), image::Check::Whole, why));
  CHECK(why == "cannot be read: it is a FIFO (named pipe), not a regular file");
  CHECK_FALSE(image::probe_image_file(dir.string(), image::Check::Whole, why));
  CHECK(why == "is a directory, not an image file");
  CHECK_FALSE(image::probe_image_file((dir / "none.jpg").string(), image::Check::Whole, why));
  CHECK(why == "not found");
  std::filesystem::remove_all(dir);
}

TEST_CASE("photos checked once per run: the same answers as the probe, again when the file changes") {
  const auto dir = std::filesystem::temp_directory_path() / ("bs-checks-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string photo = (dir / "photo.jpg").string();
  auto test_image = [](const std::string& name) { return std::string(BROADSHEET_TEST_DATA) + "/images/" + name; };
  auto put = [&](const std::string& from) {
    std::filesystem::copy_file(from, photo, std::filesystem::copy_options::overwrite_existing);
  };
  image::PhotoChecks checks;
  std::string why, probe_why;
  put(test_image("rgb.jpg"));
  const auto first = checks.check_file(photo, why);
  REQUIRE_MESSAGE(first, why);
  const auto again = checks.check_file(photo, why);  // from memory
  REQUIRE(again);
  CHECK(again->width == first->width);
  CHECK(again->height == first->height);
  // Replaced by a damaged file of another size: checked again, refused
  // with the probe's own message; and again from memory.
  put(test_image("truncated.jpg"));
  CHECK_FALSE(checks.check_file(photo, why));
  CHECK_FALSE(image::probe_image_file(photo, image::Check::Whole, probe_why));
  CHECK(why == probe_why);
  why.clear();
  CHECK_FALSE(checks.check_file(photo, why));
  CHECK(why == probe_why);
  // A sound photo again, and a file that is gone.
  put(test_image("grey.jpg"));
  const auto grey = checks.check_file(photo, why);
  REQUIRE_MESSAGE(grey, why);
  CHECK(grey->components == 1);
  std::filesystem::remove(photo);
  CHECK_FALSE(checks.check_file(photo, why));
  CHECK(why == "not found");
  std::filesystem::remove_all(dir);
}
