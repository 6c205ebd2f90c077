#include "compile.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../diagnostics.hpp"
#include "../printable.hpp"

namespace continuum::engine::expr {

std::string_view describe(ValueType t) {
    switch (t) {
        case ValueType::Bool:
            return "yes/no";
        case ValueType::Number:
            return "number";
        case ValueType::Choice:
            return "choice";
        case ValueType::Date:
            return "date";
        case ValueType::Text:
            return "free text";
    }
    return "?";
}

namespace {

const std::vector<std::string> kFunctions = {"count", "known", "days_since", "contacts",
                                             "last_contact"};

// Type of an AST node for checking; String literals are kept apart because they only make
// sense against a choice question.
enum class Kind : std::uint8_t { Bool, Number, Choice, Date, Text, StringLiteral, Invalid };

struct Typed {
    std::uint32_t node = kNoNode;
    Kind kind = Kind::Invalid;
    const Symbol* symbol = nullptr;  // for identifiers (choice lists, messages)
};

Kind kind_of(ValueType t) {
    switch (t) {
        case ValueType::Bool:
            return Kind::Bool;
        case ValueType::Number:
            return Kind::Number;
        case ValueType::Choice:
            return Kind::Choice;
        case ValueType::Date:
            return Kind::Date;
        case ValueType::Text:
            return Kind::Text;
    }
    return Kind::Invalid;
}

std::string_view describe(Kind k) {
    switch (k) {
        case Kind::Bool:
            return "yes/no";
        case Kind::Number:
            return "number";
        case Kind::Choice:
            return "choice";
        case Kind::Date:
            return "date";
        case Kind::Text:
            return "free text";
        case Kind::StringLiteral:
            return "quoted text";
        case Kind::Invalid:
            return "invalid";
    }
    return "?";
}

class Compiler {
  public:
    Compiler(const Ast& ast, std::uint32_t expression, const SymbolTable& symbols, Program& program,
             Compiled& out)
        : ast_(ast), expression_(expression), symbols_(symbols), p_(program), out_(out) {}

    Typed build(std::uint32_t id) {
        const AstNode& a = ast_.nodes[id];
        switch (a.kind) {
            case AstKind::Identifier:
                return identifier(a);
            case AstKind::Number:
                return constant(a, Value::number(a.number), Kind::Number);
            case AstKind::Bool:
                return constant(a, Value::boolean(tri(a.boolean)), Kind::Bool);
            case AstKind::String: {
                // Placeholder; comparisons replace it with the resolved choice.
                Typed t = constant(a, Value::unknown(), Kind::StringLiteral);
                return t;
            }
            case AstKind::Not: {
                Typed operand = expect_bool(a.children[0], "'not'");
                return combine(a, Op::Not, {operand.node}, Kind::Bool);
            }
            case AstKind::And:
            case AstKind::Or: {
                std::vector<std::uint32_t> kids;
                const char* word = a.kind == AstKind::And ? "'and'" : "'or'";
                for (std::uint32_t c : a.children)
                    kids.push_back(expect_bool(c, word).node);
                return combine(a, a.kind == AstKind::And ? Op::And : Op::Or, kids, Kind::Bool);
            }
            case AstKind::Compare:
                return comparison(a);
            case AstKind::In:
                return membership(a);
            case AstKind::Call:
                return call(a);
            case AstKind::List:
                error(a.offset, "misplaced-list",
                      "a list can only follow 'in', as in: x in [\"a\", \"b\"]");
                return invalid(a);
            case AstKind::Named:
                error(a.offset, "bad-call",
                      fmt::format("'{} = ...' is a named argument, and only contacts(...) takes "
                                  "one (within = \"12 months\"); to compare, write '=='",
                                  a.name));
                return invalid(a);
        }
        return invalid(a);
    }

