#include "source/yaml_prescan.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <unordered_map>
#include <vector>

#include "source/scalar_text.h"
#include "source/yaml_node_builder.h"
#include "source/yaml_syntax_hint.h"

namespace source {
namespace {

// Documents and layouts nest five or six levels deep; yaml-cpp recurses per
// level and gives up near 500 with "bad file". Stop long before that.
constexpr std::size_t kMaxDepth = 64;

// Thrown out of the parser to stop it at the first level too deep.
struct TooDeep {};

class Prescan : public YAML::EventHandler {
 public:
  Prescan(const SourceFile& file, std::string_view text, core::Diagnostics& diags)
      : file_(file), text_(text), diags_(diags) {}

  bool ok() const { return ok_; }
  int documents() const { return documents_; }
  // The tree the events made (meaningful only when ok()).
  YAML::Node root() const { return tree_.root(); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 2) {
      fail(mark, "unexpected content after the end of the document (a file holds one YAML "
                 "document)");
    }
  }
  void OnDocumentEnd() override { tree_.OnDocumentEnd(); }
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    leaf(mark, anchor);
    tree_.OnNull(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = expanded_size_.find(anchor);
    if (it == expanded_size_.end()) {
      fail(mark, "this alias is inside the value it names, which would repeat without end");
      return;
    }
    add(mark, it->second, true);
    tree_.OnAlias(mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    leaf(mark, anchor);
    // yaml-cpp tags every non-plain scalar "!"; only those can be quoted.
    if (tag == "!" && !quote_is_closed(text_, static_cast<std::size_t>(mark.pos))) {
      fail(mark, "this quoted string has no closing quote");
    }
    tree_.OnScalar(mark, tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, anchor, style, '[');
    tree_.OnSequenceStart(mark, tag, anchor, style);
  }
  void OnSequenceEnd() override {
    close();
    tree_.OnSequenceEnd();
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, anchor, style, '{');
    tree_.OnMapStart(mark, tag, anchor, style);
  }
  void OnMapEnd() override {
    close();
    tree_.OnMapEnd();
  }

  // yaml-cpp reports an unclosed [ or { where it gave up, often lines
  // later; the bracket that was never closed is what the user must fix.
  std::optional<core::Diagnostic> unclosed_bracket(const std::string& message) const {
    const char bracket = message.starts_with("end of sequence flow") ? '['
                         : message.starts_with("end of map flow")    ? '{'
                                                                     : 0;
    for (auto it = open_.rbegin(); bracket && it != open_.rend(); ++it) {
      if (it->flow && it->bracket == bracket) {
        const char closing = bracket == '[' ? ']' : '}';
        return core::Diagnostic{core::Severity::Error, span_of_mark(file_, it->mark.pos),
                          std::string("this '") + bracket + "' is never closed; add a '" + closing +
                              "' where the " + (bracket == '[' ? "list" : "mapping") + " ends"};
      }
    }
    return std::nullopt;
  }

 private:
  // A collection being read: how many values it expands to so far.
  struct Open {
    YAML::Mark mark;
    bool flow = false;
    char bracket = 0;
    YAML::anchor_t anchor = 0;
    long size = 1;
  };

  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor) expanded_size_[anchor] = 1;
    add(mark, 1, false);
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, YAML::EmitterStyle::value style, char bracket) {
    add(mark, 1, false);
    open_.push_back({mark, style == YAML::EmitterStyle::Flow, bracket, anchor, 1});
    if (open_.size() <= kMaxDepth) return;
    fail(mark, "values nested more than " + std::to_string(kMaxDepth) + " levels deep");
    throw TooDeep{};
  }

  void close() {
    if (open_.empty()) return;
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor) expanded_size_[done.anchor] = done.size;
    if (!open_.empty()) open_.back().size = saturated(open_.back().size + done.size - 1);
  }

  static long saturated(long v) { return v > kMaxExpandedValues ? kMaxExpandedValues + 1 : v; }

  // `size` more values at `mark`: every open collection grows by them.
  void add(const YAML::Mark& mark, long size, bool alias) {
    if (!open_.empty()) open_.back().size = saturated(open_.back().size + size);
    total_ = saturated(total_ + size);
    if (total_ <= kMaxExpandedValues || over_budget_) return;
    over_budget_ = true;
    const std::string limit = std::to_string(kMaxExpandedValues);
    fail(mark, alias ? "this alias takes the document past " + limit +
                           " values (an alias counts as often as it is used); no document is that "
                           "large, so this looks like an alias bomb"
                     : "too many values in one file (more than " + limit + ")");
  }

  void fail(const YAML::Mark& mark, std::string message) {
    diags_.error(span_of_mark(file_, mark.pos), std::move(message));
    ok_ = false;
  }

  const SourceFile& file_;
  std::string_view text_;
  core::Diagnostics& diags_;
  bool ok_ = true;
  bool over_budget_ = false;
  int documents_ = 0;
  long total_ = 0;
  std::unordered_map<YAML::anchor_t, long> expanded_size_;
  std::vector<Open> open_;  // collections started and not yet ended
  YamlNodeBuilder tree_;
};

}  // namespace

core::SourceSpan span_of_mark(const SourceFile& file, int mark_pos) {
  if (mark_pos < 0) return core::SourceSpan{file.path};
  return file.span_at(static_cast<std::size_t>(mark_pos));
}

namespace {

// yaml-cpp reads from a std::istream; this one reads `text` where it is
// (an istringstream would copy it: a third copy of a 5 MB document).
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());  // only ever read
    setg(p, p, p + text.size());
  }
};

}  // namespace

std::optional<YAML::Node> parse_yaml(const SourceFile& file, std::string_view text, core::Diagnostics& diags) {
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  Prescan scan(file, text, diags);
  try {
    YAML::Parser parser(in);
    // Stop at the second document: reporting it once is enough.
    while (scan.ok() && scan.documents() < 2 && parser.HandleNextDocument(scan)) {
    }
  } catch (const TooDeep&) {
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    if (auto d = scan.unclosed_bracket(e.msg)) {
      diags.add(std::move(*d));
    } else {
      diags.add(explain_yaml_error(file, text, e.mark.pos, e.msg));
    }
    return std::nullopt;
  }
  if (!scan.ok()) return std::nullopt;
  return scan.root();
}

}  // namespace source
