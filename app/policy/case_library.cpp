#include "case_library.hpp"

namespace continuum::engine {

bool TextLibrary::next(LibraryBlock& block) {
    if (done_) return false;
    done_ = true;
    // The text has no room after it: the fast reader copies a line that needs it.
    block = LibraryBlock{text_, text_.size(), 1};
    return true;
}

void split_lines(const LibraryBlock& block, std::vector<LibraryLine>& out) {
    out.clear();
    const std::string_view text = block.text;
    std::uint32_t number = block.first_line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) out.push_back({line, number});
        ++number;
        start = end + 1;
    }
}

}  // namespace continuum::engine
