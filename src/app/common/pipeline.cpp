#include "app/common/pipeline.h"

#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include "app/common/data_dir.h"
#include "app/common/layout_catalog.h"
#include "color/press_inks.h"
#include "layout/compose.h"
#include "model/load_document.h"
#include "render/pdf/pdf_writer.h"
#include "style/load_theme.h"
#include "style/styled_document.h"

namespace app {
namespace {

// The Debian packages of the manifest's default families.
constexpr const char* kChineseFontPackages = "fonts-noto-cjk fonts-lxgw-wenkai fonts-hanazono";

}  // namespace

Resources load_resources(core::Diagnostics& diags) {
  Resources res;
  res.data_dir = find_data_dir();
  if (res.data_dir.empty()) {
    diags.error({}, "cannot find broadsheet's layouts/ folder next to the program "
                    "(set BROADSHEET_DATA_DIR to the folder that holds layouts/ and fonts/)");
    return res;
  }
  const std::string fonts_dir = res.data_dir + "/fonts";
  text::FontManifest manifest = text::load_font_manifest(fonts_dir + "/manifest.yaml", diags);
  try {
    res.fonts = std::make_unique<text::FontBook>(manifest, fonts_dir);
  } catch (const std::runtime_error&) {
    res.fonts.reset();  // no font at all: said below
  }
  const bool has_chinese = res.fonts && (res.fonts->primary_face(core::FontRole::Song) >= 0 ||
                                         res.fonts->primary_face(core::FontRole::Hei) >= 0 ||
                                         res.fonts->primary_face(core::FontRole::Kai) >= 0);
  if (!has_chinese) {
    std::string families;
    for (const auto* list : {&manifest.song, &manifest.hei, &manifest.kai})
      for (const auto& f : *list) families += (families.empty() ? "" : ", ") + f;
    diags.error({}, "no Chinese font is installed: fontconfig finds none of the families that "
                    "fonts/manifest.yaml names (" + families + "). Install them with: "
                    "sudo apt-get install " + std::string(kChineseFontPackages));
  }
  return res;
}

std::shared_ptr<const LoadedTheme> read_theme(const std::string& path) {
  auto loaded = std::make_shared<LoadedTheme>();
  loaded->theme = style::load_theme(path, loaded->diags);
  return loaded;
}

namespace {

// PDF/X needs creation dates; without meta.date they come from
// SOURCE_DATE_EPOCH, else the epoch itself: never from the clock.
std::string press_date() {
  std::time_t t = 0;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = static_cast<std::time_t>(std::atoll(epoch));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Press output: the layout's profile and ink limit, and every colour put
// into the press's inks now, so that the PDF writer only translates.
bool prepare_press(frame::Publication& pub, const style::Theme& theme, const RenderOptions& options,
                   core::Diagnostics& diags) {
  core::PressOutput out = theme.print.output;
  if (out.profile.empty()) out.profile = color::kDefaultPressProfile;
  if (options.on_input) options.on_input(out.profile);
  try {
    const auto profile = color::PressProfile::load(out.profile);
    color::convert_for_press(pub, color::PressInks(profile, out.ink_limit));
  } catch (const color::ProfileError& e) {
    diags.error(theme.print.span, e.what());
    return false;
  }
  if (pub.meta.date.empty()) pub.meta.date = press_date();
  pub.press = out;
  return true;
}

}  // namespace

std::optional<frame::Publication> typeset(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, core::Diagnostics& diags) {
  if (options.on_input) options.on_input(yaml_path);
  model::Document doc = model::load_document(yaml_path, diags);        // YAML → model
  if (diags.has_errors()) return std::nullopt;
  if (options.on_document) options.on_document(doc);

  const std::string wanted = !options.layout.empty() ? options.layout
                             : !doc.layout.empty()   ? doc.layout.value
                                                     : std::string(style::kDefaultLayout);
  const std::string layout_path = style::resolve_layout(wanted, doc.dir, res.data_dir);
  if (layout_path.empty()) {
    diags.error(options.layout.empty() ? doc.layout.span : core::SourceSpan{yaml_path},
                unknown_layout_message(wanted, res.data_dir));
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
  frame::Publication pub =
      layout::compose(styled, theme, *res.fonts, diags, nullptr, options.debug_boxes);  // → pages
  diags.fold_repeats();  // a missing character is reported once, not at every use
  if ((options.press || theme.print.press) && !prepare_press(pub, theme, options, diags)) return std::nullopt;
  if (options.strict) diags.promote_warnings();
  if (diags.has_errors()) return std::nullopt;
  return pub;
}

std::string publication_pdf(const frame::Publication& pub, const RenderOptions& options, core::Diagnostics& diags) {
  render::PdfOptions pdf_options;
  pdf_options.debug_boxes = options.debug_boxes;
  pdf_options.font_sources = options.font_sources;
  std::string pdf = render::write_pdf(pub, pdf_options, diags);     // pages → PDF
  if (options.strict) diags.promote_warnings();
  return diags.has_errors() ? std::string() : pdf;
}

std::string render_pdf(const std::string& yaml_path, const Resources& res, const RenderOptions& options,
                       core::Diagnostics& diags, int* pages) {
  auto pub = typeset(yaml_path, res, options, diags);
  if (!pub) return "";
  if (pages) *pages = static_cast<int>(pub->pages.size());
  if (options.on_pages) options.on_pages(*pub);
  return publication_pdf(*pub, options, diags);
}

}  // namespace app
