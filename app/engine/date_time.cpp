#include "date_time.hpp"

#include <chrono>
#include <cstdio>

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
    static const char* const months[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
    int y;
    unsigned m, day;
    civil_date(d, y, m, day);
    return fmt::format("{} {} {} {}", days[weekday(d)], day, months[m - 1], y);
}

std::optional<DateTime> parse_date_time(std::string_view s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    char sep = 0;
    std::string text(s);
    int n = std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &se);
    if (n < 3) return std::nullopt;
    if (n == 3 && text.size() != 10) return std::nullopt;
    if (n > 3 && sep != 'T' && sep != ' ' && sep != 't') return std::nullopt;
    if (n > 3 && n < 6) return std::nullopt;
    if (mo < 1 || d < 1 || !valid_date(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)))
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
