// The rule set as evaluation runs it, built once when the rules load.
//
// Every truth lives in one byte array of cells (slots first, so a slot's truth is in the cell
// of the same number; then constants, the options of choice questions, "q is X", and the
// cells the code writes). The answers to number, date, choice and text questions are kept
// whole in a small array of registers.
//
// Conditions are cut into *steps* of at most kStepInputs input cells: the truth table of the
// whole piece (every combination of true, false and unknown of its inputs) is worked out when
// the rules load, so at run time a piece such as `a and (b or not c)` costs one table look-up,
// whatever its shape. The parts inside a step get no cell of their own: whoever wants one of
// them (the trace) works it out from the cells around it, with the same rules (eval.hpp).
// Number comparisons with a constant, counts of more inputs and the rare other forms are
// operations of their own.
//
// The code is ordered in levels: an operation reads only what the levels before it wrote, so
// the operations of one level are independent of each other, and within a level those of one
// kind run as one tight loop (a "run"). A branch on the kind of every operation could not be
// predicted; one per run can.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "../tri.hpp"
#include "../value.hpp"
#include "ast.hpp"
#include "program.hpp"

namespace continuum::engine {
struct RuleSet;
}

namespace continuum::engine::expr {

inline constexpr std::uint32_t kNoCell = UINT32_MAX;
inline constexpr std::uint32_t kStepInputs = 4;
// A choice question's option cells come in blocks of eight, so that setting them is one
// eight-byte store a block (the cells past the last option are never read).
inline constexpr std::uint32_t kOptionBlock = 8;

// t[out] = tables[table + t[in[0]] + 3 t[in[1]] + 9 t[in[2]] + 27 t[in[3]]]. A step with
// fewer inputs reads the always-false cell for the rest, which adds nothing to the index.
struct Step {
    std::array<std::uint32_t, kStepInputs> in{};
    std::uint32_t out = 0;
    std::uint32_t table = 0;
};

// A register (a number or date question's answer, or a contact query's value) compared with a
// constant: t[out] = the comparison (in a run of one operator, with the constant on one side).
struct NumberTest {
    Value constant;
    std::uint32_t reg = 0;
    std::uint32_t out = 0;
};

// count(...) compared with a constant, over more inputs than a step takes: the inputs' cells
// are count_cells[first, first + count); the result for `yes` true and `maybe` unknown is
// count_tables[table + yes * (count + 1) + maybe], worked out when the rules load.
struct CountTest {
    std::uint32_t first = 0, count = 0;
    std::uint32_t out = 0;
    std::uint32_t table = 0;
};

enum class RunKind : std::uint8_t {
    Steps,         // steps[begin, end)
    NumberTests,   // number_tests[begin, end), all with `op` and `constant_left`
    CountTests,    // count_tests[begin, end)
    Questions,     // questions that apply only sometimes: asked[begin, end)
    Combinations,  // combination_ops[begin, end)
    Nodes,         // anything else, one node at a time: node_ops[begin, end)
};

struct Run {
    RunKind kind = RunKind::Steps;
    CmpOp op = CmpOp::Equal;     // NumberTests
    bool constant_left = false;  // NumberTests: `13 > age` rather than `age < 13`
    // Steps: how many inputs each reads (the rest are the always-false cell, which adds
    // nothing to the index), so a run of steps of two inputs reads two cells a step, not four.
    std::uint8_t inputs = kStepInputs;
    std::uint32_t begin = 0, end = 0;
};

// A question with an ask_when: its answer is used only while the cell `visible` is not false.
struct AskedQuestion {
    std::uint32_t question = 0;
    std::uint32_t visible = 0;
};

struct CombinationOp {
    std::uint32_t combination = 0;
    std::uint32_t out = 0;
};

// A rule or route with `unless`: its slot is `when and not unless`; it is "blocked by unless"
// when neither is false.
struct UnlessDefinition {
    std::uint32_t slot = 0;
    std::uint32_t when = 0, unless = 0;  // cells
};

// A rule a combination counts: where its status is and the domain it counts toward.
struct CountedRule {
    std::uint32_t slot = 0;
    std::uint32_t domain_index = UINT32_MAX;
};

// What the trace walks of a node, 12 bytes instead of the program's 44, so that following
// the open parts of hundreds of conditions stays in the cache.
struct NodeShape {
    Op op = Op::Const;
    ValueType type = ValueType::Bool;
    std::uint32_t slot = 0;   // Load, Known, DaysSince
    std::uint32_t first = 0;  // children, in Program::children
    std::uint32_t count = 0;
};

struct Machine {
    std::uint32_t constant_base = 0;  // cell of constant 0
    std::uint32_t false_cell = 0;     // always false: the inputs a step does not use
    std::uint32_t cell_count = 0;
    std::uint32_t register_count = 0;
    std::vector<Tri> initial;  // by cell: what each starts as, per case

