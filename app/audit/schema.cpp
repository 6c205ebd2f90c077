#include "schema.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

namespace continuum::audit::schema {
namespace fs = std::filesystem;

namespace {

// Each entry takes the schema from version i to i + 1. Never edit one that has shipped;
// add a new one.
const char* const kMigrations[] = {
    // 1: the decisions table and the triggers that keep it append-only. Column names are the
    // canonical field names (canonical.hpp), in the same order, plus the record's hash.
    R"sql(
    CREATE TABLE decision (
        sequence          INTEGER PRIMARY KEY,
        recorded_at       TEXT NOT NULL,
        previous_hash     TEXT NOT NULL,
        case_ref          TEXT NOT NULL,
        referred_at       TEXT NOT NULL,
        practitioner      TEXT NOT NULL,
        role              TEXT NOT NULL,
        ruleset_id        TEXT NOT NULL,
        ruleset_version   TEXT NOT NULL,
        ruleset_digest    TEXT NOT NULL,
        suggested_level   TEXT NOT NULL,
        decided_level     TEXT NOT NULL,
        routes            TEXT NOT NULL,
        agreed            INTEGER NOT NULL,
        override_category TEXT NOT NULL,
        reason            TEXT NOT NULL,
        service_consent   TEXT NOT NULL,
        sharing_basis     TEXT NOT NULL,
        family_informed   INTEGER NOT NULL,
        consent_note      TEXT NOT NULL,
        answers           TEXT NOT NULL,
        evaluation        TEXT NOT NULL,
        hash              TEXT NOT NULL
    );
    CREATE INDEX decision_recorded_at ON decision(recorded_at);
    CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
    BEGIN SELECT RAISE(ABORT, 'audit records cannot be changed'); END;
    CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
    BEGIN SELECT RAISE(ABORT, 'audit records cannot be deleted'); END;
    )sql",
};
static_assert(std::size(kMigrations) == kVersion);

bool has_sqlite_header(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 16> header{};
    in.read(header.data(), header.size());
    return in.gcount() == 16 && std::memcmp(header.data(), "SQLite format 3", 16) == 0;
}

// A file: URI for `file`, percent-encoding everything but unreserved characters and '/'.
std::string file_uri(const fs::path& file, const char* query) {
    std::string out = "file:";
    for (unsigned char c : fs::absolute(file).string()) {
        if (std::isalnum(c) || std::strchr("/-._~", c))
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out + "?" + query;
}

sql::Db open_with(const std::string& name, int flags, std::string& error) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    sql::Db db(raw);
    if (rc != SQLITE_OK) {
        error = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return nullptr;
    }
    return db;
}

}  // namespace

sql::Db open_read_only(const fs::path& file, std::string& error) {
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    sql::Db db = open_with(file_uri(file, "mode=ro"), flags, error);
    std::int64_t probe = 0;
    if (db && sql::query_int(db.get(), "SELECT count(*) FROM sqlite_master", probe, error))
        return db;
    // A WAL file needs its -shm; in a folder we may not write, SQLite cannot make one. With
    // no pending log, the main file is the whole truth and immutable reading is exact.
    std::error_code ec;
    fs::path wal = file;
    wal += "-wal";
    if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0) return nullptr;
    std::string second_error;
    db = open_with(file_uri(file, "mode=ro&immutable=1"), flags, second_error);
    if (db && sql::query_int(db.get(), "SELECT count(*) FROM sqlite_master", probe, second_error))
        return db;
    return nullptr;
}

Identity identify(const fs::path& file) {
    Identity id;
    std::error_code ec;
    auto status = fs::status(file, ec);
    if (!fs::exists(status)) return id;
    if (!fs::is_regular_file(status)) {
        id.kind = Kind::not_a_file;
        return id;
    }
    if (fs::file_size(file, ec) == 0) {
        id.kind = Kind::empty;
        return id;
    }
    if (!has_sqlite_header(file)) {
        id.kind = Kind::not_sqlite;
        return id;
    }
    sql::Db db = open_read_only(file, id.detail);
    std::int64_t app = 0, tables = 0;
    if (!db || !sql::query_int(db.get(), "PRAGMA application_id", app, id.detail) ||
        !sql::query_int(db.get(), "PRAGMA user_version", id.version, id.detail) ||
        !sql::query_int(db.get(), "SELECT count(*) FROM sqlite_master", tables, id.detail)) {
        id.kind = Kind::damaged;
        return id;
    }
    if (app == kApplicationId)
        id.kind = id.version > kVersion ? Kind::newer : Kind::audit;
    else if (app == 0 && tables == 0)
        id.kind = Kind::empty;
    else
        id.kind = Kind::foreign;
    return id;
}

