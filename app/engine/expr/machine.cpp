// Building the machine: conditions cut into steps and other operations, in the order the
// rules are written; then ordered in levels and gathered into runs (machine.hpp).
#include "machine.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "../ruleset/schema.hpp"
#include "eval.hpp"
#include "schedule.hpp"

namespace continuum::engine::expr {

namespace {

// Counts of more inputs than this are worked out one node at a time (their table of results
// grows with the square of the inputs).
constexpr std::uint32_t kMaxCountInputs = 32;

// What a node's truth depends on, if it is not given a cell of its own: at most kStepInputs
// distinct cells. `cell`: it has one already (a load, a constant, an option, or a node worked
// out by an operation of its own), and `inputs` is that cell (none for a constant).
struct Piece {
    std::vector<std::uint32_t> inputs;
    bool cell = false;
};

PendingOp pending(RunKind kind, CmpOp cmp = CmpOp::Equal, bool constant_left = false) {
    PendingOp op;
    op.kind = kind;
    op.op = cmp;
    op.constant_left = constant_left;
    return op;
}

std::vector<std::uint32_t> union_of(const std::vector<Piece>& pieces) {
    std::vector<std::uint32_t> all;
    for (const Piece& p : pieces)
        all.insert(all.end(), p.inputs.begin(), p.inputs.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

class Builder {
  public:
    Builder(const RuleSet& rs, Machine& m) : rs_(rs), p_(rs.program), m_(m) {}

    void build() {
        allocate_cells();
        for (const Item& item : rs_.order)
            add(item);
        finish_levels();
        finish_inner_steps();
        m_.cell_count = next_cell_;
        m_.initial.resize(m_.cell_count, Tri::Unknown);
        schedule_code(pending_, ops_, m_);
    }

  private:
    // [SECTION] Cells and registers

    void allocate_cells() {
        const auto questions = static_cast<std::uint32_t>(rs_.questions.size());
        for (std::uint32_t q = 0; q < questions; ++q)
            if (rs_.questions[q].slot != q)
                throw std::logic_error("questions are expected to hold the first slots");
        m_.question_slots = questions;
        next_cell_ = rs_.slot_count;
        m_.constant_base = next_cell_;
        next_cell_ += static_cast<std::uint32_t>(p_.constants.size());
        m_.false_cell = next_cell_++;
        m_.option_cells.assign(questions, kNoCell);
        m_.option_counts.assign(questions, 0);
        m_.slot_registers.assign(rs_.slot_count, kNoCell);
        for (std::uint32_t q = 0; q < questions; ++q) {
            const Question& question = rs_.questions[q];
            if (question.type != AnswerType::YesNo) m_.slot_registers[q] = m_.register_count++;
            if (question.choice_ids.empty()) continue;
            m_.option_cells[q] = next_cell_;
            m_.option_counts[q] = static_cast<std::uint32_t>(question.choice_ids.size());
            next_cell_ += (m_.option_counts[q] + kOptionBlock - 1) / kOptionBlock * kOptionBlock;
        }
        for (std::size_t k = 0; k < p_.contact_queries.size(); ++k)
            m_.contact_registers.push_back(m_.register_count++);
        m_.initial.assign(next_cell_, Tri::Unknown);
        for (std::size_t k = 0; k < p_.constants.size(); ++k)
            m_.initial[m_.constant_base + k] = p_.constants[k].truth;
        m_.initial[m_.false_cell] = Tri::False;
        const auto nodes = static_cast<std::uint32_t>(p_.nodes.size());
        m_.node_cells.assign(nodes, kNoCell);
        m_.inner_of.assign(nodes, kNoCell);
        m_.shapes.reserve(nodes);
        for (std::uint32_t id = 0; id < nodes; ++id) {
            const Node& n = p_.nodes[id];
            m_.shapes.push_back({n.op, n.type, n.slot, n.first, n.count});
            if (n.op == Op::Load && n.type == ValueType::Bool) m_.node_cells[id] = n.slot;
            if (n.op == Op::Const) m_.node_cells[id] = m_.constant_base + n.slot;
        }
        for (const Combination& c : rs_.combinations) {
            auto& counted = m_.combinations.emplace_back();
            for (std::uint32_t r : c.counted)
                counted.push_back({rs_.rules[r].slot, rs_.rules[r].domain_index});
        }
    }

    std::uint32_t fresh_cell() {
        m_.initial.push_back(Tri::Unknown);
        return next_cell_++;
    }

    // Where a question's answer is read: its register, or (yes/no) its cell.
    std::uint32_t slot_location(std::uint32_t slot) const {
        const std::uint32_t reg = m_.slot_registers[slot];
        return reg != kNoCell ? register_location(reg) : slot;
    }

    // [SECTION] Definitions, in the order they are evaluated

    void add(const Item& item) {
        switch (item.kind) {
            case ItemKind::Question:
                return question(item.index);
            case ItemKind::Fact:
                return define(item.slot, kNone, rs_.facts[item.index].when, nullptr);
            case ItemKind::Rule: {
                const LevelRule& r = rs_.rules[item.index];
                return define(item.slot, r.level_index, r.when, &r.unless);
            }
            case ItemKind::Combination: {
                PendingOp op = pending(RunKind::Combinations);
                op.index = static_cast<std::uint32_t>(ops_.combination_ops.size());
                ops_.combination_ops.push_back({item.index, item.slot});
                for (const CountedRule& r : m_.combinations[item.index])
                    op.reads.push_back(r.slot);
                op.writes.push_back(item.slot);
                pending_.push_back(std::move(op));
                note_level(item.slot, rs_.combinations[item.index].level_index);
                return;
            }
            case ItemKind::Trigger: {
                const Trigger& t = rs_.triggers[item.index];
                return define(item.slot, t.level_index, t.when, nullptr);
            }
            case ItemKind::Route: {
                const Route& r = rs_.routes[item.index];
                return define(item.slot, kNone, r.test, &r.unless);
            }
            case ItemKind::Action:
                return define(item.slot, kNone, rs_.actions[item.index].when, nullptr);
            case ItemKind::Consent:
                return define(item.slot, kNone, rs_.consents[item.index].when, nullptr);
        }
    }

    static bool usable(const Condition& c) { return c.present() && c.root != kNoNode; }

    void question(std::uint32_t q) {
        const Condition& ask = rs_.questions[q].ask_when;
        if (!usable(ask)) {
            (rs_.questions[q].type == AnswerType::YesNo ? m_.yes_no_asked : m_.other_asked)
                .push_back(q);
            return;
        }
        const std::uint32_t visible = condition(ask.root, kNoCell);
        PendingOp op = pending(RunKind::Questions);
        op.index = static_cast<std::uint32_t>(ops_.asked.size());
        ops_.asked.push_back({q, visible});
        op.reads.push_back(visible);
        op.writes.push_back(q);
        op.writes.push_back(slot_location(q));
        for (std::uint32_t k = 0; k < m_.option_counts[q]; ++k)
            op.writes.push_back(m_.option_cells[q] + k);
        pending_.push_back(std::move(op));
    }

    // `when and not unless` into the slot (a definition without a condition holds).
    void define(std::uint32_t slot, std::uint32_t level, const Condition& when,
                const Condition* unless) {
        note_level(slot, level);
        if (!usable(when)) {
            m_.initial[slot] = Tri::True;
            return;
        }
        if (!unless || !usable(*unless)) {
            condition(when.root, slot);
            return;
        }
        const std::uint32_t w = condition(when.root, kNoCell);
        const std::uint32_t u = condition(unless->root, kNoCell);
        emit_step({w, u}, slot,
                  table_of({w, u}, [](const Tri* t) { return tri_and(t[0], tri_not(t[1])); }));
        m_.unless.push_back({slot, w, u});
    }

    // A whole condition: returns the cell holding its truth (`target` when given).
    std::uint32_t condition(std::uint32_t root, std::uint32_t target) {
        Piece piece = plan(root, target);
        return materialize(root, piece, target);
    }

    // [SECTION] Cutting a condition into steps

    Piece leaf(std::uint32_t node, std::uint32_t cell) {
        m_.node_cells[node] = cell;
        return Piece{{cell}, true};
    }

    // Gives a node a cell: a step over its inputs, or a copy of the cell it has when `target`
    // asks for another.
    std::uint32_t materialize(std::uint32_t node, const Piece& piece, std::uint32_t target) {
        if (piece.cell) {
            const std::uint32_t cell = m_.node_cells[node];
            if (target == kNoCell || target == cell) return cell;
            emit_step({cell}, target, table_of({cell}, [](const Tri* t) { return t[0]; }));
            return target;
        }
        const std::uint32_t out = target != kNoCell ? target : fresh_cell();
        m_.node_cells[node] = out;
        emit_step(piece.inputs, out, tabulate(node, piece.inputs));
        return out;
    }

    // What a node's truth depends on; a node left without a cell of its own is noted, so
    // that the trace can be given a step to work it out.
    Piece plan(std::uint32_t id, std::uint32_t target) {
        Piece piece = plan_node(id, target);
        if (!piece.cell) inner_.emplace_back(id, piece.inputs);
        return piece;
    }

    Piece plan_node(std::uint32_t id, std::uint32_t target) {
        const Node& n = p_.nodes[id];
        switch (n.op) {
            case Op::Load:
            case Op::Const:
                return Piece{n.op == Op::Load ? std::vector<std::uint32_t>{n.slot}
                                              : std::vector<std::uint32_t>{},
                             true};
            case Op::Not:
            case Op::And:
            case Op::Or:
                return absorb(id, children(n), target);
            case Op::Compare:
                return comparison(id, target);
            case Op::InSet:
                if (n.operand_type == ValueType::Choice && options_of(p_.child(n, 0)) != kNoCell)
                    return membership(id, target);
                return by_itself(id, target);
            case Op::Known:
                if (m_.slot_registers[n.slot] == kNoCell) return Piece{{n.slot}, false};
                return by_itself(id, target);
            case Op::Count:
            case Op::DaysSince:
            case Op::Chronology:
                break;  // numbers: read by the comparison above them
        }
        throw std::logic_error("a number was planned as a yes/no condition");
    }

    // The first option cell of the choice question a node loads, or kNoCell.
    std::uint32_t options_of(std::uint32_t node) const {
        const Node& n = p_.nodes[node];
        if (n.op != Op::Load || n.slot >= m_.question_slots) return kNoCell;
        return m_.option_cells[n.slot];
    }

    std::vector<std::uint32_t> children(const Node& n) const {
        return {p_.children.begin() + n.first, p_.children.begin() + n.first + n.count};
    }

    // A node whose truth is a function of its children's: absorbed into a step when their
    // inputs together are few enough; otherwise its largest parts get cells of their own, and
    // an and/or of too many parts is folded over steps.
    Piece absorb(std::uint32_t id, const std::vector<std::uint32_t>& kids, std::uint32_t target) {
        std::vector<Piece> pieces;
        for (std::uint32_t k : kids)
            pieces.push_back(plan(k, kNoCell));
        while (union_of(pieces).size() > kStepInputs) {
            std::size_t largest = pieces.size();
            for (std::size_t j = 0; j < pieces.size(); ++j)
                if (!pieces[j].cell && (largest == pieces.size() ||
                                        pieces[j].inputs.size() > pieces[largest].inputs.size()))
                    largest = j;
            if (largest == pieces.size()) break;
            pieces[largest] =
                leaf(kids[largest], materialize(kids[largest], pieces[largest], kNoCell));
        }
        std::vector<std::uint32_t> inputs = union_of(pieces);
        if (inputs.size() <= kStepInputs) return Piece{inputs, false};
        // Only an and/or can have more parts than a step takes (the others have one or two).
        std::vector<std::uint32_t> cells;
        for (std::uint32_t k : kids)
            cells.push_back(m_.node_cells[k]);
        const Op op = p_.nodes[id].op;
        return leaf(id, fold(op == Op::And, cells, target != kNoCell ? target : fresh_cell()));
    }

    // and/or over many cells, a step at a time: the first steps' results feed the next.
    std::uint32_t fold(bool conjunction, std::vector<std::uint32_t> cells, std::uint32_t out) {
        auto join = [conjunction](const std::vector<std::uint32_t>& in) {
            return [conjunction, n = in.size()](const Tri* t) {
                Tri r = conjunction ? Tri::True : Tri::False;
                for (std::size_t i = 0; i < n; ++i)
                    r = conjunction ? tri_and(r, t[i]) : tri_or(r, t[i]);
                return r;
            };
        };
        while (cells.size() > kStepInputs) {
            std::vector<std::uint32_t> first(cells.begin(), cells.begin() + kStepInputs);
            const std::uint32_t partial = fresh_cell();
            emit_step(first, partial, table_of(first, join(first)));
            cells.erase(cells.begin(), cells.begin() + kStepInputs);
            cells.insert(cells.begin(), partial);
        }
        emit_step(cells, out, table_of(cells, join(cells)));
        return out;
    }

    Piece comparison(std::uint32_t id, std::uint32_t target) {
        const Node& n = p_.nodes[id];
        if (const std::uint32_t option = choice_option_cell(p_, m_, id); option != kNoCell) {
            if (n.cmp == CmpOp::Equal) return leaf(id, option);
            return Piece{{option}, false};
        }
        if (n.operand_type == ValueType::Bool) return absorb(id, children(n), target);
        if (n.operand_type != ValueType::Number && n.operand_type != ValueType::Date)
            return by_itself(id, target);
        const std::uint32_t a = p_.child(n, 0), b = p_.child(n, 1);
        const bool a_const = p_.nodes[a].op == Op::Const, b_const = p_.nodes[b].op == Op::Const;
        if (a_const && b_const) return Piece{{}, false};
        if (a_const == b_const) return by_itself(id, target);
        const std::uint32_t operand = a_const ? b : a;
        const Node& x = p_.nodes[operand];
        if (x.op == Op::Count && x.count <= kMaxCountInputs)
            return count_comparison(id, operand, a_const, target);
        if (const std::uint32_t reg = register_of(operand); reg != kNoCell) {
            const std::uint32_t out = target != kNoCell ? target : fresh_cell();
            PendingOp op = pending(RunKind::NumberTests, n.cmp, a_const);
            op.index = static_cast<std::uint32_t>(ops_.number_tests.size());
            ops_.number_tests.push_back({p_.constants[p_.nodes[a_const ? a : b].slot], reg, out});
            op.reads.push_back(register_location(reg));
            op.writes.push_back(out);
            pending_.push_back(std::move(op));
            return leaf(id, out);
        }
        return by_itself(id, target);
    }

    // The register a number node is read from: a question's answer or a contact query's value.
    std::uint32_t register_of(std::uint32_t node) const {
        const Node& x = p_.nodes[node];
        if (x.op == Op::Load) return m_.slot_registers[x.slot];
        if (x.op == Op::Chronology) return m_.contact_registers[x.set_first];
        return kNoCell;
    }

    // count(...) compared with a constant: a step when its inputs are few, else a count test.
    Piece count_comparison(std::uint32_t id, std::uint32_t count, bool constant_left,
                           std::uint32_t target) {
        const Node& c = p_.nodes[count];
        std::vector<std::uint32_t> kids = children(c);
        std::vector<Piece> pieces;
        for (std::uint32_t k : kids)
            pieces.push_back(plan(k, kNoCell));
        if (union_of(pieces).size() <= kStepInputs) return Piece{union_of(pieces), false};
        CountTest test;
        test.first = static_cast<std::uint32_t>(ops_.count_cells.size());
        test.count = c.count;
        PendingOp op = pending(RunKind::CountTests);
        for (std::size_t j = 0; j < kids.size(); ++j) {
            const std::uint32_t cell = materialize(kids[j], pieces[j], kNoCell);
            ops_.count_cells.push_back(cell);
            op.reads.push_back(cell);
        }
        test.out = target != kNoCell ? target : fresh_cell();
        test.table = count_table(id, count, constant_left);
        op.index = static_cast<std::uint32_t>(ops_.count_tests.size());
        ops_.count_tests.push_back(test);
        op.writes.push_back(test.out);
        pending_.push_back(std::move(op));
        return leaf(id, test.out);
    }

    // The comparison's result for every (true, unknown) count of its inputs.
    std::uint32_t count_table(std::uint32_t id, std::uint32_t count, bool constant_left) {
        const Node& n = p_.nodes[id];
        const std::uint32_t inputs = p_.nodes[count].count;
        const Value& k = p_.constants[p_.nodes[p_.child(n, constant_left ? 0 : 1)].slot];
        const auto at = static_cast<std::uint32_t>(ops_.count_tables.size());
        for (std::uint32_t yes = 0; yes <= inputs; ++yes)
            for (std::uint32_t maybe = 0; maybe <= inputs; ++maybe) {
                Value v = Value::range(yes, yes + maybe);
                ops_.count_tables.push_back(yes + maybe > inputs ? Tri::Unknown
                                            : constant_left      ? compare_numbers(n.cmp, k, v)
                                                                 : compare_numbers(n.cmp, v, k));
            }
        return at;
    }

    // A choice in a list: a step over the listed options' cells, or an `or` folded over them.
    Piece membership(std::uint32_t id, std::uint32_t target) {
        const Node& n = p_.nodes[id];
        const std::uint32_t first = options_of(p_.child(n, 0));
        std::vector<std::uint32_t> cells;
        for (std::uint32_t i = 0; i < n.set_count; ++i)
            cells.push_back(first + static_cast<std::uint32_t>(p_.set_choices[n.set_first + i]));
        std::sort(cells.begin(), cells.end());
        cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
        if (cells.size() <= kStepInputs) return Piece{cells, false};
        return leaf(id, fold(false, cells, target != kNoCell ? target : fresh_cell()));
    }

    // A node with no faster form, worked out on its own from cells and registers.
    Piece by_itself(std::uint32_t id, std::uint32_t target) {
        std::vector<std::uint32_t> reads;
        prepare_reads(id, reads);
        std::sort(reads.begin(), reads.end());
        reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
        const std::uint32_t out = target != kNoCell ? target : fresh_cell();
        PendingOp op = pending(RunKind::Nodes);
        op.index = static_cast<std::uint32_t>(ops_.node_ops.size());
        ops_.node_ops.push_back(id);
        op.reads = std::move(reads);
        op.writes.push_back(out);
        pending_.push_back(std::move(op));
        return leaf(id, out);
    }

    // Gives every yes/no part a node reads a cell, and lists where it reads from.
    void prepare_reads(std::uint32_t id, std::vector<std::uint32_t>& reads) {
        const Node& n = p_.nodes[id];
        if (n.op == Op::Known || n.op == Op::DaysSince) {
            reads.push_back(slot_location(n.slot));
            return;
        }
        if (n.op == Op::Chronology) {
            reads.push_back(register_location(m_.contact_registers[n.set_first]));
            return;
        }
        for (std::uint32_t k : children(n)) {
            const Node& c = p_.nodes[k];
            if (c.op == Op::Const) continue;
            if (c.op == Op::Load) {
                reads.push_back(slot_location(c.slot));
            } else if (c.type == ValueType::Bool) {
                reads.push_back(condition(k, kNoCell));
            } else {
                prepare_reads(k, reads);  // count, days_since, contact queries
            }
        }
    }

    // [SECTION] Steps and their tables

    template <typename F>
    std::uint32_t table_of(const std::vector<std::uint32_t>& inputs, F f) {
        std::string table;
        const std::size_t k = inputs.size();
        std::size_t combinations = 1;
        for (std::size_t i = 0; i < k; ++i)
            combinations *= 3;
        Tri t[kStepInputs];
        for (std::size_t combo = 0; combo < combinations; ++combo) {
            std::size_t rest = combo;
            for (std::size_t i = 0; i < k; ++i, rest /= 3)
                t[i] = static_cast<Tri>(rest % 3);
            table.push_back(static_cast<char>(f(t)));
        }
        auto [it, added] =
            tables_.emplace(table, static_cast<std::uint32_t>(ops_.step_tables.size()));
        if (added)
            for (char c : table)
                ops_.step_tables.push_back(static_cast<Tri>(c));
        return it->second;
    }

    // A node's truth for every combination of its inputs, worked out by the same rules the
    // trace uses for it.
    std::uint32_t tabulate(std::uint32_t node, const std::vector<std::uint32_t>& inputs) {
        scratch_.resize(next_cell_, Tri::Unknown);
        for (std::uint32_t k = 0; k < p_.constants.size(); ++k)
            scratch_[m_.constant_base + k] = p_.constants[k].truth;
        CaseCells cells{&p_, &m_, scratch_.data(), nullptr, 0};
        const std::uint32_t table = table_of(inputs, [&](const Tri* t) {
            for (std::size_t i = 0; i < inputs.size(); ++i)
                scratch_[inputs[i]] = t[i];
            return work_out_truth(cells, node);
        });
        // Back to unknown, so a table that read a cell it does not list would be noticed.
        for (std::uint32_t cell : inputs)
            scratch_[cell] = Tri::Unknown;
        return table;
    }

    void emit_step(const std::vector<std::uint32_t>& inputs, std::uint32_t out,
                   std::uint32_t table) {
        Step s;
        s.in.fill(m_.false_cell);
        std::copy(inputs.begin(), inputs.end(), s.in.begin());
        s.out = out;
        s.table = table;
        PendingOp op = pending(RunKind::Steps);
        op.inputs = static_cast<std::uint8_t>(inputs.size());
        op.index = static_cast<std::uint32_t>(ops_.steps.size());
        ops_.steps.push_back(s);
        op.reads = inputs;
        op.writes.push_back(out);
        pending_.push_back(std::move(op));
    }

    // The nodes inside steps, each with a step of its own for the trace (after every table
    // is worked out: until then such nodes are worked out from their operands).
    void finish_inner_steps() {
        std::vector<std::uint32_t> inner(p_.nodes.size(), kNoCell);
        for (const auto& [node, inputs] : inner_) {
            if (m_.node_cells[node] != kNoCell || inner[node] != kNoCell) continue;
            Step s;
            s.in.fill(m_.false_cell);
            std::copy(inputs.begin(), inputs.end(), s.in.begin());
            s.out = kNoCell;
            s.table = tabulate(node, inputs);
            inner[node] = static_cast<std::uint32_t>(m_.inner_steps.size());
            m_.inner_steps.push_back(s);
        }
        m_.inner_of = std::move(inner);
    }

    // [SECTION] Levels

    void note_level(std::uint32_t slot, std::uint32_t level) {
        if (level == kNone) return;
        leveled_.emplace_back(slot, level);
    }

    void finish_levels() {
        if (leveled_.empty()) return;
        if (rs_.levels.size() >= 32767)
            throw std::length_error("a rule set may have at most 32766 levels");
        std::uint32_t lo = UINT32_MAX, hi = 0;
        for (auto [slot, level] : leveled_) {
            lo = std::min(lo, slot);
            hi = std::max(hi, slot);
        }
        m_.level_first = lo;
        m_.level_plus_one.assign(hi - lo + 1, 0);
        for (auto [slot, level] : leveled_)
            m_.level_plus_one[slot - lo] = static_cast<std::int16_t>(level + 1);
    }

    const RuleSet& rs_;
    const Program& p_;
    Machine& m_;
    std::uint32_t next_cell_ = 0;
    std::vector<PendingOp> pending_;
    Operations ops_;
    std::map<std::string, std::uint32_t> tables_;
    std::vector<Tri> scratch_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> leveled_;
    std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> inner_;  // node, inputs
};

}  // namespace

Machine build_machine(const RuleSet& rules) {
    Machine m;
    Builder(rules, m).build();
    return m;
}

}  // namespace continuum::engine::expr
