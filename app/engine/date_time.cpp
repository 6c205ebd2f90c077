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

namespace {

// The last Sunday of `month` in `year`, at 01:00 UTC, in seconds since 1970.
std::int64_t last_sunday_1am(int year, unsigned month) {
    DayNumber d = day_number(year, month, month == 3 || month == 10 ? 31 : 30);
    d -= (weekday(d) + 1) % 7;  // weekday(): 0 Monday ... 6 Sunday
    return std::int64_t{d} * 86400 + 3600;
}

}  // namespace

DateTime england_local_time(DateTime written, int offset_minutes) {
    const std::int64_t utc = std::int64_t{written.day} * 86400 + written.second_of_day -
                             std::int64_t{offset_minutes} * 60;
    int year;
    unsigned month, day;
    civil_date(static_cast<DayNumber>(utc >= 0 ? utc / 86400 : (utc - 86399) / 86400), year, month,
               day);
    const bool summer = utc >= last_sunday_1am(year, 3) && utc < last_sunday_1am(year, 10);
    const std::int64_t local = utc + (summer ? 3600 : 0);
    const std::int64_t local_day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return DateTime{static_cast<DayNumber>(local_day),
                    static_cast<std::int32_t>(local - local_day * 86400)};
}

std::optional<DateTime> parse_referral_time(std::string_view s) {
    // A date and time is 16 or 19 characters; what follows is the offset.
    std::size_t body = s.size() >= 19 && s[16] == ':' ? 19 : 16;
    if (s.size() <= body || s.size() < 16) return parse_date_time(s);
    auto local = parse_date_time(s.substr(0, body));
    if (!local) return std::nullopt;
    std::string_view offset = s.substr(body);
    if (offset == "Z" || offset == "z") return england_local_time(*local, 0);
    if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':')
        return std::nullopt;
    const int h = digits(offset, 1, 2), m = digits(offset, 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    const int minutes = (h * 60 + m) * (offset[0] == '-' ? -1 : 1);
    return england_local_time(*local, minutes);
}

std::optional<DayNumber> parse_date(std::string_view s) {
    if (s.size() != 10) return std::nullopt;
    auto t = parse_date_time(s);
    if (!t) return std::nullopt;
    return t->day;
}

}  // namespace continuum::engine
