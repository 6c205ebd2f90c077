#include "chronology_eval.hpp"

namespace continuum::engine {

Value contact_value(const expr::ContactQuery& q, const Chronology* chronology,
                    DayNumber referral_day) {
    if (!chronology) return Value::unknown();
    const auto& contacts = chronology->contacts;
    if (q.aggregate == expr::ContactAggregate::Count) {
        const DayNumber from = window_start(referral_day, q.window);
        double n = 0;
        for (const Contact& c : contacts)
            if (c.day >= from && c.day <= referral_day && expr::matches(q, c)) n += 1;
        return chronology->complete ? Value::number(n) : Value::range(n, Value::kInf);
    }
    double days = Value::kInf;  // no contact matches: longer ago than any window
    for (auto it = contacts.rbegin(); it != contacts.rend(); ++it)
        if (it->day <= referral_day && expr::matches(q, *it)) {
            days = referral_day - it->day;
            break;
        }
    // Partial: a contact not yet found may be more recent than the last one recorded.
    return chronology->complete ? Value::number(days) : Value::range(0, days);
}

void contact_values(const RuleSet& rules, const Case& c, Value* numbers) {
    const auto& queries = rules.program.contact_queries;
    if (queries.empty()) return;
    const Chronology* chronology = recorded_chronology(rules, c);
    const auto& registers = rules.machine.contact_registers;
    for (std::size_t k = 0; k < queries.size(); ++k)
        numbers[registers[k]] = contact_value(queries[k], chronology, c.referred_at.day);
}

}  // namespace continuum::engine
