// LaTeX math (`$E = mc^2$`, `$$\frac{a}{b}$$`) as readable Unicode text, for a kiosk that
// cannot typeset it: Greek letters and operators become their characters, ^2 and _i become
// super- and subscripts where Unicode has them, \frac{a}{b} becomes a/b. Depends on nothing.
#pragma once

#include <string>
#include <string_view>

namespace boothdeck {

std::string latex_to_text(std::string_view latex);

}  // namespace boothdeck
