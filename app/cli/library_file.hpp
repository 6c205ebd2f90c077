// A case library read from a file (or a pipe) in large blocks, two buffers in turn: never the
// whole file at once, so memory stays the same whatever the library's size, and the next
// block is read while the last is being analysed (policy/case_library.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "policy/case_library.hpp"

namespace continuum::cli {

class LibraryFile : public engine::CaseLibrary {
  public:
    static constexpr std::size_t kBlockBytes = 4u << 20;
    // A case is a few kilobytes; a "line" this long is not a case library (a device that never
    // ends a line, a file with no line ends), and reading on would only exhaust memory.
    static constexpr std::size_t kLongestLine = 64u << 20;

    // Null (after a message on stderr) when the file cannot be opened. Blocks of
    // `block_bytes` or so; reading stops, with an error, at a line longer than `longest_line`
    // (tests make both small).
    static std::unique_ptr<LibraryFile> open(const std::string& path,
                                             std::size_t block_bytes = kBlockBytes,
                                             std::size_t longest_line = kLongestLine);
    ~LibraryFile() override;
    LibraryFile(const LibraryFile&) = delete;
    LibraryFile& operator=(const LibraryFile&) = delete;

    bool next(engine::LibraryBlock& block) override;
    std::string error() const override { return error_; }

  private:
    // Memory for blocks, never zeroed: read() writes it. Large buffers ask for huge pages, since
    // a first touch of each 4 KB page costs microseconds, on virtual machines more (an 8 MB
    // pair of buffers took some 20 ms of faults).
    class Buffer {
      public:
        Buffer() = default;
        ~Buffer();
        Buffer(const Buffer&) = delete;
        Buffer& operator=(const Buffer&) = delete;
        char* data() { return data_; }
        std::size_t size() const { return size_; }
        // At least `bytes`; the first `keep` bytes kept.
        void grow(std::size_t bytes, std::size_t keep);

      private:
        char* data_ = nullptr;
        std::size_t size_ = 0;
    };

    LibraryFile(int fd, std::string path, std::size_t block_bytes, std::size_t longest_line,
                std::size_t file_bytes)
        : fd_(fd),
          path_(std::move(path)),
          block_bytes_(block_bytes),
          longest_line_(longest_line),
          file_bytes_(file_bytes) {}
    bool fill(Buffer& buffer, std::size_t& size, std::size_t want);

    int fd_ = -1;
    std::string path_;
    std::size_t block_bytes_ = kBlockBytes;
    std::size_t longest_line_ = kLongestLine;
    std::size_t file_bytes_ = 0;  // a regular file's size when opened, else 0
    Buffer buffers_[2];
    int turn_ = 0;
    std::size_t tail_from_ = 0, tail_size_ = 0;  // a part line left in the other buffer
    std::uint32_t next_line_ = 1;
    bool at_end_ = false;
    std::string error_;
};

}  // namespace continuum::cli
