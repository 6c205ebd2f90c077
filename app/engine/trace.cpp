#include "trace.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace continuum::engine {

const char* trace_status(Tri t) {
    switch (t) {
        case Tri::True: return "fired";
        case Tri::False: return "not_fired";
        default: return "undetermined";
    }
}

namespace {

using expr::Node;
using expr::Op;

// The conditions a slot's definition is made of (main condition, then unless).
std::vector<const Condition*> conditions_of(const RuleSet& rules, std::uint32_t slot) {
    const Item& item = rules.slot_items[slot];
    switch (item.kind) {
        case ItemKind::Question: return {&rules.questions[item.index].ask_when};
        case ItemKind::Fact: return {&rules.facts[item.index].when};
        case ItemKind::Rule: return {&rules.rules[item.index].when, &rules.rules[item.index].unless};
        case ItemKind::Trigger: return {&rules.triggers[item.index].when};
        case ItemKind::Route: return {&rules.routes[item.index].test, &rules.routes[item.index].unless};
        case ItemKind::Action: return {&rules.actions[item.index].when};
        case ItemKind::Consent: return {&rules.consents[item.index].when};
        case ItemKind::Combination: return {};
    }
    return {};
}

// Descends through `and`s that are false to the first false part.
std::uint32_t first_false(const RuleSet& rules, const Outcome& o, std::uint32_t node) {
    const Node& n = rules.program.nodes[node];
    if (n.op == Op::And && o.node_values[node].truth == Tri::False) {
        for (std::uint32_t i = 0; i < n.count; ++i) {
            std::uint32_t child = rules.program.child(n, i);
            if (o.node_values[child].truth == Tri::False) return first_false(rules, o, child);
        }
    }
    return node;
}

void leaves(const RuleSet& rules, std::uint32_t node, std::vector<std::uint32_t>& slots) {
    const Node& n = rules.program.nodes[node];
    switch (n.op) {
        case Op::Load:
        case Op::Known:
        case Op::DaysSince: slots.push_back(n.slot); return;
        case Op::Const: return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i) leaves(rules, rules.program.child(n, i), slots);
    }
}

std::string describe_slot_value(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot) {
    const Item& item = rules.slot_items[slot];
    if (item.kind == ItemKind::Question) {
        const Answer& a = c.answers[item.index];
        if (a.state == AnswerState::Answered && o.slots[slot].status == Tri::False)
            return "set aside (question does not apply)";
        if (a.state == AnswerState::NotAsked)
            return o.slots[slot].status == Tri::False ? "not asked (does not apply)" : "not asked";
        return describe_answer(rules.questions[item.index], a);
    }
    return describe_value(rules, slot, o.values[slot]);
}

std::vector<ValueRead> values_read(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t node) {
    std::vector<std::uint32_t> slots;
    leaves(rules, node, slots);
    std::vector<ValueRead> out;
    std::set<std::uint32_t> seen;
    for (std::uint32_t s : slots) {
        if (!seen.insert(s).second) continue;
        out.push_back({rules.symbols[s].id, describe_slot_value(rules, c, o, s),
                       rules.slot_items[s].kind == ItemKind::Question});
    }
    return out;
}

void collect_blocking(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t node,
                      std::set<std::uint32_t>& questions, std::set<std::uint32_t>& visited_slots);

void collect_blocking_slot(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot,
                           std::set<std::uint32_t>& questions, std::set<std::uint32_t>& visited) {
    if (!visited.insert(slot).second) return;
    const Item& item = rules.slot_items[slot];
    if (item.kind == ItemKind::Question) {
        if (c.answers[item.index].state != AnswerState::Answered || o.slots[slot].status == Tri::False)
            questions.insert(slot);
        // Whether the question applies may itself be open.
        if (o.slots[slot].status == Tri::Unknown)
            collect_blocking(rules, c, o, rules.questions[item.index].ask_when.root, questions, visited);
        return;
    }
    if (item.kind == ItemKind::Combination) {
        for (std::uint32_t r : rules.combinations[item.index].counted) {
            std::uint32_t rs = rules.rules[r].slot;
            if (o.slots[rs].status == Tri::Unknown) collect_blocking_slot(rules, c, o, rs, questions, visited);
        }
        return;
    }
    for (const Condition* cond : conditions_of(rules, slot))
        if (cond->present() && cond->root != expr::kNoNode)
            collect_blocking(rules, c, o, cond->root, questions, visited);
}

void collect_blocking(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t node,
                      std::set<std::uint32_t>& questions, std::set<std::uint32_t>& visited) {
    const Node& n = rules.program.nodes[node];
    const Value& v = o.node_values[node];
    bool open = n.type == ValueType::Bool ? v.truth == Tri::Unknown : !v.known;
    if (!open) return;
    switch (n.op) {
        case Op::Load:
        case Op::DaysSince: collect_blocking_slot(rules, c, o, n.slot, questions, visited); return;
        case Op::Const:
        case Op::Known: return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i)
                collect_blocking(rules, c, o, rules.program.child(n, i), questions, visited);
    }
}

}  // namespace

std::vector<std::uint32_t> blocking_questions(const RuleSet& rules, const Case& c, const Outcome& o,
                                              std::uint32_t slot) {
    std::set<std::uint32_t> questions, visited;
    const Item& item = rules.slot_items[slot];
    if (item.kind == ItemKind::Question) {
        collect_blocking(rules, c, o, rules.questions[item.index].ask_when.root, questions, visited);
    } else {
        collect_blocking_slot(rules, c, o, slot, questions, visited);
    }
    return {questions.begin(), questions.end()};
}

