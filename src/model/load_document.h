#pragma once
#include <string>

#include "core/diagnostics.h"
#include "model/document.h"

namespace image {
class PhotoChecks;
}

namespace model {

// Reads and checks one YAML document. Every problem is added to `diags`
// (all of them, not only the first); the returned Document holds whatever
// could be read. Never throws for bad input. With `photo_checks`, photos
// already checked by an earlier document of the run are not decoded again.
Document load_document(const std::string& path, core::Diagnostics& diags,
                       image::PhotoChecks* photo_checks = nullptr);

// Same, from text already in memory (`path` is used for messages and for
// resolving relative photo paths).
Document load_document_text(const std::string& text, const std::string& path,
                            core::Diagnostics& diags);

}  // namespace model
