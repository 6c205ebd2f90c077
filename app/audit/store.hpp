// The audit log: an append-only SQLite file of DecisionRecords chained by SHA-256.
//
// Nothing recorded is lost, changed unnoticed, or half-written: each append is one
// transaction (WAL, synchronous=FULL), triggers reject UPDATE and DELETE, and verify()
// recomputes every hash from the stored fields. A file that is not a continuum audit log is
// never written to.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decision_record.hpp"

struct sqlite3;

namespace continuum::audit {

// $XDG_DATA_HOME/continuum/audit.sqlite, or ~/.local/share/continuum/audit.sqlite.
std::filesystem::path default_audit_path();

// What verify() found wrong first.
enum class Fault { none, changed, missing, reordered, head_mismatch, unreadable };

struct VerifyReport {
    bool ok = true;
    std::int64_t records = 0;    // records read
    std::string head;            // hash of the last record (64 zeros when empty)
    std::int64_t first_bad = 0;  // sequence of the first bad record (0 when ok)
    std::string problem;         // in plain words, naming the record and what is wrong
    Fault fault = Fault::none;
};

// Filters for list(); every one given must hold. Dates are YYYY-MM-DD, inclusive, compared
// with the UTC date the decision was recorded. `level` matches the decided level; `route`
// matches records where the practitioner decided that route is met or cannot be ruled out;
// `text` is a case-insensitive substring of the case reference, practitioner, reason or
// consent note.
struct Query {
    // Default initialisers let callers write Query{.level = "level3"} without warnings.
    std::optional<std::string> from = {}, to = {}, practitioner = {}, level = {}, route = {},
                               text = {};
};

// True for a real calendar date written YYYY-MM-DD.
bool valid_date(const std::string& date);

class Store {
  public:
    // Opens or creates (owner-only permissions, missing folders created owner-only, WAL,
    // synchronous=FULL, schema version + migrations). A corrupt or foreign file: nullptr and a
    // clear message; the file is never overwritten. A file or folder that cannot be written is
    // opened read-only: reading and verifying work, append() says why it cannot record.
    static std::unique_ptr<Store> open(const std::filesystem::path& file, std::string& error);
    // Opens an existing audit file for reading only (verify, export): never creates, migrates
    // or writes anything.
    static std::unique_ptr<Store> open_existing(const std::filesystem::path& file,
                                                std::string& error);

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Fills sequence, recorded_at (UTC), previous_hash, hash; all in one transaction (BEGIN
    // IMMEDIATE so two processes appending keep one chain). false + message (disk full,
    // read-only...) and nothing partial written; `record` is then left as it was.
    bool append(DecisionRecord& record, std::string& error);

    // Records in chain order.
    std::vector<DecisionRecord> list(const Query& q = {}) const;
    std::optional<DecisionRecord> get(std::int64_t sequence) const;
    std::int64_t count() const;
    VerifyReport verify(const std::optional<std::string>& expected_head = {}) const;
    std::string head() const;  // hex hash of the last record (64 zeros when empty)

    const std::filesystem::path& path() const { return path_; }
    bool writable() const { return read_only_reason_.empty(); }
    // Why append() cannot record, in plain words; empty when writable.
    const std::string& read_only_reason() const { return read_only_reason_; }

  private:
    Store(sqlite3* db, std::filesystem::path path, std::string read_only_reason);
    sqlite3* db_;
    std::filesystem::path path_;
    std::string read_only_reason_;
};

}  // namespace continuum::audit
