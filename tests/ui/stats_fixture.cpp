// Writes the hand-worked decision log (tests/audit/stats_log.hpp) for the Overrides screenshot.
// Usage: stats_fixture AUDIT_FILE (an existing file is replaced).
#include <cstdio>
#include <filesystem>

#include "audit/store.hpp"
#include "stats_log.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: stats_fixture AUDIT_FILE\n");
        return 2;
    }
    std::filesystem::path file = argv[1];
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(file.string() + suffix);
    std::string error;
    auto store = continuum::audit::Store::open(file.string(), error);
    if (!store) {
        std::fprintf(stderr, "stats_fixture: %s\n", error.c_str());
        return 1;
    }
    if (!store->import_exact(stats_log::records(), error)) {
        std::fprintf(stderr, "stats_fixture: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s: %lld decisions\n", file.c_str(), static_cast<long long>(store->count()));
    return 0;
}
