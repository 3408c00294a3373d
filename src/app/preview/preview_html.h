#pragma once
// The preview's pages as HTML text. Pure functions of the state snapshot, so
// they are cheap to call on every request and easy to test.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/preview/preview_state.h"

namespace app::preview {

std::string html_escape(std::string_view s);

// The index: every document with its first page's thumbnail, layout, page
// count and warnings (or errors). `folder` is shown in the heading.
std::string index_page(const std::vector<DocStatus>& docs, const std::string& folder, std::uint64_t version);
// Only the part that live reload swaps in (the element with id="live").
std::string index_fragment(const std::vector<DocStatus>& docs, std::uint64_t version);

// One document: every page as a picture (with the debug overlay when
// `debug`) beside its warnings; while it does not load, its errors beside
// its last good pages, dimmed. Zoom, page navigation, the overlay's legend
// and the source panel (what a click on a page comes from). `editor` is
// the URL template that opens a spot in the user's editor ("" for none).
std::string document_page(const DocStatus& doc, bool debug, std::uint64_t version, const std::string& editor);
// The parts that live reload swaps in: the pages (id="live") and the
// messages beside them (id="live-side").
std::string document_fragment(const DocStatus& doc, bool debug, std::uint64_t version);

// The live part of a document page whose file left the folder.
std::string gone_fragment(const std::string& id, std::uint64_t version);

// A page for 4xx answers.
std::string error_page(int status, const std::string& reason, const std::string& detail);

// Served as /static/preview.css and /static/preview.js (kept out of the
// HTML so the Content-Security-Policy can forbid inline script).
std::string_view preview_css();
std::string_view preview_js();

// Width and height of a PNG from its header; {0, 0} if it is not one.
std::pair<int, int> png_size(const std::string& png);

}  // namespace app::preview
