// A case library (JSON Lines, one case a line) as analysis reads it: in blocks of whole lines,
// so that a library of any size is read a block at a time and never held whole. Where the
// blocks come from (a file, a string) is the caller's; the engine only reads them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace continuum::engine {

// Bytes after a block's text that may be read (never used): the fast JSON reader reads a
// little past the end of what it parses, and with this room it parses a line where it lies.
inline constexpr std::size_t kLibraryPadding = 64;

struct LibraryBlock {
    std::string_view text;         // whole lines; the library's last may lack its '\n'
    std::size_t readable = 0;      // bytes readable from text.data(), room after it included
    std::uint32_t first_line = 1;  // the number of the block's first line in the library
};

class CaseLibrary {
  public:
    virtual ~CaseLibrary() = default;
    // The next block, or false at the end of the library (or when it could not be read any
    // further: see error()). A block stays valid until the call after the next one, so the
    // next may be read while the last is still being analysed.
    virtual bool next(LibraryBlock& block) = 0;
    // Why reading stopped before the end of the library, or "".
    virtual std::string error() const { return {}; }
};

// A library already in memory, handed out as one block.
class TextLibrary : public CaseLibrary {
  public:
    explicit TextLibrary(std::string_view text) : text_(text) {}
    bool next(LibraryBlock& block) override;

  private:
    std::string_view text_;
    bool done_ = false;
};

struct LibraryLine {
    std::string_view text;  // without its line end
    std::uint32_t number = 0;
};

// The block's lines that are not blank, numbered from the block's first line.
void split_lines(const LibraryBlock& block, std::vector<LibraryLine>& out);

}  // namespace continuum::engine
