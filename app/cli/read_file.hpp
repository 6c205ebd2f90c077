// Whole files in and out for subcommands: a library to analyse, a generated library to keep.
#pragma once
#include <optional>
#include <string>

namespace continuum::cli {

// The file's bytes, or nothing (after a message on stderr) when it cannot be read.
std::optional<std::string> read_whole_file(const std::string& path);

// Writes beside the target then renames over it, so a reader never sees half a file and a
// failed write leaves any earlier file as it was. False (after a message) on failure.
bool write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace continuum::cli
