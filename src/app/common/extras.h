#pragma once
// The commands that need Poco or poppler (batch, preview, page images) live
// in a module loaded only when one of them is asked for: linking those
// libraries into every run cost `render` about 8 ms and 7 MB at start-up
// (their symbols are bound eagerly), a fifth of a page's render.
#include <string>
#include <vector>

namespace app {

// Runs `batch` or `preview` with the arguments after the command word.
int run_extras_command(const std::string& command, const std::vector<std::string>& args);

// Writes page_image_path(DIR, STEM, N) for every page of `pdf` at `ppi`
// pixels per inch (render --png, --ppi). Returns the exit code.
int write_page_images(const std::string& pdf, const std::string& dir, const std::string& stem, int ppi);

// DIR/STEM-N.png, page N's picture.
inline std::string page_image_path(const std::string& dir, const std::string& stem, std::size_t page) {
  return dir + "/" + stem + "-" + std::to_string(page) + ".png";
}

}  // namespace app

// The module's entry points, looked up by name with dlsym.
extern "C" {
int broadsheet_extras_command(const std::string* command, const std::vector<std::string>* args);
int broadsheet_extras_page_images(const std::string* pdf, const std::string* dir, const std::string* stem,
                                  int ppi);
}
