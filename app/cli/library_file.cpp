#include "library_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace continuum::cli {

std::unique_ptr<LibraryFile> LibraryFile::open(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::cerr << "continuum: " << path << " is a folder, not a file\n";
        return nullptr;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        std::cerr << "continuum: cannot open " << path << ": " << std::strerror(errno) << "\n";
        return nullptr;
    }
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    return std::unique_ptr<LibraryFile>(new LibraryFile(fd, path));
}

LibraryFile::~LibraryFile() {
    if (fd_ >= 0) ::close(fd_);
}

// Reads until `size` reaches `want` or the file ends; false on a read error.
bool LibraryFile::fill(std::vector<char>& buffer, std::size_t& size, std::size_t want) {
    if (buffer.size() < want + engine::kLibraryPadding)
        buffer.resize(want + engine::kLibraryPadding);
    while (!at_end_ && size < want) {
        const ssize_t n = ::read(fd_, buffer.data() + size, want - size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error_ = "cannot read " + path_ + " after line " + std::to_string(next_line_ - 1) +
                     ": " + std::strerror(errno);
            return false;
        }
        if (n == 0) at_end_ = true;
        size += static_cast<std::size_t>(n);
    }
    return true;
}

bool LibraryFile::next(engine::LibraryBlock& block) {
    if (!error_.empty()) return false;
    std::vector<char>& from = buffers_[turn_];
    turn_ ^= 1;
    std::vector<char>& buffer = buffers_[turn_];
    // The part line the last block left begins this one.
    std::size_t want = std::max(kBlockBytes, 2 * tail_size_);
    if (buffer.size() < want + engine::kLibraryPadding)
        buffer.resize(want + engine::kLibraryPadding);
    std::copy_n(from.data() + tail_from_, tail_size_, buffer.data());
    std::size_t size = tail_size_;
    tail_size_ = 0;
    std::size_t end = 0;
    for (;;) {
        if (!fill(buffer, size, want)) return false;
        if (at_end_) {
            end = size;
            break;
        }
        // Whole lines only; a line longer than the block makes the block grow to take it.
        const void* last = ::memrchr(buffer.data(), '\n', size);
        if (last) {
            end = static_cast<std::size_t>(static_cast<const char*>(last) - buffer.data()) + 1;
            break;
        }
        want *= 2;
    }
    tail_from_ = end;
    tail_size_ = size - end;
    if (end == 0) return false;  // the end of the library
    block.text = std::string_view(buffer.data(), end);
    block.readable = buffer.size();
    block.first_line = next_line_;
    const char* const stop = buffer.data() + end;
    for (const char* p = buffer.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p))));
         ++p)
        ++next_line_;
    return true;
}

}  // namespace continuum::cli
