// Headless tests of the Overrides view (F9) over the hand-worked log (tests/audit/stats_log.hpp,
// where every figure is worked out by hand): the figures are worked out once on a worker, never
// per frame; each chart's bar or cell opens History on exactly the decisions behind it; a bad
// date keeps the figures shown; no store and a damaged chain are said plainly.
#include "../audit/audit_fixture.hpp"
#include "../audit/stats_log.hpp"
#include "audit/stats_render.hpp"
#include "engine/ruleset/load.hpp"
#include "harness.hpp"
#include "ui/triage/audit_sink.hpp"

using namespace continuum;
using audit_test::TempDir;
using ui_test::Harness;

namespace {

using Seqs = std::vector<std::int64_t>;

struct StatsFixture {
    TempDir dir;
    std::filesystem::path file = dir / "audit.sqlite";
    StatsFixture() { stats_log::write(*audit_test::open_store(file)); }
    std::unique_ptr<ui::DecisionSink> sink() const { return ui::open_audit_sink(file.string()); }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void settle(Harness& h) {
    h.session.wait_for_jobs();  // the worker's figures, collected as the frame loop would
    h.frames(3);
}

void open_overrides(Harness& h) {
    h.press(ui::keys::F9);
    REQUIRE(h.state().overrides.open);
    settle(h);
}

// The sequence numbers History lists, newest first.
Seqs listed(const Harness& h) {
    Seqs out;
    for (const auto& r : h.state().history.records)
        out.push_back(r.sequence);
    return out;
}

// The rule set the hand-worked log was recorded under ("fixture"): its words label the charts.
std::string kMini = std::string(CONTINUUM_SOURCE_DIR) + "/tests/cli/data/mini";

}  // namespace

TEST_CASE("Overrides shows the hand-worked figures, worked out once off the frame loop",
          "[ui][overrides]") {
    StatsFixture log;
    Harness h(kMini, log.sink());
    open_overrides(h);
    const ui::OverridesState& o = h.state().overrides;
    REQUIRE(o.have);
    CHECK(o.computed == 1);
    CHECK_FALSE(o.working);
    CHECK(o.stats.totals.decisions == 18);
    CHECK(contains(h.text, "Chain intact, 18 records"));
    CHECK(contains(h.text,
                   "18 decisions: 10 (55.6%) agreed with the suggestion, 8 (44.4%) overridden "
                   "(level raised 3, lowered 4; a route finding changed 5)."));
    CHECK(contains(h.text, "5 of 18 decisions, 27.8%."));
    CHECK(contains(h.text,
                   "Rule set Fixture (fixture), version 2: 9 decisions, 4 (44.4%) overridden"));
    CHECK(contains(h.text,
                   "Rule set Fixture (fixture), version 1: 9 decisions, 4 (44.4%) overridden"));
    // One bar per rule and version, one cell per transition, one bar per month.
    CHECK(h.shown("chart/rules/fixture/2/4"));
    CHECK_FALSE(h.shown("chart/rules/fixture/2/5"));
    CHECK(h.shown("chart/rules/fixture/1/3"));
    CHECK(h.shown("heat/levels/fixture/2/2"));
    CHECK(h.shown("chart/months/17"));  // October 2024 to March 2026
    // Rules and levels in words from the rule set, never their ids alone.
    CHECK(contains(h.text, "Parental conflict"));
    CHECK(contains(h.text, "Several targeted indicators across domains"));
    CHECK(contains(h.text, "Statutory"));
    CHECK(contains(h.text, "1 of 3 overridden (33%), 2 agreed"));  // November 2025: 4, 5, 6
    // Drawing works nothing out again.
    h.frames(10);
    CHECK(o.computed == 1);
    // Esc closes it; opening it again reads the log again (decisions may have been recorded).
    h.press(ImGui::GetIO().KeyMap[ImGuiKey_Escape]);
    CHECK_FALSE(o.open);
    open_overrides(h);
    CHECK(o.computed == 2);
}

TEST_CASE("a heat map cell opens History on the decisions behind it", "[ui][overrides]") {
    StatsFixture log;
    Harness h(kMini, log.sink());
    open_overrides(h);
    h.click("heat/levels/fixture/1/0");  // suggested Targeted, decided Universal: 2 and 15
    CHECK_FALSE(h.state().overrides.open);
    REQUIRE(h.state().history.open);
    h.frames(2);
    // The intent carried exactly the cell's decisions, and History was filtered to them alone.
    CHECK(h.state().history.applied.sequences == Seqs{2, 15});
    CHECK(listed(h) == Seqs{15, 2});
    CHECK(contains(h.text,
                   "Showing the decisions behind: Decisions suggested Targeted and decided "
                   "Universal (fixture)."));
    CHECK(contains(h.text, "2 of 18 recorded decisions"));
    // All of them again, and back to the figures.
    h.click("history/all_decisions");
    h.frames(2);
    CHECK(listed(h).size() == 18);
    CHECK_FALSE(h.shown("history/back_to_figures"));
    h.click("history/override_figures");
    settle(h);
    CHECK(h.state().overrides.open);
    CHECK_FALSE(h.state().history.open);
    // A cell with no decision behind it opens nothing.
    h.click("heat/levels/fixture/0/2");
    CHECK(h.state().overrides.open);
    CHECK_FALSE(h.state().history.open);
}

TEST_CASE("a rule bar opens its overridden decisions, keyboard too", "[ui][overrides]") {
    StatsFixture log;
    Harness h(kMini, log.sink());
    open_overrides(h);
    h.click("chart/rules/fixture/2/0");  // version 2, dv_conflict: overridden in 13 and 15
    REQUIRE(h.state().history.open);
    h.frames(2);
    CHECK(listed(h) == Seqs{15, 13});
    CHECK(contains(h.text,
                   "Overridden decisions where \u2018Parental conflict\u2019 (dv_conflict) "
                   "was among the reasons for the suggested level (fixture 2)"));
    h.click("history/back_to_figures");
    settle(h);
    h.activate("chart/rules/fixture/1/1");  // version 1, dv_conflict: overridden in 5
    REQUIRE(h.state().history.open);
    h.frames(2);
    CHECK(listed(h) == Seqs{5});
    // A rule never overridden lists the decisions it was among the reasons of.
    h.click("history/back_to_figures");
    settle(h);
    h.activate("chart/rules/fixture/1/3");  // version 1, dv_persistent: 4
    h.frames(2);
    CHECK(listed(h) == Seqs{4});
    CHECK(contains(h.text, "none overridden"));
}

TEST_CASE("the period narrows the figures, and a month bar opens its overrides",
          "[ui][overrides]") {
    StatsFixture log;
    Harness h(kMini, log.sink());
    open_overrides(h);
    h.session.scratch().overrides.from = "2025-11-01";
    h.click("overrides/show");
    settle(h);
    const ui::OverridesState& o = h.state().overrides;
    CHECK(o.computed == 2);
    CHECK(o.from == "2025-11-01");
    CHECK(o.stats.totals.decisions == 15);
    CHECK(contains(h.text,
                   "15 decisions: 8 (53.3%) agreed with the suggestion, 7 (46.7%) "
                   "overridden (level raised 3, lowered 3; a route finding changed 4)."));
    CHECK(contains(h.text, "5 of 15 decisions, 33.3%."));
    REQUIRE(o.stats.by_month.size() == 5);  // November 2025 to March 2026
    CHECK(o.stats.by_month[3].label == "February 2026");
    CHECK(h.shown("chart/months/4"));
    CHECK_FALSE(h.shown("chart/months/5"));

    // A malformed date is said, and the figures shown stay those of the last good period.
    h.session.scratch().overrides.to = "2026-02-30";
    h.click("overrides/show");
    settle(h);
    CHECK(o.computed == 2);
    CHECK(o.stats.totals.decisions == 15);
    CHECK(contains(h.text, "The 'to' date '2026-02-30' is not a date"));
    h.session.scratch().overrides.to.clear();

    h.click("chart/months/3");  // February 2026: overridden 12 and 13
    REQUIRE(h.state().history.open);
    h.frames(2);
    CHECK(listed(h) == Seqs{13, 12});
    CHECK(contains(h.text, "Overridden decisions recorded in February 2026"));
    // January 2026 had no decisions: its bar opens nothing.
    h.click("history/back_to_figures");
    settle(h);
    h.click("chart/months/2");
    CHECK(h.state().overrides.open);
}

TEST_CASE("Overrides says when there is no log to read, and when the chain is damaged",
          "[ui][overrides]") {
    {
        Harness h(kMini);  // decisions go to memory: nothing to read
        open_overrides(h);
        CHECK_FALSE(h.state().overrides.have);
        CHECK(contains(h.text, "No audit log is open: memory."));
    }
    StatsFixture log;
    audit_test::drop_triggers(log.file);
    REQUIRE(audit_test::raw_exec(log.file, "UPDATE decision SET agreed = 0 WHERE sequence = 11") ==
            "");
    Harness h(kMini, log.sink());
    open_overrides(h);
    CHECK(contains(h.text, "Chain DAMAGED at record 11"));
    CHECK(contains(h.text, "The figures count the records as they are stored now"));
    CHECK(contains(h.text, "18 decisions: 9 (50.0%) agreed with the suggestion"));
}

TEST_CASE("the figures the view is drawn from are the CLI's, for every grouping and period",
          "[ui][overrides]") {
    StatsFixture log;
    Harness h(kMini, log.sink());
    open_overrides(h);
    auto rules = engine::load_ruleset(kMini);
    REQUIRE(rules.ok());
    // What `continuum audit stats STORE --rules DIR [--from] --json` computes and prints.
    auto cli = [&](std::optional<std::string> from, audit::Grouping by) {
        std::string error;
        auto store = audit::Store::open_existing(log.file.string(), error);
        REQUIRE(store);
        audit::StatsRequest request;
        request.from = from;
        request.rules = rules.rules.get();
        audit::DecisionStats stats;
        REQUIRE(audit::compute_stats(*store, request, stats, error));
        return audit::stats_json(stats, by, {});
    };
    const auto groupings = {audit::Grouping::rule,         audit::Grouping::level,
                            audit::Grouping::route,        audit::Grouping::category,
                            audit::Grouping::practitioner, audit::Grouping::month};
    for (audit::Grouping by : groupings) {
        INFO(audit::to_string(by));
        CHECK(audit::stats_json(h.state().overrides.stats, by, {}) == cli(std::nullopt, by));
    }
    h.session.scratch().overrides.from = "2025-11-01";
    h.click("overrides/show");
    settle(h);
    REQUIRE(h.state().overrides.stats.totals.decisions == 15);
    for (audit::Grouping by : groupings) {
        INFO(audit::to_string(by));
        CHECK(audit::stats_json(h.state().overrides.stats, by, {}) ==
              cli(std::string("2025-11-01"), by));
    }
}
