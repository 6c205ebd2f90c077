// The rule set as evaluation runs it, built once when the rules load.
//
// Every truth lives in one byte array of cells: slots, program nodes, constants, the options
// of choice questions ("q is X", set when q's answer is), then working cells. The whole
// evaluation order is one instruction list over those cells. Nearly every instruction is a
// truth-table look-up, out = table[code][a][b], run without a branch on its kind: which kind
// comes next cannot be predicted, and on a rule set of hundreds of rules the mispredicted
// branches cost more than the logic. `q == "X"` costs nothing (it is q's option cell) and
// n-ary and/or become chains of two-operand steps; only the rare other nodes, questions that
// apply only sometimes and combinations take the slow path.
#pragma once
#include <cstdint>
#include <vector>

#include "../tri.hpp"
#include "program.hpp"

namespace continuum::engine {
struct RuleSet;
}

namespace continuum::engine::expr {

inline constexpr std::uint32_t kNoCell = UINT32_MAX;

enum class Code : std::uint8_t {
    // Truth tables: t[out] = table[code][t[a]][t[b]].
    And,
    Or,
    Not,   // of a (b is a)
    Copy,  // a (b is a)
    // The slow path.
    Node,         // any other node: a = the node
    Question,     // a question that applies only sometimes: a = question, b = its ask_when's cell
    Combination,  // a = combination; out = its slot
};
inline constexpr std::uint8_t kTableCodes = 4;

namespace code_tables {
inline constexpr Tri F = Tri::False, T = Tri::True, U = Tri::Unknown;
// [code][a][b], as in tri.hpp.
inline constexpr Tri kTable[kTableCodes][3][3] = {
    {{F, F, F}, {F, T, U}, {F, U, U}},  // and
    {{F, T, U}, {T, T, T}, {U, T, U}},  // or
    {{T, T, T}, {F, F, F}, {U, U, U}},  // not a
    {{F, F, F}, {T, T, T}, {U, U, U}},  // a
};
}  // namespace code_tables

struct Instr {
    Code code = Code::Copy;
    std::uint32_t a = 0, b = 0;
    std::uint32_t out = 0;
};

// A definition other than a question (fact, rule, combination, trigger, route, action,
// consent) as the evaluator reports it once the code has run.
struct Definition {
    std::uint32_t slot = 0;
    std::uint32_t level = UINT32_MAX;  // the level it points to, if any
    std::uint32_t when = kNoCell;      // its condition's cell
    std::uint32_t unless = kNoCell;    // its `unless`'s cell
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
    std::uint32_t cell_count = 0;
    std::vector<Tri> initial;                 // by cell: what each starts as, per case
    std::vector<std::uint32_t> node_cells;    // by node: the cell holding its truth
    std::vector<std::uint32_t> option_cells;  // by question: first option's cell, or kNoCell
    std::vector<std::uint32_t> always_asked;  // questions without ask_when, set before the code
    std::vector<Instr> code;                  // the evaluation order
    std::vector<Definition> definitions;      // in the evaluation order
    std::vector<std::vector<CountedRule>> combinations;  // by combination: the rules it counts
    std::vector<NodeShape> shapes;                       // by node
};

Machine build_machine(const RuleSet& rules);

}  // namespace continuum::engine::expr
