#include "sqlite_store.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "canonical.hpp"
#include "chain_check.hpp"
#include "files.hpp"
#include "local_db.hpp"
#include "rows.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

namespace continuum::audit {
namespace fs = std::filesystem;

namespace {

// How long append() waits for another program's append to finish before giving up.
constexpr int kBusyTimeoutMs = 10000;

// SQLite's failure while appending, in the words a practitioner needs.
std::string append_failure(sqlite3* db, int code, const fs::path& file) {
    std::string why;
    switch (code & 0xff) {
        case SQLITE_FULL:
            why = "the disk is full";
            break;
        case SQLITE_READONLY:
            why = "the audit file is read-only";
            break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            why = "another program kept the audit file busy for more than 10 seconds";
            break;
        case SQLITE_IOERR:
            why = fmt::format("the disk reported an error ({})", sqlite3_errmsg(db));
            break;
        case SQLITE_CANTOPEN:
            why = "the audit file or its folder cannot be written";
            break;
        default:
            why = sqlite3_errmsg(db);
    }
    return fmt::format(
        "The decision was not recorded: {} ({}). Nothing was written; the "
        "decision can be recorded again once this is fixed.",
        why, file.string());
}

// Two processes opening the same new log at once: one sets it up while the other waits for
// the folder, so neither looks at the other's half-made file (its tables written, its
// application id not yet) and refuses it as another program's database. A lock on the folder,
// not the file: closing any descriptor of the file would drop SQLite's own locks on it.
class SetUpLock {
  public:
    explicit SetUpLock(const fs::path& folder)
        : fd_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        if (fd_ >= 0) ::flock(fd_, LOCK_EX);
    }
    ~SetUpLock() {
        if (fd_ >= 0) ::close(fd_);  // releases the lock
    }
    SetUpLock(const SetUpLock&) = delete;
    SetUpLock& operator=(const SetUpLock&) = delete;

  private:
    int fd_;
};

}  // namespace

SqliteStore::SqliteStore(sqlite3* db, fs::path path, std::string read_only_reason)
    : db_(db), path_(std::move(path)) {
    read_only_reason_ = std::move(read_only_reason);
}

SqliteStore::~SqliteStore() {
    sqlite3_close_v2(db_);
}

std::unique_ptr<SqliteStore> SqliteStore::open_existing(const fs::path& file, std::string& error) {
    auto id = schema::identify(file);
    if (id.kind == schema::Kind::missing) {
        error = fmt::format("{}: no such file.", file.string());
        return nullptr;
    }
    if (id.kind == schema::Kind::empty) {
        error = fmt::format("{} is empty: it holds no audit log.", file.string());
        return nullptr;
    }
    if (id.kind != schema::Kind::audit) {
        error = schema::refusal(file, id);
        return nullptr;
    }
    std::string why;
    sql::Db db = schema::open_read_only(file, why);
    if (!db) {
        error = fmt::format("Cannot read the audit file {}: {}.", file.string(), why);
        return nullptr;
    }
    return std::unique_ptr<SqliteStore>(
        new SqliteStore(db.release(), file, "it was opened for reading only"));
}

