#include "render/pdf/pdf_x.h"

#include <hpdf_encrypt.h>
#include <hpdf_objects.h>

#include <string>

#include "render/pdf/deflate.h"
#include "render/pdf/pdf_error.h"

namespace render::pdf {
namespace {

// Deflate level of the output profile (deflate.h's scale), as for fonts.
constexpr int kProfileDeflateLevel = 4;

// The profile as a stream object: << /N 4 /Filter /FlateDecode >>.
HPDF_Dict profile_stream(HpdfDocument& doc, const color::PressProfile& profile) {
  HPDF_Dict stream =
      doc.deflated_stream("output profile", deflate_bytes(profile.bytes(), kProfileDeflateLevel));
  doc.check("output profile", HPDF_Dict_AddNumber(stream, "N", 4));
  return stream;
}

void add_string(HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& value) {
  doc.check(key, HPDF_Dict_Add(dict, key, HPDF_String_New(doc.mmgr(), value.c_str(), nullptr)));
}

void write_output_intent(HpdfDocument& doc, const color::PressProfile& profile) {
  HPDF_Dict intent = doc.require("output intent", HPDF_Dict_New(doc.mmgr()));
  HPDF_STATUS ret = HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  ret |= HPDF_Dict_AddName(intent, "S", "GTS_PDFX");
  doc.check("output intent", ret);
  // Not a registered printing condition, so the profile itself says it.
  add_string(doc, intent, "OutputConditionIdentifier", "Custom");
  add_string(doc, intent, "OutputCondition", profile.description());
  add_string(doc, intent, "Info", profile.description());
  add_string(doc, intent, "RegistryName", "http://www.color.org");
  doc.check("output intent", HPDF_Dict_Add(intent, "DestOutputProfile", profile_stream(doc, profile)));
  HPDF_Array intents = doc.require("output intents", HPDF_Array_New(doc.mmgr()));
  doc.check("output intents", HPDF_Array_Add(intents, intent));
  doc.check("output intents", HPDF_Dict_Add(doc.catalog(), "OutputIntents", intents));
}

}  // namespace

void write_pdfx_parts(HpdfDocument& doc, const color::PressProfile& profile) {
  write_output_intent(doc, profile);
  HPDF_Dict info = doc.info();
  add_string(doc, info, "GTS_PDFXVersion", "PDF/X-1:2001");
  add_string(doc, info, "GTS_PDFXConformance", "PDF/X-1a:2001");
  doc.check("Trapped", HPDF_Dict_AddName(info, "Trapped", "False"));
}

// What the publication says, in order: enough to tell two documents apart.
DocumentId::DocumentId(const frame::Metadata& meta) {
  HPDF_MD5Init(&md5_);
  add(meta.title + '\n' + meta.subject + '\n' + meta.date + '\n');
}

void DocumentId::add(const std::string& text) {
  HPDF_MD5Update(&md5_, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT32>(text.size()));
}

void DocumentId::add_page(const frame::Page& page) {
  std::string all = "page " + std::to_string(page.number) + '\n';
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<frame::GlyphRun>(&item)) {
      all += std::to_string(static_cast<long long>(run->baseline * 100)) + ':';
      for (const auto& g : run->glyphs) all += g.text;
      all += '\n';
    } else if (const auto* image = std::get_if<frame::Image>(&item)) {
      all += image->path + '\n';
    }
  }
  add(all);
}

void DocumentId::write(HpdfDocument& doc) {
  HPDF_BYTE digest[16];
  HPDF_MD5Final(digest, &md5_);
  HPDF_Array id = doc.require("document ID", HPDF_Array_New(doc.mmgr()));
  // Both halves equal: this is the document's first (and only) version.
  for (int i = 0; i < 2; ++i) doc.check("document ID", HPDF_Array_Add(id, HPDF_Binary_New(doc.mmgr(), digest, 16)));
  doc.check("document ID", HPDF_Dict_Add(doc.trailer(), "ID", id));
}

}  // namespace render::pdf