std::string refusal(const fs::path& file, const Identity& id) {
    const std::string name = file.string();
    switch (id.kind) {
        case Kind::missing:
        case Kind::empty:
        case Kind::audit:
            return {};
        case Kind::not_a_file:
            return fmt::format("{} is not a file (is it a folder?).", name);
        case Kind::not_sqlite:
            return fmt::format(
                "{} is not a continuum audit file: it is not an SQLite database (damaged, or "
                "another kind of file). It has been left untouched.",
                name);
        case Kind::damaged:
            return fmt::format(
                "{} is damaged and cannot be read ({}). It has been left untouched; restore it "
                "from a backup.",
                name, id.detail);
        case Kind::foreign:
            return fmt::format(
                "{} is not a continuum audit file: it is another program's SQLite database. It "
                "has been left untouched; choose a different audit file.",
                name);
        case Kind::newer:
            return fmt::format(
                "{} was written by a newer version of continuum (audit schema {}; this version "
                "reads up to {}). It has been left untouched; use the newer version.",
                name, id.version, kVersion);
    }
    return {};
}

bool migrate(sqlite3* db, std::string& error) {
    std::int64_t version = 0;
    if (!sql::query_int(db, "PRAGMA user_version", version, error)) return false;
    if (version == kVersion) return true;
    if (!sql::exec(db, "BEGIN IMMEDIATE", error)) return false;
    auto fail = [&](std::string message) {
        std::string ignored;
        sql::exec(db, "ROLLBACK", ignored);
        error = std::move(message);
        return false;
    };
    std::int64_t app = 0, tables = 0;
    if (!sql::query_int(db, "PRAGMA application_id", app, error) ||
        !sql::query_int(db, "PRAGMA user_version", version, error) ||
        !sql::query_int(db, "SELECT count(*) FROM sqlite_master", tables, error))
        return fail(error);
    if (app != kApplicationId && (app != 0 || tables != 0))
        return fail("it is another program's SQLite database");
    if (version > kVersion) return fail("it was written by a newer version of continuum");
    for (auto v = version; v < kVersion; ++v)
        if (!sql::exec(db, kMigrations[v], error)) return fail(error);
    std::string pragmas = fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};",
                                      kApplicationId, kVersion);
    if (!sql::exec(db, pragmas.c_str(), error)) return fail(error);
    if (!sql::exec(db, "COMMIT", error)) return fail(error);
    return true;
}

namespace {

struct SchemaObject {
    std::string type, name, table, sql;
};

// Every object in the schema but SQLite's own (its automatic indexes, its statistics).
bool schema_objects(sqlite3* db, std::vector<SchemaObject>& out, std::string& error) {
    sql::Statement s(db,
                     "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master "
                     "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name");
    if (!s.ok()) {
        error = sqlite3_errmsg(db);
        return false;
    }
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    if (rc != SQLITE_DONE) error = sqlite3_errmsg(db);
    return rc == SQLITE_DONE;
}

// What a trigger made by the migrations is there for, in the words of a report.
std::string purpose(const std::string& name) {
    if (name == "decision_no_update") return ", which refuses changes to recorded decisions,";
    if (name == "decision_no_delete") return ", which refuses the removal of recorded decisions,";
    return "";
}

}  // namespace

std::vector<std::string> protection_problems(sqlite3* db) {
    std::vector<std::string> out;
    std::string error;
    sql::Db reference = open_with(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    std::vector<SchemaObject> expected, found;
    if (!reference || !migrate(reference.get(), error) ||
        !schema_objects(reference.get(), expected, error)) {
        out.push_back("The protection could not be checked: " + error + ".");
        return out;
    }
    if (!schema_objects(db, found, error)) {
        out.push_back("The schema cannot be read: " + error + ".");
        return out;
    }
    auto find = [](const std::vector<SchemaObject>& in, const SchemaObject& like) {
        return std::find_if(in.begin(), in.end(), [&](const SchemaObject& o) {
            return o.type == like.type && o.name == like.name;
        });
    };
    for (const auto& e : expected) {
        auto f = find(found, e);
        if (f == found.end())
            out.push_back(fmt::format("The {} {}{} is missing (dropped){}.", e.type, e.name,
                                      purpose(e.name),
                                      e.type == "trigger" ? ": recorded decisions could be "
                                                            "changed or removed"
                                                          : ""));
        else if (f->sql != e.sql || f->table != e.table)
            out.push_back(
                fmt::format("The {} {}{} has been altered: it is no longer the one "
                            "continuum made.",
                            e.type, e.name, purpose(e.name)));
    }
    for (const auto& f : found)
        if (find(expected, f) == expected.end())
            out.push_back(fmt::format(
                "There is an extra {} {}{} that continuum did not make{}.", f.type, f.name,
                f.table == f.name ? "" : " on " + f.table,
                f.type == "trigger" ? ": it could change, drop or refuse what is recorded" : ""));
    return out;
}

}  // namespace continuum::audit::schema
