#include "write_file.hpp"

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

namespace continuum::ui {

bool write_whole_file(const std::filesystem::path& path, const std::string& text,
                      std::string& error) {
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            error = fmt::format("Could not write {}: check the folder exists and can be written.",
                                path.string());
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        error = fmt::format("Could not write {}: {}", path.string(), ec.message());
        return false;
    }
    return true;
}

std::filesystem::path report_folder(const std::string& configured) {
    if (!configured.empty()) return configured;
    const char* home = std::getenv("HOME");
    return home ? home : ".";
}

}  // namespace continuum::ui
