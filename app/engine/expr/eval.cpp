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

Value compare(const EvalContext& ctx, const Node& n, const Value& a, const Value& b) {
    switch (n.operand_type) {
        case ValueType::Number:
        case ValueType::Date:
            return Value::boolean(compare_numbers(n.cmp, a, b));
        case ValueType::Choice:
            return Value::boolean(
                compare_points(n.cmp, a.choice >= 0, a.choice, b.choice >= 0, b.choice));
        case ValueType::Bool:
            return Value::boolean(
                compare_points(n.cmp, a.truth != Tri::Unknown, static_cast<std::int32_t>(a.truth),
                               b.truth != Tri::Unknown, static_cast<std::int32_t>(b.truth)));
        case ValueType::Text:
            break;
    }
    (void)ctx;
    return Value::boolean(Tri::Unknown);
}

Value in_set(const EvalContext& ctx, const Node& n, const Value& v) {
    const Program& p = *ctx.program;
    if (n.operand_type == ValueType::Choice) {
        if (v.choice < 0) return Value::boolean(Tri::Unknown);
        for (std::uint32_t i = 0; i < n.set_count; ++i)
            if (p.set_choices[n.set_first + i] == v.choice) return Value::boolean(Tri::True);
        return Value::boolean(Tri::False);
    }
    // Numbers: true when the value is a member; false when no member lies in its interval.
    bool any_possible = false;
    for (std::uint32_t i = 0; i < n.set_count; ++i) {
        double m = p.set_numbers[n.set_first + i];
        if (v.lo == v.hi && v.lo == m) return Value::boolean(Tri::True);
        if (m >= v.lo && m <= v.hi) any_possible = true;
    }
    return Value::boolean(any_possible ? Tri::Unknown : Tri::False);
}

}  // namespace

namespace {

// Operands by kind: node values, slot values, constants (see OperandKind).
struct Operands {
    const Value* base[3];
    const Value& operator[](std::uint32_t ref) const {
        return base[ref >> 30][ref & kOperandIndexMask];
    }
};

// One node, from its operands (already computed: post-order). Yes/no nodes, the bulk of every
// rule set, write only the truth of their recorded value; the rest of a yes/no node's Value
// never changes from its default.
void evaluate_node(const EvalContext& ctx, const Operands& in, std::uint32_t id) {
    const Program& p = *ctx.program;
    const Node& n = p.nodes[id];
    Value* values = ctx.node_values;
    const std::uint32_t* ops = p.operands.data() + n.first;
    auto truth = [&](std::uint32_t i) { return in[ops[i]].truth; };
    Tri t = Tri::Unknown;
    switch (n.op) {
        case Op::Const:
        case Op::Load:
            return;  // read in place by whoever uses them
        case Op::Not:
            t = tri_not(truth(0));
            break;
        case Op::And:
            t = Tri::True;
            for (std::uint32_t i = 0; i < n.count; ++i)
                t = tri_and(t, truth(i));
            break;
        case Op::Or:
            t = Tri::False;
            for (std::uint32_t i = 0; i < n.count; ++i)
                t = tri_or(t, truth(i));
            break;
        case Op::Compare:
            t = compare(ctx, n, in[ops[0]], in[ops[1]]).truth;
            break;
        case Op::InSet:
            t = in_set(ctx, n, in[ops[0]]).truth;
            break;
        case Op::Known:
            t = tri(ctx.facts[n.slot].known);
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
            values[id] = Value::range(yes, yes + maybe);
            return;
        }
        case Op::DaysSince: {
            const Value& d = ctx.facts[n.slot];
            values[id] = d.known ? Value::number(ctx.referral_day - d.lo) : Value::unknown();
            return;
        }
    }
    values[id].truth = t;
    values[id].known = t != Tri::Unknown;
}

}  // namespace

namespace {

void run(const EvalContext& ctx, const Expression& e) {
    const Program& p = *ctx.program;
    const Operands in{{ctx.node_values, ctx.facts, p.constants.data()}};
    Value* values = ctx.node_values;
    const Step* step = p.schedule.data() + e.schedule_first;
    for (const Step* end = step + e.schedule_count; step != end; ++step) {
        const std::uint32_t* ops = p.operands.data() + step->operands;
        Tri t = Tri::Unknown;
        switch (step->kind) {
            case StepKind::Not:
                t = tri_not(in[ops[0]].truth);
                break;
            case StepKind::And2:
                t = tri_and(in[ops[0]].truth, in[ops[1]].truth);
                break;
            case StepKind::Or2:
                t = tri_or(in[ops[0]].truth, in[ops[1]].truth);
                break;
            case StepKind::And:
                t = Tri::True;
                for (std::uint32_t i = 0; i < step->count; ++i)
                    t = tri_and(t, in[ops[i]].truth);
                break;
            case StepKind::Or:
                t = Tri::False;
                for (std::uint32_t i = 0; i < step->count; ++i)
                    t = tri_or(t, in[ops[i]].truth);
                break;
            case StepKind::Other:
                evaluate_node(ctx, in, step->node);
                continue;
        }
        values[step->node].truth = t;
        values[step->node].known = t != Tri::Unknown;
    }
}

}  // namespace

Value evaluate(const EvalContext& ctx, std::uint32_t id) {
    const Program& p = *ctx.program;
    run(ctx, p.expressions[p.nodes[id].expression]);
    return node_value(p, ctx.facts, ctx.node_values, id);
}

// Only the truth byte is read back: copying the whole Value straight after writing its first
// bytes stalls on store forwarding, which was a sixth of the evaluation time.
Tri evaluate_condition(const EvalContext& ctx, std::uint32_t root) {
    const Program& p = *ctx.program;
    run(ctx, p.expressions[p.nodes[root].expression]);
    return node_value(p, ctx.facts, ctx.node_values, root).truth;
}

}  // namespace continuum::engine::expr
