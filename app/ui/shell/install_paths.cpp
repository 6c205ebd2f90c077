#include "install_paths.hpp"

#include <initializer_list>
#include <system_error>

namespace continuum::ui {

namespace {

std::filesystem::path executable_folder() {
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

// The first folder that exists, else `fallback` (the build tree, known at compile time).
std::filesystem::path first_folder(std::initializer_list<std::filesystem::path> candidates,
                                   const std::filesystem::path& fallback) {
    std::error_code ec;
    for (const auto& c : candidates)
        if (!c.empty() && std::filesystem::is_directory(c, ec)) return c;
    return fallback;
}

}  // namespace

std::filesystem::path default_rules_folder(const std::string& given) {
    if (!given.empty()) return given;
    const auto bin = executable_folder();
    if (bin.empty()) return std::filesystem::path(CONTINUUM_SOURCE_DIR) / "rules" / "surrey";
    return first_folder({bin.parent_path() / "share" / "continuum" / "rules" / "surrey",
                         bin.parent_path() / "rules" / "surrey"},
                        std::filesystem::path(CONTINUUM_SOURCE_DIR) / "rules" / "surrey");
}

std::filesystem::path assets_folder() {
    const auto bin = executable_folder();
    if (bin.empty()) return CONTINUUM_BUILD_ASSETS_DIR;
    return first_folder({bin.parent_path() / "share" / "continuum" / "assets",
                         bin / "share" / "continuum" / "assets"},
                        CONTINUUM_BUILD_ASSETS_DIR);
}

}  // namespace continuum::ui
