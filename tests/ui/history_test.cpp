// Headless tests of the History view: it lists what the audit log holds, filters narrow the
// list, a record opens read-only with its reason and answers, a tampered log is reported as
// broken at the record changed, and the list exports.
#include "../audit/audit_fixture.hpp"
#include "harness.hpp"
#include "ui/triage/audit_sink.hpp"

using namespace continuum;
using audit_test::TempDir;
using ui_test::Harness;

namespace {

// A log holding `n` sample records (overrides on odd numbers, Sam Okafor on multiples of 3),
// opened by the GUI through the same sink the application uses.
struct HistoryFixture {
    TempDir dir;
    std::filesystem::path file = dir / "audit.sqlite";
    explicit HistoryFixture(int n) {
        if (n > 0) audit_test::fill(file, n);
    }
    std::unique_ptr<ui::DecisionSink> sink() const { return ui::open_audit_sink(file.string()); }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void open_history(Harness& h) {
    h.press(ui::keys::F3);
    REQUIRE(h.state().history.open);
    h.frames(2);
}

void fill_case(Harness& h, const char* ref) {
    h.session.apply(ui::intent::SetCaseRef{ref});
    h.session.apply(ui::intent::SetAnswer{
        h.question("health_needs_unmet"),
        {engine::AnswerState::Answered, engine::Value::boolean(engine::Tri::True), ""}});
    h.session.scratch().draft.service_consent = 0;
    h.session.scratch().draft.sharing_basis = 0;
}

}  // namespace

TEST_CASE("History lists the decisions in the audit log, newest first", "[ui][history]") {
    HistoryFixture log(3);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    const auto& hist = h.state().history;
    REQUIRE(hist.records.size() == 3);
    CHECK(hist.records.front().sequence == 3);
    CHECK(hist.selected == 3);
    for (const char* ref : {"C-2026-1001", "C-2026-1002", "C-2026-1003"})
        CHECK(contains(h.text, ref));
    CHECK(contains(h.text, "Sam Okafor"));
    CHECK(contains(h.text, "! Overridden"));
    CHECK(contains(h.text, "Agreed"));
    CHECK(contains(h.text, "Chain verified: 3 records, head "));
    CHECK(contains(h.text, "3 of 3 recorded decisions"));
    // Drawing reads nothing from the store.
    unsigned loads = hist.loads, verifies = hist.verifies;
    h.frames(5);
    CHECK(hist.loads == loads);
    CHECK(hist.verifies == verifies);
}

TEST_CASE("a decision recorded in the GUI appears in History, chain rechecked", "[ui][history]") {
    HistoryFixture log(2);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    fill_case(h, "C-NEW-7");
    h.go_to_step("record");
    h.click("record");
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);
    open_history(h);
    REQUIRE(h.state().history.records.size() == 3);
    CHECK(h.state().history.records.front().case_ref == "C-NEW-7");
    CHECK(contains(h.text, "Test Practitioner"));
    CHECK(contains(h.text, "Chain verified: 3 records"));
    // Recording while History is open reloads it and rechecks the chain.
    unsigned verifies = h.state().history.verifies;
    fill_case(h, "C-NEW-8");
    h.session.apply(ui::intent::Record{});
    h.session.wait_for_store();
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);
    h.frames(2);
    CHECK(h.state().history.records.size() == 4);
    CHECK(h.state().history.verifies == verifies + 1);
    CHECK(contains(h.text, "C-NEW-8"));
    CHECK(contains(h.text, "Chain verified: 4 records"));
}

TEST_CASE("History filters narrow the list", "[ui][history]") {
    HistoryFixture log(6);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    REQUIRE(h.state().history.records.size() == 6);
    auto& f = h.session.scratch().history.filter;
    const auto& records = h.state().history.records;

    f.practitioner = "Sam Okafor";  // records 3 and 6
    h.frames(2);
    REQUIRE(records.size() == 2);
    CHECK(records[0].sequence == 6);
    CHECK(records[1].sequence == 3);
    CHECK(contains(h.text, "2 of 6 recorded decisions"));

    f = {};
    f.level = "level3";  // decided level3 on the overrides: 1, 3, 5
    h.frames(2);
    CHECK(records.size() == 3);

    f = {};
    f.route = "s47";  // s47 decided "cannot rule out" on the even records
    h.frames(2);
    REQUIRE(records.size() == 3);
    for (const auto& r : records)
        CHECK(r.sequence % 2 == 0);

    f = {};
    // Typed into the search box (which has the focus), matching the override reason
    // case-insensitively.
    ImGui::GetIO().AddInputCharactersUTF8("grandmother");
    h.frames(2);
    CHECK(f.text == "grandmother");
    CHECK(records.size() == 3);

    h.click("history/clear");  // leaves the search box, as a user would
    f.from = "2999-01-01";
    h.frames(2);
    CHECK(records.empty());
    CHECK(contains(h.text, "No recorded decision matches these filters."));

    f.from = "2026-13-40";
    h.frames(2);
    CHECK(records.size() == 6);  // the malformed date is left out, and said so
    CHECK(contains(h.text, "The 'from' date '2026-13-40' is not a date"));

    h.click("history/clear");
    CHECK(f == ui::HistoryFilter{});
    CHECK(records.size() == 6);
}

