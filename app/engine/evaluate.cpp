// [SECTION] Slots: questions, facts, rules, combinations, triggers, routes, consent, actions
// [SECTION] Level
// [SECTION] Routes, triggers, consent
// [SECTION] Actions and due dates
#include "evaluate.hpp"

#include <algorithm>

#include "calendar.hpp"
#include "chronology_eval.hpp"
#include "expr/eval.hpp"

namespace continuum::engine {

namespace {
const Value kUnknown = Value::unknown();
}

const char* to_string(Finding f) {
    switch (f) {
        case Finding::NotMet:
            return "not_met";
        case Finding::Met:
            return "met";
        case Finding::CannotRuleOut:
            return "cannot_rule_out";
    }
    return "?";
}

// [SECTION] Slots

Tri Evaluator::combination_status(std::uint32_t index, const Tri* truths) {
    const Combination& c = rules_.combinations[index];
    // Both the count and the number of domains only grow as more rules fire, so the
    // combination is true when the rules that fired already suffice, and false when even
    // every undetermined rule firing would not.
    auto& seen = domain_seen_;
    seen.assign(rules_.domains.size() + 1, 0);
    std::uint32_t yes = 0, maybe = 0, domains_yes = 0, domains_maybe = 0;
    const auto& counted = rules_.machine.combinations[index];
    for (const expr::CountedRule& rule : counted) {
        Tri t = truths[rule.slot];
        if (t == Tri::False) continue;
        std::uint32_t d = rule.domain_index == kNone
                              ? static_cast<std::uint32_t>(rules_.domains.size())
                              : rule.domain_index;
        bool no_domain = rule.domain_index == kNone;
        if (t == Tri::True) {
            ++yes;
            if (!no_domain && !(seen[d] & 1)) {
                ++domains_yes;
                if (!(seen[d] & 2)) ++domains_maybe;
                seen[d] |= 3;
            }
        } else {
            ++maybe;
            if (!no_domain && !(seen[d] & 2)) {
                ++domains_maybe;
                seen[d] |= 2;
            }
        }
    }
    bool can = yes + maybe >= c.at_least && domains_maybe >= c.across_domains;
    bool does = yes >= c.at_least && domains_yes >= c.across_domains;
    // With across_domains == 1, rules without a domain still count toward at_least.
    if (c.across_domains <= 1) {
        can = yes + maybe >= c.at_least;
        does = yes >= c.at_least;
    }
    if (does) return Tri::True;
    if (!can) return Tri::False;
    return Tri::Unknown;
}

// A question's answer is used only while the question may apply; a choice's options get
// their own truth cells ("q is X") for the comparisons that read them.
void Evaluator::set_question(const Case& c, Outcome& out, std::uint32_t q, Tri visible) {
    const expr::Machine& m = rules_.machine;
    const std::uint32_t slot = rules_.questions[q].slot;
    const Answer& a = c.answers[q];
    out.slots[slot] = SlotResult{visible, false};
    bool use = a.state == AnswerState::Answered && visible != Tri::False;
    const Value& v = use ? a.value : kUnknown;
    out.values[slot] = v;
    Tri* truths = out.truths.data();
    truths[slot] = v.truth;
    if (std::uint32_t first = m.option_cells[q]; first != expr::kNoCell) {
        const auto options = static_cast<std::int32_t>(rules_.questions[q].choice_ids.size());
        for (std::int32_t k = 0; k < options; ++k)
            truths[first + static_cast<std::uint32_t>(k)] =
                v.choice < 0 ? Tri::Unknown : tri(v.choice == k);
    }
}

void Evaluator::evaluate_slots(const Case& c, Outcome& out) {
    const expr::Machine& m = rules_.machine;
    Tri* t = out.truths.data();
    expr::EvalContext ctx{&rules_.program,        &m,
                          out.values.data(),      t,
                          out.node_values.data(), out.contact_values.data(),
                          c.referred_at.day};
    for (std::uint32_t q : m.always_asked)
        set_question(c, out, q, Tri::True);
    const auto* table = &expr::code_tables::kTable[0][0][0];
    for (const expr::Instr& in : m.code) {
        if (static_cast<std::uint8_t>(in.code) < expr::kTableCodes) [[likely]] {
            t[in.out] =
                table[static_cast<std::uint8_t>(in.code) * 9 +
                      static_cast<std::uint8_t>(t[in.a]) * 3 + static_cast<std::uint8_t>(t[in.b])];
            continue;
        }
        switch (in.code) {
            case expr::Code::Node:
                expr::evaluate_node(ctx, in.a);
                break;
            case expr::Code::Question:
                set_question(c, out, in.a, t[in.b]);
                break;
            case expr::Code::Combination:
                t[in.out] = combination_status(in.a, t);
                break;
            default:
                break;
        }
    }
    // The definitions as the rest of the engine reads them, and the level they point to.
    fired_level_ = 0;
    open_level_ = kNone;
    for (const expr::Definition& d : m.definitions) {
        Tri status = t[d.slot];
        bool unless_blocked =
            d.unless != expr::kNoCell && t[d.when] != Tri::False && t[d.unless] != Tri::False;
        out.slots[d.slot] = SlotResult{status, unless_blocked};
        out.values[d.slot] = Value::boolean(status);
        note_level(d.level, status);
    }
}

// [SECTION] Level

// The level is the highest one whose rules fired (noted as the slots were evaluated, which
// saves a pass over every rule); a higher one cannot be ruled out while a rule pointing above
// it is undetermined.
void Evaluator::note_level(std::uint32_t level_index, Tri status) {
    if (level_index == kNone) return;
    if (status == Tri::True) fired_level_ = std::max(fired_level_, level_index);
    if (status == Tri::Unknown && (open_level_ == kNone || level_index > open_level_))
        open_level_ = level_index;
}

void Evaluator::decide_level(Outcome& out) {
    out.level = fired_level_;
    out.higher_level_possible = open_level_ != kNone && open_level_ > fired_level_;
}

// [SECTION] Routes, triggers, consent

void Evaluator::collect_routes_triggers_consent(Outcome& out) {
    out.routes.resize(rules_.routes.size());
    for (std::size_t i = 0; i < rules_.routes.size(); ++i) {
        Tri t = out.slots[rules_.routes[i].slot].status;
        out.routes[i] = t == Tri::True    ? Finding::Met
                        : t == Tri::False ? Finding::NotMet
                                          : Finding::CannotRuleOut;
    }
    out.triggers.clear();
    out.possible_triggers.clear();
    for (std::uint32_t i = 0; i < rules_.triggers.size(); ++i) {
        Tri t = out.slots[rules_.triggers[i].slot].status;
        if (t == Tri::True)
            out.triggers.push_back(i);
        else if (t == Tri::Unknown)
            out.possible_triggers.push_back(i);
    }
    out.consent.clear();
    out.possible_consent.clear();
    for (std::uint32_t i = 0; i < rules_.consents.size(); ++i) {
        Tri t = out.slots[rules_.consents[i].slot].status;
        if (t == Tri::True)
            out.consent.push_back(i);
        else if (t == Tri::Unknown)
            out.possible_consent.push_back(i);
    }
}

// [SECTION] Actions and due dates

void Evaluator::collect_actions(Outcome& out) {
    // (action, reason slot) pairs; a definite reason is marked by the slot's status.
    wanted_.clear();
    auto want = [&](const std::vector<std::uint32_t>& actions, std::uint32_t reason) {
        for (std::uint32_t a : actions)
            wanted_.push_back({a, reason});
    };
    for (std::uint32_t t : out.triggers)
        want(rules_.triggers[t].action_indices, rules_.triggers[t].slot);
    for (std::uint32_t t : out.possible_triggers)
        want(rules_.triggers[t].action_indices, rules_.triggers[t].slot);
    for (std::size_t i = 0; i < rules_.routes.size(); ++i) {
        const Route& r = rules_.routes[i];
        if (out.routes[i] == Finding::Met) want(r.action_indices, r.slot);
        if (out.routes[i] == Finding::CannotRuleOut) {
            want(r.if_cannot_rule_out_indices, r.slot);
            want(r.action_indices, r.slot);
        }
    }
    want(rules_.levels[out.level].action_indices, kNone);
    for (std::uint32_t i = 0; i < rules_.actions.size(); ++i) {
        const Action& a = rules_.actions[i];
        if (a.slot != kNone && out.slots[a.slot].status != Tri::False)
            wanted_.push_back({i, a.slot});
    }
    std::stable_sort(wanted_.begin(), wanted_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    out.actions.clear();
    out.action_reasons.clear();
    for (std::size_t i = 0; i < wanted_.size();) {
        std::uint32_t action = wanted_[i].first;
        NeededAction n;
        n.action = action;
        n.definite = false;
        n.reasons_first = static_cast<std::uint32_t>(out.action_reasons.size());
        for (; i < wanted_.size() && wanted_[i].first == action; ++i) {
            std::uint32_t reason = wanted_[i].second;
            bool definite = reason == kNone || out.slots[reason].status == Tri::True;
            // Actions of a route that cannot be ruled out stay "possible" unless listed for that.
            if (reason != kNone && rules_.symbols[reason].kind == expr::SymbolKind::Route &&
                out.slots[reason].status == Tri::Unknown) {
                const Route& r = rules_.routes[rules_.slot_items[reason].index];
                const auto& listed = r.if_cannot_rule_out_indices;
                definite = std::find(listed.begin(), listed.end(), action) != listed.end();
            }
            n.definite = n.definite || definite;
            if (reason != kNone && (out.action_reasons.size() == n.reasons_first ||
                                    out.action_reasons.back() != reason))
                out.action_reasons.push_back(reason);
        }
        n.reasons_count = static_cast<std::uint32_t>(out.action_reasons.size()) - n.reasons_first;
        out.actions.push_back(n);
    }
}

namespace {

Due due_after(const Calendar& cal, const Timescale& ts, const Due& base) {
    Due d;
    if (ts.unit == TimeUnit::None) return d;
    d.has_due = true;
    d.outside_calendar = base.outside_calendar;
    switch (ts.unit) {
        case TimeUnit::WorkingDays: {
            DayNumber day = add_working_days(cal, base.at.day, ts.amount);
            d.at = {day, 86399};
            d.end_of_day = true;
            d.outside_calendar = d.outside_calendar || !calendar_covers(cal, base.at.day, day);
            break;
        }
        case TimeUnit::CalendarDays:
            d.at = {base.at.day + ts.amount, 86399};
            d.end_of_day = true;
            break;
        case TimeUnit::Hours: {
            std::int64_t seconds =
                static_cast<std::int64_t>(base.at.second_of_day) + ts.amount * 3600LL;
            d.at = {static_cast<DayNumber>(base.at.day + seconds / 86400),
                    static_cast<std::int32_t>(seconds % 86400)};
            break;
        }
        case TimeUnit::None:
            break;
    }
    return d;
}

}  // namespace

void Evaluator::schedule(Outcome& out) {
    Due referral;
    referral.has_due = true;
    referral.at = out.referred_at;
    for (NeededAction& n : out.actions) {
        // Walk the `after` chain back to the referral, then forward (chains are acyclic).
        std::uint32_t chain[16];
        std::size_t depth = 0;
        for (std::uint32_t a = n.action; a != kNone && depth < 16;
             a = rules_.actions[a].after_index)
            chain[depth++] = a;
        Due due = referral;
        for (std::size_t k = depth; k-- > 0;) {
            Due next = due_after(rules_.calendar, rules_.actions[chain[k]].due, due);
            if (next.has_due || k == 0) due = next;
        }
        n.due = due;
    }
}

void Evaluator::evaluate(const Case& c, Outcome& out) {
    out.values.resize(rules_.slot_count);
    out.slots.resize(rules_.slot_count);
    out.node_values.resize(rules_.program.nodes.size());
    out.truths.assign(rules_.machine.initial.begin(), rules_.machine.initial.end());
    out.referred_at = c.referred_at;
    contact_values(rules_, c, out.contact_values);  // once per case, before any rule reads them
    evaluate_slots(c, out);
    decide_level(out);
    collect_routes_triggers_consent(out);
    collect_actions(out);
    schedule(out);
}

Outcome evaluate(const RuleSet& rules, const Case& c) {
    Outcome out;
    Evaluator(rules).evaluate(c, out);
    return out;
}

}  // namespace continuum::engine
