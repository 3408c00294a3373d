#include "app/preview/preview_inputs.h"

#include <sys/stat.h>

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

#include <set>

#include "model/load_document.h"
#include "source/diagnostics.h"
#include "source/input_file.h"
#include "style/load_theme.h"

namespace app::preview {

DocumentInputs find_inputs(const std::string& yaml_path, const std::string& data_dir) {
  DocumentInputs in;
  in.files.push_back(yaml_path);
  source::Diagnostics ignored;  // the render reports the same problems with positions
  const model::Document doc = model::load_document(yaml_path, ignored);
  in.layout = doc.layout.empty() ? std::string(style::kDefaultLayout) : doc.layout.value;
  in.layout_known = !doc.layout.empty() || !ignored.has_errors();
  if (!doc.articles.empty()) in.title = doc.articles.front().headline.value;
  std::set<std::string> seen{yaml_path};
  auto add = [&](const std::string& f) {
    if (!f.empty() && seen.insert(f).second) in.files.push_back(f);
  };
  add(style::resolve_layout(in.layout, doc.dir, data_dir));
  for (const auto& a : doc.articles)
    for (const auto& p : a.photos) add(p.path);
  return in;
}

std::string fingerprint(const std::vector<std::string>& files) {
  Poco::SHA1Engine sha;
  std::string buf(64 * 1024, '\0');
  for (const auto& f : files) {
    // Length-prefixed parts, so no two different input sets hash the same stream.
    sha.update(std::to_string(f.size()) + ":" + f + "\n");
    // A FIFO named as a photo must not wedge the render worker here.
    std::string why;
    auto in = source::InputFile::open(f, why);
    if (!in) {
      sha.update("missing\n");
      continue;
    }
    std::size_t total = 0;
    while (true) {
      const auto n = in->read_some(buf.data(), buf.size());
      if (!n || *n == 0) break;
      sha.update(buf.data(), *n);
      total += *n;
    }
    sha.update("\n");
    sha.update(std::to_string(total));
    sha.update("\n");
  }
  return Poco::DigestEngine::digestToHex(sha.digest());
}

std::string stat_signature(const std::vector<std::string>& files) {
  std::string sig;
  for (const auto& f : files) {
    struct stat st {};
    if (::stat(f.c_str(), &st) != 0) {
      sig += "-;";
      continue;
    }
    sig += std::to_string(st.st_size) + ',' + std::to_string(st.st_mtim.tv_sec) + '.' +
           std::to_string(st.st_mtim.tv_nsec) + ',' + std::to_string(st.st_ctim.tv_nsec) + ',' +
           std::to_string(st.st_ino) + ';';
  }
  return sig;
}

}  // namespace app::preview
