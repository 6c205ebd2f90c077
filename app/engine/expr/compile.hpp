// Resolves the names in a parsed condition against the rule set's symbols, checks types,
// and appends the condition to the shared Program.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "../value.hpp"
#include "ast.hpp"
#include "contact_query.hpp"
#include "program.hpp"

namespace continuum::engine::expr {

enum class SymbolKind : std::uint8_t { Question, Fact, Rule, Combination, Trigger, Route, Consent, Action };

struct Symbol {
    std::string id;
    SymbolKind kind = SymbolKind::Question;
    ValueType type = ValueType::Bool;
    std::uint32_t slot = 0;
    const std::vector<std::string>* choices = nullptr;  // Choice questions: the choice ids
};

struct SymbolTable {
    // Returns nullptr when the name is not defined.
    std::function<const Symbol*(std::string_view)> find;
    // " (did you mean 'x'?)" for a name that is not defined, or "" (see Suggester).
    std::function<std::string(std::string_view)> suggest;
    // The chronology, when the rule set defines one: the slot of its question and its terms.
    std::uint32_t chronology_slot = UINT32_MAX;
    ContactTerms contact_terms;
};

struct CompileError {
    std::uint32_t offset = 0;  // byte offset in the expression text
    std::string code;
    std::string message;
};

struct Compiled {
    std::uint32_t root = kNoNode;
    std::vector<std::uint32_t> reads;  // slots read (for dependencies and "never used" checks)
    std::vector<CompileError> errors;
};

Compiled compile(const Ast& ast, std::string text, const SymbolTable& symbols, Program& program);

std::string_view describe(ValueType t);

}  // namespace continuum::engine::expr
