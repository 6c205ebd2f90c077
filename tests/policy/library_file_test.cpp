// A case library read from a file in blocks: every byte handed out once, in order, in whole
// lines, with the right line numbers, whatever the block size, the line lengths, or whether the
// library is a file or a pipe.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "cli/library_file.hpp"

namespace fs = std::filesystem;
using continuum::cli::LibraryFile;

namespace {

struct TempDir {
    fs::path root = fs::temp_directory_path() / ("continuum-library-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(root); }
    ~TempDir() { fs::remove_all(root); }
};

// Lines of lengths from 0 to `longest` bytes, each unlike the others, and every hundredth
// longer than a memory page (20,000 bytes), so that a buffer must grow while holding a part line.
std::string make_library(std::size_t lines, std::size_t longest, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> length(0, longest);
    std::string text;
    for (std::size_t i = 0; i < lines; ++i) {
        const std::size_t n = i % 100 == 99 ? 20000 : length(random);
        for (std::size_t k = 0; k < n; ++k)
            text += static_cast<char>('a' + (i + k) % 26);
        text += '\n';
    }
    return text;
}

// Reads the whole library back, checking each block as it comes.
std::string read_back(LibraryFile& file) {
    std::string all;
    std::uint32_t expected_line = 1;
    continuum::engine::LibraryBlock block;
    while (file.next(block)) {
        INFO("block at line " << expected_line);
        CHECK(block.first_line == expected_line);
        CHECK(!block.text.empty());
        CHECK(block.readable >= block.text.size() + continuum::engine::kLibraryPadding);
        all.append(block.text);
        // Whole lines: a block ends at a line end unless it holds the library's last bytes.
        if (block.text.back() != '\n') CHECK(!file.next(block));
        for (char c : block.text)
            expected_line += c == '\n';
    }
    CHECK(file.error().empty());
    return all;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("library file: every byte once, in whole lines, whatever the block size",
          "[cli][library]") {
    TempDir dir;
    const fs::path path = dir.root / "library.jsonl";
    // Lines both shorter and much longer than the blocks, so that a block must grow to hold
    // a line and a part line is carried from one buffer to the other.
    const std::string text = make_library(500, 300, 7);
    write(path, text);
    for (std::size_t block : {1u, 7u, 64u, 1000u, 100000u}) {
        INFO("block " << block);
        auto file = LibraryFile::open(path.string(), block);
        REQUIRE(file);
        CHECK(read_back(*file) == text);
    }
    SECTION("the last line without its line end") {
        write(path, text + "last");
        auto file = LibraryFile::open(path.string(), 64);
        REQUIRE(file);
        CHECK(read_back(*file) == text + "last");
    }
    SECTION("an empty library has no block") {
        write(path, "");
        auto file = LibraryFile::open(path.string());
        REQUIRE(file);
        continuum::engine::LibraryBlock block;
        CHECK(!file->next(block));
        CHECK(file->error().empty());
    }
}

TEST_CASE("library file: a library larger than two full blocks", "[cli][library]") {
    // The buffers of a real run (4 MB blocks, large enough for huge pages where the system
    // gives them) refilled in turn.
    TempDir dir;
    const fs::path path = dir.root / "large.jsonl";
    const std::string text = make_library(60000, 300, 11);
    REQUIRE(text.size() > 2 * LibraryFile::kBlockBytes);
    write(path, text);
    auto file = LibraryFile::open(path.string());
    REQUIRE(file);
    CHECK(read_back(*file) == text);
}

TEST_CASE("library file: a pipe, whose size is not known in advance", "[cli][library]") {
    TempDir dir;
    const fs::path path = dir.root / "pipe";
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    const std::string text = make_library(3000, 200, 13);
    std::thread writer([&] { write(path, text); });
    auto file = LibraryFile::open(path.string(), 4096);
    REQUIRE(file);
    const std::string read = read_back(*file);
    writer.join();
    CHECK(read == text);
}

TEST_CASE("library file: a line that never ends stops the reading with its number",
          "[cli][library]") {
    TempDir dir;
    const fs::path path = dir.root / "long.jsonl";
    // Two lines, then one of 5,000 bytes with no line end, against a limit of 1,000.
    write(path, "{\"a\":1}\n{\"b\":2}\n" + std::string(5000, 'x'));
    auto file = LibraryFile::open(path.string(), 64, 1000);
    REQUIRE(file);
    std::string read;
    continuum::engine::LibraryBlock block;
    while (file->next(block))
        read.append(block.text);
    CHECK(read == "{\"a\":1}\n{\"b\":2}\n");
    CHECK(file->error() == "line 3 of " + path.string() +
                               " runs on for 1000 bytes with no line end: a case library holds "
                               "one case a line, each a few kilobytes; reading stopped there");
    // Lines up to the limit are read whole.
    write(path, std::string(900, 'y') + "\n" + std::string(900, 'z'));
    auto within = LibraryFile::open(path.string(), 64, 1000);
    REQUIRE(within);
    CHECK(read_back(*within) == std::string(900, 'y') + "\n" + std::string(900, 'z'));
}
