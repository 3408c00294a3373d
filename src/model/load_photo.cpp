// photos: items, and the check that each file is a JPEG or PNG we can embed.
#include <array>
#include <filesystem>
#include <fstream>
#include <string>

#include "model/load_parts.h"

namespace model {
namespace {

constexpr std::string_view kPhotoKeys[] = {"src", "caption", "credit", "span"};
constexpr std::string_view kSpans[] = {"column", "page"};
constexpr int kWholePath = 4096;

// The PDF writer embeds JPEG as is and decodes PNG; anything else (HEIC from
// a phone, a web page saved as .jpg) would fail much later, so say it here.
bool has_image_magic(const std::array<unsigned char, 8>& head, std::size_t got) {
  static constexpr unsigned char kJpeg[] = {0xFF, 0xD8, 0xFF};
  static constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  const auto starts_with = [&](const auto& magic) {
    return got >= std::size(magic) && std::equal(std::begin(magic), std::end(magic), head.begin());
  };
  return starts_with(kJpeg) || starts_with(kPng);
}

void check_photo_file(source::YamlReader& r, const Photo& photo) {
  namespace fs = std::filesystem;
  // A path is only useful whole.
  const std::string name = source::quoted(photo.src.value, kWholePath);
  std::error_code ec;
  const auto status = fs::status(photo.path, ec);
  if (!fs::exists(status)) {
    r.error(photo.src.span, "photo " + name + " not found");
    return;
  }
  if (fs::is_directory(status)) {
    r.error(photo.src.span, "photo " + name + " is a directory, not an image file");
    return;
  }
  std::ifstream in(photo.path, std::ios::binary);
  std::array<unsigned char, 8> head{};
  if (in) in.read(reinterpret_cast<char*>(head.data()), head.size());
  if (!in && !in.eof()) {
    r.error(photo.src.span, "cannot read photo " + name);
    return;
  }
  if (!has_image_magic(head, static_cast<std::size_t>(in.gcount()))) {
    r.error(photo.src.span, "photo " + name + " is neither a JPEG nor a PNG file");
  }
}

}  // namespace

Photo read_photo(source::YamlReader& r, const YAML::Node& node, const source::SourceSpan& at,
                 std::size_t index, const std::string& document_dir) {
  Photo photo;
  photo.where = at;
  const auto map = r.map(node, at, "photo " + std::to_string(index + 1), "photo", kPhotoKeys);
  if (!map) return photo;
  photo.where = map->span;
  if (auto src = r.required_text(*map, "src")) {
    photo.src = to_text(*src);
    const std::filesystem::path p(src->value);
    photo.path = (p.is_absolute() ? p : std::filesystem::path(document_dir) / p).lexically_normal().string();
    check_photo_file(r, photo);
  }
  photo.caption = optional_text(r, *map, "caption");
  photo.credit = optional_text(r, *map, "credit");
  if (const auto* span = map->get("span")) {
    if (const auto i = r.choice(*span, kSpans)) photo.span = *i == 0 ? PhotoSpan::Column : PhotoSpan::Page;
  }
  return photo;
}

}  // namespace model
