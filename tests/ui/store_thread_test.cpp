// The audit store is never waited on by the window: recording runs on the session's recording
// thread and History's reading on its own, while frames go on being drawn; what they find is
// applied between frames, and the record step says meanwhile that the decision is being sent.
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "harness.hpp"

using namespace continuum;
using ui_test::Harness;
using Clock = std::chrono::steady_clock;

namespace {

// A store that takes as long as the test says: every append waits until released.
class SlowSink final : public ui::DecisionSink {
  public:
    bool append(audit::DecisionRecord& r, std::string&) override {
        std::unique_lock lock(mutex_);
        started_ = true;
        changed_.notify_all();
        changed_.wait(lock, [&] { return released_; });
        r.sequence = 1;
        r.recorded_at = "2026-11-24T09:41:07Z";
        r.hash = std::string(64, 'c');
        return true;
    }
    std::string head() const override { return std::string(64, 'c'); }
    std::string describe() const override { return "a slow store"; }
    void wait_started() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return started_; });
    }
    void release() {
        std::lock_guard lock(mutex_);
        released_ = true;
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool started_ = false, released_ = false;
};

// Records case `ref` into the slow store, which holds on to it; frames stop waiting for it.
void start_recording(Harness& h, SlowSink& sink, const char* ref) {
    h.session.apply(ui::intent::SetCaseRef{ref});
    h.session.scratch().draft.service_consent = 0;
    h.session.scratch().draft.sharing_basis = 0;
    h.go_to_step("record");
    h.settle = false;
    h.click("record");
    sink.wait_started();
}

}  // namespace

TEST_CASE("recording never holds up the window: frames go on while the store works",
          "[ui][store]") {
    auto owned = std::make_unique<SlowSink>();
    SlowSink& sink = *owned;
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", std::move(owned));
    start_recording(h, sink, "C-SLOW-1");
    for (int i = 0; i < 5; ++i) {
        auto before = Clock::now();
        h.frame();
        CHECK(Clock::now() - before < std::chrono::milliseconds(250));
    }
    CHECK(h.state().record.phase == ui::RecordPhase::Sending);
    CHECK(h.text.find("Recording the decision") != std::string::npos);
    CHECK_FALSE(h.shown("record"));  // no second Record while the first is on its way
    // A new case must wait: the outcome is shown on this case's record step.
    h.session.apply(ui::intent::NewCase{});
    CHECK(h.state().kase.ref == "C-SLOW-1");
    CHECK(h.state().notice.find("still being sent") != std::string::npos);

    sink.release();
    h.settle = true;
    h.frames(2);
    CHECK(h.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(h.text.find("Recorded as audit record 1") != std::string::npos);
    CHECK_FALSE(h.state().unsaved);
}

TEST_CASE("answers changed while a decision is sent stay unsaved once it is recorded",
          "[ui][store]") {
    auto owned = std::make_unique<SlowSink>();
    SlowSink& sink = *owned;
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", std::move(owned));
    start_recording(h, sink, "C-SLOW-2");
    h.session.apply(ui::intent::SetCaseRef{"C-SLOW-2B"});  // typed on meanwhile
    sink.release();
    h.settle = true;
    h.frame();
    CHECK(h.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(h.state().record.record.case_ref == "C-SLOW-2");
    CHECK(h.state().unsaved);  // the change is not in the record: closing asks first
}
