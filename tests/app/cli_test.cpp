// The command line as a user meets it: exit codes, messages, files written.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <utility>
#include <vector>

#include "app/common/arguments.h"

#include "run_command.h"
#include "test_files.h"

namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) { return fresh_dir("cli", name); }

std::string seed() { return source_dir() + "/samples/seed-page.yaml"; }

}  // namespace

TEST_CASE("--version and --help exit 0; bad usage exits 2") {
  CHECK(run_command(broadsheet() + " --version").exit_code == 0);
  auto help = run_command(broadsheet() + " --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("broadsheet render") != std::string::npos);
  CHECK(run_command(broadsheet() + " 2>/dev/null").exit_code == 2);
  CHECK(run_command(broadsheet() + " frobnicate 2>/dev/null").exit_code == 2);
  CHECK(run_command(broadsheet() + " render 2>/dev/null").exit_code == 2);
  CHECK(run_command(broadsheet() + " render " + seed() + " --bogus 2>/dev/null").exit_code == 2);
}

TEST_CASE("check accepts the seed page") {
  auto r = run_command(broadsheet() + " check " + seed() + " 2>&1");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("error") == std::string::npos);
}

TEST_CASE("render writes a PDF next to -o, and to stdout with -o -") {
  auto dir = temp_dir("render");
  const auto out = dir / "seed.pdf";
  auto r = run_command(broadsheet() + " render " + seed() + " -o " + out.string() + " 2>&1");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  REQUIRE(fs::exists(out));
  std::ifstream in(out, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  CHECK(head == "%PDF-");
  // No temporary file is left beside the output.
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);

  auto piped = run_command(broadsheet() + " render " + seed() + " -o - 2>/dev/null | head -c 5");
  CHECK(piped.out == "%PDF-");
  fs::remove_all(dir);
}

TEST_CASE("bad input exits 1 with file:line:col and writes nothing") {
  auto dir = temp_dir("bad");
  const auto doc = dir / "bad.yaml";
  std::ofstream(doc) << "articles:\n  - union: 某县总工会\n    headlin: 标题\n";
  const auto out = dir / "bad.pdf";
  auto r = run_command(broadsheet() + " render " + doc.string() + " -o " + out.string() + " 2>&1");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(doc.string() + ":2:5: error:") != std::string::npos);
  CHECK(!fs::exists(out));
  fs::remove_all(dir);
}

TEST_CASE("an output that cannot be written exits 3") {
  auto r = run_command(broadsheet() + " render " + seed() + " -o /nonexistent-dir/x.pdf 2>&1");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("cannot") != std::string::npos);
}

TEST_CASE("the program finds its layouts from any working directory") {
  auto dir = temp_dir("cwd");
  auto r = run_command("cd " + dir.string() + " && " + broadsheet() + " check " + seed() + " 2>&1");
  INFO(r.out);
  CHECK(r.exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("one argument parser: value forms, '--', unknown options, missing values") {
  app::Arguments a({"doc.yaml", "-o", "out.pdf", "--layout=sheet-a4", "-j4", "--strict", "--", "--odd.yaml"});
  CHECK(a.flag("--strict"));
  CHECK_FALSE(a.flag("--press"));
  CHECK(a.value("-o") == "out.pdf");
  CHECK(a.value("--layout") == "sheet-a4");
  CHECK(a.value("-j") == "4");
  CHECK(a.value("--png") == std::nullopt);
  CHECK(a.operands() == std::vector<std::string>{"doc.yaml", "--odd.yaml"});

  CHECK_THROWS_WITH_AS(app::Arguments({"--bogus", "x"}).operands(), "unknown option '--bogus'", app::UsageError);
  CHECK_THROWS_WITH_AS(app::Arguments({"x", "-o"}).value("-o"), "-o needs a value", app::UsageError);
  CHECK_THROWS_WITH_AS(app::Arguments({"--host="}).value("--host", false), "--host needs a value", app::UsageError);
  CHECK(app::parse_integer("42") == 42);
  CHECK(app::parse_integer("4x") == std::nullopt);
  CHECK(app::parse_integer("") == std::nullopt);
}

TEST_CASE("every command reports wrong usage the same way: the mistake, its usage line, where to read more") {
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"render a.yaml b.yaml", "render takes exactly one DOC.yaml"},
           {"batch x -o out -j 0", "-j takes a number of documents at once, 1 to 1024, not '0'"},
           {"preview --port http", "--port wants a number from 0 to 65535, not 'http'"}}) {
    CAPTURE(args);
    const std::string command = args.substr(0, args.find(' '));
    const auto r = run_command(broadsheet() + " " + args + " 2>&1");
    CHECK(r.exit_code == 2);
    CHECK(r.out.starts_with("broadsheet " + command + ": error: " + message + "\nusage: broadsheet " + command +
                            " "));
    CHECK(r.out.ends_with("\n(broadsheet " + command + " --help explains every option)\n"));
  }
  const auto r = run_command(broadsheet() + " frobnicate 2>&1");
  CHECK(r.out == "broadsheet: error: unknown command 'frobnicate'\n(broadsheet --help lists the commands)\n");
}
