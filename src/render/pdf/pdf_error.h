#pragma once
// A problem that stops the PDF: reported once, as an error at `span`, by
// write_pdf (which then returns no bytes).
#include <stdexcept>
#include <string>

#include "core/source_span.h"

namespace render::pdf {

class PdfError : public std::runtime_error {
 public:
  PdfError(core::SourceSpan span, const std::string& message) : std::runtime_error(message), span_(std::move(span)) {}
  const core::SourceSpan& span() const { return span_; }

 private:
  core::SourceSpan span_;
};

}  // namespace render::pdf
