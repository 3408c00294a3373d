#include "app/common/layout_catalog.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "source/did_you_mean.h"
#include "source/yaml_reader.h"

namespace app {
namespace {

std::string first_sentence_of_comment(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line, text;
  while (std::getline(in, line) && line.starts_with("#")) {
    if (line.starts_with("# yaml-language-server:")) continue;
    std::string part = line.substr(1);
    if (!part.empty() && part[0] == ' ') part.erase(0, 1);
    text += (text.empty() ? "" : " ") + part;
    if (text.find(". ") != std::string::npos || text.ends_with(".")) break;
  }
  const auto stop = text.find(". ");
  if (stop != std::string::npos) text.resize(stop + 1);
  return text;
}

}  // namespace

std::vector<LayoutInfo> shipped_layouts(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::vector<LayoutInfo> out;
  std::error_code ec;
  for (fs::directory_iterator it(fs::path(data_dir) / "layouts", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".yaml") continue;
    out.push_back({it->path().stem().string(), first_sentence_of_comment(it->path())});
  }
  std::sort(out.begin(), out.end(), [](const LayoutInfo& a, const LayoutInfo& b) { return a.name < b.name; });
  return out;
}

std::string unknown_layout_message(const std::string& wanted, const std::string& data_dir) {
  std::vector<std::string> names;
  for (const auto& l : shipped_layouts(data_dir)) names.push_back(l.name);
  const std::vector<std::string_view> views(names.begin(), names.end());
  std::string message = "unknown layout " + source::quoted(wanted, 4096);
  if (const std::string_view near = source::closest_match(wanted, views); !near.empty())
    message += "; did you mean '" + std::string(near) + "'?";
  message += " The layouts are " + source::join_alternatives(views, " and ") +
             "; a layout may also be the path of a .yaml layout file, relative to the document";
  return message;
}

}  // namespace app
