// Checks an image reference without decoding it: inside the deck's folder, present, and of a known
// kind.
#pragma once

#include <filesystem>
#include <string>

namespace boothdeck {

enum class ImageProblem { None, Remote, OutsideDeck, Missing, Unreadable, NotAnImage };

// `src` as written in the deck; `deck_dir` the deck's folder. Fills `resolved` on success.
ImageProblem probe_image(const std::string& src, const std::filesystem::path& deck_dir,
                         std::string* resolved);

}  // namespace boothdeck
