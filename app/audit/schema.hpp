// What a file given as the audit log is, and how an audit file's schema is brought up to date.
// Identification only reads: a file that is not ours is never opened for writing.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "sqlite.hpp"

namespace continuum::audit::schema {

// "Cntu": PRAGMA application_id of every continuum audit file.
inline constexpr std::int64_t kApplicationId = 0x436E7475;
// PRAGMA user_version; migrations take a file from each version to the next.
inline constexpr std::int64_t kVersion = 1;

enum class Kind {
    missing,     // no such file
    empty,       // a zero-length file, or an SQLite file with no tables and no application id
    audit,       // a continuum audit file this version can read
    not_a_file,  // a folder, a device...
    not_sqlite,  // bytes that are not an SQLite database
    damaged,     // an SQLite header, but SQLite cannot read it
    foreign,     // another program's SQLite database
    newer,       // a continuum audit file from a newer schema than this program knows
};

struct Identity {
    Kind kind = Kind::missing;
    std::int64_t version = 0;
    std::string detail;  // SQLite's words, when it had some
};

Identity identify(const std::filesystem::path& file);

// The plain-words reason a file of this kind cannot be used as the audit log; empty for
// missing, empty and audit.
std::string refusal(const std::filesystem::path& file, const Identity& id);

// Opens for reading only. When SQLite cannot open a WAL file read-only (no -shm and a folder
// it may not write), and no write-ahead log is pending, falls back to immutable=1.
sql::Db open_read_only(const std::filesystem::path& file, std::string& error);

// Brings an open, writable file to kVersion in one transaction (BEGIN IMMEDIATE, so two
// programs creating the same file at once apply each migration once). Refuses, without
// writing, a database that turns out to belong to another program.
bool migrate(sqlite3* db, std::string& error);

// What keeps the log append-only, checked apart from the hash chain: the file's tables,
// indexes and triggers must be exactly those the migrations make (compared with a fresh
// in-memory database built by the same migrations). A dropped or altered trigger, an altered
// table, or an object continuum did not make (a trigger could silently drop or rewrite
// appends) is one plain sentence each; none when the protection is whole.
std::vector<std::string> protection_problems(sqlite3* db);

}  // namespace continuum::audit::schema
