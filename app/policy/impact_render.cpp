// [SECTION] Words
// [SECTION] Text
// [SECTION] JSON
#include "impact_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rule_diff_render.hpp"

namespace continuum::report {

using namespace engine;
using nlohmann::json;

// [SECTION] Words

namespace {

std::string words(std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string cases(std::size_t n) {
    return fmt::format("{} case{}", n, n == 1 ? "" : "s");
}

std::string level_name(const std::vector<std::string>& ids, const std::vector<std::string>& names,
                       const std::string& id) {
    auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? id : names[static_cast<std::size_t>(it - ids.begin())];
}

std::string from_level(const ImpactReport& r, const std::string& id) {
    return level_name(r.base_levels, r.base_level_names, id);
}
std::string to_level(const ImpactReport& r, const std::string& id) {
    return level_name(r.candidate_levels, r.candidate_level_names, id);
}

std::string change_text(const StateChange& c) {
    return fmt::format("{} {}: {} -> {}", c.kind, c.id, words(c.before), words(c.after));
}

std::string case_line(const ImpactReport& r, const CaseChange& c) {
    std::vector<std::string> parts;
    if (c.level_before != c.level_after)
        parts.push_back(fmt::format("level {} -> {}", from_level(r, c.level_before),
                                    to_level(r, c.level_after)));
    if (c.higher_possible_before != c.higher_possible_after)
        parts.push_back(fmt::format("higher level possible: {} -> {}",
                                    c.higher_possible_before ? "yes" : "no",
                                    c.higher_possible_after ? "yes" : "no"));
    for (const auto* list : {&c.routes, &c.triggers, &c.actions, &c.consent})
        for (const auto& ch : *list)
            parts.push_back(change_text(ch));
    if (!c.outcome_changed)
        for (const auto& ch : c.reasoning)
            parts.push_back(change_text(ch));
    std::string out = fmt::format("  {} (line {}): ", c.ref, c.line);
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "; " : "") + parts[i];
    std::string because;
    for (std::uint32_t g : c.responsible)
        because += (because.empty() ? "" : ", ") + fmt::format("{} {} ({})", r.groups[g].kind,
                                                               r.groups[g].id,
                                                               to_string(r.groups[g].change));
    return out + "\n      because of: " + because + "\n";
}

}  // namespace

std::string group_summary(const ImpactReport& r, const ResponsibleGroup& g) {
    std::vector<std::string> parts;
    for (const auto& m : g.level_moves)
        parts.push_back(fmt::format("{} move{} from {} to {}", cases(m.cases),
                                    m.cases == 1 ? "s" : "", from_level(r, m.from),
                                    to_level(r, m.to)));
    for (const auto& m : g.route_moves)
        parts.push_back(
            fmt::format("{}: {} {} -> {}", cases(m.cases), m.route, words(m.from), words(m.to)));
    for (const auto& m : g.trigger_moves)
        parts.push_back(fmt::format("{}: trigger {} {} -> {}", cases(m.cases), m.route,
                                    words(m.from), words(m.to)));
    if (g.higher_cases)
        parts.push_back(fmt::format("{}: whether a higher level can be ruled out changes",
                                    cases(g.higher_cases)));
    if (g.action_cases) parts.push_back(fmt::format("{}: actions change", cases(g.action_cases)));
    if (parts.empty() && g.outcome_cases)
        parts.push_back(fmt::format("{}: outcome changes", cases(g.outcome_cases)));
    if (g.reasoning_cases)
        parts.push_back(fmt::format("{}: reasoning changes only", cases(g.reasoning_cases)));
    std::string out = g.kind == "unattributed"
                          ? std::string("no edited definition")
                          : fmt::format("{} {} ({})", g.kind, g.id, to_string(g.change));
    out += ": ";
    for (std::size_t i = 0; i < parts.size(); ++i)
        out += (i ? "; " : "") + parts[i];
    return out;
}

// [SECTION] Text

std::string to_text(const ImpactReport& r, std::size_t limit) {
    std::string out =
        fmt::format("Impact of {} ({} {}, candidate) against {} ({} {}, base)\n", r.candidate_root,
                    r.candidate_id, r.candidate_version, r.base_root, r.base_id, r.base_version);
    out += fmt::format("Library {}: {} read, {} evaluated, {} could not be read\n\n", r.file,
                       cases(r.lines), r.evaluated, r.failed);
    out += fmt::format("  unchanged               {:>8}\n", r.unchanged);
    out += fmt::format("  outcome changed         {:>8}\n", r.outcome_changed);
    out += fmt::format("    level                 {:>8}\n", r.level_changed);
    out += fmt::format("    higher level possible {:>8}\n", r.higher_possible_changed);
    out += fmt::format("    route findings        {:>8}\n", r.routes_changed);
    out += fmt::format("    triggers              {:>8}\n", r.triggers_changed);
    out += fmt::format("    actions               {:>8}\n", r.actions_changed);
    out += fmt::format("    consent               {:>8}\n", r.consent_changed);
    out += fmt::format("  reasoning changed only  {:>8}\n", r.reasoning_only);
    out +=
        fmt::format("  rule diff: {} new, {} removed, {} changed (continuum diff for the detail)\n",
                    r.diff.count(DiffChange::Added), r.diff.count(DiffChange::Removed),
                    r.diff.count(DiffChange::Changed));

    // Rows: the base's suggestion; columns: the candidate's.
    out += "\nLevel transitions (rows: base, columns: candidate)\n";
    // Level ids keep the table narrow; the names are in the lines above and below.
    std::size_t width = 6;
    for (const auto& n : r.base_levels)
        width = std::max(width, n.size());
    for (const auto& n : r.candidate_levels)
        width = std::max(width, n.size());
    out += fmt::format("  {:<{}}", "", width);
    for (const auto& n : r.candidate_levels)
        out += fmt::format("  {:>{}}", n, width);
    out += "\n";
    for (std::size_t i = 0; i < r.transitions.size(); ++i) {
        out += fmt::format("  {:<{}}", r.base_levels[i], width);
        for (std::size_t n : r.transitions[i])
            out += fmt::format("  {:>{}}", n, width);
        out += "\n";
    }
    out += "\nChanges by responsible definition\n";
    if (r.groups.empty()) out += "  none\n";
    for (const auto& g : r.groups)
        out += "  " + group_summary(r, g) + "\n";

    auto listing = [&](const char* title, bool outcome, std::size_t total) {
        out += fmt::format("\n{} ({})\n", title, total);
        std::size_t shown = 0;
        for (const auto& c : r.changes) {
            if (c.outcome_changed != outcome) continue;
            if (shown++ == limit) {
                out += fmt::format("  ... {} more (--limit N to list more, --json for all)\n",
                                   total - limit);
                break;
            }
            out += case_line(r, c);
        }
        if (total == 0) out += "  none\n";
    };
    listing("Cases whose outcome changes", true, r.outcome_changed);
    listing("Cases whose reasoning changes but not the outcome", false, r.reasoning_only);

    if (!r.set_aside.empty()) {
        out += "\nAnswers set aside (the question exists in one rule set only)\n";
        for (const auto& s : r.set_aside)
            out +=
                fmt::format("  {}: not in the {} rules ({})\n", s.question, s.side, cases(s.cases));
    }
    if (!r.diagnostics.empty()) {
        out += fmt::format("\nCases that could not be read ({})\n", r.failed);
        Diagnostics shown = r.diagnostics;  // a file of 100,000 bad lines reads in a few
        shown.cap_repeats();
        for (const auto& d : shown.items())
            out += "  " + format_diagnostic(d) + "\n";
    }
    return out;
}

// [SECTION] JSON

namespace {

json changes_json(const std::vector<StateChange>& list) {
    json out = json::array();
    for (const auto& c : list)
        out.push_back({{"kind", c.kind}, {"id", c.id}, {"before", c.before}, {"after", c.after}});
    return out;
}

json moves_json(const std::vector<RouteMove>& moves, const char* key) {
    json out = json::array();
    for (const auto& m : moves)
        out.push_back({{key, m.route}, {"from", m.from}, {"to", m.to}, {"cases", m.cases}});
    return out;
}

json levels_json(const std::vector<std::string>& ids, const std::vector<std::string>& names) {
    json out = json::array();
    for (std::size_t i = 0; i < ids.size(); ++i)
        out.push_back({{"id", ids[i]}, {"name", names[i]}});
    return out;
}

}  // namespace

json to_json(const ImpactReport& r) {
    json groups = json::array();
    for (const auto& g : r.groups) {
        json levels = json::array();
        for (const auto& m : g.level_moves)
            levels.push_back({{"from", m.from}, {"to", m.to}, {"cases", m.cases}});
        groups.push_back({{"kind", g.kind},
                          {"id", g.id},
                          {"change", to_string(g.change)},
                          {"summary", group_summary(r, g)},
                          {"outcome_cases", g.outcome_cases},
                          {"reasoning_only_cases", g.reasoning_cases},
                          {"action_cases", g.action_cases},
                          {"higher_level_possible_cases", g.higher_cases},
                          {"level_moves", levels},
                          {"route_moves", moves_json(g.route_moves, "route")},
                          {"trigger_moves", moves_json(g.trigger_moves, "trigger")}});
    }
    json cases_out = json::array();
    for (const auto& c : r.changes) {
        json responsible = json::array();
        for (std::uint32_t g : c.responsible)
            responsible.push_back({{"kind", r.groups[g].kind}, {"id", r.groups[g].id}});
        cases_out.push_back(
            {{"ref", c.ref},
             {"line", c.line},
             {"outcome_changed", c.outcome_changed},
             {"level", {{"before", c.level_before}, {"after", c.level_after}}},
             {"higher_level_possible",
              {{"before", c.higher_possible_before}, {"after", c.higher_possible_after}}},
             {"routes", changes_json(c.routes)},
             {"triggers", changes_json(c.triggers)},
             {"actions", changes_json(c.actions)},
             {"consent", changes_json(c.consent)},
             {"reasoning", changes_json(c.reasoning)},
             {"responsible", responsible}});
    }
    json set_aside = json::array();
    for (const auto& s : r.set_aside)
        set_aside.push_back(
            {{"question", s.question}, {"missing_from", s.side}, {"cases", s.cases}});
    json errors = json::array();
    for (const auto& d : r.diagnostics.items())
        errors.push_back({{"file", d.file},
                          {"line", d.pos.line},
                          {"column", std::max<std::uint32_t>(1, d.pos.column)},
                          {"code", d.code},
                          {"message", d.message}});
    return json{{"schema", kImpactSchema},
                {"library", r.file},
                {"base",
                 {{"root", r.base_root},
                  {"id", r.base_id},
                  {"version", r.base_version},
                  {"digest", r.base_digest}}},
                {"candidate",
                 {{"root", r.candidate_root},
                  {"id", r.candidate_id},
                  {"version", r.candidate_version},
                  {"digest", r.candidate_digest}}},
                {"totals",
                 {{"lines", r.lines},
                  {"evaluated", r.evaluated},
                  {"failed", r.failed},
                  {"unchanged", r.unchanged},
                  {"outcome_changed", r.outcome_changed},
                  {"reasoning_only", r.reasoning_only},
                  {"level_changed", r.level_changed},
                  {"higher_level_possible_changed", r.higher_possible_changed},
                  {"routes_changed", r.routes_changed},
                  {"triggers_changed", r.triggers_changed},
                  {"actions_changed", r.actions_changed},
                  {"consent_changed", r.consent_changed}}},
                {"levels",
                 {{"base", levels_json(r.base_levels, r.base_level_names)},
                  {"candidate", levels_json(r.candidate_levels, r.candidate_level_names)}}},
                {"transitions", r.transitions},
                {"groups", groups},
                {"cases", cases_out},
                {"set_aside", set_aside},
                {"errors", errors},
                {"diff", diff_entries_json(r.diff)}};
}

}  // namespace continuum::report
