#include "evaluation_text.hpp"

#include <fmt/format.h>

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

// What would settle an open finding, for one of its blocking questions: the chronology in
// words (checking the agencies not yet checked), any other question by its id.
std::string open_item(const Evaluation& e, const std::string& id) {
    const RuleSet& rules = *e.rules;
    const std::uint32_t q = rules.chronology.question;
    if (q == kNone || rules.questions[q].id != id) return id;
    return recorded_chronology(rules, e.kase)
               ? "checking the agencies not yet checked (the chronology is partial)"
               : "recording the chronology of earlier contacts";
}

std::string open_items(const Evaluation& e, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ", ") + open_item(e, id);
    return out;
}

// "sexually_active, exploitation answered and the agencies not yet checked are checked"
std::string until_settled(const Evaluation& e, const std::vector<std::string>& ids) {
    std::vector<std::string> questions;
    bool chronology = false;
    for (const auto& id : ids) {
        if (open_item(e, id) != id)
            chronology = true;
        else
            questions.push_back(id);
    }
    std::string out;
    if (!questions.empty()) out = fmt::format("{} answered", fmt::join(questions, ", "));
    if (chronology)
        out += std::string(out.empty() ? "" : " and ") +
               (recorded_chronology(*e.rules, e.kase)
                    ? "the agencies not yet checked are checked (the chronology is partial)"
                    : "the chronology of earlier contacts is recorded");
    return out.empty() ? "more is answered" : out;
}

const TraceEntry* find_entry(const Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

void explain_route(std::string& out, const Evaluation& e, std::size_t ri) {
    const RuleSet& rules = *e.rules;
    const Route& r = rules.routes[ri];
    const TraceEntry* t = find_entry(e, r.slot);
    if (!t) return;
    if (t->status == Tri::True) {
        out += fmt::format("      why: {} held ({})\n", r.test.text, values_text(t->values));
    } else if (t->status == Tri::False) {
        if (t->unless_blocked)
            out += fmt::format("      why not: {}{}\n",
                               r.unless_says.empty() ? "unless " + r.unless.text : r.unless_says,
                               t->values.empty() ? "" : " (" + values_text(t->values) + ")");
        else
            out += fmt::format("      why not: '{}' is false ({})\n", t->failing,
                               values_text(t->values));
    } else {
        std::string open = open_items(e, t->blocking);
        out += fmt::format("      open: the answers to {} would settle it\n",
                           open.empty() ? "(none askable)" : open);
    }
}

}  // namespace

std::string trace_line(const RuleSet& rules, const TraceEntry& t) {
    std::string line = fmt::format("{} '{}' {}", to_string(t.kind), t.id, trace_status(t.status));
    if (!t.condition.empty()) line += fmt::format(": {}", t.condition);
    if (!t.failing.empty()) line += fmt::format(" | failed at: {}", t.failing);
    if (!t.values.empty()) line += " | read: " + values_text(t.values);
    if (!t.blocking.empty()) {
        std::string b;
        for (const auto& q : t.blocking)
            b += (b.empty() ? "" : ", ") + q;
        line += " | open: " + b;
    }
    line += cites_text(rules, t.cites);
    return line;
}

