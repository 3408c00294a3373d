#pragma once
// Every piece of text a document prints, walked next to the model so that
// a new field is added here and nowhere else.
#include <functional>
#include <string>

#include "model/document.h"

namespace model {

// Calls `visit` with every Text of `doc` in reading order: the folio's
// paper and edition, then each article's own lines, paragraphs, figures,
// captions and credits.
void for_each_text(const Document& doc, const std::function<void(const Text&)>& visit);

// All of them, concatenated (which characters a document needs).
std::string all_text(const Document& doc);

}  // namespace model
