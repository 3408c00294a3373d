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
// into the press's inks as each page is made, so that the PDF writer only
// translates.
struct PressSetup {
  core::PressOutput out;
  std::optional<color::PressInks> inks;
};

std::optional<PressSetup> press_setup(const style::Theme& theme, const RenderOptions& options,
                                      core::Diagnostics& diags) {
  PressSetup press;
  press.out = theme.print.output;
  if (press.out.profile.empty()) press.out.profile = color::kDefaultPressProfile;
  if (options.on_input) options.on_input(press.out.profile);
  try {
    const auto profile = color::PressProfile::load(press.out.profile);
    press.inks.emplace(profile, press.out.ink_limit);
  } catch (const color::ProfileError& e) {
    diags.error(theme.print.span, e.what());
    return std::nullopt;
  }
  return press;
}

// The publication's metadata and press settings as the PDF carries them.
void set_output(frame::Publication& pub, const std::optional<PressSetup>& press) {
  if (!press) return;
  if (pub.meta.date.empty()) pub.meta.date = press_date();
  pub.press = press->out;
}

// YAML → model → styles → pages, each page handed to `sink` when one is
// given (the publication returned then has none). Nothing on errors.
std::optional<frame::Publication> lay_out(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, core::Diagnostics& diags,
                                          const std::function<void(frame::Page&&, const frame::Publication&,
                                                                   const std::optional<PressSetup>&)>& sink) {
  if (options.on_input) options.on_input(yaml_path);
  model::Document doc = model::load_document(yaml_path, diags, options.photo_checks);  // YAML → model
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
  std::optional<PressSetup> press;
  if (options.press || theme.print.press) {
    press = press_setup(theme, options, diags);
    if (!press) return std::nullopt;
  }

  style::StyledDocument styled = style::style_document(doc, theme);   // model → styled blocks
  doc = {};  // the styled blocks hold copies of all make-up needs: a long document's text is not kept twice
  // Each page into the press's inks as it is made, then to `sink`, or kept.
  std::vector<frame::Page> kept;
  layout::ComposeOptions compose_options;
  compose_options.debug_items = options.debug_boxes;
  compose_options.sink = [&](frame::Page&& page, const frame::Publication& so_far) {
    if (press) color::convert_for_press(page, *press->inks);
    if (sink) sink(std::move(page), so_far, press);
    else kept.push_back(std::move(page));
  };
  frame::Publication pub =
      layout::compose(styled, theme, *res.fonts, diags, compose_options);  // → pages
  pub.pages = std::move(kept);
  diags.fold_repeats();  // a missing character is reported once, not at every use
  set_output(pub, press);
  if (options.strict) diags.promote_warnings();
  if (diags.has_errors()) return std::nullopt;
  return pub;
}

}  // namespace

std::optional<frame::Publication> typeset(const std::string& yaml_path, const Resources& res,
                                          const RenderOptions& options, core::Diagnostics& diags) {
  return lay_out(yaml_path, res, options, diags, {});
}

std::string render_pdf(const std::string& yaml_path, const Resources& res, const RenderOptions& options,
                       core::Diagnostics& diags, int* pages) {
  render::PdfOptions pdf_options;
  pdf_options.debug_boxes = options.debug_boxes;
  pdf_options.font_sources = options.font_sources;
  std::string pdf;
  if (options.on_pages) {
    // The caller looks at the whole publication first: kept whole.
    auto pub = typeset(yaml_path, res, options, diags);
    if (!pub) return "";
    if (pages) *pages = static_cast<int>(pub->pages.size());
    options.on_pages(*pub);
    pdf = render::write_pdf(*pub, pdf_options, diags);     // pages → PDF
  } else {
    // Each page is written as make-up finishes it and then let go, so
    // memory does not grow with the pages.
    std::optional<render::PdfWriter> writer;
    int made = 0;
    auto sink = [&](frame::Page&& page, const frame::Publication& so_far, const std::optional<PressSetup>& press) {
      if (!writer) {
        frame::Publication head;
        head.meta = so_far.meta;
        set_output(head, press);
        writer.emplace(head.meta, head.press, pdf_options, diags);
      }
      writer->add_page(page, so_far.faces);  // pages → PDF
      ++made;
    };
    auto pub = lay_out(yaml_path, res, options, diags, sink);
    if (options.on_made_up) options.on_made_up();
    if (!pub) return "";
    if (pages) *pages = made;
    if (!writer) writer.emplace(pub->meta, pub->press, pdf_options, diags);
    pdf = writer->finish(pub->bookmarks);
  }
  if (options.strict) diags.promote_warnings();
  return diags.has_errors() ? std::string() : pdf;
}

}  // namespace app
