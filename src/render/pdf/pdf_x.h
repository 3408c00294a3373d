#pragma once
// The document-level parts of PDF/X-1a:2001 (ISO 15930-1): the output
// intent with the press's embedded ICC profile, the PDF/X keys of the Info
// dictionary, and a document ID. Page boxes are the page writer's; colours
// were made CMYK or gray before the writer saw them.
#include <hpdf_encrypt.h>

#include <string>

#include "color/icc_profile.h"
#include "frame/frame.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

// Call after write_metadata.
void write_pdfx_parts(HpdfDocument& doc, const color::PressProfile& profile);

// The document ID: a digest of the publication's content, so the same
// publication always gets the same ID; taken page by page as they are written.
class DocumentId {
 public:
  explicit DocumentId(const frame::Metadata& meta);
  void add_page(const frame::Page& page);
  void write(HpdfDocument& doc);  // once, at the end

 private:
  void add(const std::string& text);
  HPDF_MD5_CTX md5_;
};

}  // namespace render::pdf
