// Deck + viewport + theme + font metrics → one SlideDisplay per slide.
//
//   SlideDisplay d = layout_slide(deck, 3, {1920, 1080}, theme_named("dark"), measurer);
//
// Resolution independent: sizes scale with the viewport's short side; a safe margin keeps
// content clear of overscan; a slide that does not fit is set smaller, down to a floor.
#pragma once

#include <functional>

#include "core/deck/deck.h"
#include "core/layout/display_list.h"
#include "core/layout/text_measurer.h"
#include "core/layout/theme.h"

namespace boothdeck {

struct Viewport {
  int width = 1920;
  int height = 1080;
};

struct ImageSize {
  int width = 0, height = 0;
};
// The natural size of an image file (page > 0: of that page of a PDF, in points), already
// turned upright by its EXIF orientation. {0, 0} when unknown.
using ImageSizer = std::function<ImageSize(const std::string& path, int page)>;

// "heading", "image", …: for messages about a block.
std::string_view block_kind_name(BlockKind kind);

SlideDisplay layout_slide(const Deck& deck, int slide, Viewport viewport, const Theme& theme,
                          TextMeasurer& measurer, const ImageSizer& image_size = nullptr);

}  // namespace boothdeck
