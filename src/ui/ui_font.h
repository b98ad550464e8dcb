// ImGui's font atlas holds only the small UI font, built from the glyphs actually used
// (Korean slide titles in the operator panel, the touch hint), not all 11 172 Hangul syllables.
#pragma once

#include <string>
#include <vector>

namespace boothdeck {

// Replaces ImGui's fonts with `font_path` at `pixel_size`, covering ASCII and `texts`.
// The renderer backend's font texture must be rebuilt afterwards.
bool build_ui_font(const std::string& font_path, float pixel_size,
                   const std::vector<std::string>& texts);

}  // namespace boothdeck
