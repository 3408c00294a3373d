#include "source/diagnostics.h"

#include <algorithm>

namespace source {

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

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string format(const Diagnostic& d) {
  std::string out = d.span.file.empty() ? std::string("broadsheet") : d.span.file;
  if (d.span.known()) {
    out += ':' + std::to_string(d.span.line) + ':' + std::to_string(d.span.column);
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

std::string format_all(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += format(d) + '\n';
  return out;
}

}  // namespace source
