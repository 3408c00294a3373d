// The preview as a browser sees it: Debian's headless Chromium loads the
// document page (screenshot), zooms to 200 % with a YAML line's boxes
// marked (screenshot), follows a live reload after an edit, and shows a
// broken document's errors beside its last good pages, dimmed (screenshot).
// Chromium is installed by the bootstrap, so its absence is a failure, not a skip.
#include "preview_test_support.h"

#include <algorithm>
#include <future>

#include "app/preview/preview_html.h"

namespace fs = std::filesystem;
using namespace preview_test;

namespace {

std::string chromium_path() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    auto r = run_command(std::string("command -v ") + name + " 2>/dev/null");
    if (r.exit_code == 0 && !r.out.empty()) return r.out.substr(0, r.out.find('\n'));
  }
  return "";
}

// One headless Chromium run with a fresh profile; `what` is e.g.
// "--screenshot=FILE --window-size=1200,1600" or "--dump-dom". Returns what
// it printed on stdout (the DOM for --dump-dom).
CommandResult chromium(const std::string& exe, const fs::path& profile, const std::string& what, const std::string& url) {
  fs::remove_all(profile);
  fs::create_directories(profile);
  return run_command("timeout 50 " + exe +
                     " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                     " --disable-background-networking --disable-component-update --disable-sync"
                     " --user-data-dir=" + profile.string() + " " + what + " '" + url + "' 2>/dev/null");
}

// A screenshot with Chromium; a second try when the browser itself gave up
// (on a loaded machine it can miss its own timeout before the page is in),
// so the picture's absence after two tries is the preview's fault.
CommandResult screenshot(const std::string& exe, const fs::path& profile, const fs::path& shot,
                         const std::string& options, const std::string& url) {
  CommandResult r;
  fs::remove(shot);
  for (int attempt = 0; attempt < 2 && !fs::exists(shot); ++attempt)
    r = chromium(exe, profile, "--screenshot=" + shot.string() + " " + options, url);
  return r;
}

std::string current_key(std::uint16_t port) {
  return first_match(http(port, "/doc/seed-page.yaml").body, "src=\"/img/([0-9a-f]{16})/page/1\\.png\"");
}

}  // namespace

