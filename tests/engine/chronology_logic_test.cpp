// Aggregates over the chronology in three values: a complete chronology counts exactly; a partial
// one (not every agency checked) counts "at least" what is recorded, so a count below a
// threshold is unknown, never false, while a count at or over it holds either way; none at all
// is unknown. Every comparison operator and days_since(last_contact()) are checked cell by cell.
#include <set>

#include <catch2/catch.hpp>

#include "chronology_rules.hpp"
#include "engine/expr/eval.hpp"

using namespace continuum::engine;
using chronology_fixture::Rules;

namespace {

constexpr Tri T = Tri::True, F = Tri::False, U = Tri::Unknown;

Tri tri_of(bool b) {
    return b ? T : F;
}

// Contacts on the given days before the referral (2026-06-15), police, neglect, no further action.
std::string dated(const std::vector<int>& days_before, bool complete) {
    const DayNumber referral = day_number(2026, 6, 15);
    std::string out = std::string("[chronology]\ncomplete = ") + (complete ? "true" : "false") +
                      "\ncontacts = [\n";
    for (int d : days_before)
        out += "  { date = " + format_date(referral - d) +
               ", source = \"police\", categories = [\"neglect\"], outcome = \"nfa\" },\n";
    return out + "]\n";
}

}  // namespace

TEST_CASE("a count on a complete chronology is exact for every comparison", "[chronology]") {
    Rules r;
    Evaluator ev(*r.rules);
    Outcome o;
    for (int n = 0; n <= 5; ++n) {
        INFO(n << " contacts, complete");
        ev.evaluate(r.with(Rules::neglect(n, true)), o);
        CHECK(r.status(o, "at_least_3") == tri_of(n >= 3));
        CHECK(r.status(o, "more_than_2") == tri_of(n > 2));
        CHECK(r.status(o, "fewer_than_3") == tri_of(n < 3));
        CHECK(r.status(o, "at_most_2") == tri_of(n <= 2));
        CHECK(r.status(o, "exactly_2") == tri_of(n == 2));
        CHECK(r.status(o, "not_2") == tri_of(n != 2));
        CHECK(r.status(o, "neglect_pattern") == tri_of(n >= 3));
        CHECK(r.status(o, "checked") == T);
    }
}

TEST_CASE("a count on a partial chronology: below the threshold is unknown, at or over it holds",
          "[chronology]") {
    Rules r;
    Evaluator ev(*r.rules);
    Outcome o;
    for (int n = 0; n <= 5; ++n) {
        INFO(n << " contacts recorded, partial");
        ev.evaluate(r.with(Rules::neglect(n, false)), o);
        // More may be found: "at least n".
        CHECK(r.status(o, "at_least_3") == (n >= 3 ? T : U));
        CHECK(r.status(o, "more_than_2") == (n > 2 ? T : U));
        CHECK(r.status(o, "fewer_than_3") == (n >= 3 ? F : U));
        CHECK(r.status(o, "at_most_2") == (n > 2 ? F : U));
        CHECK(r.status(o, "exactly_2") == (n > 2 ? F : U));
        CHECK(r.status(o, "not_2") == (n > 2 ? T : U));
        CHECK(r.status(o, "neglect_pattern") == (n >= 3 ? T : U));
        CHECK(r.status(o, "checked") == F);
    }
}

TEST_CASE("no chronology is not asked: every aggregate is unknown", "[chronology]") {
    Rules r;
    Outcome o = evaluate(*r.rules, r.with(""));
    for (const char* id : {"at_least_3", "more_than_2", "fewer_than_3", "at_most_2", "exactly_2",
                           "not_2", "recent", "long_ago", "police_nfa", "neglect_pattern"}) {
        INFO(id);
        CHECK(r.status(o, id) == U);
    }
    CHECK(r.status(o, "checked") == F);
    CHECK(o.higher_level_possible);
}

TEST_CASE("the concern now still decides: false now is false whatever the chronology",
          "[chronology]") {
    Rules r;
    Diagnostics d;
    auto c =
        read_case_toml(*r.rules, "case.toml",
                       std::string("[case]\nref = \"R\"\nreferred_at = ") +
                           chronology_fixture::kReferral + "\n[answers]\nneglect_now = false\n",
                       d);
    REQUIRE(c);
    Outcome o = evaluate(*r.rules, *c);
    CHECK(r.status(o, "neglect_pattern") == F);
    CHECK_FALSE(o.higher_level_possible);
}

TEST_CASE("days since the last contact in three values", "[chronology]") {
    Rules r;
    Evaluator ev(*r.rules);
    Outcome o;
    SECTION("complete: exact, and no contact at all is longer ago than any window") {
        for (int d : {0, 89, 90, 365, 366, 800}) {
            INFO("last contact " << d << " days before");
            ev.evaluate(r.with(dated({d + 400, d}, true)), o);
            CHECK(r.status(o, "recent") == tri_of(d < 90));
            CHECK(r.status(o, "long_ago") == tri_of(d > 365));
        }
        ev.evaluate(r.with(dated({}, true)), o);
        CHECK(r.status(o, "recent") == F);
        CHECK(r.status(o, "long_ago") == T);
    }
    SECTION("partial: a contact not yet found may be more recent than the last one recorded") {
        for (int d : {0, 89, 90, 365, 366, 800}) {
            INFO("last contact recorded " << d << " days before");
            ev.evaluate(r.with(dated({d}, false)), o);
            CHECK(r.status(o, "recent") == (d < 90 ? T : U));
            CHECK(r.status(o, "long_ago") == (d <= 365 ? F : U));
        }
        ev.evaluate(r.with(dated({}, false)), o);
        CHECK(r.status(o, "recent") == U);
        CHECK(r.status(o, "long_ago") == U);
    }
}

