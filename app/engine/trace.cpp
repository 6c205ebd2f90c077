#include "trace.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "expr/eval.hpp"

namespace continuum::engine {

const char* trace_status(Tri t) {
    switch (t) {
        case Tri::True:
            return "fired";
        case Tri::False:
            return "not_fired";
        default:
            return "undetermined";
    }
}

namespace {

using expr::Node;
using expr::Op;

void leaves(const RuleSet& rules, std::uint32_t node, std::vector<std::uint32_t>& slots) {
    const Node& n = rules.program.nodes[node];
    switch (n.op) {
        case Op::Load:
        case Op::Known:
        case Op::DaysSince:
            slots.push_back(n.slot);
            return;
        case Op::Const:
            return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i)
                leaves(rules, rules.program.child(n, i), slots);
    }
}

std::string describe_slot_value(const RuleSet& rules, const Case& c, const Outcome& o,
                                std::uint32_t slot) {
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

std::vector<ValueRead> values_read(const RuleSet& rules, const Case& c, const Outcome& o,
                                   std::uint32_t node) {
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

// The conditions a slot's definition is made of: (main, unless), either may be absent.
std::pair<const Condition*, const Condition*> main_and_unless(const RuleSet& rules,
                                                              std::uint32_t slot) {
    const Item& item = rules.slot_items[slot];
    switch (item.kind) {
        case ItemKind::Question:
            return {&rules.questions[item.index].ask_when, nullptr};
        case ItemKind::Fact:
            return {&rules.facts[item.index].when, nullptr};
        case ItemKind::Rule:
            return {&rules.rules[item.index].when, &rules.rules[item.index].unless};
        case ItemKind::Trigger:
            return {&rules.triggers[item.index].when, nullptr};
        case ItemKind::Route:
            return {&rules.routes[item.index].test, &rules.routes[item.index].unless};
        case ItemKind::Action:
            return {&rules.actions[item.index].when, nullptr};
        case ItemKind::Consent:
            return {&rules.consents[item.index].when, nullptr};
        case ItemKind::Combination:
            return {nullptr, nullptr};
    }
    return {nullptr, nullptr};
}

bool usable(const Condition* c) {
    return c && c->present() && c->root != expr::kNoNode;
}

// Answered with one value. A number answered as a range ("at least 1") stays open: a
// comparison it leaves undetermined is settled by a closer answer.
bool settled(const Answer& a) {
    return a.state == AnswerState::Answered && a.value.known;
}

}  // namespace

Tracer::Tracer(const RuleSet& rules) : rules_(rules) {
    const std::size_t slots = rules.slot_items.size();
    bit_of_.assign(slots, kNone);
    for (std::uint32_t slot = 0; slot < slots; ++slot) {
        if (rules.slot_items[slot].kind != ItemKind::Question) continue;
        bit_of_[slot] = static_cast<std::uint32_t>(slot_of_bit_.size());
        slot_of_bit_.push_back(slot);
    }
    words_ = std::max<std::size_t>(1, (slot_of_bit_.size() + 63) / 64);
    main_root_.assign(slots, expr::kNoNode);
    unless_root_.assign(slots, expr::kNoNode);
    for (std::uint32_t slot = 0; slot < slots; ++slot) {
        auto [main, unless] = main_and_unless(rules, slot);
        if (usable(main)) main_root_[slot] = main->root;
        if (usable(unless)) unless_root_[slot] = unless->root;
    }
    auto add = [&](const auto& items) {
        for (const auto& item : items)
            if (item.slot != kNone) traced_.push_back(item.slot);
    };
    add(rules.facts);
    add(rules.rules);
    add(rules.combinations);
    add(rules.triggers);
    add(rules.routes);
    add(rules.consents);
    add(rules.actions);
    sets_.assign(slots * words_, 0);
    done_.assign(slots, 0);
    scratch_.assign(words_, 0);
}

Value Tracer::value(const Outcome& o, std::uint32_t node) const {
    return expr::node_value(rules_.program, rules_.machine, o.values.data(), o.truths.data(),
                            o.node_values.data(), node);
}

std::uint32_t Tracer::first_false(const Outcome& o, std::uint32_t node) const {
    for (;;) {
        const expr::NodeShape& n = rules_.machine.shapes[node];
        if (n.op != Op::And || truth(o, node) != Tri::False) return node;
        std::uint32_t next = node;
        for (std::uint32_t i = 0; i < n.count && next == node; ++i) {
            std::uint32_t child = rules_.program.children[n.first + i];
            if (truth(o, child) == Tri::False) next = child;
        }
        if (next == node) return node;
        node = next;
    }
}

void Tracer::begin_query() {
    if (++stamp_ == 0) {  // wrapped: forget every earlier query
        std::fill(done_.begin(), done_.end(), 0);
        stamp_ = 1;
    }
}

// A question is open while unanswered, unknown, answered only with a range, or set aside;
// whether it applies may itself be open. Anything else is open through the open parts of its
// conditions (a combination through its undetermined rules).
const Tracer::Word* Tracer::open_questions(const Case& c, const Outcome& o, std::uint32_t slot) {
    Word* set = sets_.data() + slot * words_;
    if (done_[slot] == stamp_) return set;
    std::fill(set, set + words_, 0);
    const Item& item = rules_.slot_items[slot];
    if (item.kind == ItemKind::Question) {
        bool open = !settled(c.answers[item.index]) || o.slots[slot].status == Tri::False;
        if (open) set[bit_of_[slot] / 64] |= Word{1} << (bit_of_[slot] % 64);
        if (o.slots[slot].status == Tri::Unknown && main_root_[slot] != expr::kNoNode)
            add_open_questions(c, o, main_root_[slot], set);
    } else if (item.kind == ItemKind::Combination) {
        for (std::uint32_t r : rules_.combinations[item.index].counted) {
            std::uint32_t rs = rules_.rules[r].slot;
            if (o.slots[rs].status != Tri::Unknown) continue;
            const Word* from = open_questions(c, o, rs);
            for (std::size_t w = 0; w < words_; ++w)
                set[w] |= from[w];
        }
    } else {
        if (main_root_[slot] != expr::kNoNode) add_open_questions(c, o, main_root_[slot], set);
        if (unless_root_[slot] != expr::kNoNode) add_open_questions(c, o, unless_root_[slot], set);
    }
    done_[slot] = stamp_;
    return set;
}

void Tracer::add_open_questions(const Case& c, const Outcome& o, std::uint32_t node, Word* into) {
    const expr::NodeShape& n = rules_.machine.shapes[node];
    bool open = n.type == ValueType::Bool ? truth(o, node) == Tri::Unknown : !value(o, node).known;
    if (!open) return;
    switch (n.op) {
        case Op::Load:
        case Op::DaysSince: {
            // Most loads read a question that always applies: its own bit is the whole set.
            if (const std::uint32_t bit = bit_of_[n.slot];
                bit != kNone && main_root_[n.slot] == expr::kNoNode) {
                const Item& item = rules_.slot_items[n.slot];
                if (!settled(c.answers[item.index])) into[bit / 64] |= Word{1} << (bit % 64);
                return;
            }
            const Word* from = open_questions(c, o, n.slot);
            for (std::size_t w = 0; w < words_; ++w)
                into[w] |= from[w];
            return;
        }
        case Op::Const:
        case Op::Known:
            return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i)
                add_open_questions(c, o, rules_.program.children[n.first + i], into);
    }
}

void Tracer::append_slots(const Word* set, std::vector<std::uint32_t>& out) const {
    // Bits follow slot order, so the slots come out sorted.
    for (std::size_t w = 0; w < words_; ++w)
        for (Word bits = set[w]; bits != 0; bits &= bits - 1)
            out.push_back(slot_of_bit_[w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))]);
}

