#pragma once
// The preview's answers that connect the page to the YAML — what is drawn
// at a spot (/api/locate), where a YAML line is drawn (/api/boxes) — and
// page pictures at a chosen resolution (?ppi=N).
#include <cstddef>
#include <memory>
#include <string>

#include "app/preview/preview_routes.h"

namespace app::preview {

// GET /api/locate?doc=DOC&page=N&x=X&y=Y (x, y in pt from the trimmed
// page's top-left corner) → {"file", "line", "column", "kind", …}, or 404
// with a JSON body when nothing is drawn there.
Reply serve_locate(Site& site, const std::string& query);

// GET /api/boxes?doc=DOC&line=N[&column=C][&file=F] → every box drawn from
// that line: {"file", "line", "boxes": [{"page", "x", "y", "width", "height", "kind"}], …}.
Reply serve_boxes(Site& site, const std::string& query);

// Page `n` (1-based, which exists) of `r` drawn at the resolution the
// query's `ppi` asks for; 400 when it is not a number within bounds.
Reply serve_page_at_ppi(Site& site, const std::shared_ptr<const Rendered>& r, std::size_t n,
                        const std::string& ppi);

// The render whose pages a document shows: its current one, or while it
// does not load the last one that did (null when there is none).
std::shared_ptr<const Rendered> shown_render(const DocStatus& d);

}  // namespace app::preview