std::unique_ptr<SqliteStore> SqliteStore::open(const fs::path& file, std::string& error) {
    auto id = schema::identify(file);
    if (id.kind == schema::Kind::missing && !create_owner_only(file, "audit file", error))
        return nullptr;
    SetUpLock lock(folder_of(file));
    id = schema::identify(file);  // as it is now that no one else is setting it up
    if (std::string refused = schema::refusal(file, id); !refused.empty()) {
        error = refused;
        return nullptr;
    }

    if (!can_write(file) || !can_write(folder_of(file))) {
        if (id.kind != schema::Kind::audit) {
            error = fmt::format(
                "Cannot create the audit file {}: the file or its folder is "
                "read-only.",
                file.string());
            return nullptr;
        }
        auto store = open_existing(file, error);
        if (store)
            store->read_only_reason_ =
                fmt::format("the audit file {} or its folder is read-only", file.string());
        return store;
    }

    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    sql::Db db(raw);
    std::string why;
    if (rc != SQLITE_OK) {
        error = fmt::format("Cannot open the audit file {}: {}.", file.string(),
                            raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        return nullptr;
    }
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    // WAL with synchronous=FULL: a commit is on disk before append() returns, and a crash at
    // any moment leaves either the whole record or none of it.
    {
        sql::Statement wal(db.get(), "PRAGMA journal_mode = WAL");
        if (!wal.ok() || wal.step() != SQLITE_ROW || wal.text(0) != "wal") {
            error = fmt::format("Cannot open the audit file {}: {}.", file.string(),
                                sqlite3_errmsg(db.get()));
            return nullptr;
        }
    }
    if (!sql::exec(db.get(), "PRAGMA synchronous = FULL", why) || !schema::migrate(db.get(), why)) {
        error = fmt::format("Cannot use {} as the audit file: {}. It has been left untouched.",
                            file.string(), why);
        return nullptr;
    }
    return std::unique_ptr<SqliteStore>(new SqliteStore(db.release(), file, ""));
}

bool SqliteStore::append(DecisionRecord& record, std::string& error, AppendFailure& why) {
    why = AppendFailure::refused;
    if (!writable()) {
        error = fmt::format("The decision was not recorded: {}. Nothing was written.",
                            read_only_reason_);
        return false;
    }
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        error = append_failure(db_, rc, path_);
        return false;
    }
    auto fail = [&](int code) {
        error = append_failure(db_, code, path_);
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    };

    DecisionRecord r = record;
    r.sequence = 1;
    r.previous_hash = kGenesisHash;
    {
        sql::Statement last(db_,
                            "SELECT sequence, hash FROM decision ORDER BY sequence DESC LIMIT 1");
        if (!last.ok()) return fail(last.prepare_code());
        rc = last.step();
        if (rc == SQLITE_ROW) {
            r.sequence = last.integer(0) + 1;
            r.previous_hash = last.text(1);
        } else if (rc != SQLITE_DONE) {
            return fail(rc);
        }
    }
    r.recorded_at = utc_now();
    FieldTexts texts;
    try {
        texts = field_texts(r);
    } catch (const nlohmann::json::exception&) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        error =
            "The decision was not recorded: its answers or evaluation hold text that is not "
            "valid UTF-8. Nothing was written.";
        return false;
    }
    r.hash = sha256_hex(canonical_form(texts));

    rc = insert(texts, r.hash);
    if (rc != SQLITE_DONE) return fail(rc);
    if (!kept_as_written(texts, r.hash)) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        error = fmt::format(
            "The decision was not recorded: the audit file did not keep it as written, so its "
            "protection has been tampered with (run continuum audit verify {}). Nothing was "
            "written.",
            path_.string());
        return false;
    }
    rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return fail(rc);
    record = std::move(r);
    why = AppendFailure::none;
    return true;
}

int SqliteStore::insert(const FieldTexts& texts, const std::string& hash) {
    std::string sql = "INSERT INTO decision (" + rows::columns() + ") VALUES (?";
    for (std::size_t i = 0; i < texts.size(); ++i)
        sql += ", ?";
    sql += ")";
    sql::Statement insert(db_, sql);
    if (!insert.ok()) return insert.prepare_code();
    int i = 1;
    for (const auto& t : texts)
        insert.bind(i++, t);
    insert.bind(i, hash);
    return insert.step();
}

bool SqliteStore::kept_as_written(const FieldTexts& texts, const std::string& hash) const {
    sql::Statement s(db_, "SELECT " + rows::columns() + " FROM decision WHERE sequence = ?");
    if (!s.ok()) return false;
    s.bind(1, static_cast<std::int64_t>(std::strtoll(texts[0].c_str(), nullptr, 10)));
    if (s.step() != SQLITE_ROW) return false;
    int column = 0;
    for (const auto& t : texts)
        if (s.text(column++) != t) return false;
    return s.text(column) == hash && s.step() == SQLITE_DONE;
}

bool SqliteStore::import_exact(const std::vector<DecisionRecord>& records, std::string& error) {
    if (!writable()) {
        error = fmt::format("Cannot copy into {}: {}.", path_.string(), read_only_reason_);
        return false;
    }
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        error = append_failure(db_, rc, path_);
        return false;
    }
    auto fail = [&](std::string message) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        error = std::move(message);
        return false;
    };
    std::int64_t last = 0;
    std::string last_hash = kGenesisHash;
    {
        sql::Statement s(db_, "SELECT sequence, hash FROM decision ORDER BY sequence DESC LIMIT 1");
        if (!s.ok()) return fail(sqlite3_errmsg(db_));
        if (s.step() == SQLITE_ROW) {
            last = s.integer(0);
            last_hash = s.text(1);
        }
    }
    for (const auto& record : records) {
        FieldTexts texts;
        try {
            texts = field_texts(record);
        } catch (const nlohmann::json::exception&) {
            return fail(
                fmt::format("record {} holds text that is not valid UTF-8", record.sequence));
        }
        if (sha256_hex(canonical_form(texts)) != record.hash)
            return fail(fmt::format("record {} does not hash to its stored hash", record.sequence));
        if (record.sequence != last + 1 || record.previous_hash != last_hash)
            return fail(
                fmt::format("record {} does not continue the chain of {}, which ends at "
                            "record {}",
                            record.sequence, path_.string(), last));
        rc = insert(texts, record.hash);
        if (rc != SQLITE_DONE) return fail(append_failure(db_, rc, path_));
        if (!kept_as_written(texts, record.hash))
            return fail(
                fmt::format("{} did not keep record {} as written: its protection has "
                            "been tampered with",
                            path_.string(), record.sequence));
        last = record.sequence;
        last_hash = record.hash;
    }
    rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return fail(append_failure(db_, rc, path_));
    return true;
}

