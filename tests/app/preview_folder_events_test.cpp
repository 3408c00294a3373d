// The preview learns of saved files from the kernel (inotify), not by
// polling: each kind of save an editor makes wakes a wait at once, and a
// wait with nothing happening times out.
#include "app/preview/preview_folder_events.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

namespace fs = std::filesystem;
using app::preview::FolderEvents;
using namespace std::chrono_literals;

namespace {

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// Waits for an event after `save` ran on another thread, 50 ms from now;
// then lets the rest of that save's events go.
bool woken_by(FolderEvents& events, const std::function<void()>& save) {
  std::thread saver([&] {
    std::this_thread::sleep_for(50ms);
    save();
  });
  const bool changed = events.wait(10s);
  saver.join();
  std::this_thread::sleep_for(20ms);
  events.wait(0ms);
  return changed;
}

}  // namespace

TEST_CASE("folder events: saves in watched folders wake a wait; nothing else does") {
  const fs::path dir = fs::temp_directory_path() / ("broadsheet-folder-events-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / "elsewhere");
  write_file(dir / "doc.yaml", "a");

  FolderEvents events;
  REQUIRE(events.available());
  CHECK(events.watch({dir.string(), (dir / "sub").string()}));
  CHECK_FALSE(events.wait(50ms));  // nothing happened

  const auto start = std::chrono::steady_clock::now();
  CHECK(woken_by(events, [&] { write_file(dir / "doc.yaml", "b"); }));  // rewritten in place
  CHECK(std::chrono::steady_clock::now() - start < 5s);                 // not a timeout
  CHECK(woken_by(events, [&] {                                          // saved by rename
    write_file(dir / "sub" / ".doc.yaml.tmp", "c");
    fs::rename(dir / "sub" / ".doc.yaml.tmp", dir / "sub" / "doc.yaml");
  }));
  CHECK(woken_by(events, [&] { fs::remove(dir / "sub" / "doc.yaml"); }));  // deleted
  CHECK(woken_by(events, [&] {  // its time set, as make or rsync do (IN_MODIFY only)
    fs::last_write_time(dir / "doc.yaml", fs::file_time_type::clock::now() - 1h);
  }));
  // A file written and not closed counts once it has been quiet a moment.
  {
    std::ofstream held(dir / "doc.yaml", std::ios::binary | std::ios::app);
    CHECK(woken_by(events, [&] { held << "more" << std::flush; }));
  }
  events.wait(50ms);  // its close
  // A folder not watched says nothing.
  write_file(dir / "elsewhere" / "photo.jpg", "x");
  CHECK_FALSE(events.wait(100ms));

  // Watching another set of folders drops the rest; two names of one
  // folder share its watch, which stays while either is wanted.
  CHECK(events.watch({(dir / "elsewhere").string(), (dir / "sub" / ".." / "elsewhere").string()}));
  CHECK(events.watch({(dir / "sub" / ".." / "elsewhere").string()}));
  write_file(dir / "doc.yaml", "d");
  CHECK_FALSE(events.wait(100ms));
  CHECK(woken_by(events, [&] { write_file(dir / "elsewhere" / "photo.jpg", "y"); }));

  // A folder that is not there cannot be watched: the caller must poll.
  CHECK_FALSE(events.watch({(dir / "missing").string()}));

  // stop() ends a wait at once, and every later one.
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    events.stop();
  });
  const auto before = std::chrono::steady_clock::now();
  CHECK_FALSE(events.wait(10s));
  stopper.join();
  CHECK(std::chrono::steady_clock::now() - before < 5s);
  CHECK_FALSE(events.wait(10s));
  fs::remove_all(dir);
}
