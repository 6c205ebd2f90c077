// Decisions waiting on this computer for the team store: when the server cannot be reached,
// or the connection drops with the outcome unknown, the decision is kept here (one SQLite
// file, WAL, synchronous=FULL, owner-only) before the practitioner is told it is held, and
// sent when the server is back. Each keeps its submission id, so a decision that did reach the
// server before the connection dropped is recorded once, never twice.
//
// The outbox is a queue, not a log: a decision leaves it once the team store has recorded it.
// One that the team store refuses stays, marked refused with the server's words, until it is
// sent again (an administrator fixed the login) or someone decides what to do with it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "decision_record.hpp"
#include "store.hpp"

struct sqlite3;

namespace continuum::audit {

// $XDG_DATA_HOME/continuum/outbox.sqlite, or ~/.local/share/continuum/outbox.sqlite.
std::filesystem::path default_outbox_path();

// Which team store a connection string leads to, as "login@host:port/database" with every
// password and option left out: two spellings of one connection (a URI and key=value words)
// hold into the same queue.
std::string team_store_key(const std::string& location);

struct HeldDecision {
    std::int64_t id = 0;       // order held
    std::string store;         // team_store_key() of the store it is for
    std::string store_id;      // that store's own id, once it has been reached ("" before)
    std::string held_at;       // UTC
    DecisionRecord record;     // with submission_id and submitted_at; no sequence or hashes yet
    int attempts = 0;          // sends tried since it was held
    std::string last_problem;  // why it was held, or why the last send failed
    bool refused = false;      // the team store said no: it waits for someone to act
};

class Outbox {
  public:
    // Opens or creates the file (owner-only). A file that is not a continuum outbox is refused.
    static std::unique_ptr<Outbox> open(const std::filesystem::path& file, std::string& error);
    ~Outbox();
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // Keeps the decision, durably, before returning true. Holding the same submission again
    // (a held decision that failed once more) notes the new problem instead.
    bool hold(const DecisionRecord& record, const std::string& store, const std::string& store_id,
              const std::string& problem, std::string& error);
    // Everything held for `store`, oldest first (refused ones too).
    std::vector<HeldDecision> held(const std::string& store, std::string& error) const;
    // Everything held for any store, oldest first.
    std::vector<HeldDecision> all(std::string& error) const;
    // The team store recorded it: it leaves the outbox.
    bool remove(const std::string& submission_id, std::string& error);
    // A send failed (or was refused): noted, and the decision stays.
    bool note_attempt(const std::string& submission_id, const std::string& problem, bool refused,
                      std::string& error);
    // The store's id, once reached, for decisions held before it was known.
    bool set_store_id(const std::string& store, const std::string& store_id, std::string& error);

    // Who the store last said decisions from this login are recorded as, so a decision held
    // before the store could be reached at all still shows the right name.
    bool remember_identity(const std::string& store, const Identity& who, std::string& error);
    std::optional<Identity> identity(const std::string& store) const;

    const std::filesystem::path& path() const { return path_; }

  private:
    Outbox(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    std::vector<HeldDecision> query(const std::string* store, std::string& error) const;
    sqlite3* db_;
    std::filesystem::path path_;
};

}  // namespace continuum::audit
