#include "outcome_words.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/trace.hpp"
#include "explain.hpp"
#include "words.hpp"

namespace continuum::report {

using namespace engine;

namespace {

const TraceEntry* entry_for(const Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

// Earlier deadlines first; "days" deadlines end with the day, so they sort after a time that day.
bool due_before(const NeededAction& a, const NeededAction& b) {
    if (a.definite != b.definite) return a.definite;
    if (a.due.has_due != b.due.has_due) return a.due.has_due;
    if (!a.due.has_due) return false;
    if (a.due.at.day != b.due.at.day) return a.due.at.day < b.due.at.day;
    std::int64_t as = a.due.end_of_day ? 86400 : a.due.at.second_of_day;
    std::int64_t bs = b.due.end_of_day ? 86400 : b.due.at.second_of_day;
    return as < bs;
}

}  // namespace

std::vector<std::size_t> actions_by_due(const Outcome& o) {
    std::vector<std::size_t> order(o.actions.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return due_before(o.actions[a], o.actions[b]);
    });
    return order;
}

std::string action_line(const Evaluation& e, const NeededAction& n) {
    const RuleSet& rules = *e.rules;
    const Action& a = rules.actions[n.action];
    std::string when = n.due.has_due
                           ? fmt::format("{} ({})", due_text(n.due), timescale_text(rules, a))
                           : std::string("no set timescale");
    return fmt::format("{}{}: {}", n.definite ? "" : "If needed: ", a.title, when);
}

std::vector<std::string> urgent_lines(const Evaluation& e) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    std::vector<std::string> out;
    for (std::uint32_t t : o.triggers)
        out.push_back(
            fmt::format("Always refer: {}. {}", rules.triggers[t].title, rules.triggers[t].says));
    auto order = actions_by_due(o);
    if (!order.empty() && o.actions[order.front()].due.has_due &&
        o.actions[order.front()].definite) {
        const NeededAction& n = o.actions[order.front()];
        out.push_back(
            fmt::format("First deadline: {}, {}", rules.actions[n.action].title, due_text(n.due)));
    }
    return out;
}

std::vector<std::string> level_lines(const Evaluation& e) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    const Level& level = rules.levels[o.level];
    std::vector<std::string> out;
    LevelStatus status = level_status(e);
    if (!status.settled) out.push_back(as_sentence(level_headline(e, status)));
    out.push_back(
        fmt::format("{}{}", level.name,
                    level.band.empty() || level.band == level.name ? "" : " (" + level.band + ")"));
    std::vector<std::string> because;
    for (std::uint32_t s : level_reasons(rules, o))
        if (const TraceEntry* t = entry_for(e, s)) because.push_back(lower_first(t->says));
    out.push_back(because.empty()
                      ? std::string("Because no indicator of a higher level is present.")
                      : as_sentence("Because: " + join_reasons(because)));
    for (std::uint32_t s : higher_level_candidates(rules, o))
        if (const TraceEntry* t = entry_for(e, s)) {
            std::uint32_t li = rules.level_index(t->level);
            std::string open = turns_on(e, t->blocking);
            out.push_back(as_sentence(
                fmt::format("Could be {}: {}{}", li == kNone ? t->level : rules.levels[li].name,
                            lower_first(t->says), open.empty() ? "" : "; " + open)));
        }
    return out;
}

std::vector<std::string> change_lines(const Evaluation& e) {
    const RuleSet& rules = *e.rules;
    std::vector<std::string> out;
    for (const auto& t : e.changes) {
        for (const auto& s : t.sets)
            for (const auto& opt : s.options)
                out.push_back(change_sentence(rules, t, opt));
        if (!t.complete)
            out.push_back(
                fmt::format("For {} the search stopped at its limit: more answers may "
                            "matter.",
                            change_target_name(rules, t)));
    }
    if (out.empty()) out.push_back("No unanswered question could change the level or any route.");
    return out;
}

std::string sources_text(const RuleSet& rules, const std::vector<Citation>& cites) {
    std::string out;
    for (const auto& c : cites)
        out += (out.empty() ? "" : "; ") + citation_text(rules, c);
    return out.empty() ? "" : "Source: " + out;
}

}  // namespace continuum::report
