#include "eval.hpp"

namespace continuum::engine::expr {

namespace {

// True when `yes`, false when `no` (never both: an interval's low end is at most its high
// end), unknown when neither; by arithmetic, not a branch, since which it is changes from case
// to case and a branch on it was often mispredicted.
constexpr Tri settled_by(bool yes, bool no) {
    return static_cast<Tri>(static_cast<unsigned>(yes) | (static_cast<unsigned>(!yes && !no) << 1));
}
static_assert(settled_by(true, false) == Tri::True && settled_by(false, true) == Tri::False &&
              settled_by(false, false) == Tri::Unknown);

// A number (or date) comparison for one operator: the rules every comparison follows, written
// once for each operator so that a run of one operator compiles to a tight loop.
template <CmpOp op>
Tri compare_as(const Value& a, const Value& b) {
    if constexpr (op == CmpOp::Less) {
        return settled_by(a.hi < b.lo, a.lo >= b.hi);
    } else if constexpr (op == CmpOp::LessEqual) {
        return settled_by(a.hi <= b.lo, a.lo > b.hi);
    } else if constexpr (op == CmpOp::Greater) {
        return compare_as<CmpOp::Less>(b, a);
    } else if constexpr (op == CmpOp::GreaterEqual) {
        return compare_as<CmpOp::LessEqual>(b, a);
    } else if constexpr (op == CmpOp::Equal) {
        return settled_by((a.lo == a.hi) & (b.lo == b.hi) & (a.lo == b.lo),
                          (a.hi < b.lo) | (b.hi < a.lo));
    } else {
        return tri_not(compare_as<CmpOp::Equal>(a, b));
    }
}

}  // namespace

Tri compare_numbers(CmpOp op, const Value& a, const Value& b) {
    switch (op) {
        case CmpOp::Less:
            return compare_as<CmpOp::Less>(a, b);
        case CmpOp::LessEqual:
            return compare_as<CmpOp::LessEqual>(a, b);
        case CmpOp::Greater:
            return compare_as<CmpOp::Greater>(a, b);
        case CmpOp::GreaterEqual:
            return compare_as<CmpOp::GreaterEqual>(a, b);
        case CmpOp::Equal:
            return compare_as<CmpOp::Equal>(a, b);
        case CmpOp::NotEqual:
            return compare_as<CmpOp::NotEqual>(a, b);
    }
    return Tri::Unknown;
}

// Equality on values that are either known points or wholly unknown (choices, yes/no).
Tri compare_points(CmpOp op, bool a_known, std::int32_t a, bool b_known, std::int32_t b) {
    if (!a_known || !b_known) return Tri::Unknown;
    bool equal = a == b;
    return tri(op == CmpOp::NotEqual ? !equal : equal);
}

namespace {

Tri in_set(const Program& p, const Node& n, const Value& v) {
    if (n.operand_type == ValueType::Choice) {
        if (v.choice < 0) return Tri::Unknown;
        for (std::uint32_t i = 0; i < n.set_count; ++i)
            if (p.set_choices[n.set_first + i] == v.choice) return Tri::True;
        return Tri::False;
    }
    // Numbers: true when the value is a member; false when no member lies in its interval.
    bool any_possible = false;
    for (std::uint32_t i = 0; i < n.set_count; ++i) {
        double m = p.set_numbers[n.set_first + i];
        if (v.lo == v.hi && v.lo == m) return Tri::True;
        if (m >= v.lo && m <= v.hi) any_possible = true;
    }
    return any_possible ? Tri::Unknown : Tri::False;
}

std::uint32_t child(const Program& p, const Node& n, std::uint32_t i) {
    return p.children[n.first + i];
}

// The first option cell of the choice question a node loads, or kNoCell.
std::uint32_t loaded_options(const Program& p, const Machine& m, std::uint32_t node) {
    const Node& n = p.nodes[node];
    if (n.op != Op::Load || n.type != ValueType::Choice) return kNoCell;
    return n.slot < m.question_slots ? m.option_cells[n.slot] : kNoCell;
}

// A count's value: [true, true + unknown] of its operands.
Value count_of(const CaseCells& c, const Node& n) {
    double yes = 0, maybe = 0;
    for (std::uint32_t i = 0; i < n.count; ++i) {
        Tri t = truth_of(c, child(*c.program, n, i));
        if (t == Tri::True)
            yes += 1;
        else if (t == Tri::Unknown)
            maybe += 1;
    }
    return Value::range(yes, yes + maybe);
}

Value days_since_of(const CaseCells& c, const Node& n) {
    const Value d = slot_value_of(c, n.slot);
    return d.known ? Value::number(c.referral_day - d.lo) : Value::unknown();
}

// A number node worked out from its operands: they are cheap enough to need no register. A
// contact query is the exception: its register is filled once per case, before the run.
Value work_out_value(const CaseCells& c, std::uint32_t node) {
    const Node& n = c.program->nodes[node];
    switch (n.op) {
        case Op::Count:
            return count_of(c, n);
        case Op::DaysSince:
            return days_since_of(c, n);
        case Op::Chronology:  // worked out before the run (chronology_eval.hpp)
            return c.numbers[c.machine->contact_registers[n.set_first]];
        default:
            return Value::unknown();
    }
}

}  // namespace

std::uint32_t choice_option_cell(const Program& p, const Machine& m, std::uint32_t node) {
    const Node& n = p.nodes[node];
    if (n.op != Op::Compare || n.operand_type != ValueType::Choice || n.count != 2 ||
        (n.cmp != CmpOp::Equal && n.cmp != CmpOp::NotEqual))
        return kNoCell;
    std::uint32_t a = child(p, n, 0), b = child(p, n, 1);
    if (p.nodes[a].op == Op::Const) std::swap(a, b);
    const std::uint32_t first = loaded_options(p, m, a);
    if (first == kNoCell || p.nodes[b].op != Op::Const) return kNoCell;
    const std::int32_t choice = p.constants[p.nodes[b].slot].choice;
    if (choice < 0 || static_cast<std::uint32_t>(choice) >= m.option_counts[p.nodes[a].slot])
        return kNoCell;
    return first + static_cast<std::uint32_t>(choice);
}

Value slot_value_of(const CaseCells& c, std::uint32_t slot) {
    const std::uint32_t reg = c.machine->slot_registers[slot];
    return reg != kNoCell ? c.numbers[reg] : Value::boolean(c.truths[slot]);
}

Value value_of(const CaseCells& c, std::uint32_t node) {
    const Program& p = *c.program;
    const Node& n = p.nodes[node];
    if (n.op == Op::Load) return slot_value_of(c, n.slot);
    if (n.op == Op::Const) return p.constants[n.slot];
    if (n.type == ValueType::Bool) return Value::boolean(truth_of(c, node));
    return work_out_value(c, node);
}

Tri work_out_truth(const CaseCells& c, std::uint32_t node) {
    const Program& p = *c.program;
    const Machine& m = *c.machine;
    const Node& n = p.nodes[node];
    switch (n.op) {
        case Op::Const:
            return p.constants[n.slot].truth;
        case Op::Load:
            return c.truths[n.slot];
        case Op::Not:
            return tri_not(truth_of(c, child(p, n, 0)));
        case Op::And: {
            Tri t = Tri::True;
            for (std::uint32_t i = 0; i < n.count; ++i)
                t = tri_and(t, truth_of(c, child(p, n, i)));
            return t;
        }
        case Op::Or: {
            Tri t = Tri::False;
            for (std::uint32_t i = 0; i < n.count; ++i)
                t = tri_or(t, truth_of(c, child(p, n, i)));
            return t;
        }
        case Op::Compare:
            switch (n.operand_type) {
                case ValueType::Bool: {
                    Tri a = truth_of(c, child(p, n, 0)), b = truth_of(c, child(p, n, 1));
                    return compare_points(n.cmp, a != Tri::Unknown, static_cast<std::int32_t>(a),
                                          b != Tri::Unknown, static_cast<std::int32_t>(b));
                }
                case ValueType::Choice: {
                    // "q is X" is the option's own cell, set with the answer.
                    if (const std::uint32_t option = choice_option_cell(p, m, node);
                        option != kNoCell)
                        return n.cmp == CmpOp::Equal ? c.truths[option] : tri_not(c.truths[option]);
                    Value a = value_of(c, child(p, n, 0)), b = value_of(c, child(p, n, 1));
                    return compare_points(n.cmp, a.choice >= 0, a.choice, b.choice >= 0, b.choice);
                }
                case ValueType::Number:
                case ValueType::Date:
                    return compare_numbers(n.cmp, value_of(c, child(p, n, 0)),
                                           value_of(c, child(p, n, 1)));
                case ValueType::Text:
                    break;
            }
            return Tri::Unknown;
        case Op::InSet:
            // A choice is in the list when one of the listed options' cells holds.
            if (const std::uint32_t first = loaded_options(p, m, child(p, n, 0));
                first != kNoCell && n.operand_type == ValueType::Choice) {
                Tri t = Tri::False;
                for (std::uint32_t i = 0; i < n.set_count; ++i)
                    t = tri_or(t, c.truths[first + static_cast<std::uint32_t>(
                                                       p.set_choices[n.set_first + i])]);
                return t;
            }
            return in_set(p, n, value_of(c, child(p, n, 0)));
        case Op::Known:
            return tri(slot_value_of(c, n.slot).known);
        case Op::Count:
        case Op::DaysSince:
        case Op::Chronology:
            break;  // numbers
    }
    return Tri::Unknown;
}

void run_node(const CaseCells& c, Tri* truths, std::uint32_t node) {
    truths[c.machine->node_cells[node]] = work_out_truth(c, node);
}

namespace {

template <CmpOp op, bool constant_left>
void number_tests(const NumberTest* test, const NumberTest* end, const Value* numbers, Tri* t) {
    for (; test != end; ++test)
        t[test->out] = constant_left ? compare_as<op>(test->constant, numbers[test->reg])
                                     : compare_as<op>(numbers[test->reg], test->constant);
}

template <bool constant_left>
void number_tests(CmpOp op, const NumberTest* test, const NumberTest* end, const Value* numbers,
                  Tri* t) {
    switch (op) {
        case CmpOp::Less:
            return number_tests<CmpOp::Less, constant_left>(test, end, numbers, t);
        case CmpOp::LessEqual:
            return number_tests<CmpOp::LessEqual, constant_left>(test, end, numbers, t);
        case CmpOp::Greater:
            return number_tests<CmpOp::Greater, constant_left>(test, end, numbers, t);
        case CmpOp::GreaterEqual:
            return number_tests<CmpOp::GreaterEqual, constant_left>(test, end, numbers, t);
        case CmpOp::Equal:
            return number_tests<CmpOp::Equal, constant_left>(test, end, numbers, t);
        case CmpOp::NotEqual:
            return number_tests<CmpOp::NotEqual, constant_left>(test, end, numbers, t);
    }
}

}  // namespace

void run_number_tests(const Run& run, const Machine& m, const Value* numbers, Tri* truths) {
    const NumberTest* begin = m.number_tests.data() + run.begin;
    const NumberTest* end = m.number_tests.data() + run.end;
    if (run.constant_left)
        number_tests<true>(run.op, begin, end, numbers, truths);
    else
        number_tests<false>(run.op, begin, end, numbers, truths);
}

}  // namespace continuum::engine::expr
