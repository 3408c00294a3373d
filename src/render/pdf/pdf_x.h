#pragma once
// The document-level parts of PDF/X-1a:2001 (ISO 15930-1): the output
// intent with the press's embedded ICC profile, the PDF/X keys of the Info
// dictionary, and a document ID. Page boxes are the page writer's; colours
// were made CMYK or gray before the writer saw them.
#include "color/icc_profile.h"
#include "frame/frame.h"
#include "render/pdf/hpdf_document.h"

namespace render::pdf {

// Call after write_metadata. The ID is a digest of the publication's
// content, so the same publication always gets the same ID.
void write_pdfx_parts(HpdfDocument& doc, const frame::Publication& pub, const color::PressProfile& profile);

}  // namespace render::pdf