    // By node: the cell of its truth, or kNoCell for a yes/no node inside a step; for those,
    // inner_of gives the step in `inner_steps` that works it out from cells (run by the trace,
    // never by evaluation).
    std::vector<std::uint32_t> node_cells;
    std::vector<std::uint32_t> inner_of;
    std::vector<Step> inner_steps;
    std::vector<std::uint32_t> slot_registers;  // by slot: a non-yes/no question's register
    // By Program::contact_queries: the register its value is written to, once per case before
    // the code runs (chronology_eval.hpp), so comparing it with a constant is a number test.
    std::vector<std::uint32_t> contact_registers;
    // By question (question q holds slot q): its first option's cell (or kNoCell) and how many.
    std::vector<std::uint32_t> option_cells;
    std::vector<std::uint32_t> option_counts;

    // Questions without ask_when, set before the code runs: yes/no ones straight into their
    // cell, the others through their register (and option cells).
    std::vector<std::uint32_t> yes_no_asked;  // question indices
    std::vector<std::uint32_t> other_asked;

    std::vector<Run> runs;  // the code, in order
    std::vector<Step> steps;
    std::vector<Tri> step_tables;
    std::vector<NumberTest> number_tests;
    std::vector<CountTest> count_tests;
    std::vector<std::uint32_t> count_cells;
    std::vector<Tri> count_tables;
    std::vector<AskedQuestion> asked;
    std::vector<CombinationOp> combination_ops;
    std::vector<std::uint32_t> node_ops;  // nodes worked out one at a time

    std::vector<UnlessDefinition> unless;
    // The slots that point to a level (rules, combinations, triggers) lie in
    // [level_first, level_first + level_plus_one.size()); level index + 1 by slot, 0 for none.
    std::uint32_t level_first = 0;
    std::vector<std::int16_t> level_plus_one;
    std::uint32_t question_slots = 0;  // questions hold slots [0, question_slots)

    std::vector<std::vector<CountedRule>> combinations;  // by combination: the rules it counts
    std::vector<NodeShape> shapes;                       // by node
};

Machine build_machine(const RuleSet& rules);

// A step's result from the truths of its first `inputs` inputs (the others are false).
template <std::uint32_t inputs>
inline Tri step_result_of(const Step& s, const Tri* tables, const Tri* t) {
    static_assert(inputs >= 1 && inputs <= kStepInputs);
    std::uint32_t index = static_cast<std::uint32_t>(t[s.in[0]]);
    if constexpr (inputs > 1) index += 3 * static_cast<std::uint32_t>(t[s.in[1]]);
    if constexpr (inputs > 2) index += 9 * static_cast<std::uint32_t>(t[s.in[2]]);
    if constexpr (inputs > 3) index += 27 * static_cast<std::uint32_t>(t[s.in[3]]);
    return tables[s.table + index];
}

// A step's result from the truths of its inputs.
inline Tri step_result(const Step& s, const Tri* tables, const Tri* t) {
    return step_result_of<kStepInputs>(s, tables, t);
}

}  // namespace continuum::engine::expr
