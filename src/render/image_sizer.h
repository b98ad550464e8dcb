// Image sizes for layout, read once per file (render/image_loader.h) and remembered.
#pragma once

#include "core/layout/layout.h"

namespace boothdeck {

ImageSizer make_image_sizer();

}  // namespace boothdeck
