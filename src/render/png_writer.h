// Writes a surface as PNG with libpng at the fastest compression: slides are large flat
// areas, which compress well even at level 1, and export time is mostly spent here otherwise.
#pragma once

#include <SDL.h>

#include <string>

namespace boothdeck {

bool write_png(SDL_Surface* surface, const std::string& path, std::string* error);
// The same PNG into memory (the remote's thumbnails).
bool encode_png(SDL_Surface* surface, std::string* png, std::string* error);

}  // namespace boothdeck
