#include "decision_report.hpp"

#include <fmt/format.h>

#include "engine/trace.hpp"
#include "explain.hpp"
#include "outcome_words.hpp"
#include "plain_text.hpp"
#include "words.hpp"

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

    // Urgent first: what cannot wait, then the decision, then the reasons.
    auto urgent = urgent_lines(e);
    if (!urgent.empty()) out.push_back({"Urgent", std::move(urgent)});

    ReportSection decision{"Decision", {}};
    decision.lines.push_back(fmt::format("Level decided: {}", level_name(rules, r.decided_level)));
    if (r.agreed) {
        decision.lines.push_back("The practitioner agreed with the suggestion.");
    } else {
        decision.lines.push_back(fmt::format("Override ({}): {}", r.override_category, r.reason));
    }
    if (r.agreed && !r.reason.empty()) decision.lines.push_back("Note: " + r.reason);
    out.push_back(std::move(decision));

    ReportSection suggested{"Level suggested by the rules", level_lines(e)};
    if (level_name(rules, r.suggested_level) != rules.levels[o.level].name)
        suggested.lines.insert(suggested.lines.begin(),
                               "Suggested when recorded: " + level_name(rules, r.suggested_level));
    out.push_back(std::move(suggested));

    ReportSection routes{"Statutory routes", {}};
    for (std::size_t i = 0; i < r.routes.size() && i < rules.routes.size(); ++i) {
        const Route& route = rules.routes[i];
        const auto& rd = r.routes[i];
        // The explanation opens with the rules' finding: said once.
        std::string line = rd.decided == rd.suggested
                               ? fmt::format("{} ({}; {}): {}", route.title, route.section,
                                             describe(route.standard), route_explanation(e, i))
                               : fmt::format("{} ({}; {}): decided {} (the rules suggested: {})",
                                             route.title, route.section, describe(route.standard),
                                             finding_text(route, finding_from(rd.decided)),
                                             route_explanation(e, i));
        routes.lines.push_back(line + cites(rules, route.cites));
    }
    out.push_back(std::move(routes));

    ReportSection actions{"Actions, earliest first", {}};
    for (std::size_t i : actions_by_due(o)) {
        const NeededAction& n = o.actions[i];
        actions.lines.push_back(action_line(e, n) + cites(rules, rules.actions[n.action].cites));
    }
    if (actions.lines.empty()) actions.lines.push_back("None.");
    out.push_back(std::move(actions));

    if (!o.triggers.empty()) {
        ReportSection trig{"Always-refer triggers", {}};
        for (std::uint32_t t : o.triggers)
            trig.lines.push_back(fmt::format("{}: {}{}", rules.triggers[t].title,
                                             rules.triggers[t].says,
                                             cites(rules, rules.triggers[t].cites)));
        out.push_back(std::move(trig));
    }

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

    out.push_back({"What could change this", change_lines(e)});

    ReportSection answers{"Answers", {}};
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Answer& a = e.kase.answers[i];
        if (a.state == AnswerState::NotAsked) continue;
        const std::string& prompt = rules.questions[i].prompt;
        answers.lines.push_back(fmt::format("{}{} {}", prompt, prompt.ends_with('?') ? "" : ":",
                                            a.state == AnswerState::Unknown
                                                ? std::string("Not known")
                                                : answer_words(rules.questions[i], a.value)));
    }
    if (answers.lines.empty()) answers.lines.push_back("No questions answered.");
    out.push_back(std::move(answers));

    ReportSection about{"Case and audit", {}};
    about.lines.push_back(fmt::format("Case reference: {}", r.case_ref));
    about.lines.push_back(fmt::format(
        "Referred: {} {:02}:{:02}", format_date_long(e.kase.referred_at.day),
        e.kase.referred_at.second_of_day / 3600, e.kase.referred_at.second_of_day / 60 % 60));
    about.lines.push_back(
        fmt::format("Decision by: {}{}", r.practitioner, r.role.empty() ? "" : ", " + r.role));
    if (!r.recorded_at.empty())
        about.lines.push_back(
            fmt::format("Recorded: {} (audit record {})", r.recorded_at, r.sequence));
    about.lines.push_back(fmt::format("Rule set: {} ({}), version {}, SHA-256 {}", rules.info.name,
                                      r.ruleset_id, r.ruleset_version, r.ruleset_digest));
    // A decision with a submission id but no hash is held in the outbox on the workstation,
    // waiting for the team store; the report says so rather than passing for a record.
    if (r.hash.empty() && !r.submission_id.empty())
        about.lines.push_back(fmt::format(
            "Not yet in the audit log: held on this computer since {} (submission {}), to be "
            "sent to the team store when it can be reached. The audit record number and hash "
            "follow once it is recorded.",
            r.submitted_at, r.submission_id));
    else
        about.lines.push_back(r.hash.empty()
                                  ? "This decision has not been recorded in the audit log."
                                  : "Record hash: " + r.hash);
    // Short enough that the 64-character hash stays on its line in the text report.
    about.lines.push_back(chain_head.empty() ? "Chain head after this record: not available"
                                             : "Chain head after this record: " + chain_head);
    out.push_back(std::move(about));
    return out;
}

