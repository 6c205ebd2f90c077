// continuum audit stats, run as a user would run it, over the hand-worked log
// (tests/audit/stats_log.hpp, where every figure below is worked out by hand): the text a
// policy group reads for each grouping, the period filters, CSV, JSON, the exit codes, and a
// damaged chain reported beside the figures.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "audit_fixture.hpp"
#include "run_command.hpp"
#include "stats_log.hpp"

using namespace audit_test;

namespace {

struct Log {
    TempDir dir;
    fs::path file = dir / "audit.sqlite";
    Log() {
        auto store = open_store(file);
        stats_log::write(*store);
    }
    clitest::Run stats(std::vector<std::string> args) const {
        args.insert(args.begin(), {"audit", "stats", file.string()});
        return clitest::continuum(args);
    }
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The text after the summary: the grouping's own table.
std::string table_of(const std::string& out) {
    auto at = out.find("\n\nBy ");
    if (at == std::string::npos) at = out.find("\n\nHow often");
    return at == std::string::npos ? "" : out.substr(at + 2);
}

}  // namespace

TEST_CASE("cli: audit stats --by level, the whole log", "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "level"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(has(r.out, "Override figures for " + log.file.string() + "\n"));
    CHECK(has(r.out, "Period: every decision recorded\n"));
    CHECK(has(r.out, "Chain: intact, 18 records, head "));
    CHECK(has(r.out,
              "18 decisions: 10 (55.6%) agreed with the suggestion, 8 (44.4%) overridden.\n"
              "Overrides: level raised 3, level lowered 4, a route finding changed 5.\n"
              "Re-referrals (the same case referred in the 12 months before): 5 of 18 decisions "
              "(27.8%).\n"));
    CHECK(table_of(r.out) ==
          "By suggested level\n"
          "Suggested level  Decisions     Agreed  Overridden  Level raised  Level lowered  "
          "Route changed  Re-referrals\n"
          "Universal                4  3 (75.0%)   1 (25.0%)             1              0  "
          "            0     1 (25.0%)\n"
          "Targeted                 8  3 (37.5%)   5 (62.5%)             2              2  "
          "            3     2 (25.0%)\n"
          "Statutory                6  4 (66.7%)   2 (33.3%)             0              2  "
          "            2     2 (33.3%)\n"
          "\n"
          "Suggested level (rows) against decided level (columns), rule set fixture\n"
          "Suggested \\ decided  Universal  Targeted  Statutory\n"
          "Universal                    3         1          0\n"
          "Targeted                     2         4          2\n"
          "Statutory                    0         2          4\n");
}

TEST_CASE("cli: audit stats --by rule, per rule set version, with --rules", "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "rule"});
    CHECK(r.code == 0);
    CHECK(table_of(r.out) ==
          "How often each rule was among the reasons for the suggested level,\n"
          "and how often those suggestions were overridden.\n"
          "\n"
          "Rule set fixture version 1: 9 decisions, 4 (44.4%) overridden\n"
          "Rule             Kind     Among reasons  Overridden  Level raised  Level lowered  "
          "Route changed  Says\n"
          "poor_attendance  rule                 2  2 (100.0%)             1              1  "
          "            2  Attendance under 90%\n"
          "dv_conflict      rule                 3   1 (33.3%)             1              0  "
          "            1  Parents in conflict\n"
          "bruise_trigger   trigger              2   1 (50.0%)             0              1  "
          "            1  Bruising in a baby who is not mobile: always refer\n"
          "dv_persistent    rule                 1    0 (0.0%)             0              0  "
          "            0  Domestic abuse, persistent\n"
          "\n"
          "Rule set fixture version 2: 9 decisions, 4 (44.4%) overridden\n"
          "Rule                     Kind         Among reasons  Overridden  Level raised  "
          "Level lowered  Route changed  Says\n"
          "dv_conflict              rule                     2  2 (100.0%)             0  "
          "            1              1  Parents in conflict\n"
          "poor_attendance          rule                     2   1 (50.0%)             1  "
          "            0              0  Attendance under 90%\n"
          "targeted_across_domains  combination              2   1 (50.0%)             0  "
          "            1              1  Targeted indicators in two or more domains\n"
          "bruise_trigger           trigger                  1    0 (0.0%)             0  "
          "            0              0  Bruising in a baby who is not mobile: always refer\n"
          "dv_persistent            rule                     1    0 (0.0%)             0  "
          "            0              0  Domestic abuse, persistent\n");

    // The rule set's own words beside each rule when it is given.
    std::string mini = CONTINUUM_SOURCE_DIR "/tests/cli/data/mini";
    r = log.stats({"--by", "rule", "--rules", mini});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Says: the words of rule set fixture 1 (" + mini + ")"));
    CHECK(has(r.out, "2  Attendance below 90%\n"));
    CHECK(has(r.out, "1  Parental conflict\n"));
    CHECK(has(r.out, "1  Always refer\n"));
    CHECK(!has(r.out, "Parents in conflict"));
    // A rule set that cannot be loaded is a usage error, nothing printed.
    r = log.stats({"--by", "rule", "--rules", "/nonexistent/rules"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
}

TEST_CASE("cli: audit stats --by route, category, practitioner", "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "route"});
    CHECK(r.code == 0);
    CHECK(table_of(r.out) ==
          "By route: the practitioner's finding against the suggested one\n"
          "Route                            Decisions  Finding kept  Raised  Lowered\n"
          "s17 Child in need                       18    17 (94.4%)       0        1\n"
          "s47 Enquiries: significant harm         18    14 (77.8%)       2        2\n"
          "s17 changed: met -> not met 1\n"
          "s47 changed: not met -> cannot rule out 1; cannot rule out -> not met 1; cannot "
          "rule out -> met 1; met -> not met 1\n");

    r = log.stats({"--by", "category"});
    CHECK(table_of(r.out) ==
          "By decision\n"
          "Decision                    Decisions       Agreed  Overridden  Level raised  "
          "Level lowered  Route changed  Re-referrals\n"
          "Agreed with the suggestion         10  10 (100.0%)    0 (0.0%)             0  "
          "            0              0     2 (20.0%)\n"
          "Policy override                     3     0 (0.0%)  3 (100.0%)             2  "
          "            1              2     2 (66.7%)\n"
          "Discretionary override              5     0 (0.0%)  5 (100.0%)             1  "
          "            3              3     1 (20.0%)\n");

    r = log.stats({"--by", "practitioner"});
    CHECK(table_of(r.out) ==
          "By practitioner\n"
          "Practitioner  Decisions     Agreed  Overridden  Level raised  Level lowered  "
          "Route changed  Re-referrals\n"
          "Amira Shah            7  4 (57.1%)   3 (42.9%)             0              3  "
          "            2     1 (14.3%)\n"
          "Ben Carter            6  3 (50.0%)   3 (50.0%)             3              0  "
          "            1     4 (66.7%)\n"
          "Chloe Davies          5  3 (60.0%)   2 (40.0%)             0              1  "
          "            2      0 (0.0%)\n");
}

TEST_CASE("cli: audit stats --by month with a period, the look-back for re-referrals",
          "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "month", "--from", "2025-11-01"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "Period: decisions recorded from 2025-11-01 (UTC dates)\n"));
    CHECK(has(r.out, "15 decisions: 8 (53.3%) agreed with the suggestion, 7 (46.7%) overridden."));
    CHECK(table_of(r.out) ==
          "By month\n"
          "Month recorded  Decisions     Agreed  Overridden  Level raised  Level lowered  "
          "Route changed  Re-referrals\n"
          "November 2025           3  2 (66.7%)   1 (33.3%)             1              0  "
          "            1      0 (0.0%)\n"
          "December 2025           3  1 (33.3%)   2 (66.7%)             1              1  "
          "            1     1 (33.3%)\n"
          "January 2026            0          0           0             0              0  "
          "            0             0\n"
          "February 2026           4  2 (50.0%)   2 (50.0%)             0              1  "
          "            2     2 (50.0%)\n"
          "March 2026              5  3 (60.0%)   2 (40.0%)             1              1  "
          "            0     2 (40.0%)\n");

    r = log.stats({"--from", "2025-11-01", "--to", "2026-02-28"});
    CHECK(has(r.out, "Period: decisions recorded 2025-11-01 to 2026-02-28 (UTC dates)\n"));
    CHECK(has(r.out,
              "10 decisions: 5 (50.0%) agreed with the suggestion, 5 (50.0%) overridden.\n"
              "Overrides: level raised 2, level lowered 2, a route finding changed 4.\n"
              "Re-referrals (the same case referred in the 12 months before): 3 of 10 "
              "decisions (30.0%).\n"));
    r = log.stats({"--from", "2026-03-01"});
    CHECK(has(r.out,
              "5 decisions: 3 (60.0%) agreed with the suggestion, 2 (40.0%) overridden.\n"
              "Overrides: level raised 1, level lowered 1, a route finding changed 0.\n"
              "Re-referrals (the same case referred in the 12 months before): 2 of 5 "
              "decisions (40.0%).\n"));
    r = log.stats({"--to", "2025-12-31"});
    CHECK(has(r.out,
              "9 decisions: 5 (55.6%) agreed with the suggestion, 4 (44.4%) overridden.\n"
              "Overrides: level raised 2, level lowered 2, a route finding changed 3.\n"
              "Re-referrals (the same case referred in the 12 months before): 1 of 9 "
              "decisions (11.1%).\n"));
    r = log.stats({"--from", "2026-01-01", "--to", "2026-01-31"});
    CHECK(r.code == 0);
    CHECK(has(r.out, "No decisions were recorded in this period.\n"));
}

TEST_CASE("cli: audit stats --csv, one table per grouping", "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "level", "--csv"});
    CHECK(r.code == 0);
    CHECK(r.out ==
          "ruleset_id,level,label,decisions,agreed,agreement_rate,overridden,level_raised,"
          "level_lowered,level_order_unknown,route_changed,re_referrals,re_referral_rate\r\n"
          "fixture,universal,Universal,4,3,0.7500,1,1,0,0,0,1,0.2500\r\n"
          "fixture,targeted,Targeted,8,3,0.3750,5,2,2,0,3,2,0.2500\r\n"
          "fixture,statutory,Statutory,6,4,0.6667,2,0,2,0,2,2,0.3333\r\n");
    r = log.stats({"--by", "category", "--csv"});
    CHECK(has(r.out, "agreed,Agreed with the suggestion,10,10,1.0000,0,0,0,0,0,2,0.2000\r\n"));
    CHECK(has(r.out, "policy,Policy override,3,0,0.0000,3,2,1,0,2,2,0.6667\r\n"));
    CHECK(has(r.out, "discretionary,Discretionary override,5,0,0.0000,5,1,3,0,3,1,0.2000\r\n"));
    r = log.stats({"--by", "month", "--csv", "--from", "2025-11-01", "--to", "2026-01-31"});
    CHECK(r.out ==
          "month,label,decisions,agreed,agreement_rate,overridden,level_raised,level_lowered,"
          "level_order_unknown,route_changed,re_referrals,re_referral_rate\r\n"
          "2025-11,November 2025,3,2,0.6667,1,1,0,0,1,0,0.0000\r\n"
          "2025-12,December 2025,3,1,0.3333,2,1,1,0,1,1,0.3333\r\n"
          "2026-01,January 2026,0,0,,0,0,0,0,0,0,\r\n");
    r = log.stats({"--by", "rule", "--csv"});
    CHECK(has(r.out,
              "ruleset_id,ruleset_version,rule,kind,among_reasons,overridden,override_rate,"
              "level_raised,level_lowered,level_order_unknown,route_changed,version_decisions,"
              "version_overridden,version_override_rate,says,says_now\r\n"));
    CHECK(has(r.out,
              "fixture,1,poor_attendance,rule,2,2,1.0000,1,1,0,2,9,4,0.4444,"
              "Attendance under 90%,\r\n"));
    CHECK(has(r.out,
              "fixture,1,dv_persistent,rule,1,0,0.0000,0,0,0,0,9,4,0.4444,"
              "\"Domestic abuse, persistent\",\r\n"));
    CHECK(has(r.out,
              "fixture,2,targeted_across_domains,combination,2,1,0.5000,0,1,0,1,9,4,"
              "0.4444,Targeted indicators in two or more domains,\r\n"));
    r = log.stats({"--by", "route", "--csv"});
    CHECK(has(r.out, "s47,s47 Enquiries: significant harm,18,14,0.7778,2,2,1,0,1,1,1,0\r\n"));
    r = log.stats({"--by", "practitioner", "--csv"});
    CHECK(has(r.out, "Ben Carter,Ben Carter,6,3,0.5000,3,3,0,0,1,4,0.6667\r\n"));
}

TEST_CASE("cli: audit stats --json (continuum.stats/1)", "[cli][stats]") {
    Log log;
    auto r = log.stats({"--by", "level", "--json"});
    CHECK(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["schema"] == "continuum.stats/1");
    CHECK(j["by"] == "level");
    CHECK(j["from"].is_null());
    CHECK(j["chain"]["ok"] == true);
    CHECK(j["chain"]["records"] == 18);
    CHECK(j["totals"]["decisions"] == 18);
    CHECK(j["totals"]["agreed"] == 10);
    CHECK(j["totals"]["overridden"] == 8);
    CHECK(j["totals"]["agreement_rate"] == Approx(0.5556));
    CHECK(j["totals"]["level_raised"] == 3);
    CHECK(j["totals"]["level_lowered"] == 4);
    CHECK(j["totals"]["route_changed"] == 5);
    CHECK(j["totals"]["re_referrals"] == 5);
    CHECK(j["totals"]["re_referral_rate"] == Approx(0.2778));
    REQUIRE(j["groups"].size() == 3);
    CHECK(j["groups"][1]["key"] == "targeted");
    CHECK(j["groups"][1]["figures"]["decisions"] == 8);
    CHECK(j["groups"][1]["figures"]["route_changed"] == 3);
    CHECK(j["transitions"][0]["counts"] ==
          nlohmann::json::parse("[[3, 1, 0], [2, 4, 2], [0, 2, 4]]"));
    CHECK(j["transitions"][0]["levels"][2]["name"] == "Statutory");

    r = log.stats({"--by", "rule", "--json", "--from", "2026-02-01"});
    j = nlohmann::json::parse(r.out);
    CHECK(j["from"] == "2026-02-01");
    REQUIRE(j["versions"].size() == 1);
    CHECK(j["versions"][0]["figures"]["overridden"] == 4);
    CHECK(j["groups"][0]["id"] == "dv_conflict");
    CHECK(j["groups"][0]["among_reasons"] == 2);
    CHECK(j["groups"][0]["override_rate"] == 1.0);
    CHECK(j["groups"][0]["overridden"]["level_lowered"] == 1);
    CHECK(!j["groups"][0].contains("says_now"));

    r = log.stats({"--by", "route", "--json"});
    j = nlohmann::json::parse(r.out);
    CHECK(j["groups"][1]["kept"] == 14);
    // Every pair that occurred, the findings kept too: 10 not met, 4 met, and the 4 changes.
    CHECK(j["groups"][1]["transitions"].size() == 6);

    r = log.stats({"--by", "month", "--json", "--from", "2025-11-01"});
    j = nlohmann::json::parse(r.out);
    CHECK(j["groups"].size() == 5);
    CHECK(j["groups"][2]["label"] == "January 2026");
    CHECK(j["groups"][2]["figures"]["agreement_rate"].is_null());
}

TEST_CASE("cli: audit stats exit codes for bad arguments and unreadable stores", "[cli][stats]") {
    Log log;
    CHECK(log.stats({"--by", "colour"}).code == 2);
    auto r = log.stats({"--from", "2026-02-30"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "'2026-02-30' is not a date; write it YYYY-MM-DD."));
    r = log.stats({"--from", "2026-03-01", "--to", "2026-02-01"});
    CHECK(r.code == 2);
    CHECK(has(r.err, "--from 2026-03-01 is after --to 2026-02-01"));
    CHECK(log.stats({"--csv", "--json"}).code == 2);
    TempDir dir;
    auto missing = clitest::continuum({"audit", "stats", (dir / "none.sqlite").string()});
    CHECK(missing.code == 2);
    CHECK(missing.out.empty());
    write_bytes(dir / "junk.sqlite", std::string(4096, 'x'));
    CHECK(clitest::continuum({"audit", "stats", (dir / "junk.sqlite").string()}).code == 2);
}

TEST_CASE("cli: audit stats on a damaged log gives the figures and says so, exit 1",
          "[cli][stats]") {
    Log log;
    drop_triggers(log.file);
    // Record 11 rewritten as an override up to statutory: the figures read it as stored.
    REQUIRE(raw_exec(log.file,
                     "UPDATE decision SET decided_level = 'statutory', agreed = 0, "
                     "override_category = 'policy' WHERE sequence = 11") == "");
    auto r = log.stats({"--by", "level"});
    CHECK(r.code == 1);
    CHECK(has(r.out, "Chain: DAMAGED at record 11: record 11 has been changed"));
    CHECK(has(r.out, "The figures below count the records as they are stored now"));
    CHECK(has(r.out, "18 decisions: 9 (50.0%) agreed with the suggestion, 9 (50.0%) overridden."));
    r = log.stats({"--csv"});
    CHECK(r.code == 1);
    CHECK(has(r.err, "Chain: DAMAGED at record 11"));
    r = log.stats({"--json"});
    CHECK(r.code == 1);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["chain"]["ok"] == false);
    CHECK(j["chain"]["first_bad"] == 11);
}
