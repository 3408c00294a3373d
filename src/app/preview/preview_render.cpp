#include "app/preview/preview_render.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "render/png/page_images.h"

namespace app::preview {

std::size_t Rendered::count(bool errors) const {
  std::size_t n = 0;
  for (const auto& m : messages) n += m.error == errors ? 1 : 0;
  return n;
}

std::string relative_to(const std::string& path, const std::string& root) {
  const std::string prefix = root + "/";
  return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : path;
}

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Messages name files by absolute path; inside the preview folder the
// relative name is what the user knows the file by.
PreviewMessage message_of(const core::Diagnostic& d, const std::string& root) {
  PreviewMessage m;
  m.error = d.severity == core::Severity::Error;
  m.text = relative_to(core::format(d), root);
  m.summary = d.message;
  if (d.span.known()) {
    m.file = relative_to(d.span.file.path(), root);
    m.line = d.span.line;
    m.column = d.span.column;
  }
  return m;
}

// Someone waits for these pictures: a page per core (at most four) at once.
unsigned picture_threads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

}  // namespace

std::shared_ptr<const Rendered> render_for_preview(const RenderJob& job, const Resources& res,
                                                   render::pdf::FontSources* fonts) {
  const auto start = std::chrono::steady_clock::now();
  auto r = std::make_shared<Rendered>();
  r->key = job.key;
  r->doc = job.doc;
  r->debug = job.debug;
  r->layout = job.layout;
  r->layout_known = job.layout_known;
  r->title = job.title;
  core::Diagnostics diags;
  std::optional<SourceKinds> kinds;
  try {
    RenderOptions options;
    options.debug_boxes = job.debug;
    options.font_sources = fonts;
    if (!job.debug) {
      r->yaml = read_text(job.yaml_path);
      // Where every drawn item came from, named by the document's own values.
      options.on_document = [&](const model::Document& doc) { kinds.emplace(doc); };
      options.on_pages = [&](const frame::Publication& pub) {
        if (kinds) r->sources = map_sources(pub, *kinds);
      };
    }
    r->pdf = render_pdf(job.yaml_path, res, options, diags);
    if (!r->pdf.empty()) {
      render::PictureOptions pictures;
      pictures.dpi = kPageDpi;
      // The index shows the first page's thumbnail of the normal variant only.
      pictures.thumbnail_reduction = job.debug ? 0 : kThumbReduction;
      pictures.threads = picture_threads();
      auto drawn = render::rasterize_pdf(r->pdf, pictures);
      r->pages = std::move(drawn.pages);
      r->thumbnail = std::move(drawn.thumbnail);
      r->ok = !r->pages.empty();
    }
  } catch (const std::exception& e) {
    diags.error({job.yaml_path}, std::string("internal error while rendering: ") + e.what());
    r->ok = false;
  }
  if (!r->ok) {
    r->pdf.clear();
    r->pages.clear();
    r->thumbnail.clear();
    r->sources = {};
    if (!diags.has_errors()) diags.error({job.yaml_path}, "the document produced no pages");
  }
  for (const auto& d : diags.all()) r->messages.push_back(message_of(d, job.root));
  r->millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace app::preview
