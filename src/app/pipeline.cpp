#include "app/pipeline.h"

#include "app/data_dir.h"
#include "layout/compose.h"
#include "model/load_document.h"
#include "render/pdf/pdf_writer.h"
#include "style/load_theme.h"
#include "style/styled_document.h"

namespace app {

Resources load_resources(source::Diagnostics& diags) {
  Resources res;
  res.data_dir = find_data_dir();
  if (res.data_dir.empty()) {
    diags.error({}, "cannot find broadsheet's layouts/ folder next to the program "
                    "(set BROADSHEET_DATA_DIR to the folder that holds layouts/ and fonts/)");
    return res;
  }
  const std::string fonts_dir = res.data_dir + "/fonts";
  text::FontManifest manifest = text::load_font_manifest(fonts_dir + "/manifest.yaml", diags);
  res.fonts = std::make_unique<text::FontBook>(manifest, fonts_dir);
  return res;
}

std::shared_ptr<const LoadedTheme> read_theme(const std::string& path) {
  auto loaded = std::make_shared<LoadedTheme>();
  loaded->theme = style::load_theme(path, loaded->diags);
  return loaded;
}

std::optional<frame::Publication> typeset(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, source::Diagnostics& diags) {
  if (options.on_input) options.on_input(yaml_path);
  model::Document doc = model::load_document(yaml_path, diags);        // YAML → model
  if (diags.has_errors()) return std::nullopt;

  const std::string wanted = !options.layout.empty() ? options.layout
                             : !doc.layout.empty()   ? doc.layout.value
                                                     : std::string("newspaper-a4");
  const std::string layout_path = style::resolve_layout(wanted, doc.dir, res.data_dir);
  if (layout_path.empty()) {
    diags.error(options.layout.empty() ? doc.layout.span : source::SourceSpan{yaml_path},
                "unknown layout '" + wanted + "' (no such file in layouts/ or next to the document; a layout "
                "is a name from layouts/ or the path of a .yaml file)");
    return std::nullopt;
  }
  const auto loaded = options.themes ? options.themes(layout_path) : read_theme(layout_path);  // → styles
  if (options.on_input) options.on_input(layout_path);
  diags.append(loaded->diags);
  const style::Theme& theme = loaded->theme;
  if (options.on_input)
    for (const auto& article : doc.articles)
      for (const auto& photo : article.photos) options.on_input(photo.path);
  if (options.strict) diags.promote_warnings();
  if (diags.has_errors() || !res.fonts) return std::nullopt;

  style::StyledDocument styled = style::style_document(doc, theme);   // model → styled blocks
  frame::Publication pub = layout::compose(styled, theme, *res.fonts, diags);  // → pages
  if (options.strict) diags.promote_warnings();
  if (diags.has_errors()) return std::nullopt;
  return pub;
}

std::string render_pdf(const std::string& yaml_path, const Resources& res, const RenderOptions& options,
                       source::Diagnostics& diags, int* pages) {
  auto pub = typeset(yaml_path, res, options, diags);
  if (!pub) return "";
  if (pages) *pages = static_cast<int>(pub->pages.size());
  render::PdfOptions pdf_options;
  pdf_options.debug_boxes = options.debug_boxes;
  std::string pdf = render::write_pdf(*pub, pdf_options, diags);     // pages → PDF
  if (options.strict) diags.promote_warnings();
  return diags.has_errors() ? std::string() : pdf;
}

}  // namespace app
