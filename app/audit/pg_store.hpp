// The decision log in PostgreSQL: the team store a whole front door shares (schema in
// pg_schema.hpp, set up by `continuum server init`). One chain under concurrency: the insert
// trigger takes an advisory lock, so appends from any number of workstations wait for each
// other and each names the one committed before it; the unique previous_hash backs that up.
// The server fills the sequence, time and hash and records the practitioner from the
// signed-in login; the client recomputes the hash before it commits, and acknowledges a
// decision only once the commit has been answered.
//
// One PgStore is used from one thread at a time (the GUI gives it a worker thread of its own).
#pragma once
#include <memory>
#include <string>

#include "pg.hpp"
#include "store.hpp"

namespace continuum::audit {

class PgStore final : public Store {
  public:
    // Connects and checks the schema version. A database without the continuum schema, or
    // with a newer one, is refused with a message saying what to do.
    // `failure`, when given, says why it could not be opened: `unreachable` (no connection, or
    // the server cannot take one just now: try again later) or `refused` (the server answered:
    // a wrong password, no team store there).
    static std::unique_ptr<PgStore> open(const std::string& conninfo, std::string& error,
                                         pg::Timeouts timeouts = {},
                                         pg::Failure* failure = nullptr);
    static std::unique_ptr<PgStore> open_existing(const std::string& conninfo, std::string& error);
    ~PgStore() override;

    using Store::append;
    bool append(DecisionRecord& record, std::string& error, AppendFailure& why) override;
    bool import_exact(const std::vector<DecisionRecord>& records, std::string& error) override;
    bool scan(const Query& q, const std::function<bool(DecisionRecord&&)>& visit,
              std::string& error) const override;
    std::optional<DecisionRecord> get(std::int64_t sequence) const override;
    std::int64_t count() const override;
    std::vector<std::string> practitioners() const override;
    // The chain check every backend shares, then the protection check (pg_schema.hpp).
    VerifyReport verify(const std::optional<std::string>& expected_head = {}) const override;
    std::string head() const override;
    Backend backend() const override { return Backend::postgresql; }
    std::string location() const override { return shown_; }
    std::optional<Identity> identity() const override { return identity_; }

    // The store's own id (made by server init): the outbox sends a decision only to the
    // store it was meant for.
    const std::string& store_id() const { return store_id_; }
    // Records the copy of a log in continuum.migration (`audit migrate`).
    bool note_migration(const std::string& source, const std::string& source_head,
                        std::int64_t first, std::int64_t last, std::int64_t copied,
                        std::string& error);

  private:
    PgStore(std::string conninfo, pg::Timeouts timeouts);
    // A working connection, made again when the last one broke; null with `error` if none.
    pg::Connection* connection(std::string& error) const;
    bool connect(std::string& error, pg::Failure* failure = nullptr) const;
    // Reads who is signed in and whether they may record.
    bool load_identity(std::string& error);
    // The record committed earlier under this submission id, if any (inside the caller's
    // transaction, holding the chain lock from then on).
    std::optional<DecisionRecord> find_submission(pg::Connection& c, const std::string& id,
                                                  std::string& error, pg::Failure& failure) const;

    std::string conninfo_, shown_;
    pg::Timeouts timeouts_;
    mutable std::unique_ptr<pg::Connection> conn_;
    std::optional<Identity> identity_;
    std::string store_id_;
};

}  // namespace continuum::audit
