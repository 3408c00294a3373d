#include "source/yaml_prescan.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <vector>

#include "source/scalar_text.h"

namespace source {
namespace {

// A file made of aliases must not turn into millions of messages.
constexpr int kMaxAliasReports = 20;
// A real document has a few thousand values. yaml-cpp spends some hundred
// bytes per node, so 16 MiB of `[1,1,1,…]` would become gigabytes of tree:
// count before building it.
constexpr long kMaxNodes = 100'000;
// Documents and layouts nest five or six levels deep; yaml-cpp recurses per
// level and gives up near 500 with "bad file". Stop long before that.
constexpr std::size_t kMaxDepth = 64;

// Thrown out of the parser to stop it at the first level too deep.
struct TooDeep {};

class Prescan : public YAML::EventHandler {
 public:
  Prescan(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  bool ok() const { return ok_; }
  void finish() {
    if (aliases_ > kMaxAliasReports) {
      diags_.error(SourceSpan{file_.path}, "... and " + std::to_string(aliases_ - kMaxAliasReports) +
                                               " more aliases");
    }
  }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 2) {
      fail(mark, "unexpected content after the end of the document (a file holds one YAML "
                 "document)");
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { count(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    ok_ = false;
    if (++aliases_ <= kMaxAliasReports) fail(mark, "aliases are not supported");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string&) override {
    count(mark);
    // yaml-cpp tags every non-plain scalar "!"; only those can be quoted.
    if (tag == "!" && !quote_is_closed(file_.text, static_cast<std::size_t>(mark.pos))) {
      fail(mark, "this quoted string has no closing quote");
    }
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    count(mark);
    open_.push_back({mark, style == YAML::EmitterStyle::Flow, '['});
    check_depth(mark);
  }
  void OnSequenceEnd() override { if (!open_.empty()) open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    count(mark);
    open_.push_back({mark, style == YAML::EmitterStyle::Flow, '{'});
    check_depth(mark);
  }
  void OnMapEnd() override { if (!open_.empty()) open_.pop_back(); }

  // yaml-cpp reports an unclosed [ or { where it gave up, often lines
  // later; the bracket that was never closed is what the user must fix.
  std::string unclosed_hint(const std::string& message) const {
    const char bracket = message.starts_with("end of sequence flow") ? '['
                         : message.starts_with("end of map flow")    ? '{'
                                                                     : 0;
    for (auto it = open_.rbegin(); bracket && it != open_.rend(); ++it) {
      if (it->flow && it->bracket == bracket) {
        const SourceSpan at = span_of_mark(file_, it->mark.pos);
        return std::string(" (the '") + bracket + "' at line " + std::to_string(at.line) + ", column " +
               std::to_string(at.column) + " is never closed)";
      }
    }
    return "";
  }

 private:
  void check_depth(const YAML::Mark& mark) {
    if (open_.size() <= kMaxDepth) return;
    fail(mark, "values nested more than " + std::to_string(kMaxDepth) + " levels deep");
    throw TooDeep{};
  }

  void count(const YAML::Mark& mark) {
    if (++nodes_ == kMaxNodes + 1) {
      fail(mark, "too many values in one file (more than " + std::to_string(kMaxNodes) + ")");
    }
  }

  void fail(const YAML::Mark& mark, std::string message) {
    diags_.error(span_of_mark(file_, mark.pos), std::move(message));
    ok_ = false;
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  bool ok_ = true;
  int documents_ = 0;
  int aliases_ = 0;
  long nodes_ = 0;
  struct Open {
    YAML::Mark mark;
    bool flow = false;
    char bracket = 0;
  };
  std::vector<Open> open_;  // collections started and not yet ended
};

}  // namespace

SourceSpan span_of_mark(const SourceFile& file, int mark_pos) {
  if (mark_pos < 0) return SourceSpan{file.path};
  return file.span_at(static_cast<std::size_t>(mark_pos));
}

bool prescan_yaml(const SourceFile& file, Diagnostics& diags) {
  std::istringstream in(file.text);
  Prescan scan(file, diags);
  try {
    YAML::Parser parser(in);
    // Stop at the second document: reporting it once is enough.
    while (scan.documents() < 2 && parser.HandleNextDocument(scan)) {
    }
  } catch (const TooDeep&) {
    scan.finish();
    return false;
  } catch (const YAML::ParserException& e) {
    scan.finish();
    diags.error(span_of_mark(file, e.mark.pos), "YAML syntax error: " + e.msg + scan.unclosed_hint(e.msg));
    return false;
  }
  scan.finish();
  return scan.ok();
}

}  // namespace source
