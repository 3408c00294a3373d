// The input opener: regular files only, never a wait, sizes bounded.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "source/input_file.h"

namespace fs = std::filesystem;

TEST_CASE("InputFile: regular files are read; FIFOs, devices and folders are refused at once") {
  const fs::path dir = fs::temp_directory_path() / ("bs-input-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "a.txt") << "hello";
  std::string why;
  const auto text = source::read_input_file((dir / "a.txt").string(), 100, why);
  REQUIRE(text);
  CHECK(*text == "hello");
  CHECK_FALSE(source::read_input_file((dir / "a.txt").string(), 4, why));
  CHECK(why == "the file is larger than 4 bytes");

  REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
  fs::create_symlink(dir / "pipe", dir / "link-to-pipe");
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(source::InputFile::open((dir / "pipe").string(), why));
  CHECK(why == "it is a FIFO (named pipe), not a regular file");
  CHECK_FALSE(source::InputFile::open((dir / "link-to-pipe").string(), why));
  CHECK(why == "it is a FIFO (named pipe), not a regular file");
  CHECK_FALSE(source::InputFile::open("/dev/zero", why));
  CHECK(why == "it is a character device, not a regular file");
  CHECK_FALSE(source::InputFile::open(dir.string(), why));
  CHECK(why == "it is a directory");
  CHECK_FALSE(source::InputFile::open((dir / "none").string(), why));
  CHECK(why == "no such file");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));

  // A regular file that says it is empty but is not (/proc) is still read whole.
  const auto status = source::read_input_file("/proc/self/status", 1 << 20, why);
  REQUIRE(status);
  CHECK(status->find("Name:") != std::string::npos);
  fs::remove_all(dir);
}