void Tracer::blocking_in_query(const Case& c, const Outcome& o, std::uint32_t slot,
                               std::vector<std::uint32_t>& out) {
    if (rules_.slot_items[slot].kind == ItemKind::Question) {
        // Its own answer is not what blocks it: only whether it applies.
        std::fill(scratch_.begin(), scratch_.end(), 0);
        if (main_root_[slot] != expr::kNoNode)
            add_open_questions(c, o, main_root_[slot], scratch_.data());
        append_slots(scratch_.data(), out);
        return;
    }
    append_slots(open_questions(c, o, slot), out);
}

void Tracer::blocking(const Case& c, const Outcome& o, std::uint32_t slot,
                      std::vector<std::uint32_t>& out) {
    begin_query();
    blocking_in_query(c, o, slot, out);
}

// Fills `f` in place: returning the struct and copying it made the copy wait on the stores
// just written (a store-forwarding stall), a tenth of the whole trace.
void Tracer::facts_in_query(const Case& c, const Outcome& o, std::uint32_t slot,
                            std::vector<std::uint32_t>& pool, TraceFacts& f) {
    f = TraceFacts{};
    f.slot = slot;
    Tri status = o.slots[slot].status;
    if (status == Tri::Unknown) {
        f.blocking_begin = static_cast<std::uint32_t>(pool.size());
        blocking_in_query(c, o, slot, pool);
        f.blocking_count = static_cast<std::uint32_t>(pool.size()) - f.blocking_begin;
        return;
    }
    std::uint32_t main = main_root_[slot], unless = unless_root_[slot];
    if (status != Tri::False || main == expr::kNoNode) return;
    if (truth(o, main) == Tri::False) {
        f.failing_node = first_false(o, main);
    } else if (unless != expr::kNoNode) {
        f.failing_node = unless;
        f.failed_on_unless = true;
    }
}

