#include "trace.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "chronology_eval.hpp"
#include "chronology_words.hpp"
#include "evaluate.hpp"
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

// The slots a condition reads, and its chronology aggregates (read as a whole phrase each).
void leaves(const RuleSet& rules, std::uint32_t node, std::vector<std::uint32_t>& slots,
            std::vector<std::uint32_t>& aggregates) {
    const Node& n = rules.program.nodes[node];
    switch (n.op) {
        case Op::Load:
        case Op::Known:
        case Op::DaysSince:
            slots.push_back(n.slot);
            return;
        case Op::Chronology:
            aggregates.push_back(node);
            return;
        case Op::Const:
            return;
        default:
            for (std::uint32_t i = 0; i < n.count; ++i)
                leaves(rules, rules.program.child(n, i), slots, aggregates);
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
    return describe_value(rules, slot, slot_value(rules, o, slot));
}

std::vector<ValueRead> values_read(const RuleSet& rules, const Case& c, const Outcome& o,
                                   std::uint32_t node) {
    std::vector<std::uint32_t> slots, aggregates;
    leaves(rules, node, slots, aggregates);
    std::vector<ValueRead> out;
    std::set<std::uint32_t> seen;
    for (std::uint32_t s : slots) {
        if (!seen.insert(s).second) continue;
        out.push_back({rules.symbols[s].id, describe_slot_value(rules, c, o, s),
                       rules.slot_items[s].kind == ItemKind::Question});
    }
    std::set<std::string> said;
    for (std::uint32_t a : aggregates) {
        std::string words = contact_node_words(rules, c, o, a);
        if (said.insert(words).second)
            out.push_back(
                {rules.symbols[rules.program.nodes[a].slot].id, std::move(words), true, true});
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
    const expr::NodeShape* shapes = rules.machine.shapes.data();
    auto add = [&](const auto& items) {
        for (const auto& item : items) {
            if (item.slot == kNone) continue;
            Traced d = traced(item.slot);
            const std::uint32_t main = main_root_[item.slot];
            if (main != expr::kNoNode && shapes[main].op == Op::And) {
                const expr::NodeShape& n = shapes[main];
                d.parts_first = static_cast<std::uint32_t>(parts_.size());
                d.parts_count = n.count;
                bool direct = n.count <= 32;
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    const std::uint32_t part = rules.program.children[n.first + i];
                    const bool is_and = shapes[part].op == Op::And;
                    const std::uint32_t source = source_of(part);
                    direct = direct && !is_and && !(source & kInner);
                    parts_.push_back({source, part | (is_and ? kAndPart : 0u)});
                }
                if (direct) d.parts_first |= Traced::kDirectParts;
            }
            traced_.push_back(d);
        }
    };
    add(rules.facts);
    add(rules.rules);
    add(rules.combinations);
    add(rules.triggers);
    add(rules.routes);
    add(rules.consents);
    add(rules.actions);
    child_sources_.reserve(rules.program.children.size());
    for (std::uint32_t child : rules.program.children)
        child_sources_.push_back(source_of(child));
    node_sources_.reserve(rules.program.nodes.size());
    for (std::uint32_t node = 0; node < rules.program.nodes.size(); ++node)
        node_sources_.push_back(source_of(node));
    sets_.assign(slots * words_, 0);
    done_.assign(slots, 0);
    scratch_.assign(words_, 0);
}

namespace {
expr::CaseCells cells_of(const RuleSet& rules, const Outcome& o) {
    return {&rules.program, &rules.machine, o.truths.data(), o.numbers.data(), o.referred_at.day};
}
}  // namespace

Value Tracer::value(const Outcome& o, std::uint32_t node) const {
    return expr::value_of(cells_of(rules_, o), node);
}

Tri Tracer::worked_out(const Outcome& o, std::uint32_t node) const {
    return expr::work_out_truth(cells_of(rules_, o), node);
}

std::uint32_t Tracer::source_of(std::uint32_t node) const {
    const expr::Machine& m = rules_.machine;
    if (m.node_cells[node] != expr::kNoCell) return m.node_cells[node];
    if (m.inner_of[node] != expr::kNoCell) return kInner | m.inner_of[node];
    return expr::kNoCell;  // a number: never asked for its truth
}

namespace {

// For each of the 81 truths of four input cells (as a step indexes them), what the first pass
// writes for a definition: where its node is among the `count` parts, the whole condition
// (`count`) and none (`count + 1`), and kPending when the definition is undetermined. The node
// is the first false part when the definition is false (the whole condition when no part is),
// none when it holds. `whole(index)` gives the definition's truth, with the inputs' truths in
// `scratch`. Truths the inputs cannot have together (the always-false cell not false, one cell
// read twice with two truths) give none.
template <typename Whole>
std::array<std::uint8_t, 81> first_false_table(const expr::Machine& m,
                                               const std::array<std::uint32_t, 4>& in,
                                               const Tracer::TruthReader& read,
                                               const std::uint32_t* sources, std::uint32_t count,
                                               std::vector<Tri>& scratch, const Whole& whole) {
    std::array<std::uint8_t, 81> table;
    const auto none = static_cast<std::uint8_t>(count + 1);
    for (std::uint32_t index = 0; index < 81; ++index) {
        table[index] = none;
        bool possible = true;
        for (std::uint32_t k = 0, rest = index; k < 4; ++k, rest /= 3) {
            const auto digit = static_cast<Tri>(rest % 3);
            if (in[k] == m.false_cell) {
                possible = possible && digit == Tri::False;
                continue;
            }
            bool earlier = false;
            for (std::uint32_t j = 0, r = index; j < k; ++j, r /= 3)
                if (in[j] == in[k]) {
                    earlier = true;
                    possible = possible && static_cast<Tri>(r % 3) == digit;
                }
            if (!earlier) scratch[in[k]] = digit;
        }
        const Tri truth = possible ? whole(index) : Tri::True;
        if (truth == Tri::Unknown) table[index] = Tracer::kPending | none;
        if (truth == Tri::False) {
            table[index] = static_cast<std::uint8_t>(count);
            for (std::uint32_t i = 0; i < count; ++i)
                if (read(sources[i]) == Tri::False) {
                    table[index] = static_cast<std::uint8_t>(i);
                    break;
                }
        }
        for (std::uint32_t cell : in)
            if (cell != m.false_cell) scratch[cell] = Tri::Unknown;
    }
    return table;
}

}  // namespace

// A table's place in first_false_tables_, added unless an equal one is there already (a rule
// set's conditions have few shapes, so tables repeat).
std::uint32_t Tracer::pooled(const std::array<std::uint8_t, 81>& table) {
    std::uint32_t at = 0;
    while (at < first_false_tables_.size() &&
           !std::equal(table.begin(), table.end(), first_false_tables_.begin() + at))
        at += 81;
    if (at == first_false_tables_.size())
        first_false_tables_.insert(first_false_tables_.end(), table.begin(), table.end());
    return at;
}

// The definitions the first pass settles: a condition without `unless` that is not an `and`
// (its own failing part), an `and` of at most four parts each read from a cell, or an `and`
// worked out by one step whose parts are its inputs or worked out inside it. For each, which
// part is first false is tabulated once here for all 81 truths of the step's inputs.
void Tracer::build_quick() {
    const expr::Machine& m = rules_.machine;
    std::vector<std::uint32_t> writer(m.cell_count, kNone);  // by cell: the step writing it
    for (std::uint32_t i = 0; i < m.steps.size(); ++i)
        writer[m.steps[i].out] = i;
    std::vector<Tri> scratch(m.cell_count, Tri::Unknown);
    scratch[m.false_cell] = Tri::False;
    // For the definitions left to the second pass: pending, whatever the truths.
    first_false_tables_.assign(81, kPending);
    quick_nodes_.assign(1, expr::kNoNode);
    for (const Traced& d : traced_)
        quick_.push_back(quick(d, writer, scratch));
    pending_.resize(traced_.size());
    build_open_nodes();
}

// Every condition a trace may walk for its open questions (each slot's, and its `unless`), in
// preorder. A node two conditions share is laid out twice; open_at_ keeps its first place,
// whose subtree is as whole as the second.
void Tracer::build_open_nodes() {
    open_at_.assign(rules_.program.nodes.size(), kNone);
    open_nodes_.clear();
    for (std::uint32_t slot = 0; slot < main_root_.size(); ++slot)
        for (std::uint32_t root : {main_root_[slot], unless_root_[slot]})
            if (root != expr::kNoNode && open_at_[root] == kNone) add_open_nodes(root);
}

void Tracer::add_open_nodes(std::uint32_t node) {
    const expr::NodeShape& n = rules_.machine.shapes[node];
    const auto at = static_cast<std::uint32_t>(open_nodes_.size());
    if (open_at_[node] == kNone) open_at_[node] = at;
    OpenNode e;
    e.slot = n.slot;
    e.node = node;
    switch (n.op) {
        case Op::Const:
        case Op::Known:
            e.kind = OpenKind::Never;
            break;
        case Op::Load:
        case Op::DaysSince:
        case Op::Chronology:
            e.kind = OpenKind::Leaf;
            e.leaf = n.op == Op::Chronology      ? OpenLeaf::Contacts
                     : n.type == ValueType::Bool ? OpenLeaf::Truth
                                                 : OpenLeaf::Value;
            e.source = node_sources_[node];
            break;
        case Op::Count:
            e.kind = OpenKind::Always;
            break;
        default:
            e.kind = OpenKind::IfUnknown;
            e.source = node_sources_[node];
            break;
    }
    open_nodes_.push_back(e);
    const std::uint32_t* kids = rules_.program.children.data();
    for (std::uint32_t i = 0; i < n.count; ++i)
        add_open_nodes(kids[n.first + i]);
    open_nodes_[at].size = static_cast<std::uint32_t>(open_nodes_.size()) - at;
}

// add_open_questions over the preorder: the same nodes looked at, the same questions found.
void Tracer::walk_open_nodes(const Case& c, const Outcome& o, std::uint32_t root, Word* into) {
    const OpenNode* nodes = open_nodes_.data() + open_at_[root];
    const OpenNode* const end = nodes + nodes->size;
    while (nodes != end) {
        const OpenNode& e = *nodes;
        switch (e.kind) {
            case OpenKind::Never:
                nodes += e.size;
                continue;
            case OpenKind::Always:
                ++nodes;
                continue;
            case OpenKind::IfUnknown:
                nodes += query_(e.source) == Tri::Unknown ? 1 : e.size;
                continue;
            case OpenKind::Leaf:
                break;
        }
        nodes += e.size;
        const bool open = e.leaf == OpenLeaf::Truth ? query_(e.source) == Tri::Unknown
                          : e.leaf == OpenLeaf::Value
                              ? !slot_value(rules_, o, e.slot).known
                              : !contact_node_value(rules_, o, e.node).known;
        if (open) add_open_load(c, o, e.slot, into);
    }
}

// What a load that is open adds: most read a question that always applies, whose own bit is
// the whole set; anything else is open through its own open questions.
inline void Tracer::add_open_load(const Case& c, const Outcome& o, std::uint32_t slot, Word* into) {
    if (const std::uint32_t bit = bit_of_[slot];
        bit != kNone && main_root_[slot] == expr::kNoNode) {
        const Item& item = rules_.slot_items[slot];
        if (!settled(c.answers[item.index])) into[bit / 64] |= Word{1} << (bit % 64);
        return;
    }
    const Word* from = open_questions(c, o, slot);
    for (std::size_t w = 0; w < words_; ++w)
        into[w] |= from[w];
}

Tracer::Quick Tracer::quick(const Traced& d, const std::vector<std::uint32_t>& writer,
                            std::vector<Tri>& scratch) {
    const expr::Machine& m = rules_.machine;
    Quick q;
    q.slot = d.slot;
    q.in.fill(m.false_cell);
    const std::uint32_t root = main_root_[d.slot];
    if (d.main_source != d.slot || root == expr::kNoNode || d.parts_count > 4) return q;
    const Part* parts = parts_.data() + d.first_part();
    const TruthReader read{scratch.data(), m.inner_steps.data(), m.step_tables.data()};
    // The definition's truth for an index, its inputs' truths in scratch.
    std::function<Tri(std::uint32_t)> whole;
    if (d.parts_count != 0 && !d.direct_parts()) {
        // Worked out by one step, every part from its inputs.
        if (writer[d.main_source] == kNone) return q;
        const expr::Step& step = m.steps[writer[d.main_source]];
        q.in = step.in;
        whole = [&m, &step](std::uint32_t index) { return m.step_tables[step.table + index]; };
        auto among_inputs = [&](std::uint32_t cell) {
            return cell == m.false_cell || std::find(q.in.begin(), q.in.end(), cell) != q.in.end();
        };
        for (std::uint32_t i = 0; i < d.parts_count; ++i) {
            const std::uint32_t source = parts[i].source;
            // A part that is an `and` is descended to its own first false part: not here.
            const bool ok =
                !(parts[i].node & kAndPart) &&
                ((source & kInner)
                     ? std::all_of(m.inner_steps[source & ~kInner].in.begin(),
                                   m.inner_steps[source & ~kInner].in.end(), among_inputs)
                     : among_inputs(source));
            if (!ok) {
                q.in.fill(m.false_cell);
                return q;
            }
        }
    } else if (d.parts_count != 0) {
        // An `and` of cells: true when all are.
        for (std::uint32_t i = 0; i < d.parts_count; ++i)
            q.in[i] = parts[i].source;
        whole = [&read, &q, count = d.parts_count](std::uint32_t) {
            Tri t = Tri::True;
            for (std::uint32_t i = 0; i < count; ++i)
                t = tri_and(t, read(q.in[i]));
            return t;
        };
    } else {
        // Not an `and`: its own cell, which is the definition's truth.
        q.in[0] = d.slot;
        whole = [&read, &d](std::uint32_t) { return read(d.slot); };
    }
    std::array<std::uint32_t, 4> sources{};
    for (std::uint32_t i = 0; i < d.parts_count; ++i)
        sources[i] = parts[i].source;
    q.table =
        pooled(first_false_table(m, q.in, read, sources.data(), d.parts_count, scratch, whole));
    q.nodes = static_cast<std::uint32_t>(quick_nodes_.size());
    for (std::uint32_t i = 0; i < d.parts_count; ++i)
        quick_nodes_.push_back(parts[i].node);
    quick_nodes_.push_back(root);
    quick_nodes_.push_back(expr::kNoNode);
    return q;
}

inline Tri Tracer::truth(const Outcome& o, std::uint32_t node) const {
    const std::uint32_t source = source_of(node);
    if (source == expr::kNoCell) return worked_out(o, node);
    const expr::Machine& m = rules_.machine;
    return TruthReader{o.truths.data(), m.inner_steps.data(), m.step_tables.data()}(source);
}

// Descends through false `and`s (from a false node) to the first false part.
namespace {

struct FalsePartFinder {
    const expr::NodeShape* shapes;
    const std::uint32_t* kids;
    const std::uint32_t* sources;  // parallel to kids
    Tracer::TruthReader truth;

    std::uint32_t descend(std::uint32_t node) const {
        while (shapes[node].op == Op::And) {
            const expr::NodeShape& n = shapes[node];
            std::uint32_t i = 0;
            while (i < n.count && truth(sources[n.first + i]) != Tri::False)
                ++i;
            if (i == n.count) break;
            node = kids[n.first + i];
        }
        return node;
    }
};

}  // namespace

std::uint32_t Tracer::descend(const Outcome& o, std::uint32_t node) const {
    const expr::Machine& m = rules_.machine;
    return FalsePartFinder{m.shapes.data(),
                           rules_.program.children.data(),
                           child_sources_.data(),
                           {o.truths.data(), m.inner_steps.data(), m.step_tables.data()}}
        .descend(node);
}

std::uint32_t Tracer::first_false(const Outcome& o, std::uint32_t node) const {
    return truth(o, node) == Tri::False ? descend(o, node) : node;
}

void Tracer::begin_query(const Outcome& o) {
    const expr::Machine& m = rules_.machine;
    query_ = TruthReader{o.truths.data(), m.inner_steps.data(), m.step_tables.data()};
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

// Walks the open parts of a condition with a stack of its own (above whatever an enclosing
// walk left on it: a fact's walk may start another through open_questions).
void Tracer::add_open_questions(const Case& c, const Outcome& o, std::uint32_t root, Word* into) {
    if (!open_at_.empty() && open_at_[root] != kNone) return walk_open_nodes(c, o, root, into);
    const expr::NodeShape* shapes = rules_.machine.shapes.data();
    const std::uint32_t* kids = rules_.program.children.data();
    const std::size_t base = walk_.size();
    walk_.push_back(root);
    while (walk_.size() > base) {
        const std::uint32_t node = walk_.back();
        walk_.pop_back();
        const expr::NodeShape& n = shapes[node];
        switch (n.op) {
            case Op::Const:
            case Op::Known:
                continue;  // never unknown
            case Op::Load:
            case Op::DaysSince:
            case Op::Chronology: {
                // A contact query on a partial chronology is open: checking the missing
                // agencies (the chronology question) could settle it.
                const bool open =
                    n.op == Op::Chronology      ? !contact_node_value(rules_, o, node).known
                    : n.type == ValueType::Bool ? query_(node_sources_[node]) == Tri::Unknown
                                                : !slot_value(rules_, o, n.slot).known;
                if (open) add_open_load(c, o, n.slot, into);
                continue;
            }
            case Op::Count:
                break;  // a number, open through whichever of its operands are unknown
            default:
                if (query_(node_sources_[node]) != Tri::Unknown) continue;
                break;
        }
        walk_.insert(walk_.end(), kids + n.first, kids + n.first + n.count);
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
    begin_query(o);
    blocking_in_query(c, o, slot, out);
}

// Fills `f` in place: returning the struct and copying it made the copy wait on the stores
// just written (a store-forwarding stall).
void Tracer::facts_in_query(const Case& c, const Outcome& o, const Traced& d,
                            std::vector<std::uint32_t>& pool, TraceFacts& f) {
    const Tri status = o.slots[d.slot].status;
    f.slot = d.slot;
    f.failing_node = expr::kNoNode;
    f.failed_on_unless = false;
    f.blocking_begin = 0;
    f.blocking_count = 0;
    const std::uint32_t main = main_root_[d.slot], unless = unless_root_[d.slot];
    if (status == Tri::False && main != expr::kNoNode) {
        if (truth(o, main) == Tri::False) {
            f.failing_node = descend(o, main);
        } else if (unless != expr::kNoNode) {
            f.failing_node = unless;
            f.failed_on_unless = true;
        }
    } else if (status == Tri::Unknown) {
        f.blocking_begin = static_cast<std::uint32_t>(pool.size());
        blocking_in_query(c, o, d.slot, pool);
        f.blocking_count = static_cast<std::uint32_t>(pool.size()) - f.blocking_begin;
    }
}

TraceFacts Tracer::facts(const Case& c, const Outcome& o, std::uint32_t slot,
                         std::vector<std::uint32_t>& pool) {
    begin_query(o);
    TraceFacts f;
    facts_in_query(c, o, traced(slot), pool, f);
    return f;
}

// The same as facts_in_query for every entry, in one loop with everything it reads held in
// locals (most entries are not fired and only need their first false part).
void Tracer::trace(const Case& c, const Outcome& o, CompactTrace& out) {
    // Built on the first whole trace, not with the tracer: many tracers are made for one slot's
    // facts or blocking questions (what_could_change asks once a slot) and never trace.
    if (quick_.size() != traced_.size()) build_quick();
    begin_query(o);  // one query: every entry shares what earlier entries worked out
    const std::size_t n = traced_.size();
    out.entries.resize(n);
    out.blocking.clear();
    const expr::Machine& m = rules_.machine;
    const FalsePartFinder parts{m.shapes.data(),
                                rules_.program.children.data(),
                                child_sources_.data(),
                                {o.truths.data(), m.inner_steps.data(), m.step_tables.data()}};
    // A definition's status is its slot's truth (collect_statuses copies it): one byte a slot.
    const Tri* statuses = o.truths.data();
    const Traced* traced = traced_.data();
    const Part* all_parts = parts_.data();
    TraceFacts* entries = out.entries.data();
    // The first false part of a false `and`, from its parts in trace order; a part that is an
    // `and` itself is descended the general way.
    auto first_false_part = [&](const Traced& d) {
        const Part* p = all_parts + d.first_part();
        if (d.direct_parts()) {
            // Every part's truth is a cell: all are read into a bit set of the false ones, with
            // no branch on any truth (which part is false changes from case to case, and a
            // branch on it was mispredicted about once a definition).
            std::uint32_t false_parts = 0;
            for (std::uint32_t i = 0; i < d.parts_count; ++i)
                false_parts |= std::uint32_t{statuses[p[i].source] == Tri::False} << i;
            return false_parts == 0 ? main_root_[d.slot] : p[__builtin_ctz(false_parts)].node;
        }
        for (const Part* end = p + d.parts_count; p != end; ++p) {
            if (parts.truth(p->source) != Tri::False) continue;
            return p->node & kAndPart ? parts.descend(p->node & ~kAndPart) : p->node;
        }
        return main_root_[d.slot];
    };
    // open_questions for a definition whose condition is an `and`: only its undetermined parts
    // can hold it open (a part that is true or false settles nothing and is not walked).
    auto open_parts = [&](const Traced& d) -> const Word* {
        Word* set = sets_.data() + d.slot * words_;
        if (done_[d.slot] == stamp_) return set;
        std::fill(set, set + words_, 0);
        const Part* p = all_parts + d.first_part();
        for (const Part* end = p + d.parts_count; p != end; ++p)
            if (parts.truth(p->source) == Tri::Unknown)
                add_open_questions(c, o, p->node & ~kAndPart, set);
        if (const std::uint32_t unless = unless_root_[d.slot]; unless != expr::kNoNode)
            add_open_questions(c, o, unless, set);
        done_[d.slot] = stamp_;
        return set;
    };
    // First pass, over every definition with no branch on any truth: which definition is
    // fired, not fired or undetermined changes from case to case, and a branch on it was
    // mispredicted about once a definition. For a definition the first pass settles (most),
    // its failing part comes from the base-3 index of its parts' truths, as a step computes
    // it; the undetermined ones, and those it does not settle, are listed for the second.
    const auto digit = [&](std::uint32_t cell) {
        return static_cast<std::uint32_t>(statuses[cell]);
    };
    const Quick* quick = quick_.data();
    const std::uint8_t* first_false = first_false_tables_.data();
    const std::uint32_t* quick_nodes = quick_nodes_.data();
    std::uint32_t* pending = pending_.data();
    std::size_t pending_count = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Quick& q = quick[i];
        const std::uint32_t index =
            digit(q.in[0]) + 3 * digit(q.in[1]) + 9 * digit(q.in[2]) + 27 * digit(q.in[3]);
        // The table knows the definition's truth too: its first false part when false, none
        // when it holds, and whether it is left to the second pass.
        const std::uint8_t found = first_false[q.table + index];
        entries[i] = TraceFacts{q.slot, quick_nodes[q.nodes + (found & ~kPending)], 0, 0, 0};
        pending[pending_count] = static_cast<std::uint32_t>(i);
        pending_count += found >> 7;
    }
    // Second pass, in order, so each definition's blocking questions follow the one before's.
    for (std::size_t k = 0; k < pending_count; ++k) {
        const std::uint32_t i = pending[k];
        const Traced& d = traced[i];
        TraceFacts& f = entries[i];
        const Tri status = statuses[d.slot];
        f = TraceFacts{d.slot, expr::kNoNode, 0, 0, 0};  // one 16-byte store
        if (status == Tri::False) {
            if (d.main_source == expr::kNoCell) continue;  // no condition: nothing failed
            // Without `unless`, the condition's cell is the slot's: false, as just read.
            if (d.main_source == d.slot || parts.truth(d.main_source) == Tri::False) {
                f.failing_node = first_false_part(d);
            } else if (const std::uint32_t unless = unless_root_[d.slot]; unless != expr::kNoNode) {
                f.failing_node = unless;
                f.failed_on_unless = true;
            }
        } else if (status == Tri::Unknown) {
            const auto begin = static_cast<std::uint32_t>(out.blocking.size());
            if (d.parts_count != 0)
                append_slots(open_parts(d), out.blocking);
            else
                blocking_in_query(c, o, d.slot, out.blocking);
            f.blocking_begin = begin;
            f.blocking_count = static_cast<std::uint32_t>(out.blocking.size()) - begin;
        }
    }
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
