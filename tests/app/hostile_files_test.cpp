// Outputs never replace inputs or special files; FIFOs and devices are
// refused as inputs without blocking; damaged photos are located errors.
#include <doctest/doctest.h>

#include "hostile_support.h"

namespace fs = std::filesystem;
using hostile::run_bounded;

TEST_CASE("an output that is one of the inputs is refused with exit 2, the input untouched") {
  const auto d = hostile::folder("clobber");
  hostile::write(d / "layout.yaml", hostile::read(source_dir() + "/layouts/newspaper-a4.yaml"));
  const std::string doc = "layout: layout.yaml\n" + hostile::doc_with_photo("photos/rgb.jpg");
  hostile::write(d / "doc.yaml", doc);
  const std::string photo = hostile::read(d / "photos/rgb.jpg");
  for (const char* target : {"doc.yaml", "photos/rgb.jpg", "layout.yaml", "./photos/../doc.yaml"}) {
    const auto r = run_bounded(d, std::string("render doc.yaml -o ") + target);
    INFO(target << ": " << r.out);
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("one of the inputs") != std::string::npos);
  }
  CHECK(hostile::read(d / "doc.yaml") == doc);
  CHECK(hostile::read(d / "photos/rgb.jpg") == photo);
  // --png pictures may not land on a photo either.
  fs::copy_file(d / "photos/rgb.jpg", d / "photos/doc-1.png");
  hostile::write(d / "doc2.yaml", hostile::doc_with_photo("doc2-1.png"));
  fs::copy_file(d / "photos/rgb.jpg", d / "doc2-1.png");
  const auto png = run_bounded(d, "render doc.yaml -o out.pdf --png photos");
  CHECK(png.exit_code == 0);  // photos/doc-1.png is not one of doc.yaml's inputs
  const auto clash = run_bounded(d, "render doc2.yaml -o out2.pdf --png .");
  INFO(clash.out);
  CHECK(clash.exit_code == 2);
  CHECK(!fs::exists(d / "out2.pdf"));
  fs::remove_all(d);
}

TEST_CASE("an existing non-regular output is refused; -o - is standard output") {
  const auto d = hostile::folder("special");
  hostile::write(d / "doc.yaml", hostile::doc_with_photo("photos/rgb.jpg"));
  REQUIRE(::mkfifo((d / "fifo.pdf").c_str(), 0600) == 0);
  fs::create_symlink("/dev/null", d / "link.pdf");
  fs::create_directory(d / "folder.pdf");
  for (const char* target : {"/dev/null", "/dev/stdout", "fifo.pdf", "link.pdf", "folder.pdf"}) {
    const auto r = run_bounded(d, std::string("render doc.yaml -o ") + target);
    INFO(target << ": " << r.out);
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("will not write") != std::string::npos);
  }
  CHECK(fs::is_symlink(d / "link.pdf"));
  CHECK(fs::is_fifo(d / "fifo.pdf"));
  const auto out = run_command("cd '" + d.string() + "' && " + hostile::release_binary() + " render doc.yaml -o - | head -c 5");
  CHECK(out.out == "%PDF-");
  fs::remove_all(d);
}

TEST_CASE("a FIFO as photo, layout or document is an error at once, never a hang") {
  const auto d = hostile::folder("fifo");
  REQUIRE(::mkfifo((d / "photos/pipe.jpg").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((d / "pipe-layout.yaml").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((d / "pipe-doc.yaml").c_str(), 0600) == 0);
  hostile::write(d / "photo.yaml", hostile::doc_with_photo("photos/pipe.jpg"));
  hostile::write(d / "layout.yaml", "layout: pipe-layout.yaml\n" + hostile::doc_with_photo("photos/rgb.jpg"));
  const auto photo = run_bounded(d, "render photo.yaml -o out.pdf");
  INFO(photo.out);
  CHECK(photo.exit_code == 1);
  CHECK(photo.out.find("photo.yaml:6:14: error: photo 'photos/pipe.jpg' cannot be read: it is a FIFO") !=
        std::string::npos);
  const auto layout = run_bounded(d, "render layout.yaml -o out.pdf");
  INFO(layout.out);
  CHECK(layout.exit_code == 1);
  CHECK(layout.out.find("FIFO") != std::string::npos);
  const auto doc = run_bounded(d, "render pipe-doc.yaml -o out.pdf");
  INFO(doc.out);
  CHECK(doc.exit_code == 1);
  CHECK(doc.out.find("pipe-doc.yaml: error: cannot read the file: it is a FIFO") != std::string::npos);
  // A layout that is not a YAML file is not read (its lines would be quoted).
  hostile::write(d / "passwd.yaml", "layout: /etc/passwd\n" + hostile::doc_with_photo("photos/rgb.jpg"));
  const auto passwd = run_bounded(d, "render passwd.yaml -o out.pdf");
  INFO(passwd.out);
  CHECK(passwd.exit_code == 1);
  CHECK(passwd.out.find("passwd.yaml:1:9: error: unknown layout '/etc/passwd'") != std::string::npos);
  CHECK(passwd.out.find("root:") == std::string::npos);
  const auto dev = run_bounded(d, "check /dev/zero");
  CHECK(dev.exit_code == 1);
  CHECK(dev.out.find("character device") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("damaged and oversized photos are errors at their src") {
  const auto d = hostile::folder("photos");
  struct Case {
    const char* src;
    const char* says;
  };
  for (const Case c : {Case{"photos/truncated.jpg", "is a truncated or damaged JPEG"},
                       Case{"photos/truncated.png", "is a truncated or damaged PNG"},
                       Case{"photos/huge-header.jpg", "has 20000x20000 = 400000000 pixels, more than the limit"},
                       Case{"photos/huge-header.png", "has 20000x20000 = 400000000 pixels, more than the limit"}}) {
    hostile::write(d / "doc.yaml", hostile::doc_with_photo(c.src));
    const auto r = run_bounded(d, "render doc.yaml -o out.pdf");
    INFO(c.src << ": " << r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("doc.yaml:6:14: error: photo '" + std::string(c.src) + "' " + c.says) != std::string::npos);
    CHECK(r.seconds < 5);
    CHECK(!fs::exists(d / "out.pdf"));
  }
  // A phone portrait stored sideways is set as the portrait it is.
  hostile::write(d / "doc.yaml", hostile::doc_with_photo("photos/rgb-exif6.jpg"));
  const auto r = run_bounded(d, "render doc.yaml -o out.pdf");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  fs::remove_all(d);
}
