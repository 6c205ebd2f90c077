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

Value evaluate(const EvalContext& ctx, std::uint32_t node);

// A yes/no condition's truth (its nodes' values are recorded as with evaluate).
Tri evaluate_condition(const EvalContext& ctx, std::uint32_t root);

// The comparison rules, exposed for tests of each truth-table cell.
Tri compare_numbers(CmpOp op, const Value& a, const Value& b);
Tri compare_points(CmpOp op, bool a_known, std::int32_t a, bool b_known, std::int32_t b);

}  // namespace continuum::engine::expr
