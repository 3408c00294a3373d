#include "render/pdf/hpdf_document.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cstdio>

#include "render/pdf/deflate.h"
#include "render/pdf/pdf_error.h"

namespace render::pdf {
namespace {

// The /Filter entry of a stream whose bytes are deflated already: libharu
// writes one only for filters it applies itself, so the stream is marked
// unfiltered (its bytes copied through) and this adds the entry.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
  return HPDF_OK;
}

// A file's first two lines, as libharu's WriteHeader writes them.
std::string header(HPDF_PDFVer version) {
  const char* number = version == HPDF_VER_13 ? "1.3" : version == HPDF_VER_14 ? "1.4" : "1.7";
  return std::string("%PDF-") + number + "\012%\267\276\255\252\012";
}

}  // namespace

HpdfDocument::HpdfDocument() {
  doc_ = HPDF_New(&HpdfDocument::on_error, &error_);
  if (!doc_) throw PdfError({}, "libharu could not create a document (out of memory)");
}

HpdfDocument::~HpdfDocument() { HPDF_Free(doc_); }

HPDF_MMgr HpdfDocument::mmgr() const { return doc_->mmgr; }
HPDF_Xref HpdfDocument::xref() const { return doc_->xref; }
HPDF_Dict HpdfDocument::catalog() const { return doc_->catalog; }
HPDF_Dict HpdfDocument::trailer() const { return doc_->trailer; }

HPDF_Dict HpdfDocument::info() {
  // HPDF_New sets /Producer, which makes the dictionary; setting it again makes it if not.
  if (!doc_->info) check("info", HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "libHaru"));
  if (!doc_->info) throw PdfError({}, "the Info dictionary is missing");
  return doc_->info;
}

void HpdfDocument::set_version(HPDF_PDFVer version) { doc_->pdf_version = version; }

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

HPDF_Dict HpdfDocument::deflated_stream(std::string_view what, std::string_view deflated) {
  HPDF_Dict stream = require(what, HPDF_DictStream_New(mmgr(), xref()));
  check(what, HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                                static_cast<HPDF_UINT>(deflated.size())));
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
  return stream;
}

void HpdfDocument::write_content(HPDF_Page page, std::string_view ops) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  check("page content", HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(ops.data()),
                                          static_cast<HPDF_UINT>(ops.size())));
}

void HpdfDocument::pack_content(HPDF_Page page, int level) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  HPDF_Stream stream = attr->stream;
  std::string ops;
  ops.reserve(HPDF_Stream_Size(stream));
  for (HPDF_UINT i = 0, n = HPDF_MemStream_GetBufCount(stream); i < n; ++i) {
    HPDF_UINT size = 0;
    const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(stream, i, &size);
    if (!chunk) check("page content", HPDF_INVALID_STREAM);
    ops.append(reinterpret_cast<const char*>(chunk), size);
  }
  HPDF_MemStream_FreeData(stream);
  if (ops.empty()) return;  // libharu writes an empty stream unfiltered
  const std::string packed = deflate_bytes(ops, level);
  check("page content", HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                                          static_cast<HPDF_UINT>(packed.size())));
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = write_flate_filter;
}

std::string HpdfDocument::save() {
  // What libharu's HPDF_SaveToStream does (header, trailer's /Root and
  // /Info, then every object and the cross-reference table), into `out`.
  std::string out = header(doc_->pdf_version);
  HPDF_Stream writer = require("save", HPDF_CallbackWriter_New(mmgr(), append_to_string, &out));
  writer->size = static_cast<HPDF_UINT32>(out.size());  // offsets count the header
  HPDF_STATUS ret = HPDF_Dict_Add(trailer(), "Root", catalog());
  ret |= HPDF_Dict_Add(trailer(), "Info", info());
  if (ret == HPDF_OK) ret = HPDF_Xref_WriteToStream(xref(), writer, nullptr);
  HPDF_Stream_Free(writer);
  check("save", ret);
  return out;
}

}  // namespace render::pdf
