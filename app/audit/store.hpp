// The decision log, whatever keeps it: one interface over two backends.
//
//  - an SQLite file (sqlite_store.hpp): the embedded default for one workstation;
//  - a PostgreSQL database (pg_store.hpp): the team store a whole front door shares.
//
// Both keep the same DecisionRecords in the same canonical form (canonical.hpp), chained by
// the same SHA-256 hashes, and verify() runs the same check over either (chain_check.hpp), so
// a record copied from one to the other keeps its hash and both give the same head. Nothing
// recorded is lost, changed unnoticed, or half-written: each append is one transaction,
// acknowledged only after it is durably committed, and UPDATE and DELETE are refused.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decision_record.hpp"

namespace continuum::audit {

// $XDG_DATA_HOME/continuum/audit.sqlite, or ~/.local/share/continuum/audit.sqlite.
std::filesystem::path default_audit_path();

// What verify() found wrong first in the chain.
enum class Fault { none, changed, missing, reordered, head_mismatch, unreadable };

struct VerifyReport {
    bool ok = true;              // the chain holds (and matches the expected head, if given)
    std::int64_t records = 0;    // records read
    std::string head;            // hash of the last record (64 zeros when empty)
    std::int64_t first_bad = 0;  // sequence of the first bad record (0 when ok)
    std::string problem;         // in plain words, naming the record and what is wrong
    Fault fault = Fault::none;
    // Apart from the chain: whether what stops records being changed is still in place (the
    // triggers that refuse UPDATE and DELETE, the privileges, the schema). A store whose
    // protection was removed may still hold an intact chain, and the reverse.
    bool protection_ok = true;
    std::vector<std::string> protection_problems;  // one plain sentence each
};

// Filters for list() and scan(); every one given must hold. Dates are YYYY-MM-DD, inclusive,
// compared with the UTC date the decision was recorded. `level` matches the decided level;
// `route` matches records where the practitioner decided that route is met or cannot be
// ruled out; `text` is a case-insensitive (ASCII) substring of the case reference,
// practitioner, reason or consent note. Each backend turns them into one indexed query.
struct Query {
    // Default initialisers let callers write Query{.level = "level3"} without warnings.
    std::optional<std::string> from = {}, to = {}, practitioner = {}, level = {}, route = {},
                               text = {};
    // Only these records (by sequence number): the decisions behind one figure of the
    // override analytics, opened in History. Given but empty matches nothing.
    std::optional<std::vector<std::int64_t>> sequences = {};
    // Only the newest N matching records (still given in chain order): what a screen can
    // show of a team store holding years of decisions.
    std::optional<std::int64_t> newest = {};
};

// True for a real calendar date written YYYY-MM-DD.
bool valid_date(const std::string& date);

// Why an append did not record, for a caller that can do something about it (the GUI holds
// a decision in its outbox only when the team server could not be reached).
enum class AppendFailure {
    none,
    refused,      // the store said no (read-only, disk full, not permitted...): nothing written
    unreachable,  // the team server could not be reached: nothing written
    unknown,      // the connection was lost after the decision was sent: it may have been
                  // recorded. Sending it again with the same submission_id is safe: the team
                  // store records a submission once.
};

// Who the store records decisions as, when it decides that itself (the team store: from the
// signed-in database login, never from a name typed on the workstation).
struct Identity {
    std::string login;         // the database login
    std::string practitioner;  // the registered display name recorded on each decision
    std::string role;          // the registered job title recorded on each decision
};

// A fresh random id (128 bits, hex) for a submission: set it on a record before the first
// try and keep it for every retry, and the team store records that decision at most once.
std::string new_submission_id();

enum class Backend { sqlite, postgresql };

class Store {
  public:
    // `location` is an SQLite file path, or a PostgreSQL connection: a postgresql:// URI or
    // a libpq "key=value" string (is_team_location() says which).
    //
    // open(): the SQLite file is created if missing (owner-only, WAL, synchronous=FULL,
    // migrations); a corrupt or foreign file is refused, untouched. A file or folder that
    // cannot be written opens read-only. The team store must have been set up with
    // `continuum server init`; open() never changes its schema.
    static std::unique_ptr<Store> open(const std::string& location, std::string& error);
    // For reading only (verify, export): never creates, migrates or writes anything.
    static std::unique_ptr<Store> open_existing(const std::string& location, std::string& error);

    virtual ~Store() = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Fills sequence, recorded_at (UTC), previous_hash and hash, and returns true once the
    // record is committed. false + a message, and `record` left as it was, otherwise.
    bool append(DecisionRecord& record, std::string& error);
    virtual bool append(DecisionRecord& record, std::string& error, AppendFailure& why) = 0;

    // Appends records exactly as they are (sequence, time and hashes kept), all or none in one
    // transaction: how `audit migrate` copies a chain from one store to another. Refused
    // unless they continue this store's chain (the first has the next sequence and names the
    // current head, each the one before) and each hash is that of its contents.
    virtual bool import_exact(const std::vector<DecisionRecord>& records, std::string& error) = 0;

    // Records matching `q`, in chain order, one at a time: `visit` returns false to stop.
    // false + message when the store could not be read.
    virtual bool scan(const Query& q, const std::function<bool(DecisionRecord&&)>& visit,
                      std::string& error) const = 0;
    // Records matching `q` in chain order; an unreadable store gives what was read, and the
    // reason in `error` when given.
    std::vector<DecisionRecord> list(const Query& q = {}, std::string* error = nullptr) const;
    virtual std::optional<DecisionRecord> get(std::int64_t sequence) const = 0;
    virtual std::int64_t count() const = 0;
    // Everyone who has recorded a decision, sorted.
    virtual std::vector<std::string> practitioners() const = 0;
    virtual VerifyReport verify(const std::optional<std::string>& expected_head = {}) const = 0;
    // Hex hash of the last record (64 zeros when empty; "" when the store cannot be read).
    virtual std::string head() const = 0;

    virtual Backend backend() const = 0;
    // The file, or the connection with any password left out: safe to show and to log.
    virtual std::string location() const = 0;
    // The team store: who decisions are recorded as. None for a file, where the name comes
    // from the workstation's settings.
    virtual std::optional<Identity> identity() const { return std::nullopt; }
    bool writable() const { return read_only_reason_.empty(); }
    // Why append() cannot record, in plain words; empty when writable.
    const std::string& read_only_reason() const { return read_only_reason_; }

  protected:
    Store() = default;
    std::string read_only_reason_;
};

}  // namespace continuum::audit
