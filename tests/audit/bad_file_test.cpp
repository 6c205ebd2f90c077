// A file that cannot be written, or is not an audit log at all: a clear message, and the file
// exactly as it was.
#include <random>

#include <catch2/catch.hpp>

#include "audit_fixture.hpp"

using namespace audit_test;
using namespace continuum::audit;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string random_bytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (auto& c : out)
        c = static_cast<char>(rng() & 0xff);
    return out;
}

// Both ways of opening refuse the file with a message containing `words`, and leave it
// byte-for-byte as it was.
void check_refused(const fs::path& file, const std::string& words) {
    std::string before = read_bytes(file);
    std::string error;
    CHECK_FALSE(Store::open(file, error));
    INFO(error);
    CHECK(contains(error, file.string()));
    CHECK(contains(error, words));
    error.clear();
    CHECK_FALSE(Store::open_existing(file, error));
    CHECK(contains(error, words));
    CHECK(read_bytes(file) == before);
}

}  // namespace

TEST_CASE("a file of random bytes is refused and left untouched") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    write_bytes(file, random_bytes(16384, 7));
    check_refused(file, "is not a continuum audit file: it is not an SQLite database");
}

TEST_CASE("a file with an SQLite header and damaged contents is refused and left untouched") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    write_bytes(file, std::string("SQLite format 3\0", 16) + random_bytes(8192, 11));
    check_refused(file, "It has been left untouched");
}

TEST_CASE("another program's SQLite database is refused and left untouched") {
    TempDir dir;
    auto file = dir / "contacts.sqlite";
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "CREATE TABLE contact(name TEXT); INSERT INTO contact VALUES ('A');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    check_refused(file, "is not a continuum audit file: it is another program's SQLite database");
    CHECK_FALSE(fs::exists(file.string() + "-wal"));
}

TEST_CASE("an audit file from a newer schema is refused and left untouched") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 2);
    REQUIRE(raw_exec(file, "PRAGMA user_version = 99") == "");
    check_refused(file, "was written by a newer version of continuum (audit schema 99");
}

TEST_CASE("a folder given as the audit file is refused") {
    TempDir dir;
    std::string error;
    CHECK_FALSE(Store::open(dir.path, error));
    CHECK(contains(error, "is not a file"));
}

TEST_CASE("opening an existing file for reading never creates one") {
    TempDir dir;
    auto file = dir / "absent.sqlite";
    std::string error;
    CHECK_FALSE(Store::open_existing(file, error));
    CHECK(error == file.string() + ": no such file.");
    CHECK_FALSE(fs::exists(file));
    write_bytes(file, "");
    CHECK_FALSE(Store::open_existing(file, error));
    CHECK(contains(error, "is empty"));
}

TEST_CASE("an empty file given as the audit file becomes a new log") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    write_bytes(file, "");
    auto store = open_store(file);
    auto r = sample_record(1);
    std::string error;
    CHECK(store->append(r, error));
}

TEST_CASE("a read-only audit file can be read and verified, and recording says why it cannot") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string result = as_unprivileged(dir.path, [&] {
        fill(file, 2);
        fs::permissions(file, fs::perms::owner_read);
        std::string before = read_bytes(file);
        std::string error;
        auto store = Store::open(file, error);
        if (!store) return "open failed: " + error;
        auto r = sample_record(3);
        bool appended = store->append(r, error);
        std::string out = std::string(appended ? "appended" : "refused") + "|" + error + "|" +
                          std::to_string(store->count()) + "|" +
                          (store->verify().ok ? "verified" : "broken") + "|" +
                          (store->writable() ? "writable" : "read-only");
        store.reset();
        return out + "|" + (read_bytes(file) == before ? "unchanged" : "changed");
    });
    CHECK(result ==
          "refused|The decision was not recorded: the audit file " + file.string() +
              " or its folder is read-only. Nothing was written.|2|verified|read-only|unchanged");
}

TEST_CASE("a read-only folder: no new file, and an existing log is read-only") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string result = as_unprivileged(dir.path, [&] {
        fill(file, 2);
        fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
        std::string error, out;
        auto fresh = Store::open(dir / "new.sqlite", error);
        out += (fresh ? "created" : error) + "|";
        out += fs::exists(dir / "new.sqlite") ? "exists|" : "absent|";
        auto store = Store::open(file, error);
        if (!store) return out + "open failed: " + error;
        auto r = sample_record(3);
        out += store->append(r, error) ? "appended" : "refused";
        out += "|" + std::to_string(store->count()) + "|" +
               (store->verify().ok ? "verified" : "broken");
        return out;
    });
    CHECK(result == "Cannot create the audit file " + (dir / "new.sqlite").string() +
                        ": Permission denied.|absent|refused|2|verified");
}