    Typed expect_bool(std::uint32_t id, std::string_view context) {
        Typed t = build(id);
        if (t.kind != Kind::Bool && t.kind != Kind::Invalid) {
            const AstNode& a = ast_.nodes[id];
            std::string hint;
            if (t.kind == Kind::Number)
                hint = ": compare it, e.g. '>= 2'";
            else if (t.kind == Kind::Choice)
                hint = ": compare it, e.g. '== \"...\"' or 'in [...]'";
            error(a.offset, "type-mismatch",
                  fmt::format("{} needs a yes/no condition, but '{}' is a {}{}", context,
                              text_of(a), describe(t.kind), hint));
            t.kind = Kind::Invalid;
        }
        return t;
    }

  private:
    std::string_view text_of(const AstNode& a) const {
        return std::string_view(p_.expressions[expression_].text).substr(a.offset, a.length);
    }

    void error(std::uint32_t offset, std::string code, std::string message) {
        out_.errors.push_back({offset, std::move(code), std::move(message)});
    }

    std::uint32_t add(Node n, const AstNode& a) {
        n.expression = expression_;
        n.offset = a.offset;
        n.length = a.length;
        p_.nodes.push_back(n);
        return static_cast<std::uint32_t>(p_.nodes.size() - 1);
    }

    std::uint32_t add_constant(const Value& v) {
        p_.constants.push_back(v);
        return static_cast<std::uint32_t>(p_.constants.size() - 1);
    }

    Typed constant(const AstNode& a, Value v, Kind k) {
        Node n;
        n.op = Op::Const;
        n.slot = add_constant(v);
        n.type = k == Kind::Number ? ValueType::Number : ValueType::Bool;
        return {add(n, a), k, nullptr};
    }

    Typed invalid(const AstNode& a) {
        Node n;
        n.op = Op::Const;
        n.slot = add_constant(Value::unknown());
        return {add(n, a), Kind::Invalid, nullptr};
    }

    Typed combine(const AstNode& a, Op op, const std::vector<std::uint32_t>& kids, Kind k) {
        Node n;
        n.op = op;
        n.type = k == Kind::Number ? ValueType::Number : ValueType::Bool;
        n.first = static_cast<std::uint32_t>(p_.children.size());
        n.count = static_cast<std::uint32_t>(kids.size());
        p_.children.insert(p_.children.end(), kids.begin(), kids.end());
        return {add(n, a), k, nullptr};
    }

    const Symbol* resolve(const AstNode& a) {
        const Symbol* s = symbols_.find(a.name);
        if (!s) {
            std::string hint;
            if (std::find(kFunctions.begin(), kFunctions.end(), a.name) != kFunctions.end())
                hint = fmt::format(" ('{}' is a function: write {}(...))", a.name, a.name);
            else if (symbols_.suggest)
                hint = symbols_.suggest(a.name);
            error(a.offset, "unknown-identifier",
                  fmt::format("unknown name '{}': no question, fact, rule, route or trigger has "
                              "this id{}",
                              excerpt(a.name), hint));
            return nullptr;
        }
        out_.reads.push_back(s->slot);
        return s;
    }

    Typed identifier(const AstNode& a) {
        const Symbol* s = resolve(a);
        if (!s) return invalid(a);
        if (s->slot == symbols_.chronology_slot) {
            error(a.offset, "type-mismatch",
                  fmt::format("the chronology is read through contacts(...), "
                              "days_since(last_contact(...)) or known({}) (every agency checked)",
                              a.name));
            return invalid(a);
        }
        Node n;
        n.op = Op::Load;
        n.slot = s->slot;
        n.type = s->type;
        return {add(n, a), kind_of(s->type), s};
    }

    // Resolves a quoted text against a choice question's choices.
    bool resolve_choice(const AstNode& lit, const Symbol* question, std::int32_t& index) {
        const auto& choices = *question->choices;
        auto it = std::find(choices.begin(), choices.end(), lit.name);
        if (it != choices.end()) {
            index = static_cast<std::int32_t>(it - choices.begin());
            return true;
        }
        std::string list;
        for (const auto& c : choices)
            list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
        error(lit.offset, "unknown-choice",
              fmt::format("\"{}\" is not a choice of '{}'{}; its choices are {}", excerpt(lit.name),
                          question->id, did_you_mean(lit.name, choices), list));
        return false;
    }

