// The GUI session on the team store, headless: decisions recorded under the signed-in login
// whatever Settings say, and with the server down the decision stays on screen, plainly not
// recorded, for the practitioner to record again once it is back (the Retry path).
#include "ui/session.hpp"
#include "pg_fixture.hpp"
#include "ui/audit_sink.hpp"

using namespace pg_test;
namespace ui = continuum::ui;

namespace {

void fill_record_step(ui::Session& session) {
    std::string error;
    REQUIRE(session.open_case(
        std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey/cases/bruised-baby.toml", error));
    session.select_step("record");
    ui::RecordDraft& d = session.scratch().draft;
    d.service_consent = 2;
    d.sharing_basis = 1;
    d.consent_note = "Seeking consent could alert the adult thought to be causing harm.";
}

}  // namespace

TEST_CASE("the GUI session records to the team store under the login, and retries after an outage",
          "[pg][session]") {
    TeamStore t;
    auto sink = ui::open_audit_sink(t.as("sam"));
    CHECK(sink->describe().find("as Sam Okafor") != std::string::npos);
    CHECK(sink->describe().find(TeamStore::kPassword) == std::string::npos);
    ui::Settings settings;
    settings.practitioner = "Somebody Typed This";  // never what the team store records
    settings.role = "MASH social worker";
    ui::Session session(*sink, settings);
    REQUIRE(session.load_rules(std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey"));

    fill_record_step(session);
    session.apply(ui::intent::Record{});
    REQUIRE(session.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(session.state().record.record.practitioner == "Sam Okafor");
    CHECK(session.state().record.record.role == "Social worker, MASH");

    fill_record_step(session);
    {
        ResumeServer resume;
        cluster("kill");
        session.apply(ui::intent::Record{});
        CHECK(session.state().record.phase == ui::RecordPhase::Failed);
        const std::string& error = session.state().record.error;
        CHECK(error.find("not recorded") != std::string::npos);
        CHECK(error.find("could not be reached") != std::string::npos);
    }
    // The draft is still there; recording again once the server is back records it once.
    session.apply(ui::intent::Record{});
    REQUIRE(session.state().record.phase == ui::RecordPhase::Recorded);
    CHECK(session.state().record.record.sequence == 2);
    auto ana = t.open("ana");
    CHECK(ana->count() == 2);
    CHECK(ana->verify().ok);
}
