// dlopen, once per module, from one folder chosen by where the program runs from.
#include "render/optional_module.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace boothdeck {

namespace {

namespace fs = std::filesystem;

struct ModuleFile {
  const char* file;
  const char* what;  // in messages: "cannot load boothdeck's PDF support"
};

ModuleFile module_file(Module module) {
  switch (module) {
    case Module::Pdf:
      return {"boothdeck-pdf.so", "PDF"};
    case Module::Svg:
      return {"boothdeck-svg.so", "SVG"};
    case Module::Image:
      return {"boothdeck-image.so", "image"};
    case Module::Remote:
      return {"boothdeck-remote.so", "remote"};
  }
  return {"", ""};
}

fs::path module_dir() {
  if (const char* dir = std::getenv("BOOTHDECK_MODULE_DIR"); dir && *dir) return dir;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path build = BOOTHDECK_BUILD_DIR;
  // A program in the build folder (or below it, as tests/) takes the modules built with it.
  if (!ec) {
    fs::path relative = exe.lexically_relative(build);
    if (!relative.empty() && *relative.begin() != "..") return build;
  }
  return BOOTHDECK_INSTALLED_MODULE_DIR;
}

struct Opened {
  std::once_flag once;
  void* handle = nullptr;
  std::string error;
};

Opened& opened(Module module) {
  static Opened modules[4];
  return modules[static_cast<int>(module)];
}

}  // namespace

void* optional_symbol(Module module, const char* name, std::string* error) {
  Opened& m = opened(module);
  std::call_once(m.once, [&] {
    fs::path path = module_dir() / module_file(module).file;
    std::string prefix =
        std::string("cannot load boothdeck's ") + module_file(module).what + " support: ";
    m.handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!m.handle) {
      const char* why = dlerror();
      m.error = prefix + (why ? why : "unknown reason") + "; reinstall boothdeck";
      return;
    }
    const int* abi = static_cast<const int*>(dlsym(m.handle, "boothdeck_module_abi"));
    if (!abi || *abi != kModuleAbi) {
      m.error = prefix + path.string() + " was built for another version; reinstall boothdeck";
      m.handle = nullptr;  // kept loaded: unloading a C++ library is not worth its risks
    }
  });
  if (!m.handle) {
    *error = m.error;
    return nullptr;
  }
  void* symbol = dlsym(m.handle, name);
  if (!symbol)
    *error = std::string("boothdeck's ") + module_file(module).what + " support lacks " + name +
             "; reinstall boothdeck";
  return symbol;
}

std::string optional_module_problem(Module module) {
  std::string error;
  optional_symbol(module, "boothdeck_module_abi", &error);
  return error;
}

}  // namespace boothdeck
