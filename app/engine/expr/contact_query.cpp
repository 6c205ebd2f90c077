#include "contact_query.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../diagnostics.hpp"

namespace continuum::engine::expr {

bool matches(const ContactQuery& q, const Contact& c) {
    if (q.filter.empty()) return true;
    bool stack[kMaxFilterDepth];
    std::size_t top = 0;
    for (const ContactStep& s : q.filter) {
        switch (s.kind) {
            case ContactStep::Kind::Test: {
                std::uint64_t bits = s.field == ContactField::Category ? c.categories
                                     : s.field == ContactField::Source
                                         ? std::uint64_t{1} << (c.source & 63)
                                         : std::uint64_t{1} << (c.outcome & 63);
                stack[top++] = (bits & s.mask) != 0;
                break;
            }
            case ContactStep::Kind::Not:
                stack[top - 1] = !stack[top - 1];
                break;
            case ContactStep::Kind::And:
                --top;
                stack[top - 1] = stack[top - 1] && stack[top];
                break;
            case ContactStep::Kind::Or:
                --top;
                stack[top - 1] = stack[top - 1] || stack[top];
                break;
        }
    }
    return stack[0];
}

namespace {

const std::vector<std::string> kFields = {"category", "source", "outcome"};
const std::vector<std::string> kNamed = {"within"};

class FilterCompiler {
  public:
    FilterCompiler(const Ast& ast, std::string_view text, const ContactTerms& terms,
                   std::vector<ContactError>& errors)
        : ast_(ast), text_(text), terms_(terms), errors_(errors) {}

    // Appends the postfix steps of one filter; false on error. `depth` bounds the stack.
    bool filter(std::uint32_t id, std::vector<ContactStep>& out, std::size_t depth) {
        const AstNode& a = ast_.nodes[id];
        if (depth >= kMaxFilterDepth) {
            error(a.offset, "bad-call", "this filter is nested too deeply");
            return false;
        }
        switch (a.kind) {
            case AstKind::And:
            case AstKind::Or: {
                const auto kind =
                    a.kind == AstKind::And ? ContactStep::Kind::And : ContactStep::Kind::Or;
                bool ok = filter(a.children[0], out, depth + 1);
                for (std::size_t i = 1; i < a.children.size(); ++i) {
                    ok = filter(a.children[i], out, depth + 2) && ok;
                    out.push_back({kind, ContactField::Category, 0});
                }
                return ok;
            }
            case AstKind::Not: {
                bool ok = filter(a.children[0], out, depth + 1);
                out.push_back({ContactStep::Kind::Not, ContactField::Category, 0});
                return ok;
            }
            case AstKind::Compare:
                return comparison(a, out);
            case AstKind::In:
                return membership(a, out);
            default:
                error(a.offset, "bad-filter",
                      fmt::format("'{}' is not a filter on a contact: compare its category, "
                                  "source or outcome, e.g. category == \"neglect\"",
                                  span(a)));
                return false;
        }
    }

  private:
    std::string_view span(const AstNode& a) const { return text_.substr(a.offset, a.length); }

    void error(std::uint32_t offset, std::string code, std::string message) {
        errors_.push_back({offset, std::move(code), std::move(message)});
    }

    // The field an identifier names; false with an error when it names none.
    bool field_of(const AstNode& a, ContactField& field) {
        if (a.kind != AstKind::Identifier) {
            error(a.offset, "bad-filter",
                  fmt::format("a filter on a contact starts with category, source or outcome, "
                              "not '{}'",
                              span(a)));
            return false;
        }
        if (a.name == "category")
            field = ContactField::Category;
        else if (a.name == "source")
            field = ContactField::Source;
        else if (a.name == "outcome")
            field = ContactField::Outcome;
        else {
            error(a.offset, "bad-filter",
                  fmt::format("a contact has a category, a source and an outcome, not '{}'{}",
                              a.name, did_you_mean(a.name, kFields)));
            return false;
        }
        return true;
    }

    const std::vector<std::string>& terms(ContactField f) const {
        return f == ContactField::Category ? *terms_.categories
               : f == ContactField::Source ? *terms_.sources
                                           : *terms_.outcomes;
    }

    static const char* plural(ContactField f) {
        return f == ContactField::Category ? "categories"
               : f == ContactField::Source ? "sources"
                                           : "outcomes";
    }
    static const char* singular(ContactField f) {
        return f == ContactField::Category ? "category"
               : f == ContactField::Source ? "source"
                                           : "outcome";
    }