TraceFacts Tracer::facts(const Case& c, const Outcome& o, std::uint32_t slot,
                         std::vector<std::uint32_t>& pool) {
    begin_query();
    TraceFacts f;
    facts_in_query(c, o, slot, pool, f);
    return f;
}

void Tracer::trace(const Case& c, const Outcome& o, CompactTrace& out) {
    begin_query();  // one query: every entry shares what earlier entries worked out
    out.entries.resize(traced_.size());
    out.blocking.clear();
    for (std::size_t i = 0; i < traced_.size(); ++i)
        facts_in_query(c, o, traced_[i], out.blocking, out.entries[i]);
}

std::vector<std::uint32_t> blocking_questions(const RuleSet& rules, const Case& c, const Outcome& o,
                                              std::uint32_t slot) {
    Tracer tracer(rules);
    std::vector<std::uint32_t> out;
    tracer.blocking(c, o, slot, out);
    return out;
}

TraceEntry render_trace_entry(const RuleSet& rules, const Case& c, const Outcome& o,
                              const TraceFacts& facts,
                              const std::vector<std::uint32_t>& blocking_pool) {
    const std::uint32_t slot = facts.slot;
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
            for (std::uint32_t r : cb.counted)
                counted += (counted.empty() ? "" : ", ") + rules.rules[r].id;
            e.condition =
                fmt::format("at least {} of [{}]{}", cb.at_least, counted,
                            cb.across_domains > 1
                                ? fmt::format(" across at least {} domains", cb.across_domains)
                                : "");
            for (std::uint32_t r : cb.counted) {
                std::uint32_t rs = rules.rules[r].slot;
                if (o.slots[rs].status != Tri::False)
                    e.values.push_back(
                        {rules.rules[r].id, trace_status(o.slots[rs].status), false});
            }
            for (std::uint32_t i = 0; i < facts.blocking_count; ++i)
                e.blocking.push_back(rules.symbols[blocking_pool[facts.blocking_begin + i]].id);
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

    if (e.status == Tri::True) {
        e.values = values_read(rules, c, o, main->root);
    } else if (e.status == Tri::False) {
        if (facts.failing_node != expr::kNoNode) {
            e.failing =
                facts.failed_on_unless
                    ? "unless " + unless->text
                    : std::string(rules.program.span_text(rules.program.nodes[facts.failing_node]));
            e.values = values_read(rules, c, o, facts.failing_node);
        }
    } else {
        for (std::uint32_t i = 0; i < facts.blocking_count; ++i)
            e.blocking.push_back(rules.symbols[blocking_pool[facts.blocking_begin + i]].id);
        e.values = values_read(rules, c, o, main->root);
    }
    return e;
}

TraceEntry trace_entry(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot) {
    Tracer tracer(rules);
    std::vector<std::uint32_t> pool;
    return render_trace_entry(rules, c, o, tracer.facts(c, o, slot, pool), pool);
}

std::vector<TraceEntry> build_trace(const RuleSet& rules, const Case& c, const Outcome& o) {
    Tracer tracer(rules);
    CompactTrace compact;
    tracer.trace(c, o, compact);
    std::vector<TraceEntry> out;
    out.reserve(compact.entries.size());
    for (const auto& f : compact.entries)
        out.push_back(render_trace_entry(rules, c, o, f, compact.blocking));
    return out;
}

std::vector<std::uint32_t> level_reasons(const RuleSet& rules, const Outcome& o) {
    std::vector<std::uint32_t> out;
    auto add = [&](const auto& items) {
        for (const auto& i : items)
            if (i.level_index == o.level && o.slots[i.slot].status == Tri::True)
                out.push_back(i.slot);
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
            if (i.level_index != kNone && i.level_index > o.level &&
                o.slots[i.slot].status == Tri::Unknown)
                out.push_back(i.slot);
    };
    add(rules.triggers);
    add(rules.combinations);
    add(rules.rules);
    return out;
}

}  // namespace continuum::engine
