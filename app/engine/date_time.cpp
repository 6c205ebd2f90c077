#include "date_time.hpp"

#include <chrono>

#include <fmt/format.h>

namespace continuum::engine {

DayNumber day_number(int year, unsigned month, unsigned day) {
    using namespace std::chrono;
    return static_cast<DayNumber>(
        sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}
            .time_since_epoch()
            .count());
}

void civil_date(DayNumber d, int& year, unsigned& month, unsigned& day) {
    using namespace std::chrono;
    year_month_day ymd{sys_days{days{d}}};
    year = static_cast<int>(ymd.year());
    month = static_cast<unsigned>(ymd.month());
    day = static_cast<unsigned>(ymd.day());
}

bool valid_date(int year, unsigned month, unsigned day) {
    using namespace std::chrono;
    return year >= 1900 && year <= 2200 &&
           (std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}).ok();
}

int weekday(DayNumber d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    int w = (d + 3) % 7;
    return w < 0 ? w + 7 : w;
}

std::string format_date(DayNumber d) {
    int y;
    unsigned m, day;
    civil_date(d, y, m, day);
    return fmt::format("{:04}-{:02}-{:02}", y, m, day);
}

std::string format_date_time(DateTime t) {
    return fmt::format("{}T{:02}:{:02}:{:02}", format_date(t.day), t.second_of_day / 3600,
                       t.second_of_day / 60 % 60, t.second_of_day % 60);
}

std::string format_date_long(DayNumber d) {
    static const char* const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
    static const char* const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int y;
    unsigned m, day;
    civil_date(d, y, m, day);
    return fmt::format("{} {} {} {}", days[weekday(d)], day, months[m - 1], y);
}

namespace {

// Digits at [at, at + n) of s, or -1.
int digits(std::string_view s, std::size_t at, std::size_t n) {
    if (at + n > s.size()) return -1;
    int out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        out = out * 10 + (s[i] - '0');
    }
    return out;
}

}  // namespace

// Exactly "YYYY-MM-DD", optionally followed by T (or a space) and "HH:MM" or "HH:MM:SS": read
// character by character, so nothing after a valid prefix is quietly ignored, and fast, since
// impact analysis reads one per case.
std::optional<DateTime> parse_date_time(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    int h = 0, mi = 0, se = 0;
    if (s.size() > 10) {
        const char sep = s[10];
        if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
        if (s.size() != 16 && s.size() != 19) return std::nullopt;
        if (s[13] != ':' || (s.size() == 19 && s[16] != ':')) return std::nullopt;
        h = digits(s, 11, 2);
        mi = digits(s, 14, 2);
        se = s.size() == 19 ? digits(s, 17, 2) : 0;
    }
    if (y < 0 || mo < 1 || d < 1 ||
        !valid_date(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)))
        return std::nullopt;
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return std::nullopt;
    return DateTime{day_number(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)),
                    h * 3600 + mi * 60 + std::min(se, 59)};
}

std::optional<DayNumber> parse_date(std::string_view s) {
    if (s.size() != 10) return std::nullopt;
    auto t = parse_date_time(s);
    if (!t) return std::nullopt;
    return t->day;
}

}  // namespace continuum::engine
