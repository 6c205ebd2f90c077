// Strong Kleene evaluation of compiled conditions. Every node is evaluated (no short
// circuit) so the trace can show each value that was read.
#pragma once
#include "../date_time.hpp"
#include "machine.hpp"
#include "program.hpp"

namespace continuum::engine::expr {

struct EvalContext {
    const Program* program = nullptr;
    const Machine* machine = nullptr;
    const Value* facts = nullptr;  // by slot
    Tri* truths = nullptr;         // by cell (see Machine), written as evaluated
    Value* node_values = nullptr;  // by node: numbers worked out (count, days_since)
    const Value* contact_values = nullptr;  // by contact query: worked out before the run
    DayNumber referral_day = 0;
};

// Works out one node that is not a truth-table step (comparisons, `in`, count, known,
// days_since) from its operands, already computed: it writes the node's truth cell, or its
// number to `node_values`.
void evaluate_node(const EvalContext& ctx, std::uint32_t node);

// A node's value after evaluation: loads and constants are read from their slot or the
// constants, yes/no nodes from their truth cell, numbers from `node_values`.
inline Value node_value(const Program& p, const Machine& m, const Value* facts, const Tri* truths,
                        const Value* node_values, std::uint32_t node) {
    const Node& n = p.nodes[node];
    if (n.op == Op::Load) return facts[n.slot];
    if (n.op == Op::Const) return p.constants[n.slot];
    if (n.type == ValueType::Bool) return Value::boolean(truths[m.node_cells[node]]);
    return node_values[node];
}

// The comparison rules, exposed for tests of each truth-table cell.
Tri compare_numbers(CmpOp op, const Value& a, const Value& b);
Tri compare_points(CmpOp op, bool a_known, std::int32_t a, bool b_known, std::int32_t b);

}  // namespace continuum::engine::expr
