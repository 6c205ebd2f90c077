// Working days: Monday to Friday, less the bank holidays the rule set holds as data.
#pragma once
#include <array>

#include "date_time.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

bool is_working_day(const Calendar& cal, DayNumber d);

// The n-th working day after `from` (n = 0: `from` itself if it is a working day, else the
// next one). A referral on Friday with n = 1 is due on Monday, or Tuesday after a bank holiday.
DayNumber add_working_days(const Calendar& cal, DayNumber from, int n);

// add_working_days for one calendar, remembering recent answers: the cases of a library share
// referral days, and walking day by day to a deadline weeks away costs more than evaluating the
// rules.
class WorkingDayMemo {
  public:
    explicit WorkingDayMemo(const Calendar& cal) : cal_(cal) {}
    DayNumber add(DayNumber from, int n);

  private:
    struct Entry {
        DayNumber from = 0;
        int n = -1;  // no entry
        DayNumber result = 0;
    };
    const Calendar& cal_;
    std::array<Entry, 256> entries_{};
};

// Whether the calendar's bank holidays cover the days from `from` to `to`.
bool calendar_covers(const Calendar& cal, DayNumber from, DayNumber to);

}  // namespace continuum::engine
