// boothdeck's optional modules: PDF pages (poppler), SVG images (librsvg), raster images
// (SDL_image, libexif) and the remote and fleet (OpenSSL, cpp-httplib, libmosquitto,
// libarchive; app/remote/remote_module.h) live in shared modules beside the program
// (boothdeck-pdf.so, boothdeck-svg.so, boothdeck-image.so, boothdeck-remote.so) and are opened
// with dlopen the first time a deck or an option needs one. A deck of text then never loads
// poppler, librsvg, cairo, pango and their 30-odd libraries: at start-up that is about 5 MiB of
// memory (PSS) and 40 M instructions of symbol binding (Debian builds its libraries with
// BIND_NOW); no pictures save 0.9 MiB more, and no --remote or --mqtt 3.9 MiB.
//
//   std::string error;
//   auto open = optional_symbol<PdfOpen>(Module::Pdf, "boothdeck_pdf_open", &error);
//   if (!open) report(error);   // "cannot load boothdeck's PDF support (…): …; reinstall
//   boothdeck"
#pragma once

#include <string>

namespace boothdeck {

enum class Module { Pdf, Svg, Image, Remote };

// Bumped when a module's functions change; a module built for another value is refused.
constexpr int kModuleAbi = 1;

// The symbol `name` of the module, opened once and kept open; nullptr with `error` set (the
// module's file, dlerror's reason, what to do). Thread-safe. Where modules are looked for: the
// build folder when the program runs from it (tests, benchmarks), else the installed folder
// (`<libdir>/boothdeck`); BOOTHDECK_MODULE_DIR overrides both.
void* optional_symbol(Module module, const char* name, std::string* error);

// Why the module cannot be loaded (as optional_symbol's error); "" when it can.
std::string optional_module_problem(Module module);

template <typename Function>
Function* optional_function(Module module, const char* name, std::string* error) {
  return reinterpret_cast<Function*>(optional_symbol(module, name, error));
}

}  // namespace boothdeck
