#include "app/cli.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/atomic_file.h"
#include "app/extras.h"
#include "app/output_check.h"
#include "app/pipeline.h"
#include "model/load_document.h"
#include "style/load_theme.h"
#include "text/face_qualification.h"
#include "text/font_report.h"

namespace app {
namespace {

constexpr const char* kHelpText = R"(broadsheet — newspaper pages from YAML

usage:
  broadsheet render DOC.yaml [-o OUT.pdf] [--layout NAME|PATH] [--press] [--png DIR] [--debug-boxes] [--strict]
  broadsheet batch  PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--press] [--strict] [--force]
  broadsheet preview [DIR] [--port 8080] [--host 127.0.0.1]
  broadsheet check  DOC.yaml...
  broadsheet fonts  [--layout NAME] [DOC.yaml...]
  broadsheet --help | --version

exit codes: 0 success, 1 input errors, 2 wrong usage, 3 output not written, 4 internal error
)";

struct UsageError {
  std::string message;
};

// Pulls flags out of `args`: `take_value("-o")` returns the value after -o.
class ArgList {
 public:
  explicit ArgList(std::vector<std::string> args) : args_(std::move(args)) {}

  bool take_flag(const std::string& name) {
    for (auto it = args_.begin(); it != args_.end(); ++it) {
      if (*it == name) {
        args_.erase(it);
        return true;
      }
    }
    return false;
  }

  std::optional<std::string> take_value(const std::string& name) {
    for (auto it = args_.begin(); it != args_.end(); ++it) {
      if (*it == name) {
        if (it + 1 == args_.end()) throw UsageError{name + " needs a value"};
        std::string v = *(it + 1);
        args_.erase(it, it + 2);
        return v;
      }
      if (it->rfind(name + "=", 0) == 0) {
        std::string v = it->substr(name.size() + 1);
        args_.erase(it);
        return v;
      }
    }
    return std::nullopt;
  }

  // What is left must be plain operands: an unknown option is a usage error.
  std::vector<std::string> operands() const {
    for (const auto& a : args_) {
      if (a.size() > 1 && a[0] == '-') throw UsageError{"unknown option '" + a + "'"};
    }
    return args_;
  }

 private:
  std::vector<std::string> args_;
};

void print_diagnostics(const source::Diagnostics& diags) { std::cerr << source::format_with_source(diags); }

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

int cmd_render(ArgList args) {
  RenderOptions options;
  auto out = args.take_value("-o");
  if (auto l = args.take_value("--layout")) options.layout = *l;
  auto png_dir = args.take_value("--png");
  options.debug_boxes = args.take_flag("--debug-boxes");
  options.strict = args.take_flag("--strict");
  options.press = args.take_flag("--press");
  auto docs = args.operands();
  if (docs.size() != 1) throw UsageError{"render takes exactly one DOC.yaml"};

  const std::string target = out ? *out : default_output(docs[0]);
  // Checked before the work and again once every input is known.
  std::vector<std::string> inputs{docs[0]};
  if (auto refused = refused_output(target, inputs)) return *refused;

  source::Diagnostics diags;
  Resources res = load_resources(diags);
  if (diags.has_errors()) {
    print_diagnostics(diags);
    return kInternal;
  }
  options.on_input = [&inputs](const std::string& path) { inputs.push_back(path); };
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
  if (png_dir) return write_page_images(pdf, *png_dir, stem);
  return kOk;
}

int cmd_check(ArgList args) {
  RenderOptions options;
  options.strict = args.take_flag("--strict");
  if (auto l = args.take_value("--layout")) options.layout = *l;
  auto docs = args.operands();
  if (docs.empty()) throw UsageError{"check needs at least one DOC.yaml"};
  source::Diagnostics res_diags;
  Resources res = load_resources(res_diags);
  if (res_diags.has_errors()) {
    print_diagnostics(res_diags);
    return kInternal;
  }
  bool failed = false;
  for (const auto& doc : docs) {
    source::Diagnostics diags;
    // Typesetting too, so characters no font has are found by check as well.
    auto pub = typeset(doc, res, options, diags);
    print_diagnostics(diags);
    failed |= !pub.has_value();
  }
  return failed ? kInputError : kOk;
}

// Every string of a document, for the coverage report.
std::string document_text(const model::Document& doc) {
  std::string all;
  auto add = [&](const model::Text& t) { all += t.value; };
  add(doc.meta.paper), add(doc.meta.edition);
  for (const auto& a : doc.articles) {
    add(a.union_name), add(a.kicker), add(a.headline), add(a.subheadline), add(a.byline);
    for (const auto& t : a.lead) add(t);
    for (const auto& s : a.sections) {
      for (const auto& t : s.heading) add(t);
      for (const auto& t : s.paragraphs) add(t);
    }
    for (const auto& h : a.highlights) add(h.value), add(h.unit), add(h.label);
    for (const auto& p : a.photos) add(p.caption), add(p.credit);
  }
  return all;
}

int cmd_fonts(ArgList args) {
  auto layout = args.take_value("--layout");
  auto docs = args.operands();
  source::Diagnostics diags;
  Resources res = load_resources(diags);
  if (layout && style::resolve_layout(*layout, ".", res.data_dir).empty())
    diags.error({}, "unknown layout '" + *layout + "'");
  std::string text;
  for (const auto& d : docs) text += document_text(model::load_document(d, diags));
  if (res.fonts) {
    for (const auto& problem : text::unqualified_manifest_faces(*res.fonts)) {
      diags.warning(source::SourceSpan{res.data_dir + "/fonts/manifest.yaml"}, problem);
    }
  }
  print_diagnostics(diags);
  if (diags.has_errors() || !res.fonts) return kInputError;
  std::cout << text::font_report(*res.fonts, text);
  return kOk;
}


int dispatch(const std::vector<std::string>& all) {
  if (all.empty()) throw UsageError{"no command given"};
  const std::string& cmd = all[0];
  ArgList rest(std::vector<std::string>(all.begin() + 1, all.end()));
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kHelpText;
    return kOk;
  }
  if (cmd == "--version") {
    std::cout << "broadsheet " << BROADSHEET_VERSION << '\n';
    return kOk;
  }
  if (cmd == "render") return cmd_render(std::move(rest));
  if (cmd == "check") return cmd_check(std::move(rest));
  if (cmd == "fonts") return cmd_fonts(std::move(rest));
  if (cmd == "batch" || cmd == "preview")
    return run_extras_command(cmd, std::vector<std::string>(all.begin() + 1, all.end()));
  throw UsageError{"unknown command '" + cmd + "'"};
}

}  // namespace

int run(const std::vector<std::string>& args) {
  try {
    return dispatch(args);
  } catch (const UsageError& e) {
    std::cerr << "broadsheet: " << e.message << "\n\n" << kHelpText;
    return kUsage;
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: internal error: " << e.what() << '\n';
    return kInternal;
  }
}

}  // namespace app
