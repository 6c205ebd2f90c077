#include "chronology_words.hpp"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "chronology_eval.hpp"

namespace continuum::engine {

namespace {

using expr::ContactField;
using expr::ContactStep;

// "neglect", "neglect or domestic abuse", "neglect, domestic abuse or going missing".
std::string either(const std::vector<ChoiceOption>& terms, std::uint64_t mask) {
    std::vector<const std::string*> labels;
    for (std::size_t k = 0; k < terms.size() && k < 64; ++k)
        if (mask & (std::uint64_t{1} << k)) labels.push_back(&terms[k].label);
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i == 0 ? "" : i + 1 == labels.size() ? " or " : ", ") + *labels[i];
    return out;
}

struct Phrase {
    std::string text;
    bool simple = true;  // a run of field tests that reads as one ("from police about neglect")
};

}  // namespace

std::string contact_filter_words(const RuleSet& rules, const expr::ContactQuery& q) {
    const ChronologyTerms& t = rules.chronology;
    std::vector<Phrase> stack;
    for (const ContactStep& s : q.filter) {
        switch (s.kind) {
            case ContactStep::Kind::Test:
                stack.push_back(
                    {s.field == ContactField::Category ? "about " + either(t.categories, s.mask)
                     : s.field == ContactField::Source ? "from " + either(t.sources, s.mask)
                                                       : "ending in " + either(t.outcomes, s.mask),
                     true});
                break;
            case ContactStep::Kind::Not: {
                Phrase& p = stack.back();
                p.text = p.simple ? "not " + p.text : "not (" + p.text + ")";
                break;
            }
            case ContactStep::Kind::And:
            case ContactStep::Kind::Or: {
                Phrase b = std::move(stack.back());
                stack.pop_back();
                Phrase& a = stack.back();
                if (s.kind == ContactStep::Kind::And && a.simple && b.simple) {
                    a.text += " " + b.text;
                } else {
                    a.text = fmt::format("({} {} {})", a.text,
                                         s.kind == ContactStep::Kind::And ? "and" : "or", b.text);
                    a.simple = false;
                }
                break;
            }
        }
    }
    return stack.empty() ? std::string() : " " + stack.back().text;
}

std::string contact_count_words(const RuleSet& rules, const expr::ContactQuery& q,
                                std::size_t count) {
    std::string filter = contact_filter_words(rules, q);
    if (count == 0) return "no earlier contacts" + filter;
    return fmt::format("{} earlier contact{}{}", count, count == 1 ? "" : "s", filter);
}

std::string contact_node_words(const RuleSet& rules, const Case& c, const Outcome& o,
                               std::uint32_t node) {
    const expr::Node& n = rules.program.nodes[node];
    const expr::ContactQuery& q = rules.program.contact_queries[n.set_first];
    const Chronology* chronology = recorded_chronology(rules, c);
    const std::string filter = contact_filter_words(rules, q);
    const char* partial = " (the chronology is partial)";
    if (q.aggregate == expr::ContactAggregate::Count) {
        std::string window = window_words(q.window);
        if (!window.empty()) window = " " + window;
        if (!chronology)
            return fmt::format("earlier contacts{}{}: not known, no chronology recorded", filter,
                               window);
        const Value& v = contact_node_value(rules, o, node);
        auto count = static_cast<std::size_t>(std::isfinite(v.lo) ? v.lo : 0);
        return contact_count_words(rules, q, count) + window +
               (chronology->complete ? "" : partial);
    }
    if (!chronology)
        return fmt::format("the last earlier contact{}: not known, no chronology recorded", filter);
    const Value& v = contact_node_value(rules, o, node);
    const double days = chronology->complete ? v.lo : v.hi;
    std::string recorded = chronology->complete ? "" : " recorded";
    if (!std::isfinite(days))
        return fmt::format("no earlier contact{}{}{}", filter, recorded,
                           chronology->complete ? "" : partial);
    std::string when = days == 0   ? std::string("on the day of the referral")
                       : days == 1 ? std::string("1 day before the referral")
                                   : fmt::format("{} days before the referral", days);
    return fmt::format("the last earlier contact{}{} was {}{}", filter, recorded, when,
                       chronology->complete ? "" : partial);
}

}  // namespace continuum::engine
