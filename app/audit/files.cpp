#include "files.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <system_error>
#include <vector>

#include <fmt/format.h>

namespace continuum::audit {
namespace fs = std::filesystem;

namespace {

fs::path home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return fs::current_path();
}

}  // namespace

fs::path data_file(std::string_view name) {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && fs::path(xdg).is_absolute())
        base = xdg;
    else
        base = home_folder() / ".local" / "share";
    return base / "continuum" / std::string(name);
}

fs::path folder_of(const fs::path& file) {
    fs::path parent = fs::absolute(file).parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

bool can_write(const fs::path& p) {
    return ::access(p.c_str(), W_OK) == 0;
}

bool create_owner_only(const fs::path& file, std::string_view what, std::string& error) {
    // Every folder made here is owner-only, as the XDG base directory spec asks; SQLite gives
    // the -wal and -shm files the mode of the database file.
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path f = folder_of(file); !f.empty() && !fs::exists(f, ec); f = f.parent_path()) {
        missing.push_back(f);
        if (f == f.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
            error = fmt::format("Cannot create the folder {} for the {}: {}.", it->string(), what,
                                std::error_code(errno, std::generic_category()).message());
            return false;
        }
    }
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
        error = fmt::format("Cannot create the {} {}: {}.", what, file.string(),
                            std::error_code(errno, std::generic_category()).message());
        return false;
    }
    if (fd >= 0) ::close(fd);
    return true;
}

}  // namespace continuum::audit
