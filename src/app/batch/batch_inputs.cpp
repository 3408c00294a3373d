#include "app/batch/batch_inputs.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

namespace app {
namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Folders contribute documents in the byte order of their path inside the
// folder: directory listings come in whatever order the file system keeps.
void add_folder(const std::string& operand, FoundDocuments& found, std::vector<fs::path>& out) {
  std::vector<std::pair<std::string, fs::path>> inside;
  std::error_code ec;
  const fs::path root(operand);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    found.errors.push_back(operand + ": cannot read the folder: " + ec.message());
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (hidden(p)) {
      if (it->is_directory(type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (p.extension() != ".yaml" || !it->is_regular_file(type_ec)) continue;
    inside.emplace_back(p.lexically_relative(root).generic_string(), p);
  }
  if (ec) {
    found.errors.push_back(operand + ": cannot read the folder: " + ec.message());
    return;
  }
  std::sort(inside.begin(), inside.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  if (inside.empty()) found.notes.push_back(operand + ": no *.yaml files in this folder");
  for (auto& [rel, p] : inside) out.push_back(std::move(p));
}

std::string join_name(const std::vector<std::string>& nearest_first, std::size_t depth, const std::string& stem) {
  std::string name;
  for (std::size_t k = std::min(depth, nearest_first.size()); k-- > 0;) name += nearest_first[k] + "-";
  return name + stem;
}

// Parent folder names of an absolute path, nearest first ("/a/b/x.yaml" → b, a).
std::vector<std::string> parents_nearest_first(const std::string& key) {
  std::vector<std::string> names;
  for (const auto& part : fs::path(key).parent_path().relative_path()) names.push_back(part.string());
  std::reverse(names.begin(), names.end());
  return names;
}

}  // namespace

FoundDocuments find_documents(const std::vector<std::string>& operands) {
  FoundDocuments found;
  std::set<std::string> seen;
  for (const auto& operand : operands) {
    std::error_code ec;
    const auto status = fs::status(operand, ec);
    if (!fs::exists(status)) {
      found.errors.push_back(operand + ": no such file or folder");
      continue;
    }
    std::vector<fs::path> paths;
    if (fs::is_directory(status)) {
      add_folder(operand, found, paths);
    } else {
      paths.emplace_back(operand);  // named explicitly: taken whatever its extension
    }
    for (const auto& p : paths) {
      std::string key = fs::absolute(p, ec).lexically_normal().string();
      if (ec || !seen.insert(key).second) continue;
      found.documents.push_back({p.string(), std::move(key), "", ""});
    }
  }
  return found;
}

void assign_output_names(std::vector<BatchDocument>& docs, const std::string& out_dir,
                         std::vector<std::string>& notes) {
  std::map<std::string, std::vector<std::size_t>> by_stem;
  for (std::size_t i = 0; i < docs.size(); ++i) by_stem[fs::path(docs[i].key).stem().string()].push_back(i);

  std::vector<std::string> names(docs.size());
  for (const auto& [stem, members] : by_stem) {
    if (members.size() == 1) {
      names[members[0]] = stem;
      continue;
    }
    std::vector<std::vector<std::string>> parents;
    std::size_t deepest = 0;
    for (std::size_t i : members) {
      parents.push_back(parents_nearest_first(docs[i].key));
      deepest = std::max(deepest, parents.back().size());
    }
    // The fewest parent folders that tell every member apart.
    for (std::size_t depth = 1; depth <= std::max<std::size_t>(deepest, 1); ++depth) {
      std::set<std::string> distinct;
      for (std::size_t k = 0; k < members.size(); ++k) {
        names[members[k]] = join_name(parents[k], depth, stem);
        distinct.insert(names[members[k]]);
      }
      if (distinct.size() == members.size()) break;
    }
    std::string note = std::to_string(members.size()) + " documents are named '" + stem + ".yaml'; writing";
    for (std::size_t k = 0; k < members.size(); ++k) {
      note += (k ? ", " : " ") + docs[members[k]].path + " -> " + names[members[k]] + ".pdf";
    }
    notes.push_back(note);
  }

  // A prefixed name may still meet another document's name: number the later ones.
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return docs[a].key < docs[b].key; });
  std::set<std::string> taken;
  std::map<std::string, int> count;
  for (std::size_t i : order) ++count[names[i]];
  for (std::size_t i : order) {
    if (count[names[i]] == 1) taken.insert(names[i]);
  }
  for (std::size_t i : order) {
    if (count[names[i]] == 1) continue;
    std::string name = names[i];
    for (int n = 2; !taken.insert(name).second; ++n) name = names[i] + "~" + std::to_string(n);
    if (name != names[i]) {
      notes.push_back(docs[i].path + " would also be " + names[i] + ".pdf; writing " + name + ".pdf");
    }
    names[i] = name;
  }

  for (std::size_t i = 0; i < docs.size(); ++i) {
    docs[i].output_name = names[i] + ".pdf";
    docs[i].output_path = (fs::path(out_dir) / docs[i].output_name).string();
  }
}

}  // namespace app
