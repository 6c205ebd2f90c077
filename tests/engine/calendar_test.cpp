// Due dates in working days across weekends and England and Wales bank holidays.
#include <catch2/catch.hpp>

#include "engine/calendar.hpp"
#include "engine/evaluate.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {
Calendar ew2026() {
    auto loaded = fixture::load("");
    return loaded.rules->calendar;
}
std::string d(DayNumber n) {
    return format_date(n);
}
}  // namespace

TEST_CASE("working days skip weekends", "[calendar]") {
    Calendar cal = ew2026();
    CHECK(d(add_working_days(cal, day_number(2026, 11, 20), 1)) == "2026-11-23");  // Fri -> Mon
    CHECK(d(add_working_days(cal, day_number(2026, 11, 18), 2)) == "2026-11-20");  // Wed -> Fri
    CHECK(d(add_working_days(cal, day_number(2026, 11, 21), 1)) == "2026-11-23");  // Sat -> Mon
    CHECK(d(add_working_days(cal, day_number(2026, 11, 22), 0)) == "2026-11-23");  // Sun, 0 -> Mon
    CHECK(d(add_working_days(cal, day_number(2026, 11, 23), 45)) == "2027-01-27");
}

TEST_CASE("working days skip bank holidays, including substitute days", "[calendar]") {
    Calendar cal = ew2026();
    // Christmas 2026: Fri 25 Dec and Boxing Day substitute Mon 28 Dec.
    CHECK(d(add_working_days(cal, day_number(2026, 12, 24), 1)) == "2026-12-29");
    // Easter 2026: Good Friday 3 Apr, Easter Monday 6 Apr.
    CHECK(d(add_working_days(cal, day_number(2026, 4, 2), 1)) == "2026-04-07");
    // Late May bank holiday, Mon 25 May.
    CHECK(d(add_working_days(cal, day_number(2026, 5, 22), 1)) == "2026-05-26");
    CHECK_FALSE(is_working_day(cal, day_number(2026, 8, 31)));
    CHECK(is_working_day(cal, day_number(2026, 9, 1)));
}

TEST_CASE("due dates of actions from the referral time", "[calendar]") {
    mini::Fixture f;  // referred Friday 20 November 2026 at 16:00
    f.num("age_months", 5).yes("bruising").no("mobile").choice("dv", "none");
    Outcome o = evaluate(*f.rules, f.c);
    auto due = [&](const char* id) {
        for (const auto& n : o.actions)
            if (f.rules->actions[n.action].id == id) return n.due;
        FAIL("action not needed: " << id);
        return Due{};
    };
    CHECK(format_date_time(due("decide").at) == "2026-11-23T23:59:59");  // end of Monday
    CHECK(due("decide").end_of_day);
    CHECK(format_date_time(due("strategy").at) == "2026-11-23T23:59:59");
    // ICPC: 15 working days after the strategy discussion's due day (Mon 23 Nov) -> Mon 14 Dec.
    CHECK(format_date_time(due("icpc").at) == "2026-12-14T23:59:59");
    CHECK_FALSE(due("icpc").outside_calendar);
}

TEST_CASE("hours count the clock, weekends included", "[calendar]") {
    mini::Fixture f;
    f.num("age_months", 5)
        .yes("bruising")
        .unknown("mobile")
        .choice("dv", "none");  // s47 open -> gather (4 h)
    Outcome o = evaluate(*f.rules, f.c);
    for (const auto& n : o.actions)
        if (f.rules->actions[n.action].id == "gather") {
            CHECK(format_date_time(n.due.at) == "2026-11-20T20:00:00");
            CHECK_FALSE(n.due.end_of_day);
            return;
        }
    FAIL("gather not needed");
}

TEST_CASE("a due date beyond the bank holidays held is flagged", "[calendar]") {
    mini::Fixture f;
    f.c.referred_at = {day_number(2026, 12, 30), 10 * 3600};
    f.num("age_months", 5).yes("bruising").no("mobile").choice("dv", "none");
    Outcome o = evaluate(*f.rules, f.c);
    bool flagged = false;
    for (const auto& n : o.actions)
        if (f.rules->actions[n.action].id == "icpc") flagged = n.due.outside_calendar;
    CHECK(flagged);
}

TEST_CASE(
    "working days by whole weeks agree with counting day by day, for every start in "
    "2026 and up to 70 working days",
    "[calendar]") {
    // Deadlines are worked out by weeks and a remainder, then moved on past bank holidays;
    // counting one day at a time is the definition they must agree with.
    Calendar cal = ew2026();
    auto by_day = [&](DayNumber d, int n) {
        while (n > 0) {
            ++d;
            if (is_working_day(cal, d)) --n;
        }
        return d;
    };
    int checked = 0;
    for (DayNumber from = day_number(2025, 12, 20); from <= day_number(2026, 12, 31); ++from)
        for (int n = 1; n <= 70; ++n) {
            INFO("from " << d(from) << ", " << n << " working days");
            REQUIRE(d(add_working_days(cal, from, n)) == d(by_day(from, n)));
            ++checked;
        }
    CHECK(checked > 25000);
}

TEST_CASE("referral times: the usual form, other accepted forms and impossible times",
          "[calendar]") {
    auto at = [](const char* text) -> std::string {
        auto t = parse_date_time(text);
        if (!t) return "refused";
        return d(t->day) + " " + std::to_string(t->second_of_day);
    };
    CHECK(at("2026-11-23T09:40:00") == "2026-11-23 34800");
    CHECK(at("2026-11-23T23:59:59") == "2026-11-23 86399");
    CHECK(at("2026-11-23T23:59:60") == "2026-11-23 86399");  // a leap second is the last second
    CHECK(at("2026-11-23 09:40:00") == "2026-11-23 34800");
    CHECK(at("2026-11-23T09:40") == "2026-11-23 34800");
    CHECK(at("2026-11-23") == "2026-11-23 0");
    CHECK(at("2024-02-29T10:00:00") == "2024-02-29 36000");
    CHECK(at("2026-02-29T10:00:00") == "refused");
    CHECK(at("2026-13-01T10:00:00") == "refused");
    CHECK(at("2026-00-10T10:00:00") == "refused");
    CHECK(at("2026-11-23T24:00:00") == "refused");
    CHECK(at("2026-11-23T09:60:00") == "refused");
    CHECK(at("2026-11-23T09:4a:00") == "refused");
    CHECK(at("2026-11-23X09:40:00") == "refused");
    CHECK(at("23/11/2026") == "refused");
}
