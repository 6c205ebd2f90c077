// The override figures over the hand-worked log (stats_log.hpp, where each figure is worked out
// by hand): every grouping, the period filters and the look-back for re-referrals.
#include <catch2/catch.hpp>

#include "audit/decision_stats.hpp"
#include "audit_fixture.hpp"
#include "engine/ruleset/load.hpp"
#include "stats_log.hpp"

using namespace continuum::audit;
using audit_test::TempDir;

namespace {

using Seqs = std::vector<std::int64_t>;

struct Log {
    TempDir dir;
    std::unique_ptr<Store> store = audit_test::open_store(dir / "audit.sqlite");
    Log() { stats_log::write(*store); }
    DecisionStats stats(std::optional<std::string> from = {}, std::optional<std::string> to = {},
                        const continuum::engine::RuleSet* rules = nullptr) const {
        DecisionStats out;
        std::string error;
        StatsRequest request{from, to, rules, true};
        REQUIRE(compute_stats(*store, request, out, error));
        return out;
    }
};

// decisions, agreed, raised, lowered, order unknown, route changed, re-referrals
void check(const Figures& f, std::int64_t decisions, std::int64_t agreed, std::int64_t raised,
           std::int64_t lowered, std::int64_t route, std::int64_t re_referrals) {
    CHECK(f.decisions == decisions);
    CHECK(f.agreed == agreed);
    CHECK(f.overridden() == decisions - agreed);
    CHECK(f.level_raised == raised);
    CHECK(f.level_lowered == lowered);
    CHECK(f.level_order_unknown == 0);
    CHECK(f.route_changed == route);
    CHECK(f.re_referrals == re_referrals);
}

const Group& group(const std::vector<Group>& groups, const std::string& key) {
    for (const auto& g : groups)
        if (g.key == key) return g;
    FAIL("no group " << key);
    throw;
}

}  // namespace

TEST_CASE("stats: the whole hand-worked log", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    CHECK(s.records_read == 18);
    check(s.totals, 18, 10, 3, 4, 5, 5);
    CHECK(s.overridden_sequences == Seqs{2, 5, 7, 9, 12, 13, 15, 17});
    CHECK(*share(s.totals.agreed, s.totals.decisions) == Approx(10.0 / 18));
    CHECK(!share(1, 0));
}

