// continuum's own small SQLite files in the data folder (the training results, the outbox):
// created owner-only, marked with an application id and a schema version, WAL and
// synchronous=FULL, and never written to when they turn out to be another program's file or a
// newer continuum's. One place for what both need, so they cannot drift apart.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "sqlite.hpp"

namespace continuum::audit {

struct LocalDb {
    std::int64_t application_id;  // PRAGMA application_id
    std::int64_t version;         // PRAGMA user_version this continuum writes
    const char* schema;           // created in one transaction when the file is new
    const char* noun;             // in messages: "training results file", "outbox"
};

// Opens the file for writing, creating it (and its folders, owner-only) when missing and its
// schema when new. Null with `error` (naming the file) when it cannot be, or is not ours.
sql::Db open_local_db(const std::filesystem::path& file, const LocalDb& kind, std::string& error);

// Opens an existing file for reading only. `fresh` says it holds no schema yet (a new, empty
// database): the caller decides whether that is an error.
sql::Db open_local_db_read_only(const std::filesystem::path& file, const LocalDb& kind, bool& fresh,
                                std::string& error);

// The current time as recorded_at spells it: "2026-11-24T09:41:07Z" (UTC).
std::string utc_now();

}  // namespace continuum::audit
