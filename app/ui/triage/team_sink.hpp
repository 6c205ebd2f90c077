// Recording to the team store (PostgreSQL) from a workstation, through network faults. Each
// decision ends in one of three states, and the practitioner is told which:
//
//  - recorded on the team store (acknowledged after COMMIT);
//  - held in the outbox on this computer (audit/outbox.hpp), when the server cannot be reached
//    or the connection dropped with the outcome unknown; sent by itself, oldest first, when the
//    server is back, under the same submission id, so it is recorded exactly once;
//  - failed, when the server refused it (not permitted, a wrong password): nothing written
//    anywhere, the decision stays on screen for a retry once the problem is fixed.
//
// A decision comes with its submission id (the session keeps it for a retry of the same
// decision, so one whose outcome was unknown and could not be held is still recorded once).
// Nothing here touches the network until first asked, on the recording thread: opening the
// window never waits for the server. Decisions carry the name registered for the database
// login; a decision held before the store was ever reached takes it when it is sent.
#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "audit/outbox.hpp"
#include "audit/pg.hpp"
#include "audit/pg_store.hpp"
#include "decision_sink.hpp"

namespace continuum::ui {

class TeamSink final : public DecisionSink {
  public:
    TeamSink(std::string conninfo, const std::filesystem::path& outbox_file,
             audit::pg::Timeouts timeouts = {});

    bool append(audit::DecisionRecord& record, std::string& error) override;
    Delivery deliver(audit::DecisionRecord& record, std::string& message) override;
    std::vector<audit::DecisionRecord> send_held(bool retry_refused) override;
    std::string head() const override;
    std::string describe() const override;
    SinkStatus status() const override;
    std::unique_ptr<audit::Store> open_reader(std::string& error) const override;

  private:
    // Connected to the team store, knowing who we are; false with problem_ (and refused_
    // when the server said no) otherwise. A store once open reconnects by itself.
    bool reach();
    // The registered name and job title, when known, onto the record.
    void sign(audit::DecisionRecord& record) const;
    Delivery hold(audit::DecisionRecord& record, bool outcome_unknown, const std::string& why,
                  std::string& message);
    // Sends the outbox's decisions; false when the server could not be reached meanwhile.
    bool send_outbox(bool retry_refused, std::vector<audit::DecisionRecord>& sent);

    std::string conninfo_, shown_, key_;
    audit::pg::Timeouts timeouts_;
    std::unique_ptr<audit::PgStore> store_;
    std::unique_ptr<audit::Outbox> outbox_;
    std::filesystem::path outbox_path_;
    std::string outbox_error_;
    std::optional<audit::Identity> identity_;  // from the store, or remembered from last time
    bool tried_ = false, reachable_ = false, refused_ = false;
    std::string problem_;
};

}  // namespace continuum::ui