namespace {
constexpr const char* kPreface =
    "The level and route findings from the rules are suggestions that support professional "
    "judgement; the decision above is the practitioner's.";
}

std::string decision_text(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head) {
    std::string out;
    append_wrapped(out, "Decision report: " + r.case_ref, 0, 2);
    append_wrapped(out, kPreface, 0, 0);
    for (const auto& s : decision_sections(e, r, chain_head)) {
        out += "\n" + s.heading + "\n";
        for (const auto& l : s.lines)
            append_wrapped(out, l, 2, 4);
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

namespace {

// Light and dark colours, each pair at least 4.5:1 (WCAG AA for body text); printing always
// uses black on white. No script: the page is a record, read and printed as it is.
constexpr const char* kStyle =
    R"(:root{color-scheme:light dark;--fg:#1a1a1a;--bg:#ffffff;)"
    R"(--muted:#474747;--line:#767676;--urgent-fg:#7a0f0f;--urgent-bg:#fdecea;--open-fg:#5c3b00;)"
    R"(--open-bg:#fff4d6}@media (prefers-color-scheme:dark){:root{--fg:#eeeeee;--bg:#161616;)"
    R"(--muted:#c4c4c4;--line:#8c8c8c;--urgent-fg:#ffd9d9;--urgent-bg:#3d1515;--open-fg:#ffe7a8;)"
    R"(--open-bg:#3a2d0a}}body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:50em;)"
    R"(margin:2em auto;padding:0 1em;line-height:1.45;color:var(--fg);background:var(--bg)})"
    R"(h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid )"
    R"(var(--line)}li{margin:.25em 0}.note{color:var(--muted)}section.urgent{color:)"
    R"(var(--urgent-fg);background:var(--urgent-bg);padding:.2em 1em .6em;border-left:6px solid )"
    R"(var(--urgent-fg)}p.open{color:var(--open-fg);background:var(--open-bg);padding:.4em .8em;)"
    R"(font-weight:bold;font-size:1.1em}footer{margin-top:2em;color:var(--muted);font-size:.9em})"
    R"(@media print{:root{--fg:#000;--bg:#fff;--muted:#000;--line:#000;--urgent-fg:#000;)"
    R"(--urgent-bg:#fff;--open-fg:#000;--open-bg:#fff}body{max-width:none;margin:0;)"
    R"(font-size:11pt}section{break-inside:avoid}h2{break-after:avoid}section.urgent,p.open{)"
    R"(border:2px solid #000}})";

// The level's first line is the headline; when the level is not settled, it says so as
// prominently as the level itself.
bool is_open_headline(const std::string& line) {
    return line.rfind("Not yet settled", 0) == 0;
}

}  // namespace

std::string decision_html(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Decision report: " +
        html_escape(r.case_ref) + "</title>\n<style>" + kStyle +
        "</style>\n</head>\n<body>\n<header>\n<h1>Decision report: " + html_escape(r.case_ref) +
        "</h1>\n<p class=\"note\">" + html_escape(kPreface) + "</p>\n</header>\n<main>\n";
    int n = 0;
    for (const auto& s : decision_sections(e, r, chain_head)) {
        std::string id = "section-" + std::to_string(++n);
        out += fmt::format("<section aria-labelledby=\"{}\"{}>\n<h2 id=\"{}\">{}</h2>\n", id,
                           s.heading == "Urgent" ? " class=\"urgent\"" : "", id,
                           html_escape(s.heading));
        std::size_t first = 0;
        if (!s.lines.empty() && is_open_headline(s.lines.front())) {
            out += "<p class=\"open\">" + html_escape(s.lines.front()) + "</p>\n";
            first = 1;
        }
        out += "<ul>\n";
        for (std::size_t i = first; i < s.lines.size(); ++i)
            out += "<li>" + html_escape(s.lines[i]) + "</li>\n";
        out += "</ul>\n</section>\n";
    }
    out +=
        "</main>\n<footer>\n<p>Made with continuum, a decision aid: the decision is the "
        "practitioner's.</p>\n</footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace continuum::report