TEST_CASE("headless Chromium: document page screenshot, live reload, errors in the page") {
  const std::string exe = chromium_path();
  REQUIRE_MESSAGE(!exe.empty(), "chromium is not installed: run `make bootstrap` (scripts/bootstrap.sh installs it)");

  const fs::path dir = sample_copy("browser", false);
  const fs::path work = dir.string() + "-chromium";
  fs::create_directories(work);
  app::preview::PreviewServer server(loopback_options(dir), resources());
  REQUIRE(server.wait_idle(40000));
  const std::string doc_url = server.url() + "doc/seed-page.yaml";

  // 1. The document page as a picture: the browser fetched the page images.
  const auto images_before = server.counters().images;
  const fs::path shot = work / "document-page.png";
  auto r = screenshot(exe, work / "profile1", shot, "--window-size=1200,1600", doc_url);
  INFO(r.out);
  REQUIRE(fs::exists(shot));
  const std::string png = read_file(shot);
  CHECK(app::preview::png_size(png) == std::pair<int, int>{1200, 1600});
  CHECK(png.size() > 60000);  // a page of text, not an empty window
  CHECK(server.counters().images >= images_before + 1);
  // Kept beside the test binary for a person to look at.
  std::error_code ec;
  fs::copy_file(shot, fs::current_path() / "preview-browser-screenshot.png", fs::copy_options::overwrite_existing, ec);

  // 2. Zoom to 200 %, the boxes of the first lead paragraph's line marked:
  // the page asks for pictures drawn at twice the screen resolution.
  const std::string yaml_text = read_file(dir / "seed-page.yaml");
  const auto lead_at = yaml_text.find("\n", yaml_text.find("    lead:")) + 1;
  const int lead_line = 1 + static_cast<int>(std::count(yaml_text.begin(), yaml_text.begin() + static_cast<long>(lead_at), '\n'));
  const std::string zoom_url = doc_url + "?zoom=2&line=" + std::to_string(lead_line);
  const fs::path zoom_shot = work / "zoom.png";
  screenshot(exe, work / "profile-zoom", zoom_shot, "--virtual-time-budget=3000 --window-size=1400,1000", zoom_url);
  REQUIRE(fs::exists(zoom_shot));
  CHECK(app::preview::png_size(read_file(zoom_shot)) == std::pair<int, int>{1400, 1000});
  fs::copy_file(zoom_shot, fs::current_path() / "preview-zoom-screenshot.png", fs::copy_options::overwrite_existing, ec);
  const CommandResult zoomed = chromium(exe, work / "profile-zoom2", "--virtual-time-budget=3000 --dump-dom", zoom_url);
  CHECK(zoomed.out.find("page/1.png?ppi=192") != std::string::npos);
  CHECK(zoomed.out.find("data-zoom=\"2\" aria-pressed=\"true\"") != std::string::npos);
  CHECK(zoomed.out.find("class=\"mark") != std::string::npos);       // the line's boxes are marked
  CHECK(zoomed.out.find("seed-page.yaml:" + std::to_string(lead_line)) != std::string::npos);  // and its source shown

  // 3. Live reload: while the page is open, the YAML is edited; the page's
  // script must swap in the new render without a reload. Virtual time lets
  // the script's timers run; it stands still while a request is pending, so
  // the server's held long poll spans the real time the render takes.
  const std::string old_key = current_key(server.port());
  const auto polls_before = server.version_polls();
  auto dom_future = std::async(std::launch::async, [&] {
    return chromium(exe, work / "profile2", "--virtual-time-budget=1000 --dump-dom", doc_url);
  });
  const double opened = wait_until(40, [&] { return server.version_polls() > polls_before; });
  CHECK(opened >= 0);
  const fs::path yaml = dir / "seed-page.yaml";
  const std::string original = read_file(yaml);
  write_file(yaml, replace_once(original, "headline: \"推进产改走深走实", "headline: \"浏览器里推进产改走深走实"));
  const CommandResult dom = dom_future.get();
  REQUIRE(server.wait_idle(20000));
  const std::string new_key = current_key(server.port());
  REQUIRE(!new_key.empty());
  CHECK(new_key != old_key);
  CHECK(dom.out.find("data-live=\"on\"") != std::string::npos);
  CHECK_MESSAGE(dom.out.find("/img/" + new_key + "/page/1.png") != std::string::npos,
                "the open page did not show the new render; its DOM:\n" << dom.out.substr(0, 3000));
  CHECK(dom.out.find("/img/" + old_key + "/") == std::string::npos);

  // 4. A broken document shows its file:line:col errors beside its last
  // good pages, dimmed.
  write_file(yaml, replace_once(original, "articles:", "articlez:"));
  REQUIRE(wait_until(20, [&] { return http(server.port(), "/api/status").body.find("\"ok\":false") != std::string::npos; }) >= 0);
  const CommandResult broken = chromium(exe, work / "profile3", "--dump-dom", doc_url);
  CHECK(broken.out.find("does not load") != std::string::npos);
  CHECK(std::regex_search(broken.out, std::regex("seed-page\\.yaml:\\d+:\\d+: error: ")));
  CHECK(broken.out.find("pages stale") != std::string::npos);
  CHECK(broken.out.find("/img/" + new_key + "/page/1.png") != std::string::npos);
  const fs::path broken_shot = work / "broken.png";
  screenshot(exe, work / "profile4", broken_shot, "--virtual-time-budget=2000 --window-size=1400,1000", doc_url);
  REQUIRE(fs::exists(broken_shot));
  CHECK(read_file(broken_shot).size() > 60000);
  fs::copy_file(broken_shot, fs::current_path() / "preview-broken-screenshot.png", fs::copy_options::overwrite_existing, ec);

  CHECK(server.counters().server_errors == 0);
  fs::remove_all(dir);
  fs::remove_all(work);
}
