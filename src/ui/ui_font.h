// ImGui's font atlas holds only the small UI font of the overlays, built from the glyphs they
// use (the touch hint, the slide counter), not all 11 172 Hangul syllables. The operator panel
// draws its text with the TextCache instead: any character, not only those of the atlas.
#pragma once

#include <string>
#include <vector>

namespace boothdeck {

// The UI font's size for a screen: 26 px at a short side of 1080, never under 14.
float ui_font_pixels(int width, int height);

// Replaces ImGui's fonts with `font_path` at `pixel_size`, covering ASCII and `texts`.
// The renderer backend's font texture must be rebuilt afterwards.
bool build_ui_font(const std::string& font_path, float pixel_size,
                   const std::vector<std::string>& texts);

}  // namespace boothdeck
