// The GUI over the team store, headless (the real views and session, no window): decisions
// recorded under the signed-in login whatever Settings say; with the server down the record
// step says plainly that the decision is held in the outbox on this computer, the report says
// so too, and it is recorded once when the server is back; the window goes on drawing while
// the network does not answer; History lists the whole team's decisions.
#include <chrono>
#include <thread>

#include "flaky_network.hpp"
#include "pg_fixture.hpp"
#include "ui/harness.hpp"
#include "ui/triage/audit_sink.hpp"
#include "ui/triage/team_sink.hpp"

using namespace pg_test;
namespace ui = continuum::ui;
using ui_test::Harness;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

const std::string kSurrey = std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The bruised baby case on the record step, consent not sought, shared to safeguard.
void fill_record_step(Harness& h, const char* ref = nullptr) {
    std::string error;
    REQUIRE(h.session.open_case(kSurrey + "/cases/bruised-baby.toml", error));
    if (ref) h.session.apply(ui::intent::SetCaseRef{ref});
    h.session.select_step("record");
    ui::RecordDraft& d = h.session.scratch().draft;
    d.service_consent = 2;
    d.sharing_basis = 1;
    d.consent_note = "Seeking consent could alert the adult thought to be causing harm.";
    h.frames(2);
}

void record(Harness& h) {
    h.press(ui::keys::Enter, true);  // Ctrl+Enter
}

}  // namespace

TEST_CASE("the GUI records to the team store under the login, never the name in Settings",
          "[pg][session]") {
    TeamStore t;
    audit_test::TempDir dir;
    Harness h(kSurrey, ui::open_audit_sink(t.as("sam"), dir / "outbox.sqlite"));
    // The harness's Settings name is "Test Practitioner": not what is recorded.
    h.frame();
    CHECK(h.state().sink.team);
    CHECK(h.state().sink.recorded_as == "Sam Okafor, Social worker, MASH");
    CHECK(contains(h.state().sink.description, "as Sam Okafor"));
    CHECK_FALSE(contains(h.state().sink.description, TeamStore::kPassword));
    CHECK(contains(h.text, "Sam Okafor, Social worker, MASH"));  // the status bar

    // Without a name in Settings the decision can still be recorded: the login names it.
    ui::Settings nameless = h.state().settings;
    nameless.practitioner.clear();
    h.session.apply(ui::intent::ApplySettings{nameless});
    fill_record_step(h);
    record(h);
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(h.state().record.record.practitioner == "Sam Okafor");
    CHECK(h.state().record.record.role == "Social worker, MASH");
    CHECK(contains(h.text, "Recorded as audit record 1"));
    CHECK(contains(h.text, "On the team store postgresql://sam@127.0.0.1"));

    // Settings say the typed name is not used here.
    h.session.apply(ui::intent::OpenSettings{});
    h.frames(2);
    CHECK(contains(h.text, "Not used on the team store: decisions are recorded as Sam Okafor"));
    // The audit log field takes a connection string, but will not save a password in it.
    h.session.scratch().settings_edit.audit_file = t.as("sam");
    h.frames(2);
    CHECK(contains(h.text, "A team store (PostgreSQL): postgresql://sam@127.0.0.1"));
    CHECK(contains(h.text, "holds a password"));
    h.click("settings/save");
    CHECK(h.state().settings.audit_file.empty());
    const std::string no_password = "host=127.0.0.1 dbname=" + t.db + " user=sam";
    h.session.scratch().settings_edit.audit_file = no_password;
    h.frames(2);
    CHECK_FALSE(contains(h.text, "holds a password"));
    h.click("settings/save");
    CHECK(h.state().settings.audit_file == no_password);
}

TEST_CASE("with the server down the GUI holds the decision in the outbox, then records it once",
          "[pg][session]") {
    TeamStore t;
    audit_test::TempDir dir;
    Harness h(kSurrey, ui::open_audit_sink(t.as("sam"), dir / "outbox.sqlite"));
    fill_record_step(h, "C-OUTBOX-1");
    {
        ResumeServer resume;
        cluster("kill");
        record(h);
        const ui::RecordStatus& rs = h.state().record;
        REQUIRE(rs.phase == ui::RecordPhase::Held);
        CHECK(contains(h.text, "Held in the outbox on this computer: not yet on the team store"));
        CHECK(contains(h.text, "will be sent by itself when the team store can be reached"));
        CHECK(contains(h.text, "Outbox: 1 held"));
        CHECK(contains(h.text, "to be recorded as Sam Okafor"));
        // Nothing is lost by closing now: it is on this computer's disk.
        CHECK_FALSE(h.state().unsaved);
        h.session.apply(ui::intent::RequestClose{});
        CHECK(h.state().close_now);
        // The report says where the decision is.
        h.session.apply(ui::intent::CopyReport{});
        auto report = h.session.take_clipboard();
        REQUIRE(report);
        CHECK(contains(*report, "Not yet in the audit log: held on this computer"));
        CHECK(contains(*report, rs.record.submission_id));
        // Send now, still down: it stays held, and the notice says why.
        h.activate("record/send_now");
        CHECK(h.state().record.phase == ui::RecordPhase::Held);
        CHECK(contains(h.state().notice, "still cannot be reached"));
    }
    // The server is back: Send now records it, once.
    h.activate("record/send_now");
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(h.state().record.record.sequence == 1);
    CHECK(h.state().record.record.case_ref == "C-OUTBOX-1");
    CHECK(h.state().sink.held == 0);
    CHECK(contains(h.text, "Recorded as audit record 1"));
    CHECK_FALSE(contains(h.text, "Outbox:"));
    h.session.apply(ui::intent::CopyReport{});
    CHECK(contains(*h.session.take_clipboard(), "Record hash: " + h.state().record.record.hash));
    auto ana = t.open("ana");
    CHECK(ana->count() == 1);
    CHECK(ana->verify().ok);
}

