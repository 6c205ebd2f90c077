// Writing a report the practitioner asked for: beside the target, then renamed, so a failed
// write never leaves half a file where the finished one should be.
#pragma once
#include <filesystem>
#include <string>

namespace continuum::ui {

// False with `error` in words when the file could not be written whole.
bool write_whole_file(const std::filesystem::path& path, const std::string& text,
                      std::string& error);

// The folder reports go to when the practitioner gives no path: Settings, else home.
std::filesystem::path report_folder(const std::string& configured);

}  // namespace continuum::ui
