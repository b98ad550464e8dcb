// Install layout from /proc/self/exe; the source folder of a build is compiled in.
#include "app/install_paths.h"

namespace boothdeck {

namespace fs = std::filesystem;

InstallPaths install_paths_for(const fs::path& exe, const fs::path& source_dir) {
  InstallPaths paths;
  fs::path dir = exe.parent_path();
  std::error_code ec;
  if (fs::exists(dir / "CMakeCache.txt", ec)) {
    paths.build_tree = true;
    paths.fonts_dir = source_dir / "fonts";
    paths.decks_dir = source_dir / "assets" / "decks";
    return paths;
  }
  fs::path prefix = dir.parent_path();
  paths.fonts_dir = prefix / "share" / "boothdeck" / "fonts";
  paths.decks_dir = prefix / "share" / "boothdeck" / "decks";
  fs::path etc = prefix == "/usr" ? fs::path("/etc") : prefix / "etc";
  paths.config_file = etc / "boothdeck" / "boothdeck.toml";
  return paths;
}

const InstallPaths& install_paths() {
  static const InstallPaths paths = [] {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return install_paths_for(exe, BOOTHDECK_SOURCE_DIR);
  }();
  return paths;
}

}  // namespace boothdeck
