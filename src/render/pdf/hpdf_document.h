#pragma once
// Owns one libharu document and turns its error callback into exceptions.
// libharu reports errors through a callback and then keeps returning error
// codes; the writer checks after each step and throws PdfError, so no
// half-written PDF ever escapes.
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

  // The finished file. Call once, after everything is drawn.
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
