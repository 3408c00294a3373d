#include "app/cli/cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/cli/starter_document.h"
#include "app/common/arguments.h"
#include "app/common/atomic_file.h"
#include "app/common/command_help.h"
#include "app/common/data_dir.h"
#include "app/common/extras.h"
#include "app/common/layout_catalog.h"
#include "app/common/output_check.h"
#include "app/common/pipeline.h"
#include "model/document_text.h"
#include "model/load_document.h"
#include "style/load_theme.h"
#include "text/face_qualification.h"
#include "text/font_report.h"

namespace app {
namespace {


// Where editors find the document schema when no installed copy is found.
constexpr const char* kSchemaUrl =
    "https://raw.githubusercontent.com/broadsheet/broadsheet/main/schemas/document.schema.json";

void print_diagnostics(const core::Diagnostics& diags) { std::cerr << core::format_with_source(diags); }

std::string default_output(const std::string& doc) {
  std::filesystem::path p(doc);
  p.replace_extension(".pdf");
  return p.string();
}

// kUsage, with the reason printed, when `target` must not be written over;
// "-" is standard output.
std::optional<int> refused_output(const std::string& target, const std::vector<std::string>& inputs) {
  if (target == "-") return std::nullopt;
  const std::string why = output_clash(target, inputs);
  if (why.empty()) return std::nullopt;
  std::cerr << "broadsheet: error: will not write " << target << ": " << why << '\n';
  return kUsage;
}

std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// --ppi N: pixels per inch of the --png pictures.
int pixels_per_inch(const std::optional<std::string>& value, bool has_png) {
  constexpr int kDefault = 150, kMax = 1200;
  if (!value) return kDefault;
  if (!has_png) throw UsageError("--ppi goes with --png DIR");
  const auto n = parse_integer(*value);
  if (!n || *n < 10 || *n > kMax)
    throw UsageError("--ppi takes a number of pixels per inch from 10 to " + std::to_string(kMax) + ", not '" +
                     *value + "'");
  return static_cast<int>(*n);
}

// The documents named on the command line: files as given, and every
// *.yaml under each folder, sorted.
std::vector<std::string> documents_in(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> docs;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      docs.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      const auto ext = it->path().extension();
      if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) throw UsageError("no *.yaml documents in the folder '" + path + "'");
    docs.insert(docs.end(), found.begin(), found.end());
  }
  return docs;
}

int cmd_render(Arguments args) {
  RenderOptions options;
  auto out = args.value("-o");
  if (auto l = args.value("--layout")) options.layout = *l;
  auto png_dir = args.value("--png");
  const int ppi = pixels_per_inch(args.value("--ppi"), png_dir.has_value());
  options.debug_boxes = args.flag("--debug-boxes");
  options.strict = args.flag("--strict");
  options.press = args.flag("--press");
  auto docs = args.operands();
  if (docs.size() != 1) throw UsageError("render takes exactly one DOC.yaml");

  const std::string target = out ? *out : default_output(docs[0]);
  // Checked before the work and again once every input is known.
  std::vector<std::string> inputs{docs[0]};
  if (auto refused = refused_output(target, inputs)) return *refused;

  core::Diagnostics diags;
  Resources res = load_resources(diags);
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kInputError;
  }
  options.on_input = [&inputs](const std::string& path) { inputs.push_back(path); };
  // The shaping faces (mapped font files, a few MB resident) and the book's
  // caches are done with once the pages are made up: freed before the fonts
  // are subset, they stay out of the process's peak memory.
  options.on_made_up = [&res] { res.fonts.reset(); };
  int pages = 0;
  std::string pdf = render_pdf(docs[0], res, options, diags, &pages);
  print_diagnostics(diags);
  if (pdf.empty()) return kInputError;

  if (auto refused = refused_output(target, inputs)) return *refused;
  const std::string stem = std::filesystem::path(docs[0]).stem().string();
  for (int i = 1; png_dir && i <= pages; ++i)
    if (auto refused = refused_output(page_image_path(*png_dir, stem, static_cast<std::size_t>(i)), inputs))
      return *refused;
  if (target == "-") {
    std::cout.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    std::cout.flush();
    if (!std::cout) return kOutputError;
  } else if (auto err = write_file_atomically(target, pdf); !err.empty()) {
    std::cerr << "broadsheet: error: " << err << '\n';
    return kOutputError;
  }
  if (png_dir) return write_page_images(pdf, *png_dir, stem, ppi);
  return kOk;
}

