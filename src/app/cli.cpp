// Command-line parsing with CLI11.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/options.h"

namespace boothdeck {

int parse_command_line(int argc, char** argv, Options* out) {
  CLI::App app{"boothdeck: a kiosk presenter for trade-show booths and touchscreens", "boothdeck"};
  std::string size, log_format = "text";
  app.add_option("deck", out->deck, "Markdown deck (default: the built-in report)");
  app.add_flag("--windowed", out->windowed, "a window instead of fullscreen (Escape or Q quits)");
  app.add_option("--size", size, "window or export size, WxH (e.g. 1920x1080)");
  app.add_flag("--check", out->check,
               "validate the deck, print problems as file:line:col, exit 2 on errors");
  app.add_flag("--verbose", out->verbose, "with --check: every occurrence, not one line per kind");
  app.add_option("--export", out->export_dir,
                 "render every slide headless to DIR/slide-NN.png and DIR/layout.json");
  app.add_option("--slide", out->only_slide, "with --export: only slide N (1-based)")
      ->check(CLI::PositiveNumber);
  app.add_flag("--bench", out->bench, "render the deck offscreen and print timings as JSON");
  app.add_option("--log-format", log_format, "text or json (one JSON object a line on stdout)")
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--pin", out->pin, "PIN that guards the operator panel");
  app.add_option("--fonts", out->fonts_dir, "folder with families.conf and brand fonts");
  app.add_option("--duration", out->duration, "seconds per slide, overriding the deck (soak tests)")
      ->check(CLI::PositiveNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!size.empty()) {
    int w = 0, h = 0;
    char extra = 0;
    if (std::sscanf(size.c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w < 64 || h < 64 ||
        w > 16384 || h > 16384) {
      std::fprintf(stderr,
                   "boothdeck: --size must be WxH between 64x64 and 16384x16384, e.g. 1920x1080\n");
      return 2;
    }
    out->width = w;
    out->height = h;
  }
  out->log_format = log_format == "json" ? LogFormat::Json : LogFormat::Text;
  return -1;
}

}  // namespace boothdeck
