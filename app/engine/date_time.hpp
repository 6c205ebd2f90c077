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

// Referral times are local time in England, where the front door works and where due dates
// are counted. A time written with its offset from UTC (2026-06-01T08:40:00Z, or +01:00) is
// an instant: it is converted to the local time in England, Greenwich Mean Time or British
// Summer Time (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October, the rule since 1996), rather than having its offset dropped.
DateTime england_local_time(DateTime written, int offset_minutes);

// parse_date_time's forms, optionally followed by "Z" or an offset "+HH:MM" / "-HH:MM" (only
// after a time), which england_local_time applies.
std::optional<DateTime> parse_referral_time(std::string_view text);
std::optional<DayNumber> parse_date(std::string_view text);

}  // namespace continuum::engine