TraceEntry trace_entry(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot) {
    const Item& item = rules.slot_items[slot];
    TraceEntry e;
    e.kind = item.kind;
    e.index = item.index;
    e.slot = slot;
    e.id = rules.symbols[slot].id;
    e.status = o.slots[slot].status;
    e.unless_blocked = o.slots[slot].unless_blocked;
    const Condition* main = nullptr;
    const Condition* unless = nullptr;
    switch (item.kind) {
        case ItemKind::Fact: {
            const Fact& f = rules.facts[item.index];
            e.says = f.label;
            e.cites = f.cites;
            main = &f.when;
            break;
        }
        case ItemKind::Rule: {
            const LevelRule& r = rules.rules[item.index];
            e.says = r.says;
            e.level = r.level;
            e.cites = r.cites;
            e.unless_says = r.unless_says;
            main = &r.when;
            unless = &r.unless;
            break;
        }
        case ItemKind::Combination: {
            const Combination& cb = rules.combinations[item.index];
            e.says = cb.says;
            e.level = cb.level;
            e.cites = cb.cites;
            std::string counted;
            for (std::uint32_t r : cb.counted) counted += (counted.empty() ? "" : ", ") + rules.rules[r].id;
            e.condition = fmt::format("at least {} of [{}]{}", cb.at_least, counted,
                                      cb.across_domains > 1 ? fmt::format(" across at least {} domains", cb.across_domains) : "");
            for (std::uint32_t r : cb.counted) {
                std::uint32_t rs = rules.rules[r].slot;
                if (o.slots[rs].status != Tri::False)
                    e.values.push_back({rules.rules[r].id, trace_status(o.slots[rs].status), false});
            }
            if (e.status == Tri::Unknown) {
                for (std::uint32_t q : blocking_questions(rules, c, o, slot)) e.blocking.push_back(rules.symbols[q].id);
            }
            return e;
        }
        case ItemKind::Trigger: {
            const Trigger& t = rules.triggers[item.index];
            e.says = t.title;
            e.level = t.level;
            e.cites = t.cites;
            main = &t.when;
            break;
        }
        case ItemKind::Route: {
            const Route& r = rules.routes[item.index];
            e.says = r.title;
            e.cites = r.cites;
            e.unless_says = r.unless_says;
            main = &r.test;
            unless = &r.unless;
            break;
        }
        case ItemKind::Action: {
            const Action& a = rules.actions[item.index];
            e.says = a.title;
            e.cites = a.cites;
            main = &a.when;
            break;
        }
        case ItemKind::Consent: {
            const ConsentRule& cr = rules.consents[item.index];
            e.says = cr.says;
            e.cites = cr.cites;
            main = &cr.when;
            break;
        }
        case ItemKind::Question: {
            const Question& q = rules.questions[item.index];
            e.says = q.prompt;
            e.cites = q.cites;
            main = &q.ask_when;
            break;
        }
    }
    if (main && main->present()) e.condition = main->text;
    if (unless && unless->present()) e.unless = unless->text;
    if (!main || !main->present() || main->root == expr::kNoNode) return e;

    Tri main_value = o.node_values[main->root].truth;
    if (e.status == Tri::True) {
        e.values = values_read(rules, c, o, main->root);
    } else if (e.status == Tri::False) {
        if (main_value == Tri::False) {
            std::uint32_t failing = first_false(rules, o, main->root);
            e.failing = std::string(rules.program.span_text(rules.program.nodes[failing]));
            e.values = values_read(rules, c, o, failing);
        } else if (unless && unless->present()) {
            e.failing = "unless " + unless->text;
            e.values = values_read(rules, c, o, unless->root);
        }
    } else {
        for (std::uint32_t q : blocking_questions(rules, c, o, slot)) e.blocking.push_back(rules.symbols[q].id);
        e.values = values_read(rules, c, o, main->root);
    }
    return e;
}

std::vector<TraceEntry> build_trace(const RuleSet& rules, const Case& c, const Outcome& o) {
    std::vector<TraceEntry> out;
    auto add = [&](const auto& items) {
        for (const auto& item : items)
            if (item.slot != kNone) out.push_back(trace_entry(rules, c, o, item.slot));
    };
    add(rules.facts);
    add(rules.rules);
    add(rules.combinations);
    add(rules.triggers);
    add(rules.routes);
    add(rules.consents);
    add(rules.actions);
    return out;
}

std::vector<std::uint32_t> level_reasons(const RuleSet& rules, const Outcome& o) {
    std::vector<std::uint32_t> out;
    auto add = [&](const auto& items) {
        for (const auto& i : items)
            if (i.level_index == o.level && o.slots[i.slot].status == Tri::True) out.push_back(i.slot);
    };
    add(rules.triggers);
    add(rules.combinations);
    add(rules.rules);
    return out;
}

std::vector<std::uint32_t> higher_level_candidates(const RuleSet& rules, const Outcome& o) {
    std::vector<std::uint32_t> out;
    auto add = [&](const auto& items) {
        for (const auto& i : items)
            if (i.level_index != kNone && i.level_index > o.level && o.slots[i.slot].status == Tri::Unknown)
                out.push_back(i.slot);
    };
    add(rules.triggers);
    add(rules.combinations);
    add(rules.rules);
    return out;
}

}  // namespace continuum::engine
