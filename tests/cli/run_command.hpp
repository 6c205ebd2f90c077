// Runs the continuum binary as a user would and captures what it says.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace clitest {

struct Run {
    int code = -1;
    std::string out, err;
};

// Runs CONTINUUM_EXE with the arguments (no shell involved), waiting for it to finish.
Run continuum(const std::vector<std::string>& args);

// A fresh copy of a fixture rule set in a temporary folder, removed when it goes out of scope.
struct TempCopy {
    std::filesystem::path dir;
    explicit TempCopy(const std::filesystem::path& from);
    ~TempCopy();
    TempCopy(const TempCopy&) = delete;
    TempCopy& operator=(const TempCopy&) = delete;
    // Replaces the first occurrence of `from` in a file of the copy; fails the test if absent.
    void replace(const std::string& file, const std::string& from, const std::string& to) const;
};

std::string read_text(const std::filesystem::path& p);

// 1-based line and column of the first occurrence of `needle` in `text`.
std::pair<int, int> position_of(const std::string& text, const std::string& needle);

}  // namespace clitest
