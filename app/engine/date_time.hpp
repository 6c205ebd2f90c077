// Calendar dates and local clock times as plain numbers: a referral time, due dates.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace continuum::engine {

// Days since 1970-01-01 (proleptic Gregorian).
using DayNumber = std::int32_t;

DayNumber day_number(int year, unsigned month, unsigned day);
void civil_date(DayNumber d, int& year, unsigned& month, unsigned& day);
bool valid_date(int year, unsigned month, unsigned day);
int weekday(DayNumber d);  // 0 = Monday ... 6 = Sunday

struct DateTime {
    DayNumber day = 0;
    std::int32_t second_of_day = 0;  // local time as written in the case; no time zone

    friend bool operator==(const DateTime&, const DateTime&) = default;
};

std::string format_date(DayNumber d);      // 2026-11-23
std::string format_date_time(DateTime t);  // 2026-11-23T09:40:00
std::string format_date_long(DayNumber d); // Monday 23 November 2026

// Accepts 2026-11-23, 2026-11-23T09:40, 2026-11-23T09:40:00 and a space instead of T.
std::optional<DateTime> parse_date_time(std::string_view text);
std::optional<DayNumber> parse_date(std::string_view text);

}  // namespace continuum::engine
