// The parsed form of a condition, before names are resolved: a tree in one vector,
// each node remembering where in the text it came from.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace continuum::engine::expr {

// Named: a named argument of a call, `within = "12 months"` (name, child 0 the value).
enum class AstKind : std::uint8_t {
    Identifier,
    Number,
    String,
    Bool,
    Not,
    And,
    Or,
    Compare,
    In,
    Call,
    List,
    Named
};

enum class CmpOp : std::uint8_t { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

struct AstNode {
    AstKind kind = AstKind::Bool;
    CmpOp cmp = CmpOp::Equal;
    std::uint32_t offset = 0;  // byte span in the expression text
    std::uint32_t length = 0;
    std::string name;          // identifier, function name or string contents
    double number = 0;
    bool boolean = false;
    std::vector<std::uint32_t> children;
};

struct Ast {
    std::vector<AstNode> nodes;
    std::uint32_t root = 0;
};

const char* to_symbol(CmpOp op);

}  // namespace continuum::engine::expr