    Typed comparison(const AstNode& a) {
        std::uint32_t li = a.children[0], ri = a.children[1];
        Typed l = build(li), r = build(ri);
        Node n;
        n.op = Op::Compare;
        n.cmp = a.cmp;
        n.type = ValueType::Bool;
        if (l.kind == Kind::Invalid || r.kind == Kind::Invalid) return combine_compare(a, n, l, r);

        bool equality = a.cmp == CmpOp::Equal || a.cmp == CmpOp::NotEqual;
        auto numeric = [](Kind k) { return k == Kind::Number; };
        if (numeric(l.kind) && numeric(r.kind)) {
            n.operand_type = ValueType::Number;
            return combine_compare(a, n, l, r);
        }
        if ((l.kind == Kind::Choice && r.kind == Kind::StringLiteral) ||
            (l.kind == Kind::StringLiteral && r.kind == Kind::Choice)) {
            const Typed& q = l.kind == Kind::Choice ? l : r;
            const Typed& lit = l.kind == Kind::Choice ? r : l;
            if (!equality) {
                error(ast_.nodes[a.children[0]].offset, "type-mismatch",
                      fmt::format("choices can only be compared with '==' or '!=', not '{}'",
                                  to_symbol(a.cmp)));
                return invalid(a);
            }
            std::int32_t index = -1;
            const AstNode& lit_ast = ast_.nodes[lit.node == l.node ? li : ri];
            if (!resolve_choice(lit_ast, q.symbol, index)) return invalid(a);
            p_.constants[p_.nodes[lit.node].slot] = Value::option(index);
            p_.nodes[lit.node].type = ValueType::Choice;
            n.operand_type = ValueType::Choice;
            return combine_compare(a, n, l, r);
        }
        if (l.kind == Kind::Bool && r.kind == Kind::Bool) {
            if (!equality) {
                error(ast_.nodes[li].offset, "type-mismatch",
                      fmt::format("yes/no values can only be compared with '==' or '!=', not '{}'",
                                  to_symbol(a.cmp)));
                return invalid(a);
            }
            n.operand_type = ValueType::Bool;
            return combine_compare(a, n, l, r);
        }
        std::string hint;
        if (l.kind == Kind::Date || r.kind == Kind::Date)
            hint = ": compare dates through days_since(...), e.g. days_since(last_contact) < 365";
        else if (l.kind == Kind::Text || r.kind == Kind::Text)
            hint = ": free-text answers can only be tested with known(...)";
        else if (l.kind == Kind::StringLiteral || r.kind == Kind::StringLiteral)
            hint = ": quoted text can only be compared with a choice question";
        error(ast_.nodes[li].offset, "type-mismatch",
              fmt::format("cannot compare a {} with a {}{}", describe(l.kind), describe(r.kind),
                          hint));
        return invalid(a);
    }

    Typed combine_compare(const AstNode& a, Node n, const Typed& l, const Typed& r) {
        if (l.kind == Kind::Invalid || r.kind == Kind::Invalid) return invalid(a);
        n.first = static_cast<std::uint32_t>(p_.children.size());
        n.count = 2;
        p_.children.push_back(l.node);
        p_.children.push_back(r.node);
        return {add(n, a), Kind::Bool, nullptr};
    }

