// Export draws each slide with the kiosk's own frame function (ui/frame.h), on SDL's software
// renderer over a memory surface: no display, no GPU. The surface is a band of rows, and each
// slide is drawn band after band into the PNG writer, which compresses them row by row: a whole
// 1080p surface would be 8 MB more at the peak of a cold start.
#include "app/exporter.h"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/presentation.h"
#include "app/startup.h"
#include "render/png_writer.h"
#include "ui/headless_screen.h"

namespace boothdeck {

namespace {

// 16 rows: at 1080p a band is 123 kB of ARGB. Each halving of the band saved memory for next to
// no instructions (docs/performance.md): 128 -> 32 rows 1.6 MiB of PSS at the peak, 32 -> 16
// 0.28 MiB for 0.1 M more of 231 M instructions; 8 rows would save 40 kB more for 0.6 M.
constexpr int kBandRows = 16;

const char* kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::Text:
      return "text";
    case ItemKind::Box:
      return "box";
    case ItemKind::Bar:
      return "bar";
    case ItemKind::Image:
      return "image";
    case ItemKind::Qr:
      return "qr";
  }
  return "?";
}

nlohmann::json rect_json(const Rect& r) {
  return {r.x, r.y, r.w, r.h};
}

}  // namespace

nlohmann::json display_to_json(const SlideDisplay& display) {
  nlohmann::json elements = nlohmann::json::array();
  for (const DisplayItem& item : display.items) {
    nlohmann::json e = {
        {"kind", kind_name(item.kind)}, {"rect", rect_json(item.rect)}, {"block", item.block}};
    if (item.kind == ItemKind::Text) {
      e["text"] = item.text;
      e["font_size"] = item.font.size;
      e["bold"] = item.font.bold;
      e["mono"] = item.font.mono;
      if (item.mark) e["mark"] = true;
    } else if (item.kind == ItemKind::Bar) {
      e["label"] = item.text;
      e["value"] = item.value;
      e["unit"] = item.unit;
      e["length"] = item.rect.w;
      e["value_text"] = format_bar_value(item.value, item.unit);
      e["value_rect"] = rect_json(item.label_rect);
    } else if (item.kind == ItemKind::Image) {
      e["path"] = item.path;
      if (item.page > 0) e["page"] = item.page;
    } else if (item.kind == ItemKind::Qr) {
      e["data"] = item.text;
      e["modules"] = item.qr_side;
      e["module_px"] = item.module_px;
    }
    elements.push_back(std::move(e));
  }
  return {
      {"scale", display.scale}, {"overflow", display.overflow}, {"elements", std::move(elements)}};
}

int run_export(const Options& options, const LoadedDeck& loaded) {
  using Clock = std::chrono::steady_clock;
  // A line's surface (0.7 MB for a 1080p heading) is the largest block an export asks for, and
  // it asks once. glibc raises its mmap threshold to the largest block freed, so after the
  // first such block they came from the heap, which keeps its high-water mark: fixed at glibc's
  // default of 128 kB, they are mapped and given back when freed. Peak PSS of a cold export
  // -0.26 MiB (median of 15), no measurable time. For the rest of the process (an export is
  // the whole run; in the unit tests, the tests after it).
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  const Deck& deck = loaded.result.deck;
  print_diagnostics(loaded.result.diagnostics);
  if (deck.slides.empty()) return kExitBadInput;
  Viewport viewport{options.width ? options.width : 1920, options.height ? options.height : 1080};

  std::error_code ec;
  std::filesystem::create_directories(options.export_dir, ec);
  if (ec) {
    std::fprintf(stderr, "boothdeck: cannot create %s: %s\n", options.export_dir.c_str(),
                 ec.message().c_str());
    return kExitBadInput;
  }
  Startup startup;
  if (int code = startup.headless()) return code;
  std::string error;
  std::vector<std::string> warnings;
  auto presentation =
      Presentation::make(loaded, 1, find_fonts_dir(options.fonts_dir), viewport, &error, &warnings);
  for (const std::string& warning : warnings)
    std::fprintf(stderr, "boothdeck: warning: %s\n", warning.c_str());
  if (!presentation) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  HeadlessScreen screen(presentation->fonts(), viewport.width,
                        std::min(kBandRows, viewport.height));
  if (!screen.start(&error)) {
    std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
    return kExitFailure;
  }
  screen.render.text().keep_surfaces_for(screen.surface.surface());
  DeckLayout& layout = presentation->layout();

  nlohmann::json slides = nlohmann::json::array();
  int first = options.only_slide ? std::min(options.only_slide, layout.size()) - 1 : 0;
  int last = options.only_slide ? first + 1 : layout.size();
  auto started = Clock::now();
  for (int i = first; i < last; ++i) {
    const SlideDisplay& display = layout.slide(i);
    char name[32];
    std::snprintf(name, sizeof name, "slide-%02d.png", i + 1);
    std::string path = (std::filesystem::path(options.export_dir) / name).string();
    PngWriter png;
    bool written = png.open(path, viewport.width, viewport.height, &error);
    for (int y = 0; written && y < viewport.height; y += kBandRows) {
      FrameScene scene;
      scene.width = viewport.width;
      scene.height = viewport.height;
      scene.layers.push_back({&display, DrawState{.offset_y = static_cast<float>(-y)}});
      screen.draw(scene);
      written = png.write_rows(screen.surface.surface(), kBandRows, &error);
      screen.render.text().evict_unused();  // lines above this band are done with
    }
    if (!written || !png.finish(&error)) {
      std::fprintf(stderr, "boothdeck: %s\n", error.c_str());
      return kExitFailure;
    }
    nlohmann::json slide = display_to_json(display);
    slide["index"] = i + 1;
    slide["file"] = name;
    slide["title"] = deck.slides[i].title();
    slide["notes"] = deck.slides[i].notes;
    slides.push_back(std::move(slide));
    screen.render.text().trim();  // 10 000 slides must not keep 10 000 slides of textures
  }
  double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  nlohmann::json json = {{"deck", deck.file},
                         {"viewport", {viewport.width, viewport.height}},
                         {"theme", deck.settings.theme},
                         {"slides", std::move(slides)}};
  std::ofstream(std::filesystem::path(options.export_dir) / "layout.json")
      << json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::fprintf(stderr,
               "boothdeck: exported %d slides at %dx%d to %s in %.0f ms (%.1f ms/slide), text "
               "cache %.1f MiB in %zu lines, image cache %.1f MiB in %zu\n",
               last - first, viewport.width, viewport.height, options.export_dir.c_str(),
               seconds * 1000, seconds * 1000 / std::max(1, last - first),
               screen.render.text().bytes() / 1048576.0, screen.render.text().entries(),
               screen.render.slides().images().bytes() / 1048576.0,
               screen.render.slides().images().entries());
  return has_errors(loaded.result.diagnostics) ? kExitBadInput : kExitOk;
}

}  // namespace boothdeck
