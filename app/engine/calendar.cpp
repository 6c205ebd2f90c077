#include "calendar.hpp"

#include <algorithm>

namespace continuum::engine {

bool is_working_day(const Calendar& cal, DayNumber d) {
    if (weekday(d) >= 5) return false;
    return !std::binary_search(cal.bank_holidays.begin(), cal.bank_holidays.end(), d);
}

namespace {

// The n-th weekday after d (n > 0), by whole weeks and a remainder rather than day by day:
// deadlines are weeks away and every case of an impact run needs several.
DayNumber add_weekdays(DayNumber d, int n) {
    int wd = weekday(d);
    if (wd >= 5) {  // count from the Friday before: the weekend adds nothing
        d -= wd - 4;
        wd = 4;
    }
    d += (n / 5) * 7;
    const int rest = n % 5;
    return d + rest + (wd + rest >= 5 ? 2 : 0);
}

// Bank holidays falling on a weekday in (from, to].
int weekday_holidays(const Calendar& cal, DayNumber from, DayNumber to) {
    auto first = std::upper_bound(cal.bank_holidays.begin(), cal.bank_holidays.end(), from);
    auto last = std::upper_bound(first, cal.bank_holidays.end(), to);
    int n = 0;
    for (auto it = first; it != last; ++it)
        n += weekday(*it) < 5;
    return n;
}

}  // namespace

DayNumber add_working_days(const Calendar& cal, DayNumber from, int n) {
    DayNumber d = from;
    if (n <= 0) {
        while (!is_working_day(cal, d))
            ++d;
        return d;
    }
    // Skip one more weekday for each bank holiday passed, until no further holiday is passed;
    // counting up from none finds the earliest day, which is never itself a holiday.
    int skipped = 0;
    for (;;) {
        d = add_weekdays(from, n + skipped);
        const int holidays = weekday_holidays(cal, from, d);
        if (holidays == skipped) return d;
        skipped = holidays;
    }
}

bool calendar_covers(const Calendar& cal, DayNumber from, DayNumber to) {
    return !cal.bank_holidays.empty() && from >= cal.covers_from && to <= cal.covers_to;
}

}  // namespace continuum::engine
