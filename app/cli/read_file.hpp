// Whole files out for subcommands: a generated library to keep. (Libraries are read a block
// at a time: library_file.hpp.)
#pragma once
#include <string>

namespace continuum::cli {

// Writes beside the target then renames over it, so a reader never sees half a file and a
// failed write leaves any earlier file as it was. False (after a message) on failure.
bool write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace continuum::cli