    // One quoted term's bit; false with an error when the rule set has no such term.
    bool term_bit(const AstNode& lit, ContactField f, std::uint64_t& mask) {
        if (lit.kind != AstKind::String) {
            error(
                lit.offset, "type-mismatch",
                fmt::format("a contact's {} is compared with a quoted {} id, like \"{}\"",
                            singular(f), singular(f), terms(f).empty() ? "..." : terms(f).front()));
            return false;
        }
        const auto& ids = terms(f);
        auto it = std::find(ids.begin(), ids.end(), lit.name);
        if (it == ids.end()) {
            std::string list;
            for (const auto& id : ids)
                list += (list.empty() ? "" : ", ") + ("\"" + id + "\"");
            error(lit.offset, "unknown-term",
                  fmt::format("\"{}\" is not a {} of the chronology{}; its {} are {}", lit.name,
                              singular(f), did_you_mean(lit.name, ids), plural(f), list));
            return false;
        }
        mask |= std::uint64_t{1} << (it - ids.begin());
        return true;
    }

    bool comparison(const AstNode& a, std::vector<ContactStep>& out) {
        const AstNode& l = ast_.nodes[a.children[0]];
        const AstNode& r = ast_.nodes[a.children[1]];
        const bool field_left = l.kind == AstKind::Identifier;
        const AstNode& name = field_left ? l : r;
        const AstNode& lit = field_left ? r : l;
        ContactField f;
        if (!field_of(name, f)) return false;
        if (a.cmp != CmpOp::Equal && a.cmp != CmpOp::NotEqual) {
            error(a.offset, "type-mismatch",
                  fmt::format("a contact's {} can only be compared with '==', '!=' or 'in [...]', "
                              "not '{}'",
                              singular(f), to_symbol(a.cmp)));
            return false;
        }
        std::uint64_t mask = 0;
        if (!term_bit(lit, f, mask)) return false;
        out.push_back({ContactStep::Kind::Test, f, mask});
        if (a.cmp == CmpOp::NotEqual) out.push_back({ContactStep::Kind::Not, f, 0});
        return true;
    }

    bool membership(const AstNode& a, std::vector<ContactStep>& out) {
        ContactField f;
        if (!field_of(ast_.nodes[a.children[0]], f)) return false;
        const AstNode& list = ast_.nodes[a.children[1]];
        if (list.children.empty()) {
            error(list.offset, "empty-list", "the list after 'in' is empty, so no contact matches");
            return false;
        }
        std::uint64_t mask = 0;
        bool ok = true;
        for (std::uint32_t c : list.children)
            ok = term_bit(ast_.nodes[c], f, mask) && ok;
        if (ok) out.push_back({ContactStep::Kind::Test, f, mask});
        return ok;
    }

    const Ast& ast_;
    std::string_view text_;
    const ContactTerms& terms_;
    std::vector<ContactError>& errors_;
};

}  // namespace

bool compile_contact_query(const Ast& ast, std::string_view text, const AstNode& call,
                           ContactAggregate aggregate, const ContactTerms& terms, ContactQuery& out,
                           std::vector<ContactError>& errors) {
    const std::size_t before = errors.size();
    out = ContactQuery{};
    out.aggregate = aggregate;
    FilterCompiler filters(ast, text, terms, errors);
    bool have_window = false;
    bool have_filter = false;
    for (std::uint32_t child : call.children) {
        const AstNode& arg = ast.nodes[child];
        if (arg.kind != AstKind::Named) {
            // Several filters are all required: each is and-ed onto those before.
            if (filters.filter(child, out.filter, have_filter ? 1 : 0) && have_filter)
                out.filter.push_back({ContactStep::Kind::And, ContactField::Category, 0});
            have_filter = true;
            continue;
        }
        if (arg.name != "within") {
            errors.push_back({arg.offset, "bad-call",
                              fmt::format("{}(...) has no argument '{}'{}; it takes filters and "
                                          "within = \"12 months\"",
                                          call.name, arg.name, did_you_mean(arg.name, kNamed))});
            continue;
        }
        if (aggregate == ContactAggregate::DaysSinceLast) {
            errors.push_back({arg.offset, "bad-call",
                              "last_contact(...) takes no window: compare "
                              "days_since(last_contact(...)) with a number of days instead"});
            continue;
        }
        if (have_window) {
            errors.push_back({arg.offset, "bad-call", "within is given twice"});
            continue;
        }
        have_window = true;
        const AstNode& value = ast.nodes[arg.children[0]];
        if (value.kind != AstKind::String) {
            errors.push_back({value.offset, "bad-window",
                              "within takes a quoted period, like within = \"12 months\""});
            continue;
        }
        std::string problem;
        std::uint32_t at = 0;
        if (auto w = parse_window(value.name, problem, at)) {
            out.window = *w;
        } else {
            // Inside the quotes; exact unless the text holds escapes.
            errors.push_back({value.offset + 1 + std::min<std::uint32_t>(at, value.length - 1),
                              "bad-window", problem});
        }
    }
    return errors.size() == before;
}

}  // namespace continuum::engine::expr
