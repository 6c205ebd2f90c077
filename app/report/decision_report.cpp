#include "decision_report.hpp"

#include <fmt/format.h>

#include "engine/trace.hpp"

namespace continuum::report {

using namespace engine;

namespace {

std::string level_name(const RuleSet& rules, const std::string& id) {
    std::uint32_t i = rules.level_index(id);
    return i == kNone ? id : rules.levels[i].name;
}

Finding finding_from(const std::string& s) {
    if (s == "met") return Finding::Met;
    if (s == "cannot_rule_out") return Finding::CannotRuleOut;
    return Finding::NotMet;
}

std::string cites(const RuleSet& rules, const std::vector<Citation>& cs) {
    std::string out;
    for (const auto& c : cs)
        out += (out.empty() ? "" : "; ") + citation_text(rules, c);
    return out.empty() ? "" : " [" + out + "]";
}

const TraceEntry* entry(const Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

std::string label_of(const char* const* ids, const char* const* labels, std::size_t n,
                     const std::string& id) {
    for (std::size_t i = 0; i < n; ++i)
        if (id == ids[i]) return labels[i];
    return id;
}

std::string consent_label(const std::string& id) {
    static const char* ids[] = {"given", "refused", "not_sought", "not_needed"};
    static const char* labels[] = {"given by the family", "refused by the family",
                                   "not sought (seeking it would increase the risk)",
                                   "not needed for this decision"};
    return label_of(ids, labels, 4, id);
}

std::string sharing_label(const std::string& id) {
    static const char* ids[] = {"consent", "public_task_safeguarding", "vital_interests", "none"};
    static const char* labels[] = {"consent", "public task / safeguarding (no consent needed)",
                                   "vital interests (immediate risk to life)",
                                   "no information shared"};
    return label_of(ids, labels, 4, id);
}

}  // namespace

std::vector<ReportSection> decision_sections(const Evaluation& e, const audit::DecisionRecord& r,
                                             const std::string& chain_head) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    std::vector<ReportSection> out;

    ReportSection about{"Case", {}};
    about.lines.push_back(fmt::format("Case reference: {}", r.case_ref));
    about.lines.push_back(fmt::format(
        "Referred: {} {:02}:{:02}", format_date_long(e.kase.referred_at.day),
        e.kase.referred_at.second_of_day / 3600, e.kase.referred_at.second_of_day / 60 % 60));
    about.lines.push_back(
        fmt::format("Decision by: {}{}", r.practitioner, r.role.empty() ? "" : ", " + r.role));
    if (!r.recorded_at.empty())
        about.lines.push_back(
            fmt::format("Recorded: {} (audit record {})", r.recorded_at, r.sequence));
    about.lines.push_back(fmt::format("Rule set: {} ({}) version {}, SHA-256 {}", rules.info.name,
                                      r.ruleset_id, r.ruleset_version, r.ruleset_digest));
    out.push_back(std::move(about));

    ReportSection decision{"Decision", {}};
    decision.lines.push_back(fmt::format("Level decided: {}", level_name(rules, r.decided_level)));
    decision.lines.push_back(
        fmt::format("Level suggested by the rules: {}{}", level_name(rules, r.suggested_level),
                    o.higher_level_possible ? " (a higher level could not be ruled out)" : ""));
    if (r.agreed) {
        decision.lines.push_back("The practitioner agreed with the suggestion.");
    } else {
        decision.lines.push_back(fmt::format("Override ({}): {}", r.override_category, r.reason));
    }
    if (r.agreed && !r.reason.empty()) decision.lines.push_back("Note: " + r.reason);
    out.push_back(std::move(decision));

    ReportSection routes{"Statutory routes", {}};
    for (std::size_t i = 0; i < r.routes.size() && i < rules.routes.size(); ++i) {
        const Route& route = rules.routes[i];
        const auto& rd = r.routes[i];
        std::string line =
            fmt::format("{} ({}; {}): {}", route.title, route.section, describe(route.standard),
                        finding_text(route, finding_from(rd.decided)));
        if (rd.decided != rd.suggested)
            line +=
                fmt::format(" (suggested: {})", finding_text(route, finding_from(rd.suggested)));
        routes.lines.push_back(line + cites(rules, route.cites));
    }
    out.push_back(std::move(routes));

    ReportSection why{"Why the rules suggested this level", {}};
    for (std::uint32_t s : level_reasons(rules, o))
        if (const TraceEntry* t = entry(e, s))
            why.lines.push_back(t->says + cites(rules, t->cites));
    if (why.lines.empty()) why.lines.push_back("No indicator of a higher level is present.");
    for (std::uint32_t s : higher_level_candidates(rules, o))
        if (const TraceEntry* t = entry(e, s))
            why.lines.push_back(fmt::format("Not ruled out: {} (open until answered: {})", t->says,
                                            fmt::join(t->blocking, ", ")));
    out.push_back(std::move(why));

