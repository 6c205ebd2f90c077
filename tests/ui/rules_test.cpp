// Headless tests of the Rules view: browsing and searching the rules in use, hot reload of a
// folder edited on disk (a broken edit keeps the last good rules; the fix applies), impact of
// a hand-built rule pair with a known answer (heat map, bar chart, filters, drill-down), and
// the diff against another folder.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../audit/audit_fixture.hpp"
#include "fixture.hpp"
#include "harness.hpp"
#include "policy_rules.hpp"
#include "ui/rules/folder_watch.hpp"
#include "ui/rules/rules_tools.hpp"

using namespace continuum;
using audit_test::TempDir;
using ui_test::Harness;
namespace fs = std::filesystem;

namespace {

const std::string kMini = std::string(CONTINUUM_TEST_DATA) + "/rules/mini";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void open_rules(Harness& h) {
    h.press(ui::keys::F6);
    REQUIRE(h.state().rules_view.open);
    h.frames(2);
}

// Runs frames until the impact job is collected (it runs on a worker thread).
void finish_impact(Harness& h) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (h.state().rules_view.impact.running && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        h.frame();
    }
    REQUIRE_FALSE(h.state().rules_view.impact.running);
    h.frames(2);
}

// On the impact tab: compares the rules in use with `base` over the default library.
void run_impact_against(Harness& h, const fs::path& base) {
    h.click("impact/base_other");
    h.session.scratch().rules_view.base_folder = base.string();
    h.frames(1);
    h.click("impact/run");
    finish_impact(h);
}

// The policy tests' pair: the candidate adds rule b_targeted; 18 grid cases, worked by hand.
struct RulePair {
    TempDir dir;
    fs::path base = dir.path / "base", candidate = dir.path / "candidate";
    RulePair() {
        write(base / "base.toml", fixture::kBase);
        write(base / "x.toml", policy::base_rules());
        write(candidate / "base.toml", fixture::kBase);
        write(candidate / "x.toml",
              policy::base_rules("8",
                                 "[[rule]]\nid = \"b_targeted\"\nlevel = \"targeted\"\ndomain = "
                                 "\"d\"\nsays = \"b\"\nwhen = \"b\"\ncites = [\"src\"]\n"));
        write(candidate / "cases" / "library.jsonl", policy::grid_library());
    }
};

}  // namespace

TEST_CASE("Rules lists each rule with its condition in words, citation and place", "[ui][rules]") {
    Harness h(kMini);
    open_rules(h);
    CHECK(contains(h.text, "dv_incidents"));
    CHECK(contains(h.text, "Incidents of domestic abuse in the home"));
    // The choice id "incidents" is shown by its label; `==` in words.
    CHECK(contains(h.text, "When: domestic_abuse is \u201CIncidents\u201D"));
    CHECK(contains(h.text, "Unless: supportive_family"));
    CHECK(contains(h.text, "(Supportive wider family is involved)"));
    CHECK(contains(h.text, "logic.toml:"));
    CHECK(contains(h.text, "Source: "));
    CHECK(contains(h.text,
                   "at least 2 of the indicators of level targeted, across at least 2 domains"));

    // Grouped by domain, and by route and trigger.
    h.click("rules/by_route");
    CHECK(h.session.scratch().rules_view.grouping == ui::RulesGrouping::Route);
    CHECK_FALSE(contains(h.text, "dv_incidents"));
    h.click("rules/by_domain");
    CHECK(contains(h.text, "dv_incidents"));
}

TEST_CASE("the Rules search filters by id, words and citation", "[ui][rules]") {
    Harness h(kMini);
    open_rules(h);
    std::size_t all = h.state().rules_view.catalogue.size();
    REQUIRE(all > 3);
    h.click("rules/search");
    ImGui::GetIO().AddInputCharactersUTF8("supportive wider");
    h.frames(3);
    CHECK(contains(h.text, "1 of " + std::to_string(all) + " shown"));
    CHECK(contains(h.text, "dv_incidents"));
    CHECK_FALSE(contains(h.text, "health_unmet"));

    h.click("rules/by_level");  // leaves the search box, so the test can set it directly
    auto search = [&](const char* text) {
        h.session.scratch().rules_view.search = text;
        h.frames(2);
    };
    search("combinations");  // the pinpoint of a citation
    CHECK(contains(h.text, "1 of "));
    CHECK(contains(h.text, "targeted_across_domains"));
    search("ATTENDANCE");  // an id, in any case
    CHECK(contains(h.text, "attendance"));
    CHECK_FALSE(contains(h.text, "dv_incidents"));
    search("no such words");
    CHECK(contains(h.text, "0 of "));
    CHECK(contains(h.text, "Nothing in the rules in use matches"));
}

