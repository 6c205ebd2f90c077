#include "evaluation_text.hpp"

#include <fmt/format.h>

#include "explain.hpp"
#include "outcome_words.hpp"
#include "plain_text.hpp"
#include "words.hpp"

namespace continuum::report {

using namespace engine;

namespace {

std::string upper(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string cites_text(const RuleSet& rules, const std::vector<Citation>& cites) {
    std::string out;
    for (const auto& c : cites)
        out += (out.empty() ? "" : "; ") + citation_text(rules, c);
    return out.empty() ? "" : " [" + out + "]";
}

void heading(std::string& out, const char* title) {
    out += "\n";
    out += title;
    out += "\n";
}

void item(std::string& out, const std::string& text) {
    append_wrapped(out, text, 2, 4);
}
void detail(std::string& out, const std::string& text) {
    append_wrapped(out, text, 4, 6);
}

}  // namespace

std::string trace_line(const RuleSet& rules, const TraceEntry& t) {
    std::string line = fmt::format("{} '{}' {}", to_string(t.kind), t.id, trace_status(t.status));
    if (!t.condition.empty()) line += fmt::format(": {}", t.condition);
    if (!t.failing.empty()) line += fmt::format("; failed at: {}", t.failing);
    if (!t.values.empty()) line += "; read: " + values_text(t.values);
    if (!t.blocking.empty()) {
        std::string b;
        for (const auto& q : t.blocking)
            b += (b.empty() ? "" : ", ") + q;
        line += "; open: " + b;
    }
    line += cites_text(rules, t.cites);
    return line;
}

std::string to_text(const Evaluation& e, Detail detail_level) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    std::string out;
    append_wrapped(out,
                   fmt::format("Case {}, referred {} {:02}:{:02}", e.kase.ref,
                               format_date_long(e.kase.referred_at.day),
                               e.kase.referred_at.second_of_day / 3600,
                               e.kase.referred_at.second_of_day / 60 % 60),
                   0, 2);
    append_wrapped(out,
                   fmt::format("Rules: {}, version {} (SHA-256 {})", rules.info.name,
                               rules.info.version, rules.digest.substr(0, 12)),
                   0, 2);
    out += "This is a suggestion to support professional judgement, not a decision.\n";

    auto urgent = urgent_lines(e);
    if (!urgent.empty()) {
        heading(out, "URGENT");
        for (const auto& line : urgent)
            item(out, line);
    }

    heading(out, "SUGGESTED LEVEL");
    for (const auto& line : level_lines(e))
        item(out, line);

    heading(out, "STATUTORY ROUTES");
    for (std::size_t i = 0; i < rules.routes.size(); ++i) {
        const Route& r = rules.routes[i];
        item(out, fmt::format("{} ({}; {}): {}", r.title, r.section, describe(r.standard),
                              upper(finding_text(r, o.routes[i]))));
        detail(out, route_explanation(e, i));
    }

    heading(out, "ACTIONS, EARLIEST FIRST");
    if (o.actions.empty()) item(out, "None.");
    for (std::size_t i : actions_by_due(o))
        item(out, action_line(e, o.actions[i]));

    if (!o.triggers.empty() || !o.possible_triggers.empty()) {
        heading(out, "ALWAYS-REFER TRIGGERS");
        for (std::uint32_t t : o.triggers)
            item(out,
                 fmt::format("Fired: {}. {}{}", rules.triggers[t].title, rules.triggers[t].says,
                             cites_text(rules, rules.triggers[t].cites)));
        for (std::uint32_t t : o.possible_triggers)
            item(out, "Cannot rule out: " + rules.triggers[t].title);
    }

    heading(out, "CONSENT AND INFORMATION SHARING");
    if (o.consent.empty() && o.possible_consent.empty()) item(out, "Nothing to record.");
    for (std::uint32_t c : o.consent)
        item(out, rules.consents[c].says + cites_text(rules, rules.consents[c].cites));
    for (std::uint32_t c : o.possible_consent)
        item(out, "May apply: " + rules.consents[c].says);

    heading(out, "WHAT COULD CHANGE THIS");
    for (const auto& line : change_lines(e))
        item(out, line);

    if (detail_level == Detail::Full) {
        heading(out, "TECHNICAL DETAIL (for policy officers: every rule by its id)");
        for (const auto& t : e.trace)
            item(out, trace_line(rules, t));
    }
    return out;
}

}  // namespace continuum::report
