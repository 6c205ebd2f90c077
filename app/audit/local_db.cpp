#include "local_db.hpp"

#include <sqlite3.h>

#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "files.hpp"

namespace continuum::audit {
namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 10000;

// What the file is: ours (any version we know), a new empty database, or something else.
bool check_identity(sqlite3* db, const fs::path& file, const LocalDb& kind, bool& fresh,
                    std::string& error) {
    std::int64_t app = 0, version = 0, tables = 0;
    std::string why;
    if (!sql::query_int(db, "PRAGMA application_id", app, why) ||
        !sql::query_int(db, "PRAGMA user_version", version, why) ||
        !sql::query_int(db, "SELECT count(*) FROM sqlite_master", tables, why)) {
        error = fmt::format("{} is not a continuum {} ({}); it has been left untouched.",
                            file.string(), kind.noun, why);
        return false;
    }
    fresh = app == 0 && tables == 0;
    if (fresh) return true;
    if (app != kind.application_id) {
        error = fmt::format(
            "{} belongs to another program (it is not a continuum {}); it has been left "
            "untouched.",
            file.string(), kind.noun);
        return false;
    }
    if (version > kind.version) {
        error = fmt::format("{} was written by a newer continuum; update continuum to read it.",
                            file.string());
        return false;
    }
    return true;
}

sql::Db open_with(const fs::path& file, const LocalDb& kind, int flags, std::string& error) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    sql::Db db(raw);
    if (rc != SQLITE_OK) {
        error =
            fmt::format("Cannot {} the {} {}: {}.", flags & SQLITE_OPEN_READONLY ? "read" : "open",
                        kind.noun, file.string(), raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        return nullptr;
    }
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    return db;
}

}  // namespace

sql::Db open_local_db_read_only(const fs::path& file, const LocalDb& kind, bool& fresh,
                                std::string& error) {
    sql::Db db = open_with(file, kind, SQLITE_OPEN_READONLY, error);
    if (!db || !check_identity(db.get(), file, kind, fresh, error)) return nullptr;
    return db;
}

sql::Db open_local_db(const fs::path& file, const LocalDb& kind, std::string& error) {
    std::error_code ec;
    if (fs::exists(file, ec) && !fs::is_regular_file(file, ec)) {
        error = fmt::format("{} is not a file: it cannot hold the {}.", file.string(), kind.noun);
        return nullptr;
    }
    if (!create_owner_only(file, kind.noun, error)) return nullptr;
    sql::Db db = open_with(file, kind, SQLITE_OPEN_READWRITE, error);
    bool fresh = false;
    if (!db || !check_identity(db.get(), file, kind, fresh, error)) return nullptr;
    std::string why;
    if (!sql::exec(db.get(), "PRAGMA journal_mode = WAL", why) ||
        !sql::exec(db.get(), "PRAGMA synchronous = FULL", why)) {
        error = fmt::format("Cannot open the {} {}: {}.", kind.noun, file.string(), why);
        return nullptr;
    }
    if (!fresh) return db;
    // BEGIN IMMEDIATE: two programs creating it at once apply the schema once.
    std::int64_t tables = 0;
    bool ok = sql::exec(db.get(), "BEGIN IMMEDIATE", why) &&
              sql::query_int(db.get(), "SELECT count(*) FROM sqlite_master", tables, why);
    if (ok && tables == 0)
        ok = sql::exec(db.get(), kind.schema, why) &&
             sql::exec(db.get(),
                       fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}",
                                   kind.application_id, kind.version)
                           .c_str(),
                       why);
    if (!ok || !sql::exec(db.get(), "COMMIT", why)) {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        error = fmt::format("Cannot set up the {} {}: {}.", kind.noun, file.string(), why);
        return nullptr;
    }
    return db;
}

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace continuum::audit
