#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>

#include "app/common/extras.h"

namespace app {
namespace {

// The module beside the program (build/), or in an installed lib folder.
std::string module_path() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  for (const fs::path& p : {dir / "libbroadsheet-extras.so", dir / ".." / "lib" / "broadsheet" / "libbroadsheet-extras.so"}) {
    if (fs::exists(p, ec)) return p.string();
  }
  throw std::runtime_error("cannot find libbroadsheet-extras.so next to the program");
}

// Owns the dlopen handle for one call.
class Module {
 public:
  Module() : handle_(dlopen(module_path().c_str(), RTLD_NOW | RTLD_LOCAL)) {
    if (!handle_) throw std::runtime_error(std::string("cannot load the extras module: ") + dlerror());
  }
  ~Module() {
    // Kept loaded: its threads and static objects may outlive the call
    // until exit, and unloading buys nothing in a process that is ending.
  }
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  template <typename F>
  F* symbol(const char* name) const {
    void* s = dlsym(handle_, name);
    if (!s) throw std::runtime_error(std::string("the extras module lacks ") + name);
    return reinterpret_cast<F*>(s);
  }

 private:
  void* handle_;
};

}  // namespace

int run_extras_command(const std::string& command, const std::vector<std::string>& args) {
  Module module;
  return module.symbol<decltype(broadsheet_extras_command)>("broadsheet_extras_command")(&command, &args);
}

int write_page_images(const std::string& pdf, const std::string& dir, const std::string& stem, int ppi) {
  Module module;
  return module.symbol<decltype(broadsheet_extras_page_images)>("broadsheet_extras_page_images")(&pdf, &dir,
                                                                                                  &stem, ppi);
}

}  // namespace app
