// Conditions compiled once per rule set into one flat node array. Evaluating a case walks
// these nodes over a fact array and writes every node's value into a reusable buffer, which
// is the trace: nothing is allocated per rule.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../value.hpp"
#include "ast.hpp"
#include "contact_query.hpp"

namespace continuum::engine::expr {

enum class Op : std::uint8_t {
    Const,       // constant
    Load,        // slot's value
    Not,         // child 0
    And,         // children
    Or,          // children
    Compare,     // children 0, 1 with cmp
    InSet,       // child 0 against set members [set_first, set_first + set_count)
    Count,       // number of children true: interval [true, true + unknown]
    Known,       // slot is answered / determined: never unknown
    DaysSince,   // referral day minus the date in slot
    Chronology,  // a number worked out from the chronology (slot): contact_queries[set_first]
};

inline constexpr std::uint32_t kNoNode = UINT32_MAX;

struct Node {
    Op op = Op::Const;
    CmpOp cmp = CmpOp::Equal;
    ValueType type = ValueType::Bool;          // type of this node's value
    ValueType operand_type = ValueType::Bool;  // Compare / InSet: type compared
    std::uint32_t slot = 0;   // Load / Known / DaysSince; Const: index into constants
    std::uint32_t first = 0;  // children (in Program::children) or set members
    std::uint32_t count = 0;
    std::uint32_t set_first = 0;  // InSet members in set_numbers or set_choices
    std::uint32_t set_count = 0;
    std::uint32_t expression = 0;  // owning expression, for rendering
    std::uint32_t offset = 0;      // span in the expression's text
    std::uint32_t length = 0;
};

struct Expression {
    std::string text;
    std::uint32_t root = kNoNode;
    // The compiler adds an expression's nodes children first, so [first_node, root] is the
    // expression in post-order: evaluation is one forward loop, no recursion.
    std::uint32_t first_node = 0;
    // The nodes that compute something (not loads or constants), in post-order: the only ones
    // evaluation visits. A load is read straight from its slot, a constant from `constants`.
    std::uint32_t schedule_first = 0;
    std::uint32_t schedule_count = 0;
};

// Where a node finds one of its operands: another node's value, a slot's value (what a Load
// node stands for) or a constant. Kind in the top two bits, index below.
enum class OperandKind : std::uint32_t { Node = 0, Slot = 1, Constant = 2 };
inline constexpr std::uint32_t kOperandIndexMask = (1u << 30) - 1;
inline std::uint32_t operand(OperandKind kind, std::uint32_t index) {
    return (static_cast<std::uint32_t>(kind) << 30) | index;
}

struct Program {
    std::vector<Node> nodes;
    std::vector<std::uint32_t> children;
    std::vector<double> set_numbers;        // InSet members for numbers
    std::vector<std::int32_t> set_choices;  // InSet members for choices
    std::vector<Value> constants;           // Const values, kept out of Node so nodes stay small
    std::vector<Expression> expressions;
    std::vector<std::uint32_t> operands;  // parallel to `children`, see OperandKind
    std::vector<std::uint32_t> schedule;  // computing nodes by expression, see schedule_first
    std::vector<ContactQuery> contact_queries;  // each distinct one once (Op::Chronology)

    std::uint32_t child(const Node& n, std::uint32_t i) const { return children[n.first + i]; }
    const Value& constant(const Node& n) const { return constants[n.slot]; }
    std::string_view span_text(const Node& n) const {
        return std::string_view(expressions[n.expression].text).substr(n.offset, n.length);
    }
};

}  // namespace continuum::engine::expr
