#include "evaluation.hpp"

#include <fmt/format.h>

#include "engine/evaluate.hpp"

namespace continuum::report {

using namespace engine;

Evaluation evaluate_fully(const RuleSet& rules, const Case& c, const ChangeLimits& limits) {
    Evaluation e;
    e.rules = &rules;
    e.kase = c;
    Evaluator(rules).evaluate(c, e.outcome);
    e.trace = build_trace(rules, c, e.outcome);
    e.changes = what_could_change(rules, c, e.outcome, limits);
    return e;
}

std::string due_text(const Due& due) {
    if (!due.has_due) return "no set timescale";
    std::string when =
        due.end_of_day ? fmt::format("by the end of {}", format_date_long(due.at.day))
                       : fmt::format("by {:02}:{:02} on {}", due.at.second_of_day / 3600,
                                     due.at.second_of_day / 60 % 60, format_date_long(due.at.day));
    if (due.outside_calendar) when += " (bank holidays not held for these dates: check the date)";
    return when;
}

std::string timescale_text(const RuleSet& rules, const Action& a) {
    std::string amount;
    switch (a.due.unit) {
        case TimeUnit::None:
            return "no set timescale";
        case TimeUnit::WorkingDays:
            amount = fmt::format("{} working day{}", a.due.amount, a.due.amount == 1 ? "" : "s");
            break;
        case TimeUnit::CalendarDays:
            amount = fmt::format("{} day{}", a.due.amount, a.due.amount == 1 ? "" : "s");
            break;
        case TimeUnit::Hours:
            amount = fmt::format("{} hour{}", a.due.amount, a.due.amount == 1 ? "" : "s");
            break;
    }
    if (a.after_index != kNone)
        return fmt::format("{} after: {}", amount, rules.actions[a.after_index].title);
    return fmt::format("{} from the referral", amount);
}

std::string finding_text(const Route& r, Finding f) {
    switch (f) {
        case Finding::Met:
            return r.wording_met.empty() ? "Met" : r.wording_met;
        case Finding::NotMet:
            return r.wording_not_met.empty() ? "Not met" : r.wording_not_met;
        case Finding::CannotRuleOut:
            return r.wording_cannot_rule_out.empty() ? "Cannot rule out"
                                                     : r.wording_cannot_rule_out;
    }
    return "?";
}

std::string citation_text(const RuleSet& rules, const Citation& c) {
    std::uint32_t si = rules.source_index(c.source);
    std::string title = si == kNone ? c.source : rules.sources[si].title;
    return c.pinpoint.empty() ? title : fmt::format("{}, {}", title, c.pinpoint);
}

std::string values_text(const std::vector<ValueRead>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + (v.phrase ? v.value : v.id + " = " + v.value);
    return out;
}

}  // namespace continuum::report
