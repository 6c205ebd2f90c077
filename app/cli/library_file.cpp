#include "library_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>

#include <fmt/format.h>

namespace continuum::cli {

std::unique_ptr<LibraryFile> LibraryFile::open(const std::string& path, std::size_t block_bytes,
                                               std::size_t longest_line) {
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
    struct stat st {};
    const std::size_t file_bytes =
        ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
    return std::unique_ptr<LibraryFile>(
        new LibraryFile(fd, path, std::max<std::size_t>(block_bytes, 1), longest_line, file_bytes));
}

LibraryFile::~LibraryFile() {
    if (fd_ >= 0) ::close(fd_);
}

LibraryFile::Buffer::~Buffer() {
    if (data_) ::munmap(data_, size_);
}

void LibraryFile::Buffer::grow(std::size_t bytes, std::size_t keep) {
    if (bytes <= size_) return;
    constexpr std::size_t kHugePage = 2u << 20;
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const bool huge = bytes >= kHugePage;
    const std::size_t unit = huge ? kHugePage : page;
    const std::size_t size = (bytes + unit - 1) / unit * unit;
    // Huge pages need an aligned range: map a unit more and give back the ends.
    const std::size_t mapped = huge ? size + kHugePage : size;
    void* at = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (at == MAP_FAILED) throw std::bad_alloc();
    char* start = static_cast<char*>(at);
    if (huge) {
        const auto address = reinterpret_cast<std::uintptr_t>(start);
        const std::size_t head = (kHugePage - address % kHugePage) % kHugePage;
        if (head) ::munmap(start, head);
        ::munmap(start + head + size, kHugePage - head);
        start += head;
#ifdef MADV_HUGEPAGE
        ::madvise(start, size, MADV_HUGEPAGE);  // advice only: without it, 4 KB pages
#endif
    }
    if (data_) {
        std::copy_n(data_, std::min(keep, size_), start);
        ::munmap(data_, size_);
    }
    data_ = start;
    size_ = size;
}

// Reads until `size` reaches `want` or the file ends; false on a read error.
bool LibraryFile::fill(Buffer& buffer, std::size_t& size, std::size_t want) {
    if (buffer.size() < want + engine::kLibraryPadding)
        buffer.grow(want + engine::kLibraryPadding, size);
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
    Buffer& from = buffers_[turn_];
    turn_ ^= 1;
    Buffer& buffer = buffers_[turn_];
    // The part line the last block left begins this one. A small file needs no full block: one
    // byte past its size finds its end in the same read.
    std::size_t want = std::max(block_bytes_, 2 * tail_size_);
    if (file_bytes_ > 0) want = std::max(std::min(want, file_bytes_ + 1), tail_size_ + 1);
    if (buffer.size() < want + engine::kLibraryPadding)
        buffer.grow(want + engine::kLibraryPadding, 0);
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
        if (size >= longest_line_) {
            const std::string length = longest_line_ >= (1u << 20)
                                           ? fmt::format("{} MB", longest_line_ >> 20)
                                           : fmt::format("{} bytes", longest_line_);
            error_ = fmt::format(
                "line {} of {} runs on for {} with no line end: a case library holds one case "
                "a line, each a few kilobytes; reading stopped there",
                next_line_, path_, length);
            return false;
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
