#include "render/pdf/hpdf_document.h"

#include <hpdf_doc.h>

#include <cstdio>

#include "render/pdf/pdf_error.h"

namespace render::pdf {

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_New(&HpdfDocument::on_error, &error_);
  if (!doc_) throw PdfError({}, "libharu could not create a document (out of memory)");
}

HpdfDocument::~HpdfDocument() { HPDF_Free(doc_); }

HPDF_MMgr HpdfDocument::mmgr() const { return doc_->mmgr; }
HPDF_Xref HpdfDocument::xref() const { return doc_->xref; }

void HpdfDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->code == HPDF_OK) {
    state->code = code;
    state->detail = detail;
  }
}

void HpdfDocument::check(std::string_view what, HPDF_STATUS status) {
  if (error_.code == HPDF_OK && status == HPDF_OK) return;
  const HPDF_STATUS code = error_.code != HPDF_OK ? error_.code : status;
  char buf[64];
  std::snprintf(buf, sizeof buf, ": libharu error 0x%04X (detail %u)", static_cast<unsigned>(code),
                static_cast<unsigned>(error_.detail));
  error_ = {};
  HPDF_ResetError(doc_);
  throw PdfError({}, std::string(what) + buf);
}

std::string HpdfDocument::save() {
  check("save", HPDF_SaveToStream(doc_));
  std::string out(HPDF_GetStreamSize(doc_), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  check("read back", HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size));
  out.resize(size);
  return out;
}

}  // namespace render::pdf