TEST_CASE("a broken edit on disk keeps the last good rules and shows where; the fix applies",
          "[ui][rules][reload]") {
    TempDir dir;
    fs::path folder = dir.path / "mini";
    fs::copy(kMini, folder, fs::copy_options::recursive);
    Harness h(folder.string());
    ui::FolderWatch watch(folder);
    CHECK(watch.files() == 3);
    CHECK_FALSE(watch.changed());
    auto good = h.state().rules;

    // A typo in a condition: an unknown name.
    std::string logic = read(folder / "logic.toml");
    std::string broken = logic;
    broken.replace(broken.find("when = \"health_needs_unmet\""), 27,
                   "when = \"health_needs_unmett\"");
    write(folder / "logic.toml", broken);
    REQUIRE(watch.changed());
    CHECK_FALSE(watch.changed());  // once per change
    h.session.apply(ui::intent::RulesChangedOnDisk{});
    CHECK(h.state().rules == good);
    CHECK(h.state().rules_status.last_load_failed);
    open_rules(h);
    CHECK(contains(h.text, "The latest edit has errors: the last good rules are still in use"));
    h.click("rules/tab/diagnostics");
    CHECK(contains(h.text, "logic.toml:26:"));
    CHECK(contains(h.text, "health_needs_unmett"));
    // The catalogue is still the last good one.
    h.click("rules/tab/browse");
    CHECK(contains(h.text, "When: health_needs_unmet"));

    // The fix, with a new rule: applied.
    std::string fixed = logic +
                        "\n[[rule]]\nid = \"new_rule\"\nlevel = \"targeted\"\ndomain = "
                        "\"family\"\nsays = \"A rule added while continuum ran\"\nwhen = "
                        "\"parent_substance_misuse and health_needs_unmet\"\ncites = "
                        "[\"threshold#parenting\"]\n";
    write(folder / "logic.toml", fixed);
    REQUIRE(watch.changed());
    h.session.apply(ui::intent::RulesChangedOnDisk{});
    CHECK(h.state().rules != good);
    CHECK_FALSE(h.state().rules_status.last_load_failed);
    h.frames(2);
    CHECK(contains(h.text, "new_rule"));
    CHECK(contains(h.text, "A rule added while continuum ran"));
    CHECK_FALSE(contains(h.text, "The latest edit has errors"));

    // A removed file is a change too.
    fs::remove(folder / "questions.toml");
    CHECK(watch.changed());
    CHECK(watch.files() == 2);
}

TEST_CASE("impact of the rules in use against a base: totals, heat map, bars, drill-down",
          "[ui][rules][impact]") {
    RulePair pair;
    Harness h(pair.candidate.string());
    open_rules(h);
    h.click("rules/tab/impact");
    // The library defaults to the rule set's cases/library.jsonl.
    CHECK(h.session.scratch().rules_view.library ==
          (pair.candidate / "cases" / "library.jsonl").string());
    run_impact_against(h, pair.base);
    const auto& im = h.state().rules_view.impact;
    REQUIRE(im.error.empty());
    REQUIRE(im.report);
    const auto& r = *im.report;
    // As worked out in tests/policy/impact_test.cpp.
    CHECK(r.evaluated == 18);
    CHECK(r.outcome_changed == 4);
    CHECK(r.level_changed == 2);
    CHECK(r.reasoning_only == 8);
    CHECK(r.transitions == std::vector<std::vector<std::size_t>>{{4, 2, 0}, {0, 6, 0}, {0, 0, 6}});
    CHECK(contains(h.text, "Complete: 18 cases"));
    CHECK(contains(h.text, "4 change outcome (2 change level), 8 change reasoning only"));
    // One bar (rule b_targeted) and a 3 x 3 heat map.
    CHECK(h.shown("chart/groups/0"));
    CHECK_FALSE(h.shown("chart/groups/1"));
    CHECK(h.shown("heat/transitions/2/2"));

    // The cases whose outcome changes are listed; all changed ones on asking; the heat map
    // cell Universal -> Targeted narrows to 2.
    auto listed_cases = [&] {
        std::size_t n = 0;
        for (const auto& i : h.items)
            n += i.key.rfind("impact/case/", 0) == 0;
        return n;
    };
    CHECK(listed_cases() == r.outcome_changed);
    h.click("impact/outcome_only");
    CHECK(listed_cases() == r.changes.size());
    h.click("heat/transitions/0/1");
    REQUIRE(h.session.scratch().rules_view.cell == std::make_pair(0, 1));
    CHECK(listed_cases() == 2);
    // a = no, b = yes, score 2 or 5: the 10th and 11th grid cases.
    CHECK(h.shown("impact/case/G-10"));
    CHECK(h.shown("impact/case/G-11"));

    // The bar narrows to the rule's cases.
    h.click("chart/groups/0");
    CHECK(h.session.scratch().rules_view.group_filter == 0);
    CHECK_FALSE(h.session.scratch().rules_view.cell);
    CHECK(contains(h.text, "Changed by rule b_targeted"));

    // Drill-down: both traces side by side, the new rule fired only on the right.
    h.click("impact/case/G-10");
    REQUIRE(im.opened);
    CHECK(im.opened->ref == "G-10");
    CHECK(im.opened->error.empty());
    auto fired = [](const std::vector<engine::TraceEntry>& t, const std::string& id) {
        for (const auto& e : t)
            if (e.id == id && e.status == engine::Tri::True) return true;
        return false;
    };
    CHECK_FALSE(fired(im.opened->base_trace, "b_targeted"));
    CHECK(fired(im.opened->candidate_trace, "b_targeted"));
    // The new rule is marked as differing; the route both agree on is not.
    for (std::size_t i = 0; i < im.opened->candidate_trace.size(); ++i) {
        const auto& e = im.opened->candidate_trace[i];
        if (e.id == "b_targeted") CHECK(im.opened->candidate_differs[i]);
    }
    CHECK(contains(h.text, "Not so under the other rule set:"));
    CHECK(contains(h.text, "Case G-10"));
    CHECK(contains(h.text, "Level: Targeted"));
    h.click("impact/close_case");
    CHECK_FALSE(im.opened);
}