    Typed membership(const AstNode& a) {
        Typed l = build(a.children[0]);
        const AstNode& list = ast_.nodes[a.children[1]];
        Node n;
        n.op = Op::InSet;
        n.type = ValueType::Bool;
        if (l.kind == Kind::Invalid) return invalid(a);
        if (l.kind == Kind::Choice) {
            n.operand_type = ValueType::Choice;
            n.set_first = static_cast<std::uint32_t>(p_.set_choices.size());
            bool ok = true;
            for (std::uint32_t c : list.children) {
                const AstNode& item = ast_.nodes[c];
                std::int32_t index = -1;
                if (item.kind != AstKind::String) {
                    error(item.offset, "type-mismatch",
                          fmt::format("'{}' is a choice: list its choices as quoted texts",
                                      l.symbol->id));
                    ok = false;
                } else if (resolve_choice(item, l.symbol, index)) {
                    p_.set_choices.push_back(index);
                } else {
                    ok = false;
                }
            }
            n.set_count = static_cast<std::uint32_t>(p_.set_choices.size()) - n.set_first;
            if (!ok) return invalid(a);
        } else if (l.kind == Kind::Number) {
            n.operand_type = ValueType::Number;
            n.set_first = static_cast<std::uint32_t>(p_.set_numbers.size());
            for (std::uint32_t c : list.children) {
                const AstNode& item = ast_.nodes[c];
                if (item.kind != AstKind::Number) {
                    error(item.offset, "type-mismatch",
                          "a number can only be looked up in a list of numbers");
                    return invalid(a);
                }
                p_.set_numbers.push_back(item.number);
            }
            n.set_count = static_cast<std::uint32_t>(p_.set_numbers.size()) - n.set_first;
        } else {
            error(ast_.nodes[a.children[0]].offset, "type-mismatch",
                  fmt::format("'in' needs a choice or a number on its left, not a {}",
                              describe(l.kind)));
            return invalid(a);
        }
        if (list.children.empty()) {
            error(list.offset, "empty-list", "the list after 'in' is empty, so this is never true");
            return invalid(a);
        }
        n.first = static_cast<std::uint32_t>(p_.children.size());
        n.count = 1;
        p_.children.push_back(l.node);
        return {add(n, a), Kind::Bool, nullptr};
    }

    // contacts(...) and days_since(last_contact(...)): a number from the chronology, worked
    // out once per case (contact_query.hpp). `span` is the whole call as written.
    Typed chronology(const AstNode& call, const AstNode& span, ContactAggregate aggregate) {
        if (symbols_.chronology_slot == UINT32_MAX) {
            error(call.offset, "no-chronology",
                  fmt::format("{}(...) reads the chronology of earlier contacts, but this rule set "
                              "defines no [chronology]",
                              call.name));
            return invalid(span);
        }
        ContactQuery q;
        std::vector<ContactError> errors;
        if (!compile_contact_query(ast_, p_.expressions[expression_].text, call, aggregate,
                                   symbols_.contact_terms, q, errors)) {
            for (auto& e : errors)
                error(e.offset, std::move(e.code), std::move(e.message));
            return invalid(span);
        }
        auto& queries = p_.contact_queries;
        auto at = std::find(queries.begin(), queries.end(), q);
        if (at == queries.end()) at = queries.insert(queries.end(), std::move(q));
        Node n;
        n.op = Op::Chronology;
        n.type = ValueType::Number;
        n.slot = symbols_.chronology_slot;
        n.set_first = static_cast<std::uint32_t>(at - queries.begin());
        out_.reads.push_back(symbols_.chronology_slot);
        return {add(n, span), Kind::Number, nullptr};
    }

    bool named_arguments_refused(const AstNode& a) {
        for (std::uint32_t c : a.children)
            if (ast_.nodes[c].kind == AstKind::Named) {
                error(ast_.nodes[c].offset, "bad-call",
                      fmt::format("{}(...) takes no named argument '{}'; only contacts(...) takes "
                                  "one (within = \"12 months\")",
                                  a.name, ast_.nodes[c].name));
                return true;
            }
        return false;
    }

