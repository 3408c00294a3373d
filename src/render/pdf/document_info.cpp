#include "render/pdf/document_info.h"

#include <hpdf_objects.h>

#include <cstdio>
#include <string>

#include "core/utf8.h"
#include "render/pdf/utf.h"

namespace render::pdf {
namespace {

// A PDF text string object: plain for ASCII, UTF-16BE with BOM otherwise.
void* text_object(HpdfDocument& doc, const std::string& utf8) {
  if (is_ascii(utf8)) return HPDF_String_New(doc.mmgr(), utf8.c_str(), nullptr);
  const std::string utf16 = pdf_text_string(utf8);
  return HPDF_Binary_New(doc.mmgr(), reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(utf16.data())),
                         static_cast<HPDF_UINT>(utf16.size()));
}

// Titles and bookmarks longer than this are cut (with "…"): a viewer shows
// a line of them at most, and libharu refuses strings over 64 KiB.
constexpr std::size_t kMaxTextCodePoints = 1000;

std::string shortened(const std::string& utf8) {
  std::size_t at = 0, count = 0;
  while (at < utf8.size() && count < kMaxTextCodePoints) {
    at += core::decode_utf8(utf8, at).length;
    ++count;
  }
  return at < utf8.size() ? utf8.substr(0, at) + "…" : utf8;
}

void set_text(HpdfDocument& doc, HPDF_Dict dict, const char* key, const std::string& value) {
  if (value.empty()) return;
  doc.check(key, HPDF_Dict_Add(dict, key, text_object(doc, shortened(value))));
}

bool parse_date(const std::string& s, HPDF_Date& d) {
  int y = 0, m = 0, day = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || day < 1 || day > kDays[m - 1] || (m == 2 && day == 29 && !leap)) return false;
  d = HPDF_Date{y, m, day, 0, 0, 0, ' ', 0, 0};
  return true;
}

}  // namespace

void write_metadata(HpdfDocument& doc, const frame::Metadata& meta, core::Diagnostics& diags) {
  HPDF_Dict info = doc.info();
  set_text(doc, info, "Title", meta.title);
  set_text(doc, info, "Subject", meta.subject);
  set_text(doc, info, "Author", meta.author);
  set_text(doc, info, "Creator", meta.creator);
  if (meta.date.empty()) return;
  HPDF_Date date{};
  if (!parse_date(meta.date, date)) {
    diags.warning({}, "date \"" + meta.date + "\" is not YYYY-MM-DD; the PDF carries no creation date");
    return;
  }
  doc.check("date", HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_CREATION_DATE, date));
  doc.check("date", HPDF_SetInfoDateAttr(doc.get(), HPDF_INFO_MOD_DATE, date));
}

void write_bookmarks(HpdfDocument& doc, const std::vector<frame::Bookmark>& bookmarks,
                     const std::vector<HPDF_Page>& pages, const std::vector<PageGeometry>& geometry,
                     core::Diagnostics& diags) {
  if (bookmarks.empty()) return;
  for (const auto& b : bookmarks) {
    if (b.page_index < 0 || static_cast<std::size_t>(b.page_index) >= pages.size()) {
      diags.warning({}, "bookmark \"" + b.title + "\" points at page " + std::to_string(b.page_index + 1) +
                            " of " + std::to_string(pages.size()) + "; left out");
      continue;
    }
    const auto p = static_cast<std::size_t>(b.page_index);
    HPDF_Outline outline = doc.require("bookmark", HPDF_CreateOutline(doc.get(), nullptr, "", nullptr));
    set_text(doc, outline, "Title", b.title.empty() ? std::string(" ") : b.title);
    // [page /XYZ null top null]: jump to the article's top, keeping the
    // reader's zoom and horizontal position (libharu's SetXYZ insists on a zoom).
    HPDF_Destination dst = doc.require("bookmark target", HPDF_Page_CreateDestination(pages[p]));
    HPDF_Array_Clear(dst);
    HPDF_STATUS ret = HPDF_Array_Add(dst, pages[p]);
    ret |= HPDF_Array_AddName(dst, "XYZ");
    ret |= HPDF_Array_Add(dst, HPDF_Null_New(doc.mmgr()));
    ret |= HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(geometry[p].y(b.y)));
    ret |= HPDF_Array_Add(dst, HPDF_Null_New(doc.mmgr()));
    doc.check("bookmark target", ret);
    doc.check("bookmark", HPDF_Outline_SetDestination(outline, dst));
  }
  doc.check("page mode", HPDF_SetPageMode(doc.get(), HPDF_PAGE_MODE_USE_OUTLINE));
}

}  // namespace render::pdf
