// Condition grammar (lowest precedence first):
//   or      := and ("or" and)*
//   and     := not ("and" not)*
//   not     := "not" not | compare
//   compare := primary [("<" | "<=" | ">" | ">=" | "==" | "!=") primary | "in" list]
//   primary := name | name "(" [arg ("," arg)*] ")" | number | "text" | true | false
//              | "(" or ")" | list
//   arg     := or | name "=" or    (a named argument: within = "12 months")
//   list    := "[" [literal ("," literal)*] "]"
#pragma once
#include <string>
#include <string_view>

#include "ast.hpp"

namespace continuum::engine::expr {

struct ParseResult {
    Ast ast;
    bool ok = false;
    std::string error;  // the first fault, with error_offset pointing at it
    std::uint32_t error_offset = 0;
};

// Nesting deeper than this is refused (protects the evaluator's recursion).
inline constexpr int kMaxDepth = 48;

ParseResult parse(std::string_view text);

}  // namespace continuum::engine::expr
