#pragma once
// Owns one libharu document and turns its error callback into exceptions.
// libharu reports errors through a callback and then keeps returning error
// codes; the writer checks after each step and throws PdfError, so no
// half-written PDF ever escapes.
//
// This is also the one place that reaches into libharu 2.3's records
// (CMakeLists.txt insists on that version): the PDF version, streams whose
// bytes arrive deflated already, a page's content stream, the catalog,
// trailer and Info dictionaries, and saving through a writer of our own.
// libharu keeps the objects, pages and cross-reference table; everything
// that needs more than its public API goes through here.
#include <hpdf.h>

#include <string>
#include <string_view>

namespace render::pdf {

class HpdfDocument {
 public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_MMgr mmgr() const;
  HPDF_Xref xref() const;
  HPDF_Dict catalog() const;
  HPDF_Dict trailer() const;
  // The Info dictionary (made when libharu has none yet).
  HPDF_Dict info();

  // The version in the file's header: libharu has no setter and starts at 1.3.
  void set_version(HPDF_PDFVer version);

  // Throws PdfError("<what>: libharu error 0x....") if libharu reported an
  // error since the last check, or if `status` is not HPDF_OK.
  void check(std::string_view what, HPDF_STATUS status = HPDF_OK);
  // Same, for calls that return a handle (NULL on failure).
  template <typename T>
  T require(std::string_view what, T handle) {
    if (!handle) check(what, HPDF_FAILD_TO_ALLOC_MEM);
    check(what);
    return handle;
  }

  // A new stream object holding `deflated` (zlib format) as it is, with
  // /Filter /FlateDecode: libharu only deflates with its own zlib call.
  HPDF_Dict deflated_stream(std::string_view what, std::string_view deflated);
  // Appends operators libharu's page API has no form for to `page`'s content stream.
  void write_content(HPDF_Page page, std::string_view ops);
  // Deflates `page`'s content stream now (deflate.h), when it is finished:
  // the document then holds each page packed instead of every page's
  // operators until save.
  void pack_content(HPDF_Page page, int level);

  // The finished file. Call once, after everything is drawn. libharu's own
  // save goes through a memory stream read back into a string (two copies);
  // this writes straight into the one string returned.
  std::string save();

 private:
  struct ErrorState {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user);

  ErrorState error_;  // filled by on_error, which holds its address
  HPDF_Doc doc_ = nullptr;
};

}  // namespace render::pdf
