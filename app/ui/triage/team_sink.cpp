#include "team_sink.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "audit/local_db.hpp"
#include "audit/location.hpp"

namespace continuum::ui {

using audit::AppendFailure;
using audit::DecisionRecord;

namespace {

std::string signed_name(const audit::Identity& who) {
    return who.role.empty() ? who.practitioner : who.practitioner + ", " + who.role;
}

}  // namespace

TeamSink::TeamSink(std::string conninfo, const std::filesystem::path& outbox_file,
                   audit::pg::Timeouts timeouts)
    : conninfo_(std::move(conninfo)),
      shown_(audit::redact(conninfo_)),
      key_(audit::team_store_key(conninfo_)),
      timeouts_(timeouts),
      outbox_path_(outbox_file) {
    outbox_ = audit::Outbox::open(outbox_file, outbox_error_);
    if (outbox_) identity_ = outbox_->identity(key_);
}

bool TeamSink::reach() {
    tried_ = true;
    if (store_) return true;
    audit::pg::Failure failure = audit::pg::Failure::unreachable;
    std::string error;
    store_ = audit::PgStore::open(conninfo_, error, timeouts_, &failure);
    if (!store_) {
        reachable_ = false;
        refused_ = failure == audit::pg::Failure::refused;
        problem_ = error;
        return false;
    }
    reachable_ = true;
    refused_ = false;
    problem_.clear();
    identity_ = store_->identity();
    if (outbox_ && identity_) {
        std::string ignored;  // only a convenience for the next time the server is down
        outbox_->remember_identity(key_, *identity_, ignored);
        outbox_->set_store_id(key_, store_->store_id(), ignored);
    }
    return true;
}

void TeamSink::sign(DecisionRecord& record) const {
    // On the team store the name and role recorded are the signed-in login's, whatever
    // Settings say (the server refuses any other).
    // Not known yet (never reached): no name at all until it is sent and the store says.
    record.practitioner = identity_ ? identity_->practitioner : "";
    record.role = identity_ ? identity_->role : "";
}

bool TeamSink::append(DecisionRecord& record, std::string& error) {
    return deliver(record, error) == Delivery::recorded;
}

Delivery TeamSink::hold(DecisionRecord& record, bool outcome_unknown, const std::string& why,
                        std::string& message) {
    std::string error = outbox_error_;
    problem_ = why;  // the technical words, shown apart (SinkStatus::problem)
    const std::string what =
        outcome_unknown ? "The connection to the team store was lost while the decision was "
                          "being recorded, so it may already be there."
                        : "The team store could not be reached.";
    if (outbox_ && outbox_->hold(record, key_, store_ ? store_->store_id() : "", why, error)) {
        message = fmt::format(
            "{} The decision is kept safely on this computer ({}) and will be sent "
            "by itself when the team store can be reached; the team store records it once. "
            "Closing continuum loses nothing: it is sent the next time.",
            what, outbox_path_.string());
        return Delivery::held;
    }
    message = fmt::format(
        "{} It could not be held on this computer either ({}), so it is not recorded anywhere "
        "yet: it is still on screen, record it again once either is fixed{}. ({})",
        what, error,
        outcome_unknown ? " (should it be on the team store already, it is recorded once)" : "",
        why);
    return Delivery::failed;
}

Delivery TeamSink::deliver(DecisionRecord& record, std::string& message) {
    if (record.submission_id.empty()) record.submission_id = audit::new_submission_id();
    if (record.submitted_at.empty()) record.submitted_at = audit::utc_now();
    if (!reach()) {
        sign(record);
        if (refused_) {
            message = fmt::format(
                "The decision was not recorded: {} Nothing was written. It is still on screen: "
                "record it again once this is fixed.",
                problem_);
            return Delivery::failed;
        }
        return hold(record, false, problem_, message);
    }
    sign(record);
    // Decisions held earlier go first, so the team store has them in the order decided.
    std::vector<DecisionRecord> sent;
    if (!send_outbox(false, sent)) return hold(record, false, problem_, message);
    std::string error;
    AppendFailure why = AppendFailure::none;
    if (store_->append(record, error, why)) {
        reachable_ = true;
        problem_.clear();
        message = fmt::format("Recorded on the team store {} as audit record {}.", shown_,
                              record.sequence);
        return Delivery::recorded;
    }
    if (why == AppendFailure::refused) {
        message = error + " It is still on screen: record it again once this is fixed.";
        return Delivery::failed;
    }
    reachable_ = false;
    problem_ = error;
    return hold(record, why == AppendFailure::unknown, error, message);
}

bool TeamSink::send_outbox(bool retry_refused, std::vector<DecisionRecord>& sent) {
    if (!outbox_) return true;
    std::string error;
    for (audit::HeldDecision& h : outbox_->held(key_, error)) {
        if (h.refused && !retry_refused) continue;
        if (!h.store_id.empty() && h.store_id != store_->store_id()) {
            outbox_->note_attempt(h.record.submission_id,
                                  fmt::format("it was held for another team store (id {}); {} "
                                              "now leads to the store {}",
                                              h.store_id, shown_, store_->store_id()),
                                  true, error);
            continue;
        }
        DecisionRecord r = std::move(h.record);
        sign(r);
        AppendFailure why = AppendFailure::none;
        std::string problem;
        if (store_->append(r, problem, why)) {
            // Should this fail, the decision is sent again later and the team store answers
            // with the record it already has: it is never recorded twice.
            outbox_->remove(r.submission_id, error);
            sent.push_back(std::move(r));
            continue;
        }
        outbox_->note_attempt(r.submission_id, problem, why == AppendFailure::refused, error);
        if (why != AppendFailure::refused) {
            reachable_ = false;
            problem_ = problem;
            return false;
        }
    }
    return true;
}

std::vector<DecisionRecord> TeamSink::send_held(bool retry_refused) {
    std::vector<DecisionRecord> sent;
    if (!outbox_) return sent;
    std::string error;
    auto held = outbox_->held(key_, error);
    bool any = std::any_of(held.begin(), held.end(),
                           [&](const auto& h) { return retry_refused || !h.refused; });
    // Nothing to send: the server is asked only at start, so the status bar can say whether
    // it is there.
    if (!any && tried_) return sent;
    if (!reach()) return sent;
    send_outbox(retry_refused, sent);
    return sent;
}

std::string TeamSink::head() const {
    return store_ ? store_->head() : "";
}

std::string TeamSink::describe() const {
    std::string who =
        identity_ && !identity_->practitioner.empty() ? " as " + identity_->practitioner : "";
    if (!tried_) return "Team store " + shown_ + who + " (connecting\u2026)";
    if (refused_) return "Team store " + shown_ + ": refused";
    if (!reachable_) return "Team store " + shown_ + who + ": not reachable";
    return "Recording to the team store " + shown_ + who;
}

SinkStatus TeamSink::status() const {
    SinkStatus s;
    s.description = describe();
    s.location = shown_;
    s.team = true;
    s.login = identity_ ? identity_->login : key_.substr(0, key_.find('@'));
    if (identity_ && !identity_->practitioner.empty()) s.recorded_as = signed_name(*identity_);
    s.reachable = !tried_ || reachable_;
    s.problem = problem_;
    s.outbox = outbox_path_.string();
    if (!outbox_) {
        s.problem = outbox_error_;
        return s;
    }
    std::string error;
    for (const auto& h : outbox_->held(key_, error)) {
        ++s.held;
        if (h.refused) {
            ++s.held_refused;
            s.held_refused_reason = h.last_problem;
        }
    }
    return s;
}

std::unique_ptr<audit::Store> TeamSink::open_reader(std::string& error) const {
    return audit::PgStore::open(conninfo_, error, timeouts_);
}

}  // namespace continuum::ui
