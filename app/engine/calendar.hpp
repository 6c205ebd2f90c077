// Working days: Monday to Friday, less the bank holidays the rule set holds as data.
#pragma once
#include "date_time.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

bool is_working_day(const Calendar& cal, DayNumber d);

// The n-th working day after `from` (n = 0: `from` itself if it is a working day, else the
// next one). A referral on Friday with n = 1 is due on Monday, or Tuesday after a bank holiday.
DayNumber add_working_days(const Calendar& cal, DayNumber from, int n);

// Whether the calendar's bank holidays cover the days from `from` to `to`.
bool calendar_covers(const Calendar& cal, DayNumber from, DayNumber to);

}  // namespace continuum::engine
