// A case library read from a file (or a pipe) in large blocks, two buffers in turn: never the
// whole file at once, so memory stays the same whatever the library's size, and the next
// block is read while the last is being analysed (policy/case_library.hpp).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "policy/case_library.hpp"

namespace continuum::cli {

class LibraryFile : public engine::CaseLibrary {
  public:
    static constexpr std::size_t kBlockBytes = 4u << 20;

    // Null (after a message on stderr) when the file cannot be opened.
    static std::unique_ptr<LibraryFile> open(const std::string& path);
    ~LibraryFile() override;
    LibraryFile(const LibraryFile&) = delete;
    LibraryFile& operator=(const LibraryFile&) = delete;

    bool next(engine::LibraryBlock& block) override;
    std::string error() const override { return error_; }

  private:
    LibraryFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    bool fill(std::vector<char>& buffer, std::size_t& size, std::size_t want);

    int fd_ = -1;
    std::string path_;
    std::vector<char> buffers_[2];
    int turn_ = 0;
    std::size_t tail_from_ = 0, tail_size_ = 0;  // a part line left in the other buffer
    std::uint32_t next_line_ = 1;
    bool at_end_ = false;
    std::string error_;
};

}  // namespace continuum::cli