TEST_CASE("the window goes on drawing while the team store does not answer", "[pg][session]") {
    TeamStore t;
    audit_test::TempDir dir;
    FlakyNetwork net(std::stoi(cluster_state().at("PG_PORT")));
    net.set(FlakyNetwork::Mode::blackhole);
    Harness h(kSurrey,
              std::make_unique<ui::TeamSink>(t.via(net.port(), "sam"), dir / "outbox.sqlite",
                                             continuum::audit::pg::Timeouts{1500ms, 3000ms}));
    fill_record_step(h);
    h.settle = false;  // as the real frame loop: never waits for the store
    record(h);
    const auto started = Clock::now();
    int frames = 0;
    bool said_sending = false, asked_to_wait = false;
    while (h.state().record.phase == ui::RecordPhase::Sending && Clock::now() - started < 10s) {
        auto before = Clock::now();
        h.frame();
        CHECK(Clock::now() - before < 250ms);  // a frame never waits for the network
        ++frames;
        std::this_thread::sleep_for(15ms);  // about the pace of a real frame loop
        said_sending = said_sending || contains(h.text, "Sending the decision to the team store");
        if (frames == 3) {
            // Closing now asks to wait: the decision is neither recorded nor held yet.
            h.session.apply(ui::intent::RequestClose{});
            CHECK_FALSE(h.state().close_now);
            h.frame();
            asked_to_wait = contains(h.text, "still being sent");
            h.session.apply(ui::intent::CloseWhenSent{});
        }
    }
    CHECK(frames >= 5);
    CHECK(said_sending);
    CHECK(asked_to_wait);
    h.settle = true;
    h.frame();
    CHECK(h.state().record.phase == ui::RecordPhase::Held);
    CHECK(h.state().close_now);  // held safely: the close asked for goes ahead
}

TEST_CASE("History on the team store lists everyone's decisions, with the same filters",
          "[pg][session]") {
    TeamStore t;
    audit_test::TempDir dir;
    {
        Harness alex(kSurrey, ui::open_audit_sink(t.as("alex"), dir / "alex-outbox.sqlite"));
        fill_record_step(alex, "C-TEAM-1");
        record(alex);
        REQUIRE(alex.state().record.phase == ui::RecordPhase::Recorded);
    }
    Harness h(kSurrey, ui::open_audit_sink(t.as("sam"), dir / "outbox.sqlite"));
    fill_record_step(h, "C-TEAM-2");
    record(h);
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);

    h.press(ui::keys::F3);
    h.frames(2);
    const ui::HistoryState& hist = h.state().history;
    REQUIRE(hist.records.size() == 2);
    CHECK(hist.team);
    CHECK(contains(h.text, "the decisions of everyone who records there"));
    CHECK(contains(h.text, "Chain verified: 2 records"));
    CHECK(contains(h.text, "Alex Rivers"));
    CHECK(contains(h.text, "Sam Okafor"));
    CHECK(hist.practitioners == std::vector<std::string>{"Alex Rivers", "Sam Okafor"});
    unsigned loads = hist.loads, verifies = hist.verifies;
    h.frames(5);
    CHECK(hist.loads == loads);  // never read per frame
    CHECK(hist.verifies == verifies);

    h.session.scratch().history.filter.practitioner = "Alex Rivers";
    h.frames(2);
    REQUIRE(hist.records.size() == 1);
    CHECK(hist.records[0].case_ref == "C-TEAM-1");
    h.session.scratch().history.filter = {};
    h.frames(2);
    ImGui::GetIO().AddInputCharactersUTF8("team-2");  // typed into the search box
    h.frames(2);
    REQUIRE(hist.records.size() == 1);
    CHECK(hist.records[0].practitioner == "Sam Okafor");

    // The server goes away: History says so, keeps what it listed, and reads again on request.
    {
        ResumeServer resume;
        cluster("kill");
        h.activate("history/clear");
        CHECK(contains(hist.unavailable, "could not be read"));
        CHECK(hist.records.size() == 1);
    }
    h.activate("history/retry");
    CHECK(hist.unavailable.empty());
    CHECK(hist.records.size() == 2);
}
