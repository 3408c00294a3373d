#include "core/diagnostics.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "core/char_class.h"
#include "core/utf8.h"

namespace core {

void Diagnostics::error(const SourceSpan& span, std::string message) {
  add({Severity::Error, span, std::move(message)});
}

void Diagnostics::warning(const SourceSpan& span, std::string message) {
  add({Severity::Warning, span, std::move(message)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

bool Diagnostics::has_errors() const { return error_count() > 0; }

void Diagnostics::promote_warnings() {
  for (auto& d : items_) d.severity = Severity::Error;
}

void Diagnostics::fold_repeats() {
  std::map<std::pair<std::uint32_t, std::string>, std::size_t> first;  // (file, message) → index in kept
  std::vector<Diagnostic> kept;
  std::vector<std::size_t> repeats;
  for (auto& d : items_) {
    if (d.severity == Severity::Error) {
      kept.push_back(std::move(d));
      repeats.push_back(0);
      continue;
    }
    const auto [it, is_new] = first.try_emplace({d.span.file.id(), d.message}, kept.size());
    if (is_new) {
      kept.push_back(std::move(d));
      repeats.push_back(0);
    } else {
      ++repeats[it->second];
    }
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (repeats[i] > 0)
      kept[i].message += " (and " + std::to_string(repeats[i]) + " more time" + (repeats[i] == 1 ? "" : "s") + ")";
  }
  items_ = std::move(kept);
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string format(const Diagnostic& d) {
  std::string out = d.span.file.empty() ? std::string("broadsheet") : d.span.file.path();
  if (d.span.known()) {
    out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.column);
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

namespace {

// The files the messages point into, each read once per report.
class SourceLines {
 public:
  // Line `line` (1-based) of `path` without its line break, or nullopt when
  // the file cannot be read or is shorter.
  std::optional<std::string_view> line(const std::string& path, int line) {
    auto it = files_.find(path);
    if (it == files_.end()) it = files_.emplace(path, read(path)).first;
    const std::optional<std::string>& text = it->second;
    if (!text || line < 1) return std::nullopt;
    std::size_t start = 0;
    for (int n = 1; n < line; ++n) {
      start = text->find('\n', start);
      if (start == std::string::npos) return std::nullopt;
      ++start;
    }
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    if (end > start && (*text)[end - 1] == '\r') --end;
    return std::string_view(*text).substr(start, end - start);
  }

 private:
  static std::optional<std::string> read(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;  // never wait on a FIFO
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const std::streamoff size = in.tellg();
    if (size < 0 || static_cast<std::size_t>(size) > kMaxSourceBytes) return std::nullopt;
    in.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), size);
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return text;
  }

  std::map<std::string, std::optional<std::string>> files_;
};

}  // namespace

std::string excerpt(std::string_view line_text, int column) {
  std::string caret;
  int cp = 1;
  for (std::size_t i = 0; i < line_text.size() && cp < column; ++cp) {
    const Decoded d = decode_utf8(line_text, i);
    if (line_text[i] == '\t') {
      caret += '\t';
    } else {
      caret.append(static_cast<std::size_t>(d.valid ? terminal_width(d.code_point) : 1), ' ');
    }
    i += d.length;
  }
  std::string out(line_text);
  out += '\n';
  out += caret;
  out += "^\n";
  return out;
}

std::string format_all(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += format(d) + '\n';
  return out;
}

std::string format_with_source(const Diagnostics& diags) {
  std::string out;
  SourceLines sources;
  for (const auto& d : diags.all()) {
    out += format(d) + '\n';
    if (!d.span.known() || d.span.file.empty()) continue;
    if (const auto line = sources.line(d.span.file.path(), d.span.line)) out += excerpt(*line, d.span.column);
  }
  return out;
}

}  // namespace core