int cmd_check(Arguments args) {
  RenderOptions options;
  options.strict = args.flag("--strict");
  if (auto l = args.value("--layout")) options.layout = *l;
  auto paths = args.operands();
  if (paths.empty()) throw UsageError("check needs at least one file or folder");
  const std::vector<std::string> docs = documents_in(paths);
  core::Diagnostics res_diags;
  Resources res = load_resources(res_diags);
  if (res_diags.has_errors()) {
    print_diagnostics(res_diags);
    return kInputError;
  }
  std::size_t failed = 0, warnings = 0;
  for (const auto& doc : docs) {
    core::Diagnostics diags;
    // Typesetting too, so characters no font has are found by check as well.
    auto pub = typeset(doc, res, options, diags);
    print_diagnostics(diags);
    failed += !pub.has_value();
    warnings += diags.warning_count();
  }
  std::cerr << "checked " << count_of(docs.size(), "document") << ": ";
  if (failed == 0) {
    std::cerr << "all good";
  } else {
    std::cerr << docs.size() - failed << " good, " << failed << " with errors";
  }
  std::cerr << (warnings ? ", " + count_of(warnings, "warning") : std::string()) << '\n';
  return failed ? kInputError : kOk;
}

int cmd_fonts(Arguments args) {
  auto layout = args.value("--layout");
  auto docs = args.operands();
  core::Diagnostics diags;
  Resources res = load_resources(diags);
  if (layout && style::resolve_layout(*layout, ".", res.data_dir).empty())
    diags.error({}, unknown_layout_message(*layout, res.data_dir));
  std::string text;
  for (const auto& d : docs) text += model::all_text(model::load_document(d, diags));
  if (res.fonts) {
    for (const auto& problem : text::unqualified_manifest_faces(*res.fonts)) {
      diags.warning(core::SourceSpan{res.data_dir + "/fonts/manifest.yaml"}, problem);
    }
  }
  print_diagnostics(diags);
  if (diags.has_errors() || !res.fonts) return kInputError;
  std::cout << text::font_report(*res.fonts, text);
  return kOk;
}


int cmd_new(Arguments args) {
  const std::string layout = args.value("--layout").value_or(std::string(style::kDefaultLayout));
  const auto files = args.operands();
  if (files.size() != 1) throw UsageError("new takes exactly one FILE.yaml to create");
  const std::string& file = files[0];
  const std::string data_dir = find_data_dir();
  if (style::resolve_layout(layout, ".", data_dir).empty()) {
    throw UsageError(unknown_layout_message(layout, data_dir));
  }
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(file, ec))) {
    std::cerr << "broadsheet: error: " << file << " already exists; new never overwrites a file "
              << "(choose another name)\n";
    return kUsage;
  }
  const std::filesystem::path schema = std::filesystem::path(data_dir) / "schemas" / "document.schema.json";
  const std::string schema_ref = std::filesystem::exists(schema, ec)
                                     ? std::filesystem::absolute(schema, ec).lexically_normal().string()
                                     : std::string(kSchemaUrl);
  if (auto err = write_file_atomically(file, starter_document(layout, schema_ref)); !err.empty()) {
    std::cerr << "broadsheet: error: " << err << '\n';
    return kOutputError;
  }
  std::cerr << "wrote " << file << "; next: broadsheet check " << file << ", then broadsheet render " << file
            << '\n';
  return kOk;
}

int cmd_layouts(Arguments args) {
  if (!args.operands().empty()) throw UsageError("layouts takes no arguments");
  const auto layouts = shipped_layouts(find_data_dir());
  std::size_t width = 0;
  for (const auto& l : layouts) width = std::max(width, l.name.size());
  for (const auto& l : layouts) {
    std::string name = l.name;
    name.resize(width + 2, ' ');
    std::cout << name << l.description << (l.name == style::kDefaultLayout ? " (the default)" : "") << '\n';
  }
  return kOk;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "--help" || a == "-h") return true;
  }
  return false;
}

int dispatch(const std::vector<std::string>& all) {
  if (all.empty()) throw UsageError("no command given");
  const std::string& cmd = all[0];
  Arguments rest(std::vector<std::string>(all.begin() + 1, all.end()));
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    const std::string page = all.size() > 1 ? command_help(all[1]) : "";
    std::cout << (page.empty() ? program_help() : page);
    return kOk;
  }
  if (const std::string page = command_help(cmd); !page.empty() && asks_for_help(all)) {
    std::cout << page;
    return kOk;
  }
  if (cmd == "--version" || cmd == "-V") {
    std::cout << "broadsheet " << BROADSHEET_VERSION << '\n';
    return kOk;
  }
  if (cmd == "render") return cmd_render(std::move(rest));
  if (cmd == "check") return cmd_check(std::move(rest));
  if (cmd == "fonts") return cmd_fonts(std::move(rest));
  if (cmd == "new") return cmd_new(std::move(rest));
  if (cmd == "layouts") return cmd_layouts(std::move(rest));
  if (cmd == "batch" || cmd == "preview")
    return run_extras_command(cmd, std::vector<std::string>(all.begin() + 1, all.end()));
  const std::string_view near = closest_command(cmd);
  throw UsageError("unknown command '" + cmd + "'" +
                   (near.empty() ? std::string() : "; did you mean '" + std::string(near) + "'?"));
}

}  // namespace

int run(const std::vector<std::string>& args) {
  try {
    return dispatch(args);
  } catch (const UsageError& e) {
    return print_usage_error(args.empty() ? std::string() : args[0], e.what());
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: internal error: " << e.what() << '\n';
    return kInternal;
  }
}

}  // namespace app
