#pragma once
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "style/theme.h"

namespace style {

// The layout a document gets when it names none.
inline constexpr std::string_view kDefaultLayout = "newspaper-a4";

// The layout file for a document's `layout:` value: a bare name
// ("newspaper-a4") is looked up as `<data_dir>/layouts/<name>.yaml`; anything
// with a '/' or ending in .yaml is a path relative to the document's folder,
// and must name a .yaml or .yml file. Returns "" when nothing is found (the caller reports it at the key's span).
std::string resolve_layout(const std::string& name_or_path, const std::string& document_dir,
                           const std::string& data_dir);

// Whether a YAML file is a layout rather than a document: a mapping with
// `styles:` or `columns:` and no `articles:` (layouts kept beside documents).
bool is_layout_file(const std::string& path);

// Reads a layout file with the same precise FILE:LINE:COLUMN reporting as
// documents: unknown keys are warnings with a suggestion, wrong types and
// out-of-range numbers are errors. Missing keys keep the defaults of theme.h.
Theme load_theme(const std::string& path, core::Diagnostics& diags);
// The same for text in memory (`path` names it in messages).
Theme load_theme_text(const std::string& text, const std::string& path, core::Diagnostics& diags);

}  // namespace style