std::string to_text(const Evaluation& e, Detail detail) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    std::string out;
    out += fmt::format(
        "Case {} referred {} {:02}:{:02}\n", e.kase.ref, format_date_long(e.kase.referred_at.day),
        e.kase.referred_at.second_of_day / 3600, e.kase.referred_at.second_of_day / 60 % 60);
    out += fmt::format("Rule set {} version {} (sha256 {})\n", rules.info.id, rules.info.version,
                       rules.digest.substr(0, 12));
    out += "This is a suggestion to support professional judgement, not a decision.\n\n";

    const Level& level = rules.levels[o.level];
    out +=
        fmt::format("SUGGESTED LEVEL: {}{}\n", level.name,
                    level.band.empty() || level.band == level.name ? "" : " (" + level.band + ")");
    for (std::uint32_t s : level_reasons(rules, o))
        if (const TraceEntry* t = find_entry(e, s))
            out += fmt::format("  because: {}{}\n", t->says, cites_text(rules, t->cites));
    if (level_reasons(rules, o).empty())
        out += "  because: no indicator of a higher level is present\n";
    if (o.higher_level_possible) {
        out += "  A higher level cannot be ruled out:\n";
        for (std::uint32_t s : higher_level_candidates(rules, o))
            if (const TraceEntry* t = find_entry(e, s))
                out += fmt::format("    {} ({}) is open until {}\n", t->says, t->level,
                                   until_settled(e, t->blocking));
    }

    out += "\nSTATUTORY ROUTES\n";
    for (std::size_t i = 0; i < rules.routes.size(); ++i) {
        const Route& r = rules.routes[i];
        out += fmt::format("  {} ({}; {}): {}\n", r.title, r.section, describe(r.standard),
                           upper(finding_text(r, o.routes[i])));
        explain_route(out, e, i);
    }

    out += "\nTRIGGERS\n";
    if (o.triggers.empty() && o.possible_triggers.empty()) out += "  none\n";
    for (std::uint32_t t : o.triggers)
        out += fmt::format("  FIRED: {}: {}{}\n", rules.triggers[t].title, rules.triggers[t].says,
                           cites_text(rules, rules.triggers[t].cites));
    for (std::uint32_t t : o.possible_triggers)
        out += fmt::format("  CANNOT RULE OUT: {}\n", rules.triggers[t].title);

    out += "\nACTIONS\n";
    if (o.actions.empty()) out += "  none\n";
    for (const auto& n : o.actions) {
        const Action& a = rules.actions[n.action];
        if (n.due.has_due)
            out += fmt::format("  {}{}: {} ({})\n", n.definite ? "" : "IF NEEDED: ", a.title,
                               due_text(n.due), timescale_text(rules, a));
        else
            out +=
                fmt::format("  {}{}: no set timescale\n", n.definite ? "" : "IF NEEDED: ", a.title);
    }

    out += "\nCONSENT AND INFORMATION SHARING\n";
    if (o.consent.empty() && o.possible_consent.empty()) out += "  nothing recorded\n";
    for (std::uint32_t c : o.consent)
        out += fmt::format("  {}: {}{}\n", to_string(rules.consents[c].kind),
                           rules.consents[c].says, cites_text(rules, rules.consents[c].cites));
    for (std::uint32_t c : o.possible_consent)
        out += fmt::format("  (may apply) {}\n", rules.consents[c].says);

    out += "\nWHAT COULD CHANGE THIS\n";
    bool any = false;
    for (const auto& t : e.changes) {
        std::string name = t.is_level ? "Level" : rules.routes[t.route].title;
        for (const auto& s : t.sets) {
            any = true;
            for (const auto& opt : s.options) {
                std::string answers;
                for (const auto& h : opt.answers)
                    answers +=
                        (answers.empty() ? "" : " and ") +
                        (rules.questions[h.question].type == AnswerType::Chronology
                             ? h.label  // already a whole phrase
                             : fmt::format("{} = {}", rules.questions[h.question].id, h.label));
                std::string becomes = opt.becomes;
                if (t.is_level) {
                    std::uint32_t li = rules.level_index(opt.becomes);
                    if (li != kNone) becomes = rules.levels[li].name;
                } else if (opt.becomes == "met" || opt.becomes == "not_met" ||
                           opt.becomes == "cannot_rule_out") {
                    Finding f = opt.becomes == "met"       ? Finding::Met
                                : opt.becomes == "not_met" ? Finding::NotMet
                                                           : Finding::CannotRuleOut;
                    becomes = finding_text(rules.routes[t.route], f);
                }
                out += fmt::format("  {}: if {}, it becomes: {}\n", name, answers, becomes);
            }
        }
        if (!t.complete)
            out +=
                fmt::format("  {}: (search stopped at its limit; more answers may matter)\n", name);
    }
    if (!any) out += "  no unanswered question could change the level or any route\n";

    if (detail == Detail::Full) {
        out += "\nTRACE (every rule)\n";
        for (const auto& t : e.trace)
            out += "  " + trace_line(rules, t) + "\n";
    }
    return out;
}

}  // namespace continuum::report
