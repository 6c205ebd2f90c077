// The session's dealings with the audit store, on two threads of their own so the window never
// waits for the store: one records decisions and sends what the outbox holds (team_sink.hpp),
// the other reads History and checks the chain, so a long check never holds up a decision.
// What they find is applied here, between frames.
#include <fmt/format.h>

#include <algorithm>

#include "audit/store.hpp"
#include "decision.hpp"
#include "session.hpp"
#include "ui/history/history.hpp"

namespace continuum::ui {

namespace {

using namespace std::chrono_literals;

// How soon the outbox is tried again while the team store cannot be reached: after 5 s, then
// twice as long each time, up to once a minute.
constexpr StoreWorker::Delay kFirstRetry = 5s;
constexpr StoreWorker::Delay kLongestRetry = 60s;

}  // namespace

Session::~Session() {
    // History's queued reading is of no use any more; a decision being recorded is finished
    // by the recording thread before it stops.
    if (reader_) reader_->cancel_queued();
}

void Session::set_wake(std::function<void()> wake) {
    wake_ = wake;
    recorder_->set_wake(wake);
    reader_->set_wake(std::move(wake));
}

void Session::start_store() {
    history_serial_ = std::make_shared<std::atomic<unsigned>>(0);
    recorder_ = std::make_unique<StoreWorker>();
    reader_ = std::make_unique<StoreWorker>();
    // At start (so the status bar can say whether the team store is there, and who decisions
    // are recorded as), and again while the outbox holds decisions: soon after a failure, then
    // less often.
    recorder_->set_periodic([this] {
        std::vector<audit::DecisionRecord> records = sink_.send_held(false);
        std::string head = records.empty() ? "" : sink_.head();
        SinkStatus status = sink_.status();
        std::optional<StoreWorker::Delay> next;
        if (status.held > status.held_refused) {
            retry_delay_ = records.empty()
                               ? std::clamp(retry_delay_ * 2, kFirstRetry, kLongestRetry)
                               : kFirstRetry;
            next = retry_delay_;
        }
        StoreWorker::Done done = [this, records = std::move(records), head = std::move(head),
                                  status = std::move(status)]() mutable {
            sent(std::move(records), std::move(head), std::move(status));
        };
        return std::pair{std::move(done), next};
    });
    recorder_->schedule_periodic(0ms);
}

void Session::poll_store() {
    recorder_->poll();
    reader_->poll();
}

void Session::wait_for_store() {
    // A decision recorded reloads History, so wait until neither has anything left.
    do {
        recorder_->wait();
        reader_->wait();
    } while (recorder_->busy() || reader_->busy());
}

void Session::record() {
    if (!state_.rules || state_.record.phase == RecordPhase::Sending) return;
    state_.record.problem = draft_problem(state_, scratch_.draft);
    if (!state_.record.problem.empty()) return;
    audit::DecisionRecord r = make_record(state_, scratch_.draft);
    // The same decision recorded again after a failure keeps its submission id: should the
    // first try have reached the team store after all, it is recorded once.
    bool retry =
        state_.record.phase == RecordPhase::Failed && last_sent_ && same_decision(*last_sent_, r);
    r.submission_id = retry ? last_sent_->submission_id : audit::new_submission_id();
    last_sent_ = r;
    RecordStatus& rs = state_.record;
    rs.phase = RecordPhase::Sending;
    rs.error.clear();
    rs.held.clear();
    rs.record = r;
    rs.chain_head.clear();
    rs.report_saved_to.clear();
    unsigned revision = case_revision_;
    recorder_->submit([this, r = std::move(r), revision]() mutable -> StoreWorker::Done {
        std::string message;
        Delivery delivery = sink_.deliver(r, message);
        std::string head = delivery == Delivery::recorded ? sink_.head() : "";
        SinkStatus status = sink_.status();
        if (delivery == Delivery::held) {
            retry_delay_ = kFirstRetry;
            recorder_->schedule_periodic(kFirstRetry);
        }
        return [this, r = std::move(r), delivery, message = std::move(message),
                head = std::move(head), status = std::move(status), revision]() mutable {
            delivered(std::move(r), delivery, std::move(message), std::move(head),
                      std::move(status), revision);
        };
    });
}

void Session::delivered(audit::DecisionRecord r, Delivery delivery, std::string message,
                        std::string head, SinkStatus status, unsigned revision) {
    state_.sink = std::move(status);
    RecordStatus& rs = state_.record;
    const bool shown =
        rs.phase == RecordPhase::Sending && rs.record.submission_id == r.submission_id;
    switch (delivery) {
        case Delivery::recorded:
            state_.notice = fmt::format("Decision recorded (audit record {}).", r.sequence);
            break;
        case Delivery::held:
            state_.notice = "Decision held on this computer: the team store is not reachable.";
            break;
        case Delivery::failed:
            state_.notice = fmt::format("The decision for case {} was not recorded.", r.case_ref);
            break;
    }
    if (shown && delivery == Delivery::failed) {
        // The draft and answers stay as they are: the practitioner can retry.
        rs.phase = RecordPhase::Failed;
        rs.error = std::move(message);
    } else if (shown) {
        rs.phase = delivery == Delivery::recorded ? RecordPhase::Recorded : RecordPhase::Held;
        rs.held = delivery == Delivery::held ? std::move(message) : "";
        // Not yet signed by the store (it was never reached): say whose name it will carry.
        if (r.practitioner.empty())
            r.practitioner =
                fmt::format("the name registered for the login \"{}\"", state_.sink.login);
        rs.record = std::move(r);
        rs.chain_head = std::move(head);
        if (revision == case_revision_) state_.unsaved = false;
    }
    if (state_.close_after_send) {
        state_.close_after_send = false;
        if (state_.unsaved)
            state_.confirm_close = true;
        else
            state_.close_now = true;
    }
    if (delivery == Delivery::recorded && state_.history.open)
        refresh_history(state_.history.applied, true);
}

void Session::sent(std::vector<audit::DecisionRecord> records, std::string head,
                   SinkStatus status) {
    state_.sink = std::move(status);
    if (records.empty()) return;
    RecordStatus& rs = state_.record;
    for (auto& r : records) {
        if (rs.phase != RecordPhase::Held || rs.record.submission_id != r.submission_id) continue;
        rs.phase = RecordPhase::Recorded;
        rs.held.clear();
        rs.record = r;
        rs.chain_head = head;
    }
    state_.notice =
        records.size() == 1
            ? fmt::format(
                  "The decision held for case {} is now recorded on the team store (audit "
                  "record {}).",
                  records[0].case_ref, records[0].sequence)
            : fmt::format(
                  "{} decisions held on this computer are now recorded on the team store (audit "
                  "records {} to {}).",
                  records.size(), records.front().sequence, records.back().sequence);
    if (state_.history.open) refresh_history(state_.history.applied, true);
}

void Session::on_store(const intent::SendHeld&) {
    state_.notice = "Sending the decisions held on this computer\u2026";
    recorder_->submit([this]() -> StoreWorker::Done {
        std::vector<audit::DecisionRecord> records = sink_.send_held(true);
        std::string head = records.empty() ? "" : sink_.head();
        SinkStatus status = sink_.status();
        if (status.held > status.held_refused) {
            retry_delay_ = kFirstRetry;
            recorder_->schedule_periodic(kFirstRetry);
        }
        return [this, records = std::move(records), head = std::move(head),
                status = std::move(status)]() mutable {
            bool none = records.empty();
            sent(std::move(records), std::move(head), std::move(status));
            if (none && state_.sink.held > 0)
                state_.notice =
                    state_.sink.reachable
                        ? "The team store did not take the held decisions: " +
                              state_.sink.held_refused_reason
                        : "The team store still cannot be reached: " + state_.sink.problem;
        };
    });
}

void Session::on_store(const intent::CloseWhenSent&) {
    state_.confirm_close = false;
    state_.close_after_send = true;
    state_.notice =
        "continuum closes as soon as the decision is recorded, or held on this computer.";
}

void Session::on_store(const intent::RefreshHistory&) {
    refresh_history(state_.history.applied, true);
}

void Session::refresh_history(const HistoryFilter& filter, bool verify) {
    HistoryState& h = state_.history;
    h.team = state_.sink.team;
    h.source = (h.team ? "The team store " : "The audit log ") + state_.sink.location;
    // Marked as applied now, so the view does not ask again while the load runs.
    h.applied = filter;
    h.loading = true;
    const unsigned serial = ++*history_serial_;
    auto latest = history_serial_;
    // Opens History's own handle on the store the first time (and after it could not).
    auto reader = [this](std::string& error) -> const audit::Store* {
        if (!reader_store_) reader_store_ = sink_.open_reader(error);
        return reader_store_.get();
    };
    reader_->submit([this, filter, serial, latest, reader]() -> StoreWorker::Done {
        if (serial != latest->load()) return {};  // a newer filter is already queued
        std::string error;
        const audit::Store* store = reader(error);
        if (!store)
            return [this, error] {
                HistoryState& h = state_.history;
                h.loading = h.verifying = false;
                h.unavailable = error;
            };
        HistoryPage page = read_history(*store, filter);
        return [this, page = std::move(page), serial, latest]() mutable {
            if (serial == latest->load()) show_history(state_.history, std::move(page));
        };
    });
    if (!verify) return;
    h.verifying = true;
    reader_->submit([this, reader]() -> StoreWorker::Done {
        std::string error;
        const audit::Store* store = reader(error);
        if (!store) return [this] { state_.history.verifying = false; };
        audit::VerifyReport report = store->verify();
        return [this, report = std::move(report)] { show_verify(state_.history, report); };
    });
}

}  // namespace continuum::ui
