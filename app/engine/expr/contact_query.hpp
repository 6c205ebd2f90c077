// The aggregates conditions take over a case's chronology:
//   contacts(category in ["neglect"], outcome == "nfa", within = "12 months")   a count
//   days_since(last_contact(source == "police"))                                 a number of days
// Each is compiled once into a ContactQuery (a window and a filter over one contact's source,
// categories and outcome) and worked out once per case into a register of its own, before any
// rule reads it (Machine::contact_registers); a comparison with a constant is then a number
// test like a number question's.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../chronology.hpp"
#include "ast.hpp"

namespace continuum::engine::expr {

enum class ContactAggregate : std::uint8_t { Count, DaysSinceLast };
enum class ContactField : std::uint8_t { Category, Source, Outcome };

// The filter in postfix: a test pushes whether the contact's field is one of `mask`; not, and,
// or combine the top of the stack.
struct ContactStep {
    enum class Kind : std::uint8_t { Test, Not, And, Or } kind = Kind::Test;
    ContactField field = ContactField::Category;
    std::uint64_t mask = 0;  // Test: the terms that match, one bit each

    friend bool operator==(const ContactStep&, const ContactStep&) = default;
};

// Deeper filters are refused: the evaluator keeps its stack in a fixed array.
inline constexpr std::size_t kMaxFilterDepth = 32;

struct ContactQuery {
    ContactAggregate aggregate = ContactAggregate::Count;
    Window window;                    // Count only; DaysSinceLast looks at every contact
    std::vector<ContactStep> filter;  // empty: every contact

    friend bool operator==(const ContactQuery&, const ContactQuery&) = default;
};

// Whether one contact passes the filter.
bool matches(const ContactQuery& q, const Contact& c);

// The chronology terms of the rule set, as the compiler needs them: their ids in order.
struct ContactTerms {
    const std::vector<std::string>* sources = nullptr;
    const std::vector<std::string>* categories = nullptr;
    const std::vector<std::string>* outcomes = nullptr;
};

struct ContactError {
    std::uint32_t offset = 0;  // in the expression text
    std::string code, message;
};

// Compiles the arguments of `contacts(...)` or `last_contact(...)` (the call node `call`);
// false with errors when they do not make a query.
bool compile_contact_query(const Ast& ast, std::string_view text, const AstNode& call,
                           ContactAggregate aggregate, const ContactTerms& terms, ContactQuery& out,
                           std::vector<ContactError>& errors);

}  // namespace continuum::engine::expr