TEST_CASE("stats: period filters, with re-referrals seen through the look-back", "[audit][stats]") {
    Log log;
    DecisionStats a = log.stats("2025-11-01", "2026-02-28");
    check(a.totals, 10, 5, 2, 2, 4, 3);
    CHECK(a.sequences == Seqs{4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
    CHECK(a.records_read == 13);  // nothing after the period is read
    check(log.stats("2026-03-01").totals, 5, 3, 1, 1, 0, 2);
    check(log.stats({}, "2025-12-31").totals, 9, 5, 2, 2, 3, 1);
    // A period with nothing in it.
    DecisionStats none = log.stats("2026-01-01", "2026-01-31");
    check(none.totals, 0, 0, 0, 0, 0, 0);
    REQUIRE(none.by_month.size() == 1);
    CHECK(none.by_month[0].label == "January 2026");
    CHECK(none.by_level.empty());
}

TEST_CASE("stats: by suggested level, and the transitions to the decided level", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    REQUIRE(s.by_level.size() == 3);
    CHECK(s.by_level[0].label == "Universal");
    CHECK(s.by_level[1].label == "Targeted");
    CHECK(s.by_level[2].label == "Statutory");
    check(s.by_level[0].figures, 4, 3, 1, 0, 0, 1);
    check(s.by_level[1].figures, 8, 3, 2, 2, 3, 2);
    check(s.by_level[2].figures, 6, 4, 0, 2, 2, 2);
    CHECK(s.by_level[1].overridden == Seqs{2, 5, 13, 15, 17});

    REQUIRE(s.transitions.size() == 1);
    const Transitions& t = s.transitions[0];
    CHECK(t.ruleset_id == "fixture");
    REQUIRE(t.levels.size() == 3);
    CHECK(t.levels[0].id == "universal");
    CHECK(t.levels[2].name == "Statutory");
    CHECK(t.counts == Seqs{3, 1, 0, 2, 4, 2, 0, 2, 4});
    CHECK(t.sequences[1 * 3 + 0] == Seqs{2, 15});
    CHECK(t.sequences[1 * 3 + 2] == Seqs{5, 17});
    CHECK(t.sequences[2 * 3 + 1] == Seqs{7, 12});
}

TEST_CASE("stats: by route, kept, raised and lowered findings", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    REQUIRE(s.by_route.size() == 2);
    const RouteFigures &s17 = s.by_route[0], &s47 = s.by_route[1];
    CHECK(s17.label == "s17 Child in need");
    CHECK(s17.decisions == 18);
    CHECK(s17.kept == 17);
    CHECK(s17.raised == 0);
    CHECK(s17.lowered == 1);
    CHECK(s17.transitions[2][0] == 1);  // met -> not met
    CHECK(s17.changed == Seqs{2});
    CHECK(s47.label == "s47 Enquiries: significant harm");
    CHECK(s47.kept == 14);
    CHECK(s47.raised == 2);
    CHECK(s47.lowered == 2);
    CHECK(s47.transitions[1][2] == 1);   // cannot rule out -> met
    CHECK(s47.transitions[0][1] == 1);   // not met -> cannot rule out
    CHECK(s47.transitions[2][0] == 1);   // met -> not met
    CHECK(s47.transitions[1][0] == 1);   // cannot rule out -> not met
    CHECK(s47.transitions[0][0] == 10);  // 1, 2, 3, 6, 9, 10, 11, 15, 16, 17
    CHECK(s47.transitions[2][2] == 4);   // 4, 8, 14, 18
    CHECK(s47.changed == Seqs{5, 7, 12, 13});
}

TEST_CASE("stats: by override category", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    REQUIRE(s.by_category.size() == 3);
    CHECK(s.by_category[0].label == "Agreed with the suggestion");
    CHECK(s.by_category[1].label == "Policy override");
    CHECK(s.by_category[2].label == "Discretionary override");
    check(s.by_category[0].figures, 10, 10, 0, 0, 0, 2);
    check(s.by_category[1].figures, 3, 0, 2, 1, 2, 2);
    check(s.by_category[2].figures, 5, 0, 1, 3, 3, 1);
    CHECK(s.by_category[2].decisions == Seqs{2, 7, 9, 13, 15});
}

TEST_CASE("stats: by practitioner", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    REQUIRE(s.by_practitioner.size() == 3);
    CHECK(s.by_practitioner[0].label == "Amira Shah");
    CHECK(s.by_practitioner[1].label == "Ben Carter");
    CHECK(s.by_practitioner[2].label == "Chloe Davies");
    check(s.by_practitioner[0].figures, 7, 4, 0, 3, 2, 1);
    check(s.by_practitioner[1].figures, 6, 3, 3, 0, 1, 4);
    check(s.by_practitioner[2].figures, 5, 3, 0, 1, 2, 0);
}

TEST_CASE("stats: by month, every month of the period shown", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats("2025-11-01");
    REQUIRE(s.by_month.size() == 5);
    CHECK(s.by_month[0].label == "November 2025");
    CHECK(s.by_month[2].label == "January 2026");
    CHECK(s.by_month[4].key == "2026-03");
    check(s.by_month[0].figures, 3, 2, 1, 0, 1, 0);
    check(s.by_month[1].figures, 3, 1, 1, 1, 1, 1);
    check(s.by_month[2].figures, 0, 0, 0, 0, 0, 0);
    check(s.by_month[3].figures, 4, 2, 0, 1, 2, 2);
    check(s.by_month[4].figures, 5, 3, 1, 1, 0, 2);
    CHECK(s.by_month[3].overridden == Seqs{12, 13});

    DecisionStats whole = log.stats();
    REQUIRE(whole.by_month.size() == 18);
    CHECK(whole.by_month.front().label == "October 2024");
    CHECK(whole.by_month.back().label == "March 2026");
    check(group(whole.by_month, "2025-02").figures, 1, 0, 0, 1, 1, 0);
    check(group(whole.by_month, "2025-06").figures, 0, 0, 0, 0, 0, 0);
}

TEST_CASE("stats: by rule, per rule set version, with what each rule says", "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    REQUIRE(s.versions.size() == 2);
    CHECK(s.versions[0].ruleset_version == "1");
    check(s.versions[0].figures, 9, 5, 2, 2, 3, 1);
    check(s.versions[1].figures, 9, 5, 1, 2, 2, 4);

    REQUIRE(s.by_rule.size() == 9);
    struct Want {
        const char* version;
        const char* id;
        const char* kind;
        std::int64_t among, overridden, raised, lowered, route;
    };
    const Want want[] = {
        {"1", "poor_attendance", "rule", 2, 2, 1, 1, 2},
        {"1", "dv_conflict", "rule", 3, 1, 1, 0, 1},
        {"1", "bruise_trigger", "trigger", 2, 1, 0, 1, 1},
        {"1", "dv_persistent", "rule", 1, 0, 0, 0, 0},
        {"2", "dv_conflict", "rule", 2, 2, 0, 1, 1},
        {"2", "poor_attendance", "rule", 2, 1, 1, 0, 0},
        {"2", "targeted_across_domains", "combination", 2, 1, 0, 1, 1},
        {"2", "bruise_trigger", "trigger", 1, 0, 0, 0, 0},
        {"2", "dv_persistent", "rule", 1, 0, 0, 0, 0},
    };
    for (std::size_t i = 0; i < std::size(want); ++i) {
        const RuleFigures& r = s.by_rule[i];
        INFO("row " << i);
        CHECK(r.ruleset_id == "fixture");
        CHECK(r.ruleset_version == want[i].version);
        CHECK(r.id == want[i].id);
        CHECK(r.kind == want[i].kind);
        CHECK(r.among == want[i].among);
        CHECK(r.overridden.decisions == want[i].overridden);
        CHECK(r.overridden.level_raised == want[i].raised);
        CHECK(r.overridden.level_lowered == want[i].lowered);
        CHECK(r.overridden.route_changed == want[i].route);
        CHECK(r.says_now.empty());
    }
    CHECK(s.by_rule[1].says == "Parents in conflict");
    CHECK(s.by_rule[1].sequences == Seqs{1, 5, 6});
    CHECK(s.by_rule[1].overridden_sequences == Seqs{5});

    // With the rule set given, its words are there too (for its own id only).
    auto loaded = continuum::engine::load_ruleset(CONTINUUM_SOURCE_DIR "/tests/cli/data/mini");
    REQUIRE(loaded.ok());
    DecisionStats with = log.stats({}, {}, loaded.rules.get());
    CHECK(with.by_rule[1].says_now == "Parental conflict");
    CHECK(with.by_rule[1].says == "Parents in conflict");
    CHECK(with.by_rule[2].says_now == "Always refer");
}

TEST_CASE("stats: a level change whose order cannot be known is counted apart", "[audit][stats]") {
    TempDir dir;
    auto store = audit_test::open_store(dir / "audit.sqlite");
    auto r = audit_test::sample_record(1);  // level4 suggested, level3 decided, no ladder
    std::string error;
    REQUIRE(store->append(r, error));
    DecisionStats s;
    REQUIRE(compute_stats(*store, {}, s, error));
    CHECK(s.totals.decisions == 1);
    CHECK(s.totals.level_order_unknown == 1);
    CHECK(s.totals.level_raised + s.totals.level_lowered == 0);
    CHECK(s.by_category[0].label == "Discretionary override");
    // A referral time that is not a date is counted, so nobody reads a re-referral rate as
    // complete when it is not.
    auto odd = audit_test::sample_record(2);
    odd.referred_at = "last Tuesday";
    REQUIRE(store->append(odd, error));
    REQUIRE(compute_stats(*store, {}, s, error));
    CHECK(s.referral_unreadable == 1);
}

TEST_CASE("stats: the decisions behind a figure are read back by their sequence numbers",
          "[audit][stats]") {
    Log log;
    DecisionStats s = log.stats();
    const Seqs& cell =
        s.transitions[0].sequences[1 * 3 + 0];  // suggested Targeted, decided Universal
    std::vector<std::int64_t> read;
    for (const auto& r : log.store->list(Query{.sequences = cell}))
        read.push_back(r.sequence);
    CHECK(read == Seqs{2, 15});
    // With the other filters too, and an empty selection matches nothing.
    CHECK(log.store->list(Query{.practitioner = "Amira Shah", .sequences = cell}).size() == 1);
    CHECK(log.store->list(Query{.sequences = Seqs{}}).empty());
}

TEST_CASE("stats: a record whose stored evaluation is damaged is still counted, never a crash",
          "[audit][stats]") {
    TempDir dir;
    auto store = audit_test::open_store(dir / "audit.sqlite");
    std::string error;
    const nlohmann::json odd[] = {
        "not an object",
        {{"level", "statutory"}, {"levels", {1, "x", nullptr}}},
        {{"level", {{"id", 5}, {"rank", "high"}, {"because", "dv"}}},
         {"levels", {{{"id", "level3"}, {"rank", "low"}}}},
         {"routes", "s47"},
         {"trace", {1, {{"kind", 2}}}}},
    };
    for (const auto& e : odd) {
        auto r = audit_test::sample_record(1);
        r.evaluation = e;
        REQUIRE(store->append(r, error));
    }
    DecisionStats s;
    REQUIRE(compute_stats(*store, {}, s, error));
    CHECK(s.totals.decisions == 3);
    CHECK(s.totals.agreed == 0);
    CHECK(s.totals.level_order_unknown == 3);  // no ladder can be trusted in any of them
    CHECK(s.by_rule.empty());
    CHECK(s.by_level.size() == 1);
}