    if (!o.triggers.empty()) {
        ReportSection trig{"Always-refer triggers", {}};
        for (std::uint32_t t : o.triggers)
            trig.lines.push_back(fmt::format("{}: {}{}", rules.triggers[t].title,
                                             rules.triggers[t].says,
                                             cites(rules, rules.triggers[t].cites)));
        out.push_back(std::move(trig));
    }

    ReportSection actions{"Actions", {}};
    for (const auto& n : o.actions) {
        const Action& a = rules.actions[n.action];
        actions.lines.push_back(fmt::format("{}{}: {}{}", n.definite ? "" : "If needed: ", a.title,
                                            due_text(n.due), cites(rules, a.cites)));
    }
    if (actions.lines.empty()) actions.lines.push_back("None.");
    out.push_back(std::move(actions));

    ReportSection consent{"Consent and information sharing", {}};
    consent.lines.push_back("Consent to a service: " + consent_label(r.service_consent));
    consent.lines.push_back("Basis for sharing information: " + sharing_label(r.sharing_basis));
    consent.lines.push_back(r.family_informed
                                ? "The family has been told what is shared and why."
                                : "The family has not (yet) been told what is shared.");
    if (!r.consent_note.empty()) consent.lines.push_back("Note: " + r.consent_note);
    for (std::uint32_t c : o.consent)
        consent.lines.push_back(rules.consents[c].says + cites(rules, rules.consents[c].cites));
    out.push_back(std::move(consent));

    ReportSection answers{"Answers", {}};
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Answer& a = e.kase.answers[i];
        if (a.state == AnswerState::NotAsked) continue;
        answers.lines.push_back(fmt::format("{}: {}", rules.questions[i].prompt,
                                            describe_answer(rules.questions[i], a)));
    }
    if (answers.lines.empty()) answers.lines.push_back("No questions answered.");
    out.push_back(std::move(answers));

    ReportSection audit{"Audit", {}};
    // A decision with a submission id but no hash is held in the outbox on the workstation,
    // waiting for the team store; the report says so rather than passing for a record.
    if (r.hash.empty() && !r.submission_id.empty())
        audit.lines.push_back(fmt::format(
            "Not yet in the audit log: held on this computer since {} (submission {}), to be "
            "sent to the team store when it can be reached. The audit record number and hash "
            "follow once it is recorded.",
            r.submitted_at, r.submission_id));
    else
        audit.lines.push_back(r.hash.empty()
                                  ? "This decision has not been recorded in the audit log."
                                  : "Record hash: " + r.hash);
    audit.lines.push_back(chain_head.empty() ? "Audit chain head after this record: not available"
                                             : "Audit chain head after this record: " + chain_head);
    out.push_back(std::move(audit));
    return out;
}

namespace {
constexpr const char* kPreface =
    "The level and route findings from the rules are suggestions that support professional "
    "judgement; the decision above is the practitioner's.";
}

std::string decision_text(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head) {
    std::string out = fmt::format("Decision report: {}\n{}\n", r.case_ref, kPreface);
    for (const auto& s : decision_sections(e, r, chain_head)) {
        out += "\n" + s.heading + "\n";
        for (const auto& l : s.lines)
            out += "  " + l + "\n";
    }
    return out;
}

std::string decision_markdown(const Evaluation& e, const audit::DecisionRecord& r,
                              const std::string& chain_head) {
    std::string out = fmt::format("# Decision report: {}\n\n{}\n", r.case_ref, kPreface);
    for (const auto& s : decision_sections(e, r, chain_head)) {
        out += "\n## " + s.heading + "\n\n";
        for (const auto& l : s.lines)
            out += "- " + l + "\n";
    }
    return out;
}

std::string html_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string decision_html(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Decision report: " +
        html_escape(r.case_ref) +
        "</title>\n"
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:48em;margin:2em auto;"
        "line-height:1.45;color:#1a1a1a}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;"
        "border-bottom:1px solid #ccc}li{margin:.2em "
        "0}.note{color:#444}</style>\n</head>\n<body>\n";
    out += "<h1>Decision report: " + html_escape(r.case_ref) + "</h1>\n<p class=\"note\">" +
           html_escape(kPreface) + "</p>\n";
    for (const auto& s : decision_sections(e, r, chain_head)) {
        out += "<h2>" + html_escape(s.heading) + "</h2>\n<ul>\n";
        for (const auto& l : s.lines)
            out += "<li>" + html_escape(l) + "</li>\n";
        out += "</ul>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace continuum::report
