#include "training_score.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace continuum::report {

namespace {

using engine::Citation;
using engine::RuleSet;

std::string cite_text(const RuleSet& rules, const Citation& c) {
    std::uint32_t si = rules.source_index(c.source);
    std::string title = si == engine::kNone ? c.source : rules.sources[si].title;
    return c.pinpoint.empty() ? title : fmt::format("{}, {}", title, c.pinpoint);
}

void add_cites(const RuleSet& rules, const std::vector<Citation>& cites,
               std::vector<std::string>& out) {
    for (const auto& c : cites) {
        std::string t = cite_text(rules, c);
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
}

std::string level_name(const RuleSet& rules, const std::string& id) {
    std::uint32_t li = rules.level_index(id);
    return li == engine::kNone ? (id.empty() ? "not given" : id) : rules.levels[li].name;
}

std::string finding_words(const std::string& f) {
    if (f == "met") return "met";
    if (f == "not_met") return "not met";
    if (f == "cannot_rule_out") return "cannot rule out";
    return "not given";
}

CriterionFeedback level_feedback(const RuleSet& rules, const engine::Judgement& committed,
                                 const engine::Judgement& expected) {
    CriterionFeedback f{"level",
                        "Level",
                        level_name(rules, committed.level),
                        level_name(rules, expected.level),
                        committed.level == expected.level,
                        {},
                        {}};
    if (f.agrees) return f;
    if (std::uint32_t li = rules.level_index(expected.level); li != engine::kNone) {
        const auto& level = rules.levels[li];
        f.why = level.band.empty() || level.band == level.name
                    ? fmt::format("{}: {}", level.name, level.description)
                    : fmt::format("{} ({}): {}", level.name, level.band, level.description);
        add_cites(rules, level.cites, f.cites);
    }
    return f;
}

CriterionFeedback route_feedback(const RuleSet& rules, const engine::Route& route,
                                 const engine::Judgement& committed,
                                 const engine::Judgement& expected) {
    auto get = [&](const engine::Judgement& j) {
        auto it = j.routes.find(route.id);
        return it == j.routes.end() ? std::string() : it->second;
    };
    std::string c = get(committed), e = get(expected);
    CriterionFeedback f{"route:" + route.id,
                        fmt::format("{} {}", route.id, route.title),
                        finding_words(c),
                        finding_words(e),
                        c == e,
                        {},
                        {}};
    if (f.agrees) return f;
    f.why = fmt::format("{}, standard: {}. {}", route.section, engine::describe(route.standard),
                        route.says);
    if (!route.unless_says.empty()) f.why += fmt::format(" Unless: {}.", route.unless_says);
    add_cites(rules, route.cites, f.cites);
    return f;
}

CriterionFeedback triggers_feedback(const RuleSet& rules, const engine::Judgement& committed,
                                    const engine::Judgement& expected) {
    auto words = [&](const std::vector<std::string>& ids) {
        if (ids.empty()) return std::string("none");
        std::string out;
        for (const auto& id : ids) {
            std::uint32_t ti = rules.trigger_index(id);
            out +=
                (out.empty() ? "" : "; ") + (ti == engine::kNone ? id : rules.triggers[ti].title);
        }
        return out;
    };
    CriterionFeedback f{"triggers",
                        "Always-refer triggers",
                        words(committed.triggers),
                        words(expected.triggers),
                        committed.triggers == expected.triggers,
                        {},
                        {}};
    if (f.agrees) return f;
    // Explain each trigger one side has and the other lacks.
    for (const auto& t : rules.triggers) {
        bool in_c = std::count(committed.triggers.begin(), committed.triggers.end(), t.id) > 0;
        bool in_e = std::count(expected.triggers.begin(), expected.triggers.end(), t.id) > 0;
        if (in_c == in_e) continue;
        f.why += fmt::format("{}{} {}: {}", f.why.empty() ? "" : " ",
                             in_e ? "Missed:" : "Not called for:", t.title, t.says);
        add_cites(rules, t.cites, f.cites);
    }
    return f;
}

}  // namespace

TrainingFeedback score_judgement(const RuleSet& rules, const engine::Judgement& committed,
                                 const engine::Judgement& expected) {
    engine::Judgement c = committed, e = expected;
    engine::normalise(c);
    engine::normalise(e);
    TrainingFeedback out;
    out.criteria.push_back(level_feedback(rules, c, e));
    for (const auto& route : rules.routes)
        out.criteria.push_back(route_feedback(rules, route, c, e));
    out.criteria.push_back(triggers_feedback(rules, c, e));
    for (const auto& f : out.criteria)
        out.matched += f.agrees;
    return out;
}

}  // namespace continuum::report
