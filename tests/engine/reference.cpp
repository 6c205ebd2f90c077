#include "reference.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/expr/eval.hpp"

namespace reference {

using namespace continuum::engine;
using expr::Node;
using expr::Op;

namespace {

Tri k_not(Tri a) {
    return a == Tri::True ? Tri::False : a == Tri::False ? Tri::True : Tri::Unknown;
}

// Strong Kleene: false wins an `and`, true wins an `or`; otherwise unknown wins.
Tri k_fold(const std::vector<Tri>& parts, Tri wins, Tri otherwise) {
    bool unknown = false;
    for (Tri t : parts) {
        if (t == wins) return wins;
        unknown = unknown || t == Tri::Unknown;
    }
    return unknown ? Tri::Unknown : otherwise;
}

// Whether one contact passes a query's filter (postfix: a test pushes whether the contact's
// field is among the listed terms; not, and, or combine the top of the stack).
bool passes(const std::vector<expr::ContactStep>& filter, const Contact& c) {
    using Kind = expr::ContactStep::Kind;
    std::vector<bool> stack;
    for (const expr::ContactStep& s : filter) {
        if (s.kind == Kind::Test) {
            bool in = false;
            for (std::uint32_t k = 0; k < 64; ++k) {
                if (!(s.mask >> k & 1)) continue;
                switch (s.field) {
                    case expr::ContactField::Category:
                        in = in || (c.categories >> k & 1);
                        break;
                    case expr::ContactField::Source:
                        in = in || c.source == k;
                        break;
                    case expr::ContactField::Outcome:
                        in = in || c.outcome == k;
                        break;
                }
            }
            stack.push_back(in);
            continue;
        }
        if (s.kind == Kind::Not) {
            stack.back() = !stack.back();
            continue;
        }
        const bool b = stack.back();
        stack.pop_back();
        stack.back() = s.kind == Kind::And ? stack.back() && b : stack.back() || b;
    }
    return filter.empty() || stack.back();
}

bool usable(const Condition* c) {
    return c && c->present() && c->root != expr::kNoNode;
}

std::pair<const Condition*, const Condition*> conditions(const RuleSet& rs, std::uint32_t slot) {
    const Item& item = rs.slot_items[slot];
    switch (item.kind) {
        case ItemKind::Question:
            return {&rs.questions[item.index].ask_when, nullptr};
        case ItemKind::Fact:
            return {&rs.facts[item.index].when, nullptr};
        case ItemKind::Rule:
            return {&rs.rules[item.index].when, &rs.rules[item.index].unless};
        case ItemKind::Trigger:
            return {&rs.triggers[item.index].when, nullptr};
        case ItemKind::Route:
            return {&rs.routes[item.index].test, &rs.routes[item.index].unless};
        case ItemKind::Action:
            return {&rs.actions[item.index].when, nullptr};
        case ItemKind::Consent:
            return {&rs.consents[item.index].when, nullptr};
        case ItemKind::Combination:
            break;
    }
    return {nullptr, nullptr};
}

}  // namespace

Reading::Reading(const RuleSet& rules, const Case& c)
    : rules_(rules), case_(c), state_(rules.slot_count, 0), values_(rules.slot_count) {
    out_.status.assign(rules.slot_count, Tri::Unknown);
    out_.unless_blocked.assign(rules.slot_count, false);
    for (std::uint32_t s = 0; s < rules.slot_count; ++s)
        define(s);
    std::uint32_t fired = 0;
    bool open = false;
    std::uint32_t open_level = 0;
    auto note = [&](std::uint32_t level, std::uint32_t slot) {
        if (level == kNone) return;
        if (out_.status[slot] == Tri::True) fired = std::max(fired, level);
        if (out_.status[slot] == Tri::Unknown) {
            open_level = open ? std::max(open_level, level) : level;
            open = true;
        }
    };
    for (const auto& r : rules.rules)
        note(r.level_index, r.slot);
    for (const auto& c : rules.combinations)
        note(c.level_index, c.slot);
    for (const auto& t : rules.triggers)
        note(t.level_index, t.slot);
    out_.level = fired;
    out_.higher_level_possible = open && open_level > fired;
}

void Reading::define(std::uint32_t slot) {
    if (state_[slot] == 2) return;
    if (state_[slot] == 1) throw std::logic_error("a definition reads itself");
    state_[slot] = 1;
    const Item& item = rules_.slot_items[slot];
    Tri status = Tri::True;
    if (item.kind == ItemKind::Question) {
        const Condition& ask = rules_.questions[item.index].ask_when;
        status = usable(&ask) ? truth(ask.root) : Tri::True;
        const Answer& a = case_.answers[item.index];
        const bool use = a.state == AnswerState::Answered && status != Tri::False;
        values_[slot] = use ? a.value : Value::unknown();
    } else if (item.kind == ItemKind::Combination) {
        status = combination(item.index);
        values_[slot] = Value::boolean(status);
    } else {
        auto [when, unless] = conditions(rules_, slot);
        if (usable(when)) {
            status = truth(when->root);
            if (usable(unless)) {
                const Tri u = truth(unless->root);
                out_.unless_blocked[slot] = status != Tri::False && u != Tri::False;
                status = k_fold({status, k_not(u)}, Tri::False, Tri::True);
            }
        }
        values_[slot] = Value::boolean(status);
    }
    out_.status[slot] = status;
    state_[slot] = 2;
}

// At least `at_least` of the counted rules, from at least `across_domains` domains (rules
// without a domain count toward the number, never toward the domains).
Tri Reading::combination(std::uint32_t index) {
    const Combination& c = rules_.combinations[index];
    std::uint32_t yes = 0, maybe = 0;
    std::vector<std::uint32_t> domains_yes, domains_maybe;
    for (std::uint32_t r : c.counted) {
        define(rules_.rules[r].slot);
        const Tri t = out_.status[rules_.rules[r].slot];
        const std::uint32_t d = rules_.rules[r].domain_index;
        if (t == Tri::True) ++yes;
        if (t == Tri::Unknown) ++maybe;
        if (d == kNone || t == Tri::False) continue;
        if (t == Tri::True) domains_yes.push_back(d);
        domains_maybe.push_back(d);
    }
    auto distinct = [](std::vector<std::uint32_t> v) {
        std::sort(v.begin(), v.end());
        return static_cast<std::uint32_t>(std::unique(v.begin(), v.end()) - v.begin());
    };
    const bool domains = c.across_domains > 1;
    if (yes >= c.at_least && (!domains || distinct(domains_yes) >= c.across_domains))
        return Tri::True;
    if (yes + maybe < c.at_least || (domains && distinct(domains_maybe) < c.across_domains))
        return Tri::False;
    return Tri::Unknown;
}

Value Reading::slot_value(std::uint32_t slot) {
    define(slot);
    return values_[slot];
}

Tri Reading::truth(std::uint32_t node) {
    return value(node).truth;
}

Value Reading::value(std::uint32_t node) {
    const expr::Program& p = rules_.program;
    const Node& n = p.nodes[node];
    auto kid = [&](std::uint32_t i) { return p.child(n, i); };
    switch (n.op) {
        case Op::Const:
            return p.constants[n.slot];
        case Op::Load:
            return slot_value(n.slot);
        case Op::Not:
            return Value::boolean(k_not(truth(kid(0))));
        case Op::And:
        case Op::Or: {
            std::vector<Tri> parts;
            for (std::uint32_t i = 0; i < n.count; ++i)
                parts.push_back(truth(kid(i)));
            return Value::boolean(n.op == Op::And ? k_fold(parts, Tri::False, Tri::True)
                                                  : k_fold(parts, Tri::True, Tri::False));
        }
        case Op::Compare: {
            const Value a = value(kid(0)), b = value(kid(1));
            const bool equal_op = n.cmp == expr::CmpOp::Equal;
            switch (n.operand_type) {
                case ValueType::Bool:
                    if (a.truth == Tri::Unknown || b.truth == Tri::Unknown) return Value::unknown();
                    return Value::boolean(tri((a.truth == b.truth) == equal_op));
                case ValueType::Choice:
                    if (a.choice < 0 || b.choice < 0) return Value::unknown();
                    return Value::boolean(tri((a.choice == b.choice) == equal_op));
                case ValueType::Number:
                case ValueType::Date:
                    return Value::boolean(expr::compare_numbers(n.cmp, a, b));
                case ValueType::Text:
                    break;
            }
            return Value::unknown();
        }
        case Op::InSet: {
            const Value v = value(kid(0));
            if (n.operand_type == ValueType::Choice) {
                if (v.choice < 0) return Value::unknown();
                for (std::uint32_t i = 0; i < n.set_count; ++i)
                    if (p.set_choices[n.set_first + i] == v.choice)
                        return Value::boolean(Tri::True);
                return Value::boolean(Tri::False);
            }
            Tri t = Tri::False;
            for (std::uint32_t i = 0; i < n.set_count; ++i) {
                const double m = p.set_numbers[n.set_first + i];
                if (v.lo == v.hi && v.lo == m) return Value::boolean(Tri::True);
                if (m >= v.lo && m <= v.hi) t = Tri::Unknown;
            }
            return Value::boolean(t);
        }
        case Op::Known:
            return Value::boolean(tri(slot_value(n.slot).known));
        case Op::Count: {
            double yes = 0, maybe = 0;
            for (std::uint32_t i = 0; i < n.count; ++i) {
                const Tri t = truth(kid(i));
                yes += t == Tri::True;
                maybe += t == Tri::Unknown;
            }
            return Value::range(yes, yes + maybe);
        }
        case Op::DaysSince: {
            const Value d = slot_value(n.slot);
            return d.known ? Value::number(case_.referred_at.day - d.lo) : Value::unknown();
        }
        case Op::Chronology:
            return contacts(p.contact_queries[n.set_first]);
    }
    return Value::unknown();
}

// contacts(...) and days_since(last_contact(...)) as rules/README.md says: the contacts that
// pass the filter, up to the referral day (a window counts back from it, both ends included).
// A complete chronology gives the number; a partial one "at least" the count recorded, and a
// last contact no longer ago than the last one recorded (one not yet found may be more
// recent); no chronology gives unknown.
Value Reading::contacts(const expr::ContactQuery& q) {
    const Answer& a = case_.answers[rules_.chronology.question];
    if (a.state != AnswerState::Answered || !a.chronology()) return Value::unknown();
    const Chronology& chronology = *a.chronology();
    const DayNumber referral = case_.referred_at.day;
    std::vector<DayNumber> days;
    for (const Contact& c : chronology.contacts)
        if (c.day <= referral && passes(q.filter, c)) days.push_back(c.day);
    if (q.aggregate == expr::ContactAggregate::Count) {
        const DayNumber from = window_start(referral, q.window);
        const auto n = static_cast<double>(
            std::count_if(days.begin(), days.end(), [&](DayNumber d) { return d >= from; }));
        return chronology.complete ? Value::number(n) : Value::range(n, Value::kInf);
    }
    const double since =
        days.empty() ? Value::kInf : referral - *std::max_element(days.begin(), days.end());
    return chronology.complete ? Value::number(since) : Value::range(0, since);
}

TraceFacts Reading::trace(std::uint32_t slot) {
    TraceFacts f;
    auto [main, unless] = conditions(rules_, slot);
    const Tri status = out_.status[slot];
    if (status == Tri::False && usable(main)) {
        if (truth(main->root) == Tri::False) {
            // The first false part, looking into false `and`s.
            std::uint32_t node = main->root;
            while (rules_.program.nodes[node].op == Op::And) {
                const Node& n = rules_.program.nodes[node];
                std::uint32_t next = node;
                for (std::uint32_t i = 0; i < n.count && next == node; ++i)
                    if (truth(rules_.program.child(n, i)) == Tri::False)
                        next = rules_.program.child(n, i);
                if (next == node) break;
                node = next;
            }
            f.failing_node = node;
        } else if (usable(unless)) {
            f.failing_node = unless->root;
            f.failed_on_unless = true;
        }
    } else if (status == Tri::Unknown) {
        if (rules_.slot_items[slot].kind == ItemKind::Question) {
            if (usable(main)) open_in_node(main->root, f.blocking);
        } else {
            open_in_slot(slot, f.blocking);
        }
        std::sort(f.blocking.begin(), f.blocking.end());
        f.blocking.erase(std::unique(f.blocking.begin(), f.blocking.end()), f.blocking.end());
    }
    return f;
}

// The questions that keep a slot open: a question unanswered, unknown or set aside (and, if
// whether it applies is open, what that depends on); anything else through the open parts of
// its conditions, a combination through its undetermined rules.
void Reading::open_in_slot(std::uint32_t slot, std::vector<std::uint32_t>& out) {
    const Item& item = rules_.slot_items[slot];
    auto [main, unless] = conditions(rules_, slot);
    if (item.kind == ItemKind::Question) {
        // A number answered as a range ("at least 1") stays open: a closer answer settles it.
        const Answer& a = case_.answers[item.index];
        if (a.state != AnswerState::Answered || !a.value.known || out_.status[slot] == Tri::False)
            out.push_back(slot);
        if (out_.status[slot] == Tri::Unknown && usable(main)) open_in_node(main->root, out);
    } else if (item.kind == ItemKind::Combination) {
        for (std::uint32_t r : rules_.combinations[item.index].counted)
            if (out_.status[rules_.rules[r].slot] == Tri::Unknown)
                open_in_slot(rules_.rules[r].slot, out);
    } else {
        if (usable(main)) open_in_node(main->root, out);
        if (usable(unless)) open_in_node(unless->root, out);
    }
}

void Reading::open_in_node(std::uint32_t node, std::vector<std::uint32_t>& out) {
    const Node& n = rules_.program.nodes[node];
    const bool open = n.type == ValueType::Bool ? truth(node) == Tri::Unknown : !value(node).known;
    if (!open) return;
    switch (n.op) {
        case Op::Load:
        case Op::DaysSince:
        case Op::Chronology:  // a partial chronology: checking the missing agencies settles it
            return open_in_slot(n.slot, out);
        case Op::Const:
        case Op::Known:
            return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i)
                open_in_node(rules_.program.child(n, i), out);
    }
}

}  // namespace reference
