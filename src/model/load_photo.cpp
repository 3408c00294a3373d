// photos: items, and the check that each file is a JPEG or PNG we can embed.
#include <filesystem>
#include <string>

#include "image/image_probe.h"
#include "image/photo_checks.h"
#include "model/load_parts.h"
#include "source/near_file.h"

namespace model {
namespace {

constexpr std::string_view kPhotoKeys[] = {"src", "caption", "credit", "span", "focus"};
constexpr std::string_view kFocus[] = {"center", "top", "bottom", "left", "right"};
constexpr std::string_view kSpans[] = {"column", "page"};
constexpr int kWholePath = 4096;

void check_photo_file(source::YamlReader& r, Photo& photo, image::PhotoChecks* checks) {
  // A path is only useful whole.
  const std::string name = source::quoted(photo.src.value, kWholePath);
  // The whole file is decoded once here, so that a damaged photo is an
  // error at its src, not a grey band on the printed page; what the probe
  // found is kept for the later stages.
  std::string why;
  const auto info = checks ? checks->check_file(photo.path, why)
                           : image::probe_image_file(photo.path, image::Check::Whole, why);
  if (info) {
    photo.image = *info;
  } else {
    std::string message = "photo " + name + " " + why;
    const std::string near = why == "not found" ? source::near_file_name(photo.src.value, photo.path) : "";
    if (!near.empty()) message += "; did you mean " + source::quoted(near, kWholePath) + "?";
    r.error(photo.src.span, std::move(message));
  }
}

// A document carries its photos beside or below it. One that reaches
// elsewhere (an absolute path, "../") cannot be moved or shared with its
// photos, and a document from someone else could pull any picture on this
// machine into a PDF: say so (an error under --strict).
void warn_if_outside(source::YamlReader& r, const Photo& photo, const std::filesystem::path& src) {
  const std::filesystem::path normal = src.lexically_normal();
  if (!src.is_absolute() && (normal.empty() || *normal.begin() != "..")) return;
  r.warning(photo.src.span, "photo " + source::quoted(photo.src.value, kWholePath) +
                                " is outside the document's folder; keep photos beside or below the document");
}

}  // namespace

Photo read_photo(source::YamlReader& r, const YAML::Node& node, const core::SourceSpan& at,
                 std::size_t index, const PhotoFiles& files) {
  Photo photo;
  photo.where = at;
  const auto map = r.map(node, at, "photo " + std::to_string(index + 1), "photo", kPhotoKeys);
  if (!map) return photo;
  photo.where = map->span;
  if (auto src = r.required_text(*map, "src")) {
    photo.src = to_text(*src);
    const std::filesystem::path p(src->value);
    photo.path = (p.is_absolute() ? p : std::filesystem::path(files.document_dir) / p).lexically_normal().string();
    warn_if_outside(r, photo, p);
    check_photo_file(r, photo, files.checks);
  }
  photo.caption = optional_text(r, *map, "caption");
  photo.credit = optional_text(r, *map, "credit");
  if (const auto* span = map->get("span")) {
    if (const auto i = r.choice(*span, kSpans)) photo.span = *i == 0 ? PhotoSpan::Column : PhotoSpan::Page;
  }
  if (const auto* focus = map->get("focus")) {
    if (const auto i = r.choice(*focus, kFocus)) photo.focus = static_cast<PhotoFocus>(*i);
  }
  return photo;
}

}  // namespace model
