#include "app/common/command_help.h"

#include <vector>

#include "source/did_you_mean.h"
#include "style/load_theme.h"

namespace app {
namespace {

struct CommandHelp {
  std::string_view name;
  std::string_view usage;    // after "broadsheet "
  std::string_view summary;  // one line
  std::string_view options;  // one option a line, already aligned; see with_defaults
  std::string_view example;
};

constexpr CommandHelp kCommands[] = {
    {"render", "render DOC.yaml [-o OUT.pdf] [--layout NAME|PATH] [--press] [--png DIR [--ppi N]] [--debug-boxes] [--strict]",
     "Typeset one document into a PDF (default: DOC's name with .pdf, next to it).",
     "  -o OUT.pdf           where to write the PDF; '-' writes it to standard output\n"
     "  --layout NAME|PATH   use this layout instead of the document's (see 'broadsheet layouts')\n"
     "  --press              a PDF for the printing press: PDF/X-1a, CMYK, black text in black ink only\n"
     "  --png DIR            also write one PNG picture per page into DIR\n"
     "  --ppi N              resolution of those pictures, pixels per inch (default 150)\n"
     "  --debug-boxes        draw the columns, the baseline grid and every box on top\n"
     "  --strict             treat warnings (missing characters, blurred photos) as errors\n",
     "broadsheet render anji.yaml -o out/anji.pdf --png out/thumbs"},
    {"batch", "batch PATH... -o OUTDIR [-j N] [--shard I/N] [--report FILE] [--press] [--strict] [--force]",
     "Render every *.yaml of the given files and folders into OUTDIR, in parallel.",
     "  -o OUTDIR            the folder the PDFs go into (OUTDIR/NAME.pdf)\n"
     "  -j N                 documents rendered at once (default: the number of cores)\n"
     "  --shard I/N          render only the I-th of N slices, for many machines sharing a run\n"
     "  --report FILE        write a JSON report: each document's status, pages and messages\n"
     "  --press              PDFs for the printing press (PDF/X-1a, CMYK)\n"
     "  --strict             treat warnings as errors\n"
     "  --force              render again even documents whose inputs have not changed\n",
     "broadsheet batch samples/counties -o out/counties -j 2 --report out/report.json"},
    {"preview", "preview [DIR] [--port 8080] [--host 127.0.0.1] [--editor URL]",
     "Serve DIR's documents (default: the current folder) as pages in the browser, updated within a second of every save.",
     "  --port N             the port to listen on (default 8080)\n"
     "  --host ADDRESS       the address to listen on (default 127.0.0.1: this machine only)\n"
     "  --editor URL         open a clicked spot in your editor, e.g. 'vscode://file/{file}:{line}:{column}'\n"
     "                       (default: $BROADSHEET_EDITOR)\n",
     "broadsheet preview samples/    # then open http://127.0.0.1:8080/"},
    {"check", "check PATH... [--layout NAME|PATH] [--strict]",
     "Check documents (files, or folders of *.yaml) without writing anything.",
     "  --layout NAME|PATH   check against this layout instead of each document's\n"
     "  --strict             treat warnings as errors\n",
     "broadsheet check samples/counties"},
    {"new", "new FILE.yaml [--layout NAME]",
     "Write a commented starting document that checks and renders; never overwrites a file.",
     "  --layout NAME        the layout the document names (default {default layout})\n",
     "broadsheet new anji.yaml --layout sheet-a4"},
    {"layouts", "layouts", "List the layouts that ship with broadsheet, one line each.", "",
     "broadsheet layouts"},
    {"fonts", "fonts [--layout NAME] [DOC.yaml...]",
     "Show which font file serves each role, and which of the documents' characters no font has.",
     "  --layout NAME        the layout whose roles are shown\n",
     "broadsheet fonts samples/seed-page.yaml"},
};

// An option's text with `{default layout}` replaced by the layout a document
// gets when it names none, so the help never disagrees with the program.
std::string with_defaults(std::string_view options) {
  constexpr std::string_view kMark = "{default layout}";
  std::string out(options);
  for (auto at = out.find(kMark); at != std::string::npos; at = out.find(kMark, at))
    out.replace(at, kMark.size(), style::kDefaultLayout);
  return out;
}

const CommandHelp* find(std::string_view name) {
  for (const CommandHelp& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

std::string command_help(std::string_view command) {
  const CommandHelp* c = find(command);
  if (!c) return "";
  std::string out = "usage: broadsheet " + std::string(c->usage) + "\n\n" + std::string(c->summary) + "\n";
  out += "\noptions:\n";
  out += with_defaults(c->options);
  out += "  -h, --help           show this help\n";
  out += "\nexample:\n  " + std::string(c->example) + "\n";
  return out;
}

std::string_view command_usage(std::string_view command) {
  const CommandHelp* c = find(command);
  return c ? c->usage : std::string_view();
}

std::string program_help() {
  std::string out = "broadsheet — newspaper pages from YAML\n\nusage:\n";
  for (const CommandHelp& c : kCommands) out += "  broadsheet " + std::string(c.usage) + "\n";
  out += "  broadsheet COMMAND --help | --help | --version\n\n";
  for (const CommandHelp& c : kCommands) {
    std::string name(c.name);
    name.resize(9, ' ');
    out += "  " + name + std::string(c.summary) + "\n";
  }
  out += "\nexit codes: 0 success, 1 input errors, 2 wrong usage, 3 output not written, 4 internal error\n"
         "the document format: docs/format.md; layouts: docs/layouts.md\n";
  return out;
}

std::string_view closest_command(std::string_view word) {
  std::vector<std::string_view> names;
  for (const CommandHelp& c : kCommands) names.push_back(c.name);
  return source::closest_match(word, names);
}

}  // namespace app
