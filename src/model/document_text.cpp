#include "model/document_text.h"

namespace model {

void for_each_text(const Document& doc, const std::function<void(const Text&)>& visit) {
  visit(doc.meta.paper), visit(doc.meta.edition);
  for (const auto& a : doc.articles) {
    for (const auto& part : a.head_parts()) visit(*part.text);
    visit(a.byline);
    for (const auto& t : a.lead) visit(t);
    for (const auto& s : a.sections) {
      for (const auto& t : s.heading) visit(t);
      for (const auto& t : s.paragraphs) visit(t);
    }
    for (const auto& h : a.highlights) visit(h.value), visit(h.unit), visit(h.label);
    for (const auto& p : a.photos) visit(p.caption), visit(p.credit);
  }
}

std::string all_text(const Document& doc) {
  std::string all;
  for_each_text(doc, [&all](const Text& t) { all += t.value; });
  return all;
}

}  // namespace model
