// Entry points of libbroadsheet-extras.so (see extras.h).
#include <filesystem>
#include <iostream>

#include "app/batch/batch_command.h"
#include "app/common/atomic_file.h"
#include "app/common/exit_code.h"
#include "app/common/extras.h"
#include "app/preview/preview_command.h"
#include "render/png/page_images.h"

extern "C" int broadsheet_extras_command(const std::string* command, const std::vector<std::string>* args) {
  if (*command == "batch") return app::run_batch_command(*args);
  if (*command == "preview") return app::run_preview_command(*args);
  return app::kUsage;
}

extern "C" int broadsheet_extras_page_images(const std::string* pdf, const std::string* dir,
                                             const std::string* stem, int ppi) {
  std::error_code ec;
  std::filesystem::create_directories(*dir, ec);
  const auto pages = render::rasterize_pdf(*pdf, ppi);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string path = app::page_image_path(*dir, *stem, i + 1);
    if (auto err = app::write_file_atomically(path, pages[i]); !err.empty()) {
      std::cerr << "broadsheet: error: " << err << '\n';
      return app::kOutputError;
    }
  }
  return app::kOk;
}
