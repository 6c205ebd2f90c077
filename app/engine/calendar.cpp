#include "calendar.hpp"

#include <algorithm>

namespace continuum::engine {

bool is_working_day(const Calendar& cal, DayNumber d) {
    if (weekday(d) >= 5) return false;
    return !std::binary_search(cal.bank_holidays.begin(), cal.bank_holidays.end(), d);
}

DayNumber add_working_days(const Calendar& cal, DayNumber from, int n) {
    DayNumber d = from;
    if (n <= 0) {
        while (!is_working_day(cal, d)) ++d;
        return d;
    }
    while (n > 0) {
        ++d;
        if (is_working_day(cal, d)) --n;
    }
    return d;
}

DayNumber WorkingDayMemo::add(DayNumber from, int n) {
    auto key = static_cast<std::uint32_t>(from) * 31u + static_cast<std::uint32_t>(n);
    Entry& e = entries_[(key ^ (key >> 8)) % entries_.size()];
    if (e.n != n || e.from != from) e = {from, n, add_working_days(cal_, from, n)};
    return e.result;
}

bool calendar_covers(const Calendar& cal, DayNumber from, DayNumber to) {
    return !cal.bank_holidays.empty() && from >= cal.covers_from && to <= cal.covers_to;
}

}  // namespace continuum::engine