    Typed call(const AstNode& a) {
        if (a.name == "contacts") return chronology(a, a, ContactAggregate::Count);
        if (a.name == "last_contact") {
            error(a.offset, "bad-call",
                  "last_contact(...) is a date: use it as days_since(last_contact(...)), e.g. "
                  "days_since(last_contact()) < 90");
            return invalid(a);
        }
        if (named_arguments_refused(a)) return invalid(a);
        if (a.name == "days_since" && a.children.size() == 1 &&
            ast_.nodes[a.children[0]].kind == AstKind::Call &&
            ast_.nodes[a.children[0]].name == "last_contact")
            return chronology(ast_.nodes[a.children[0]], a, ContactAggregate::DaysSinceLast);
        if (a.name == "count") {
            if (a.children.empty()) {
                error(a.offset, "bad-call", "count(...) needs at least one condition to count");
                return invalid(a);
            }
            std::vector<std::uint32_t> kids;
            bool ok = true;
            for (std::uint32_t c : a.children) {
                Typed t = expect_bool(c, "count(...)");
                ok = ok && t.kind != Kind::Invalid;
                kids.push_back(t.node);
            }
            if (!ok) return invalid(a);
            return combine(a, Op::Count, kids, Kind::Number);
        }
        if (a.name == "known" || a.name == "days_since") {
            if (a.children.size() != 1 || ast_.nodes[a.children[0]].kind != AstKind::Identifier) {
                error(a.offset, "bad-call",
                      a.name == "known"
                          ? std::string("known(...) takes exactly one question or fact id")
                          : std::string("days_since(...) takes exactly one date question id, "
                                        "or last_contact(...)"));
                return invalid(a);
            }
            const AstNode& arg = ast_.nodes[a.children[0]];
            const Symbol* s = resolve(arg);
            if (!s) return invalid(a);
            Node n;
            n.slot = s->slot;
            if (a.name == "known") {
                n.op = Op::Known;
                n.type = ValueType::Bool;
                n.operand_type = s->type;  // yes/no: read its truth cell (see evaluate_node)
                return {add(n, a), Kind::Bool, nullptr};
            }
            if (s->type != ValueType::Date) {
                error(arg.offset, "type-mismatch",
                      fmt::format("days_since(...) needs a date question, but '{}' is a {}", s->id,
                                  expr::describe(s->type)));
                return invalid(a);
            }
            n.op = Op::DaysSince;
            n.type = ValueType::Number;
            return {add(n, a), Kind::Number, nullptr};
        }
        error(a.offset, "unknown-function",
              fmt::format("unknown function '{}'{}; the functions are count, known, days_since, "
                          "contacts and last_contact",
                          excerpt(a.name), did_you_mean(a.name, kFunctions)));
        return invalid(a);
    }

    const Ast& ast_;
    std::uint32_t expression_;
    const SymbolTable& symbols_;
    Program& p_;
    Compiled& out_;
};

}  // namespace

// Children read straight from slots and constants, so evaluation skips load and constant nodes
// altogether: most nodes of a rule set are loads (see machine.hpp for how the rest run).
void plan_evaluation(Program& p, std::uint32_t expression) {
    Expression& e = p.expressions[expression];
    const auto end = static_cast<std::uint32_t>(p.nodes.size());
    e.schedule_first = static_cast<std::uint32_t>(p.schedule.size());
    for (std::uint32_t id = e.first_node; id < end; ++id) {
        const Node& n = p.nodes[id];
        if (n.op == Op::Load || n.op == Op::Const) continue;
        p.schedule.push_back(id);
    }
    e.schedule_count = static_cast<std::uint32_t>(p.schedule.size()) - e.schedule_first;
    p.operands.resize(p.children.size());
    for (std::uint32_t id = e.first_node; id < end; ++id) {
        const Node& n = p.nodes[id];
        for (std::uint32_t i = 0; i < n.count; ++i) {
            std::uint32_t child = p.children[n.first + i];
            const Node& c = p.nodes[child];
            p.operands[n.first + i] = c.op == Op::Load    ? operand(OperandKind::Slot, c.slot)
                                      : c.op == Op::Const ? operand(OperandKind::Constant, c.slot)
                                                          : operand(OperandKind::Node, child);
        }
    }
}

Compiled compile(const Ast& ast, std::string text, const SymbolTable& symbols, Program& program) {
    Compiled out;
    auto expression = static_cast<std::uint32_t>(program.expressions.size());
    program.expressions.push_back(
        {std::move(text), kNoNode, static_cast<std::uint32_t>(program.nodes.size())});
    Compiler c(ast, expression, symbols, program, out);
    Typed root = c.expect_bool(ast.root, "a condition");
    out.root = root.node;
    program.expressions[expression].root = root.node;
    plan_evaluation(program, expression);
    std::sort(out.reads.begin(), out.reads.end());
    out.reads.erase(std::unique(out.reads.begin(), out.reads.end()), out.reads.end());
    return out;
}

}  // namespace continuum::engine::expr
