// The override figures on the team store: the hand-worked log (tests/audit/stats_log.hpp)
// copied in by a manager and read by an auditor gives every figure worked out by hand, and the
// same figures, grouping for grouping, as the SQLite file holding the same records.
#include "audit/decision_stats.hpp"
#include "audit/stats_log.hpp"
#include "audit/stats_render.hpp"
#include "pg_fixture.hpp"

using namespace pg_test;

namespace {

DecisionStats figures(const Store& store, std::optional<std::string> from = {},
                      std::optional<std::string> to = {}) {
    DecisionStats out;
    std::string error;
    StatsRequest request{from, to, nullptr, true};
    if (!compute_stats(store, request, out, error)) FAIL("stats: " << error);
    return out;
}

}  // namespace

TEST_CASE("override figures on the team store match the hand-worked log and the file", "[pg]") {
    TeamStore t;
    stats_log::write(*t.open("maya"));  // a manager copies a log in, hashes kept
    auto team = t.open("ana");          // an auditor reads it
    audit_test::TempDir dir;
    auto file = audit_test::open_store(dir / "audit.sqlite");
    stats_log::write(*file);

    DecisionStats s = figures(*team);
    CHECK(s.totals.decisions == 18);
    CHECK(s.totals.agreed == 10);
    CHECK(s.totals.level_raised == 3);
    CHECK(s.totals.level_lowered == 4);
    CHECK(s.totals.route_changed == 5);
    CHECK(s.totals.re_referrals == 5);
    REQUIRE(s.transitions.size() == 1);
    CHECK(s.transitions[0].counts == std::vector<std::int64_t>{3, 1, 0, 2, 4, 2, 0, 2, 4});
    REQUIRE(s.by_rule.size() == 9);
    CHECK(s.by_rule[0].id == "poor_attendance");
    CHECK(s.by_rule[0].overridden.decisions == 2);
    CHECK(s.by_rule[4].id == "dv_conflict");
    CHECK(s.by_rule[4].ruleset_version == "2");
    CHECK(s.by_rule[4].overridden_sequences == std::vector<std::int64_t>{13, 15});

    // A figure's decisions, read back from the server by sequence number.
    std::vector<std::int64_t> read;
    for (const auto& r : team->list(Query{.sequences = s.transitions[0].sequences[3]}))
        read.push_back(r.sequence);
    CHECK(read == std::vector<std::int64_t>{2, 15});
    CHECK(team->list(Query{.sequences = std::vector<std::int64_t>{}}).empty());

    // The period filter on the server's dates, and the look-back before it.
    DecisionStats a = figures(*team, "2025-11-01", "2026-02-28");
    CHECK(a.totals.decisions == 10);
    CHECK(a.totals.agreed == 5);
    CHECK(a.totals.re_referrals == 3);
    CHECK(a.sequences == std::vector<std::int64_t>{4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

    // Grouping for grouping, the same JSON as the file (the store's name aside).
    for (auto period : {std::pair<std::optional<std::string>, std::optional<std::string>>{},
                        {"2025-11-01", "2026-02-28"},
                        {"2026-03-01", std::nullopt}})
        for (Grouping by : {Grouping::rule, Grouping::level, Grouping::route, Grouping::category,
                            Grouping::practitioner, Grouping::month}) {
            INFO("by " << to_string(by));
            VerifyReport ok = team->verify();
            CHECK(ok.ok);
            StatsContext c{"store", ok, {}};
            CHECK(stats_json(figures(*team, period.first, period.second), by, c) ==
                  stats_json(figures(*file, period.first, period.second), by, c));
        }
}