std::optional<DecisionRecord> SqliteStore::get(std::int64_t sequence) const {
    sql::Statement s(db_, "SELECT " + rows::columns() + " FROM decision WHERE sequence = ?");
    if (!s.ok()) return std::nullopt;
    s.bind(1, sequence);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return rows::record(s);
}

bool SqliteStore::scan(const Query& q, const std::function<bool(DecisionRecord&&)>& visit,
                       std::string& error) const {
    std::string sql = "SELECT " + rows::columns() + " FROM decision WHERE 1";
    std::vector<std::string> params;
    auto add = [&](const std::optional<std::string>& value, const char* clause) {
        if (!value) return;
        sql += clause;
        params.push_back(*value);
    };
    add(q.from, " AND substr(recorded_at, 1, 10) >= ?");
    add(q.to, " AND substr(recorded_at, 1, 10) <= ?");
    add(q.practitioner, " AND practitioner = ?");
    add(q.level, " AND decided_level = ?");
    add(q.route,
        " AND EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(routes) THEN routes ELSE '[]' "
        "END) "
        "WHERE json_extract(value, '$.route') = ? "
        "AND json_extract(value, '$.decided') IN ('met', 'cannot_rule_out'))");
    if (q.text) {
        std::string pattern = "%";
        for (char c : *q.text) {
            if (c == '%' || c == '_' || c == '\\') pattern += '\\';
            pattern += c;
        }
        pattern += "%";
        sql +=
            " AND (case_ref LIKE ?1x ESCAPE '\\' OR practitioner LIKE ?1x ESCAPE '\\' OR "
            "reason LIKE ?1x ESCAPE '\\' OR consent_note LIKE ?1x ESCAPE '\\')";
        params.push_back(pattern);
        std::string slot = "?" + std::to_string(params.size());
        for (auto at = sql.find("?1x"); at != std::string::npos; at = sql.find("?1x"))
            sql.replace(at, 3, slot);
    }
    if (q.sequences) {
        sql += " AND sequence IN (SELECT value FROM json_each(?))";
        params.push_back(nlohmann::json(*q.sequences).dump());
    }
    if (q.newest)
        sql = "SELECT * FROM (" + sql + " ORDER BY sequence DESC LIMIT " +
              std::to_string(std::max<std::int64_t>(*q.newest, 0)) + ")";
    sql += " ORDER BY sequence";

    sql::Statement s(db_, sql);
    if (!s.ok()) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    for (std::size_t i = 0; i < params.size(); ++i)
        s.bind(static_cast<int>(i + 1), params[i]);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        if (!visit(rows::record(s))) return true;
    if (rc != SQLITE_DONE) {
        error = sqlite3_errmsg(db_);
        return false;
    }
    return true;
}

std::vector<std::string> SqliteStore::practitioners() const {
    std::vector<std::string> out;
    sql::Statement s(db_, "SELECT DISTINCT practitioner FROM decision ORDER BY practitioner");
    while (s.ok() && s.step() == SQLITE_ROW)
        out.push_back(s.text(0));
    return out;
}

namespace {

// The file's rows in sequence order, for the shared chain check.
class SqliteRows final : public ChainSource {
  public:
    explicit SqliteRows(sqlite3* db)
        : db_(db), rows_(db, "SELECT " + rows::columns() + " FROM decision ORDER BY sequence") {}
    bool next(StoredRow& row, std::string& error) override {
        if (!rows_.ok()) {
            error = sqlite3_errmsg(db_);
            return false;
        }
        int rc = rows_.step();
        if (rc == SQLITE_ROW) {
            row.texts = rows::texts(rows_);
            row.hash = rows::hash(rows_);
            return true;
        }
        if (rc != SQLITE_DONE) error = sqlite3_errmsg(db_);
        return false;
    }
    std::unordered_map<std::string, std::string> links() override {
        std::unordered_map<std::string, std::string> out;
        sql::Statement s(db_, "SELECT hash, previous_hash FROM decision");
        while (s.ok() && s.step() == SQLITE_ROW)
            out.emplace(s.text(0), s.text(1));
        return out;
    }

  private:
    sqlite3* db_;
    sql::Statement rows_;
};

}  // namespace

VerifyReport SqliteStore::verify(const std::optional<std::string>& expected_head) const {
    SqliteRows rows(db_);
    VerifyReport report = check_chain(rows, expected_head, "the file");
    report.protection_problems = schema::protection_problems(db_);
    report.protection_ok = report.protection_problems.empty();
    return report;
}

std::int64_t SqliteStore::count() const {
    std::int64_t n = 0;
    std::string ignored;
    sql::query_int(db_, "SELECT count(*) FROM decision", n, ignored);
    return n;
}

std::string SqliteStore::head() const {
    sql::Statement s(db_, "SELECT hash FROM decision ORDER BY sequence DESC LIMIT 1");
    if (s.ok() && s.step() == SQLITE_ROW) return s.text(0);
    return kGenesisHash;
}

}  // namespace continuum::audit
