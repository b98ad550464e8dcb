// Where the program's own files are: beside a build (the source tree's fonts/, no default
// configuration) or in an installation (PREFIX/share/boothdeck, /etc/boothdeck), found from the
// executable's own path at run time, so the same binary works in place and once installed.
#pragma once

#include <filesystem>
#include <string>

namespace boothdeck {

struct InstallPaths {
  bool build_tree = false;            // the executable sits in a CMake build folder
  std::filesystem::path fonts_dir;    // families.conf and brand fonts
  std::filesystem::path decks_dir;    // the built-in deck as a file to copy
  std::filesystem::path config_file;  // read when it exists; empty in a build tree
};

// For the executable at `exe`: a build tree when CMakeCache.txt lies beside it, then
// `source_dir` holds fonts/ and assets/decks/; otherwise PREFIX = exe/../.., with the
// configuration in /etc for PREFIX /usr (FHS) and in PREFIX/etc for any other prefix.
InstallPaths install_paths_for(const std::filesystem::path& exe,
                               const std::filesystem::path& source_dir);

// The running program's (from /proc/self/exe).
const InstallPaths& install_paths();

}  // namespace boothdeck
