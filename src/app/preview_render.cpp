#include "app/preview_render.h"

#include <chrono>
#include <exception>

#include "render/png/page_images.h"

namespace app::preview {

std::size_t Rendered::count(bool errors) const {
  std::size_t n = 0;
  for (const auto& m : messages) n += m.error == errors ? 1 : 0;
  return n;
}

namespace {
// Messages name files by absolute path; inside the preview folder the
// relative name is what the user knows the file by.
std::string relative_message(std::string text, const std::string& root) {
  const std::string prefix = root + "/";
  if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  return text;
}
}  // namespace

std::shared_ptr<const Rendered> render_for_preview(const std::string& yaml_path, const std::string& doc,
                                                   const std::string& key, const std::string& layout,
                                                   const std::string& title, const Resources& res,
                                                   bool debug, const std::string& root) {
  const auto start = std::chrono::steady_clock::now();
  auto r = std::make_shared<Rendered>();
  r->key = key;
  r->doc = doc;
  r->debug = debug;
  r->layout = layout;
  r->title = title;
  source::Diagnostics diags;
  try {
    RenderOptions options;
    options.debug_boxes = debug;
    r->pdf = render_pdf(yaml_path, res, options, diags);
    if (!r->pdf.empty()) {
      r->pages = render::rasterize_pdf(r->pdf, kPageDpi);
      if (!debug) {
        auto thumbs = render::rasterize_pdf(r->pdf, kThumbDpi);
        if (!thumbs.empty()) r->thumbnail = std::move(thumbs.front());
      }
      r->ok = !r->pages.empty();
    }
  } catch (const std::exception& e) {
    diags.error({yaml_path}, std::string("internal error while rendering: ") + e.what());
    r->ok = false;
  }
  if (!r->ok) {
    r->pdf.clear();
    r->pages.clear();
    r->thumbnail.clear();
    if (!diags.has_errors()) diags.error({yaml_path}, "the document produced no pages");
  }
  for (const auto& d : diags.all()) {
    r->messages.push_back({d.severity == source::Severity::Error, relative_message(source::format(d), root)});
  }
  r->millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace app::preview
