#include "read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace continuum::cli {

bool write_file_atomically(const std::string& path, const std::string& bytes) {
    const std::string temp = path + ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            std::cerr << "continuum: cannot write " << temp << ": " << std::strerror(errno) << "\n";
            return false;
        }
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::cerr << "continuum: writing " << temp << " failed (disk full?)\n";
            std::remove(temp.c_str());
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        std::cerr << "continuum: cannot rename " << temp << " to " << path << ": " << ec.message()
                  << "\n";
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace continuum::cli