TEST_CASE("opening a recorded decision shows its reason, answers and consent", "[ui][history]") {
    HistoryFixture log(4);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    h.click("history/row/3");
    REQUIRE(h.state().history.selected == 3);
    CHECK(contains(h.text, "Record 3: case C-2026-1003"));
    CHECK(contains(h.text, "Overridden (discretionary)"));
    CHECK(contains(h.text, "Grandmother now living in; bruising explained by the GP."));
    CHECK(contains(h.text, "child_age_months"));
    CHECK(contains(h.text, "explanation_consistent"));
    CHECK(contains(h.text, "? Unknown"));
    CHECK(contains(h.text, "Not sought (seeking it would increase the risk)"));
    CHECK(contains(h.text, "public task / safeguarding (no consent needed)"));
    h.click("history/row/2");
    CHECK(h.state().history.selected == 2);
    CHECK(contains(h.text, "Agreed with the suggestion"));
}

TEST_CASE("a recorded decision's trace comes from its stored evaluation", "[ui][history]") {
    HistoryFixture log(0);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    fill_case(h, "C-TRACE-1");
    // A "no" answer, so the trace has a rule that did not fire.
    h.session.apply(ui::intent::SetAnswer{
        h.question("parent_substance_misuse"),
        {engine::AnswerState::Answered, engine::Value::boolean(engine::Tri::False), ""}});
    h.go_to_step("record");
    h.click("record");
    REQUIRE(h.state().record.phase == ui::RecordPhase::Recorded);
    // Tall enough that the whole trace is drawn (the text check sees only what is drawn).
    ImGui::GetIO().DisplaySize = ImVec2(1440, 4000);
    open_history(h);
    CHECK(contains(h.text, "Record 1: case C-TRACE-1"));
    // The mini rule set's question is shown by its prompt, since it is the rule set loaded.
    const auto& q = h.state().rules->questions[h.question("health_needs_unmet")];
    CHECK(contains(h.text, q.prompt));
    CHECK_FALSE(contains(h.text, "\u2713 fired"));
    h.activate("history/trace");
    CHECK(contains(h.text, "\u2713 fired"));
    CHECK_FALSE(contains(h.text, "\u2717 not fired"));
    h.activate("history/show_not_fired");
    CHECK(h.session.scratch().history.show_not_fired);
    CHECK(contains(h.text, "\u2717 not fired"));
}

TEST_CASE("a tampered log shows where the chain is broken", "[ui][history]") {
    HistoryFixture log(9);
    audit_test::drop_triggers(log.file);
    REQUIRE(audit_test::raw_exec(log.file,
                                 "UPDATE decision SET reason = 'edited' WHERE sequence = 7") == "");
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    CHECK_FALSE(h.state().history.chain_ok);
    CHECK(contains(h.text, "Chain broken at record 7: changed."));
    CHECK_FALSE(contains(h.text, "Chain verified"));
}

TEST_CASE("a log whose triggers were dropped shows its protection damaged", "[ui][history]") {
    HistoryFixture log(3);
    REQUIRE(audit_test::raw_exec(log.file, "DROP TRIGGER decision_no_update") == "");
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    CHECK_FALSE(h.state().history.chain_ok);  // the chain holds, but records can be changed
    CHECK(contains(h.text, "Chain verified: 3 records"));
    CHECK(contains(h.text, "Protection damaged: The trigger decision_no_update, which refuses "
                           "changes to recorded decisions, is missing (dropped)"));
}

TEST_CASE("History exports the listed decisions to CSV and JSON Lines", "[ui][history]") {
    HistoryFixture log(5);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    auto& hs = h.session.scratch().history;
    hs.filter.practitioner = "Alex Rivers";  // 1, 2, 4, 5
    h.frames(2);
    REQUIRE(h.state().history.records.size() == 4);

    hs.export_path = (log.dir / "decisions.csv").string();
    h.click("history/csv");
    h.click("history/export");
    std::string csv = audit_test::read_bytes(hs.export_path);
    std::size_t lines = 0;
    for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2))
        ++lines;
    CHECK(lines == 5);  // header + 4 records
    CHECK_FALSE(contains(csv, "Sam Okafor"));
    CHECK(contains(h.text, "Exported 4 records to"));

    hs.export_path = (log.dir / "decisions.jsonl").string();
    hs.export_format = ui::ExportFormat::Jsonl;
    h.click("history/export");
    std::string jsonl = audit_test::read_bytes(hs.export_path);
    REQUIRE(std::count(jsonl.begin(), jsonl.end(), '\n') == 4);
    // Oldest first, as the log holds them.
    CHECK(nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n')))["sequence"] == 1);

    hs.export_path = (log.dir / "no-such-folder" / "x.csv").string();
    h.click("history/export");
    CHECK(h.state().history.export_failed);
    CHECK(contains(h.text, "Could not write"));
    CHECK_FALSE(std::filesystem::exists(hs.export_path + ".part"));
}

TEST_CASE("History is reached and left with the keyboard", "[ui][history]") {
    HistoryFixture log(2);
    Harness h(std::string(CONTINUUM_TEST_DATA) + "/rules/mini", log.sink());
    open_history(h);
    const int esc = ImGui::GetIO().KeyMap[ImGuiKey_Escape];
    // The search box has focus: the first Escape leaves it, the second closes History.
    h.press(esc);
    h.press(esc);
    CHECK_FALSE(h.state().history.open);
    h.frames(2);
    CHECK_FALSE(contains(h.text, "Chain verified"));
    // The status bar button opens it too.
    h.click("open_history");
    CHECK(h.state().history.open);
}

TEST_CASE("History says plainly when there is no audit log to read", "[ui][history]") {
    Harness h;  // records to memory: no store behind it
    open_history(h);
    CHECK(contains(h.text, "No audit log is open"));
}
