// Strong Kleene evaluation of compiled conditions. Every node is evaluated (no short
// circuit) so the trace can show each value that was read.
#pragma once
#include "../date_time.hpp"
#include "program.hpp"

namespace continuum::engine::expr {

struct EvalContext {
    const Program* program = nullptr;
    const Value* facts = nullptr;  // by slot
    Value* node_values = nullptr;  // by node, written as evaluated
    DayNumber referral_day = 0;
};

// Evaluates the expression `node` belongs to (at least up to `node`) and returns its value.
Value evaluate(const EvalContext& ctx, std::uint32_t node);

// A node's value after evaluation: loads and constants are never written to `node_values`, so
// they are read from their slot or the constants.
inline const Value& node_value(const Program& p, const Value* facts, const Value* node_values,
                               std::uint32_t node) {
    const Node& n = p.nodes[node];
    if (n.op == Op::Load) return facts[n.slot];
    if (n.op == Op::Const) return p.constants[n.slot];
    return node_values[node];
}

// A yes/no condition's truth (its nodes' values are recorded as with evaluate).
Tri evaluate_condition(const EvalContext& ctx, std::uint32_t root);

// The comparison rules, exposed for tests of each truth-table cell.
Tri compare_numbers(CmpOp op, const Value& a, const Value& b);
Tri compare_points(CmpOp op, bool a_known, std::int32_t a, bool b_known, std::int32_t b);

}  // namespace continuum::engine::expr