TEST_CASE("windows count back from the referral, both ends included", "[chronology]") {
    Rules r;
    Evaluator ev(*r.rules);
    Outcome o;
    // 12 months before 15 June 2026 starts on 15 June 2025.
    const std::string on_edge =
        "[chronology]\ncomplete = true\ncontacts = [\n"
        "  { date = 2025-06-15, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "  { date = 2026-01-10, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "  { date = 2026-06-15, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "]\n";
    ev.evaluate(r.with(on_edge), o);
    CHECK(r.status(o, "at_least_3") == T);
    const std::string a_day_early =
        "[chronology]\ncomplete = true\ncontacts = [\n"
        "  { date = 2025-06-14, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "  { date = 2026-01-10, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "  { date = 2026-06-15, source = \"school\", categories = [\"neglect\"], outcome = "
        "\"advice\" },\n"
        "]\n";
    ev.evaluate(r.with(a_day_early), o);
    CHECK(r.status(o, "at_least_3") == F);
    CHECK(r.status(o, "exactly_2") == T);

    SECTION("a month end clamps") {
        CHECK(format_date(window_start(day_number(2026, 8, 31), {WindowUnit::Months, 6})) ==
              "2026-02-28");
        CHECK(format_date(window_start(day_number(2024, 8, 31), {WindowUnit::Months, 6})) ==
              "2024-02-29");
        CHECK(format_date(window_start(day_number(2026, 3, 1), {WindowUnit::Years, 2})) ==
              "2024-03-01");
        CHECK(format_date(window_start(day_number(2026, 1, 10), {WindowUnit::Weeks, 2})) ==
              "2025-12-27");
        CHECK(format_date(window_start(day_number(2026, 1, 10), {WindowUnit::Days, 90})) ==
              "2025-10-12");
    }
}

TEST_CASE("filters read a contact's source, categories and outcome", "[chronology]") {
    Rules r;
    Evaluator ev(*r.rules);
    Outcome o;
    auto with_contacts = [&](const std::string& rows) {
        ev.evaluate(r.with("[chronology]\ncomplete = true\ncontacts = [\n" + rows + "]\n"), o);
    };
    with_contacts(
        "{ date = 2024-01-01, source = \"police\", categories = [\"domestic_abuse\"], outcome = "
        "\"nfa\" },\n"
        "{ date = 2025-01-01, source = \"police\", categories = [\"missing\", \"neglect\"], "
        "outcome = \"nfa\" },\n");
    CHECK(r.status(o, "police_nfa") == T);             // no window: the whole chronology
    CHECK(r.status(o, "not_missing_or_school") == F);  // the 2024 one is outside 2 years
    CHECK(r.status(o, "at_least_3") == F);

    with_contacts(
        "{ date = 2026-01-01, source = \"police\", categories = [\"domestic_abuse\"], outcome = "
        "\"advice\" },\n"
        "{ date = 2026-02-01, source = \"school\", categories = [\"missing\"], outcome = "
        "\"nfa\" },\n");
    CHECK(r.status(o, "police_nfa") == F);
    CHECK(r.status(o, "not_missing_or_school") == T);

    with_contacts(
        "{ date = 2026-02-01, source = \"health\", categories = [\"missing\"], outcome = "
        "\"nfa\" },\n");
    CHECK(r.status(o, "not_missing_or_school") == F);
}

TEST_CASE("a contact on a case whose referral moved earlier is not counted", "[chronology]") {
    Rules r;
    Case c = r.with(Rules::neglect(3, true));
    c.referred_at.day = day_number(2026, 5, 2);  // after the first two contacts only
    Outcome o = evaluate(*r.rules, c);
    CHECK(r.status(o, "exactly_2") == T);
}

TEST_CASE("aggregates are worked out once per case, shared by every rule that reads them",
          "[chronology]") {
    Rules r;
    // Seven conditions read the same count: one query.
    std::size_t neglect_queries = 0;
    for (const auto& q : r.rules->program.contact_queries)
        neglect_queries += q.window == Window{WindowUnit::Months, 12} && q.filter.size() == 1;
    CHECK(neglect_queries == 1);
    // The neglect count, the last contact (read by two facts), police no further action, and
    // not missing or from school.
    CHECK(r.rules->program.contact_queries.size() == 4);
    // Each has a register of its own, written once before the run; the neglect count on a
    // partial chronology of four is "at least 4" in every rule that reads it.
    const auto& registers = r.rules->machine.contact_registers;
    REQUIRE(registers.size() == 4);
    CHECK(std::set<std::uint32_t>(registers.begin(), registers.end()).size() == 4);
    Outcome o = evaluate(*r.rules, r.with(Rules::neglect(4, false)));
    std::size_t neglect = 0;
    while (r.rules->program.contact_queries[neglect].window != Window{WindowUnit::Months, 12})
        ++neglect;
    const Value& v = o.numbers[registers[neglect]];
    CHECK(v.lo == 4);
    CHECK(v.hi == Value::kInf);
}
