// A font file read through a cache of the 4 kB pages SDL_ttf has asked for, handed out as
// SDL_RWops: one per TTF_Font, all of a file sharing its pages.
//
//   FontFilePages pages;
//   if (!pages.open("/usr/share/fonts/…/NanumSquareR.ttf")) …;
//   TTF_Font* font = TTF_OpenFontIndexRW(pages.reader(), 1, 48, 0);  // the font frees it
//
// Why not mmap: SDL_ttf gives FreeType a callback stream, so FreeType copies every table it
// keeps (loca, cmap, hmtx; HarfBuzz its GSUB and GPOS) into each face and afterwards reads only
// glyph outlines. A mapping of the file also counts every page the kernel maps around each
// fault (fault-around, 64 kB): for one cold export 1.2 MB of the two NanumSquare files. Here a
// table is read with pread(2) straight into FreeType's copy, and a glyph's page the first time
// it is asked for, into an anonymous mapping the size of the file: only the pages read take
// memory (0.24 MB for that export). They stay until the object goes (a new deck's FontSet): at
// most the file's size, in practice the outlines of the glyphs the deck uses. Private memory,
// which the kernel cannot reclaim as it could a mapping's page cache. One thread, as FontSet.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

namespace boothdeck {

class FontFilePages {
 public:
  FontFilePages() = default;
  ~FontFilePages();
  FontFilePages(const FontFilePages&) = delete;
  FontFilePages& operator=(const FontFilePages&) = delete;

  // Opens the file for reading (O_CLOEXEC). False if it cannot be opened or is empty.
  bool open(const std::string& path);
  // A new reader at offset 0, freed by its SDL_RWclose (TTF_CloseFont, with freesrc = 1).
  // It must be closed before this object is destroyed. nullptr if SDL cannot allocate it.
  SDL_RWops* reader();
  // Copies `size` bytes at `offset` into `out`, reading the pages it spans that are not held
  // yet (from kDirectReadBytes on, straight from the file). Returns the bytes copied: fewer at
  // the end of the file or on a read error.
  size_t read_at(uint64_t offset, void* out, size_t size);
  uint64_t size() const { return size_; }
  size_t bytes_held() const { return pages_held_ * kPageBytes; }  // resident: pages read

  static constexpr size_t kPageBytes = 4096;
  // Reads this large bypass the pages: they are the tables FreeType copies when it opens a face.
  // Glyph outlines, read again for every size and every glyph cache flush, are far smaller.
  static constexpr size_t kDirectReadBytes = 16 * 1024;

 private:
  const uint8_t* page(size_t index);

  int fd_ = -1;
  uint64_t size_ = 0;
  // An anonymous mapping the size of the file: a page takes memory once it is read into, and
  // the heap is not fragmented by thousands of 4 kB blocks.
  uint8_t* pages_ = nullptr;
  std::vector<bool> read_;  // by page index
  size_t pages_held_ = 0;
};

}  // namespace boothdeck
