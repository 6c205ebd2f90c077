// Strong Kleene evaluation of compiled conditions: what every node means, in one place. The
// machine (machine.hpp) runs most conditions as table look-ups; the tables are worked out
// from these functions when the rules load, the rare nodes without a faster form run through
// them, and the trace uses them for the nodes that live inside a step.
#pragma once
#include "../date_time.hpp"
#include "machine.hpp"
#include "program.hpp"

namespace continuum::engine::expr {

// What evaluation has written so far for one case.
struct CaseCells {
    const Program* program = nullptr;
    const Machine* machine = nullptr;
    const Tri* truths = nullptr;     // by cell
    const Value* numbers = nullptr;  // by register
    DayNumber referral_day = 0;
};

// Works out a yes/no node from its operands, never from its own cell.
Tri work_out_truth(const CaseCells& c, std::uint32_t node);
// A yes/no node's truth: read from its cell, or (inside a step) from its own little step.
inline Tri truth_of(const CaseCells& c, std::uint32_t node) {
    const Machine& m = *c.machine;
    if (const std::uint32_t cell = m.node_cells[node]; cell != kNoCell) return c.truths[cell];
    if (const std::uint32_t inner = m.inner_of[node]; inner != kNoCell)
        return step_result(m.inner_steps[inner], m.step_tables.data(), c.truths);
    return work_out_truth(c, node);  // while the machine is being built
}
// Any node's value: a load reads its slot, a constant is itself, a yes/no node is its truth,
// a number is worked out (a count from its operands' truths, days_since from its date).
Value value_of(const CaseCells& c, std::uint32_t node);
// A slot's value: a question answered with a number, choice, date or text from its register;
// a yes/no question and every definition from its truth.
Value slot_value_of(const CaseCells& c, std::uint32_t slot);

// The cell of the option a choice comparison `q == "X"` / `q != "X"` (either way round) reads,
// or kNoCell when the node is not one.
std::uint32_t choice_option_cell(const Program& p, const Machine& m, std::uint32_t node);

// Runs a yes/no node the machine has no faster form for: writes its cell.
void run_node(const CaseCells& c, Tri* truths, std::uint32_t node);
// Runs one run of number comparisons with a constant.
void run_number_tests(const Run& run, const Machine& m, const Value* numbers, Tri* truths);

// The comparison rules, exposed for tests of each truth-table cell.
Tri compare_numbers(CmpOp op, const Value& a, const Value& b);
Tri compare_points(CmpOp op, bool a_known, std::int32_t a, bool b_known, std::int32_t b);

}  // namespace continuum::engine::expr
