#include "eval.hpp"

namespace continuum::engine::expr {

Tri compare_numbers(CmpOp op, const Value& a, const Value& b) {
    switch (op) {
        case CmpOp::Less:
            if (a.hi < b.lo) return Tri::True;
            if (a.lo >= b.hi) return Tri::False;
            return Tri::Unknown;
        case CmpOp::LessEqual:
            if (a.hi <= b.lo) return Tri::True;
            if (a.lo > b.hi) return Tri::False;
            return Tri::Unknown;
        case CmpOp::Greater:
            return compare_numbers(CmpOp::Less, b, a);
        case CmpOp::GreaterEqual:
            return compare_numbers(CmpOp::LessEqual, b, a);
        case CmpOp::Equal:
            if (a.lo == a.hi && b.lo == b.hi && a.lo == b.lo) return Tri::True;
            if (a.hi < b.lo || b.hi < a.lo) return Tri::False;
            return Tri::Unknown;
        case CmpOp::NotEqual:
            return tri_not(compare_numbers(CmpOp::Equal, a, b));
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

// Operands that are not yes/no (numbers, dates, choices) by kind: node values, slot values,
// constants (see OperandKind). Yes/no operands are read from their truth cells instead.
struct Operands {
    const Value* base[3];
    const Value& operator[](std::uint32_t ref) const {
        return base[ref >> 30][ref & kOperandIndexMask];
    }
};

Tri compare(const Node& n, const Value& a, const Value& b) {
    switch (n.operand_type) {
        case ValueType::Number:
        case ValueType::Date:
            return compare_numbers(n.cmp, a, b);
        case ValueType::Choice:
            return compare_points(n.cmp, a.choice >= 0, a.choice, b.choice >= 0, b.choice);
        case ValueType::Bool:
        case ValueType::Text:
            break;
    }
    return Tri::Unknown;
}

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

}  // namespace

void evaluate_node(const EvalContext& ctx, std::uint32_t id) {
    const Program& p = *ctx.program;
    const Machine& m = *ctx.machine;
    const Node& n = p.nodes[id];
    const Operands in{{ctx.node_values, ctx.facts, p.constants.data()}};
    const std::uint32_t* ops = p.operands.data() + n.first;
    Tri* truths = ctx.truths;
    auto truth = [&](std::uint32_t i) { return truths[m.node_cells[p.children[n.first + i]]]; };
    Tri t = Tri::Unknown;
    switch (n.op) {
        case Op::Const:
        case Op::Load:
        case Op::Not:
        case Op::And:
        case Op::Or:
            return;  // read in place, or run as truth-table instructions (machine.hpp)
        case Op::Compare:
            if (n.operand_type == ValueType::Bool) {
                Tri a = truth(0), b = truth(1);
                t = compare_points(n.cmp, a != Tri::Unknown, static_cast<std::int32_t>(a),
                                   b != Tri::Unknown, static_cast<std::int32_t>(b));
            } else {
                t = compare(n, in[ops[0]], in[ops[1]]);
            }
            break;
        case Op::InSet:
            t = in_set(p, n, in[ops[0]]);
            break;
        case Op::Known:
            // A yes/no slot (a question, or a fact, route... worked out earlier in this same
            // evaluation) is known when its truth is; the slot values of derived definitions
            // are only filled in after the run.
            t = n.operand_type == ValueType::Bool ? tri(truths[n.slot] != Tri::Unknown)
                                                  : tri(ctx.facts[n.slot].known);
            break;
        case Op::Count: {
            double yes = 0, maybe = 0;
            for (std::uint32_t i = 0; i < n.count; ++i) {
                Tri c = truth(i);
                if (c == Tri::True)
                    yes += 1;
                else if (c == Tri::Unknown)
                    maybe += 1;
            }
            ctx.node_values[id] = Value::range(yes, yes + maybe);
            return;
        }
        case Op::DaysSince: {
            const Value& d = ctx.facts[n.slot];
            ctx.node_values[id] =
                d.known ? Value::number(ctx.referral_day - d.lo) : Value::unknown();
            return;
        }
    }
    truths[m.node_cells[id]] = t;
}

}  // namespace continuum::engine::expr