TEST_CASE("impact shows the library lines it could not read, and how many", "[ui][rules][impact]") {
    RulePair pair;
    // Two lines a policy officer's export might hold by mistake, after the 18 good ones.
    write(
        pair.candidate / "cases" / "library.jsonl",
        policy::grid_library() + "[case]\n" +
            R"({"ref":"G-99","referred_at":"2026-03-02T10:00:00","answers":{"a":true,"a":false}})" +
            "\n");
    Harness h(pair.candidate.string());
    open_rules(h);
    h.click("rules/tab/impact");
    run_impact_against(h, pair.base);
    const auto& im = h.state().rules_view.impact;
    REQUIRE(im.report);
    CHECK(im.report->evaluated == 18);
    CHECK(im.report->failed == 2);
    CHECK(h.shown("impact/unreadable"));
    CHECK(contains(h.text,
                   "2 of 20 lines of the library could not be read: those cases are "
                   "left out of every figure here."));
    CHECK(contains(h.text, "Line 19, column 2: this line is not valid JSON"));
    CHECK(contains(h.text, "Line 20, column 71: \"a\" is given twice in one object"));
}

TEST_CASE("impact against the rules at start follows an edit on disk", "[ui][rules][impact]") {
    RulePair pair;
    Harness h(pair.base.string());
    write(pair.base / "cases" / "library.jsonl", policy::grid_library());
    open_rules(h);
    h.click("rules/tab/impact");
    h.click("impact/run");
    finish_impact(h);
    REQUIRE(h.state().rules_view.impact.report);
    CHECK(h.state().rules_view.impact.report->outcome_changed == 0);
    CHECK(contains(h.text, "the rules as they were at start"));
    CHECK(contains(h.text, "The rules in use are the same as the base"));

    // The policy officer adds the rule in a text editor; impact runs again by itself.
    write(pair.base / "x.toml", read(pair.candidate / "x.toml"));
    h.session.apply(ui::intent::RulesChangedOnDisk{});
    finish_impact(h);
    REQUIRE(h.state().rules_view.impact.report);
    CHECK(h.state().rules_view.impact.report->outcome_changed == 4);
    CHECK(h.state().rules_view.impact.runs == 2);
}

TEST_CASE("impact explains a missing library or a broken base", "[ui][rules][impact]") {
    RulePair pair;
    Harness h(pair.candidate.string());
    h.session.apply(ui::intent::RunImpact{(pair.dir.path / "none.jsonl").string(), ""});
    finish_impact(h);
    CHECK(contains(h.state().rules_view.impact.error, "Cannot open the case library"));
    // A device that never ends a line, and a folder: refused, not read.
    for (const std::string& not_a_file : {std::string("/dev/zero"), pair.dir.path.string()}) {
        h.session.apply(ui::intent::RunImpact{not_a_file, ""});
        finish_impact(h);
        CHECK(contains(h.state().rules_view.impact.error,
                       "The case library " + not_a_file + " is not a file"));
        CHECK_FALSE(h.state().rules_view.impact.running);
    }
    write(pair.base / "x.toml", "[[rule]]\nid = \"broken\"\n");
    h.session.apply(ui::intent::RunImpact{(pair.candidate / "cases/library.jsonl").string(),
                                          pair.base.string()});
    CHECK(contains(h.state().rules_view.impact.error, "The base rule set in"));
    CHECK(contains(h.state().rules_view.impact.error, "x.toml:"));
    CHECK_FALSE(h.state().rules_view.impact.running);
}

TEST_CASE("the diff view shows old and new conditions side by side", "[ui][rules][diff]") {
    RulePair pair;
    write(pair.base / "x.toml", policy::base_rules("7"));  // score_high at 7 before
    Harness h(pair.candidate.string());
    open_rules(h);
    h.click("rules/tab/diff");
    h.session.scratch().rules_view.diff_folder = pair.base.string();
    h.click("diff/compare");
    const auto& d = h.state().rules_view.diff;
    REQUIRE(d.error.empty());
    REQUIRE(d.diff);
    CHECK(d.diff->count(engine::DiffChange::Added) == 1);
    CHECK(d.diff->count(engine::DiffChange::Changed) == 1);
    CHECK(contains(h.text, "1 new, 0 removed, 1 changed"));
    CHECK(contains(h.text, "score >= 7"));
    CHECK(contains(h.text, "score >= 8"));
    CHECK(contains(h.text, "b_targeted"));
    CHECK(contains(h.text, "(not defined)"));
}
