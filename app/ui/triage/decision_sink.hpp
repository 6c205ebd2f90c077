// Where a recorded decision goes. The audit store implements it; the GUI only sees this, so
// it can be driven in tests and says plainly when there is nowhere to record.
//
// A sink is used from one thread at a time: the session's recording thread (store_worker.hpp)
// once the session has it, so no call here ever holds up the window.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "audit/decision_record.hpp"
#include "audit/store.hpp"

namespace continuum::ui {

// Where a decision is after the practitioner pressed Record.
enum class Delivery {
    recorded,  // in the audit log (on the team store, or in the file): done
    held,      // kept in the outbox on this computer; sent to the team store when it is back
    failed,    // nowhere: it stays on screen for the practitioner to fix and retry
};

// What the status bar, Settings and History say about the store, as of the last call.
struct SinkStatus {
    std::string description;  // "Recording to ...", for the status bar
    std::string location;     // the file, or the team store without its password
    // The team store: decisions carry the name registered for the database login, never the
    // name typed in Settings.
    bool team = false;
    std::string login;             // the database login (team store)
    std::string recorded_as;       // "Sam Okafor, Social worker, MASH"; "" until the store says
    bool reachable = true;         // the team store answered the last time it was asked
    std::string problem;           // why it could not be reached (or refused us) the last time
    std::size_t held = 0;          // decisions in the outbox waiting for this team store
    std::size_t held_refused = 0;  // of those, ones the team store refused
    std::string held_refused_reason;
    std::string outbox;  // the outbox file (team store)
    bool operator==(const SinkStatus&) const = default;
};

class DecisionSink {
  public:
    virtual ~DecisionSink() = default;
    // Appends the record, filling its sequence, time and hashes. False with `error` when it
    // could not be written; nothing is then recorded.
    virtual bool append(audit::DecisionRecord& record, std::string& error) = 0;
    // Records it, or (the team store) holds it in the outbox when the server cannot be reached
    // or the connection dropped with the outcome unknown. `message` says what happened and,
    // for a held or failed decision, why and what comes next. A held record keeps its
    // submission id and has no sequence or hashes yet.
    virtual Delivery deliver(audit::DecisionRecord& record, std::string& message) {
        return append(record, message) ? Delivery::recorded : Delivery::failed;
    }
    // Sends what the outbox holds for this store, oldest first, until the server cannot be
    // reached; `retry_refused` sends again ones the store refused before. Returns the
    // decisions now recorded (with their sequence and hashes).
    virtual std::vector<audit::DecisionRecord> send_held(bool /*retry_refused*/) { return {}; }
    // The hash at the head of the chain ("" when unknown or empty).
    virtual std::string head() const = 0;
    // Where it writes, for the status bar.
    virtual std::string describe() const = 0;
    virtual SinkStatus status() const {
        SinkStatus s;
        s.description = describe();
        return s;
    }
    // A second, read-only handle on the same store, for the History view's own thread (so a
    // long chain check never holds up recording). Null with `error` when there is none.
    virtual std::unique_ptr<audit::Store> open_reader(std::string& error) const {
        error = "No audit log is open: " + describe() + ".";
        return nullptr;
    }
};

// No store could be opened: every append fails with this message, so the GUI never pretends a
// decision was recorded.
class UnavailableSink final : public DecisionSink {
  public:
    explicit UnavailableSink(std::string why) : why_(std::move(why)) {}
    bool append(audit::DecisionRecord&, std::string& error) override {
        error = "audit store not available: " + why_ + ". The decision has not been recorded.";
        return false;
    }
    std::string head() const override { return {}; }
    std::string describe() const override { return "audit store not available"; }

  private:
    std::string why_;
};

}  // namespace continuum::ui
