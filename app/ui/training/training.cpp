#include "training.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "engine/case_io.hpp"
#include "engine/trace.hpp"
#include "training/training_score.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

constexpr Finding kDraftFindings[] = {Finding::Met, Finding::NotMet, Finding::CannotRuleOut};

std::string joined(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string cites_text(const RuleSet& rules, const std::vector<Citation>& cites) {
    std::vector<std::string> parts;
    for (const auto& c : cites) {
        std::string t = report::citation_text(rules, c);
        if (std::find(parts.begin(), parts.end(), t) == parts.end()) parts.push_back(t);
    }
    return joined(parts, "; ");
}

const TraceEntry* entry(const report::Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

std::vector<std::string> prompts(const RuleSet& rules, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids)
        if (std::uint32_t q = rules.question_index(id); q != kNone)
            out.push_back(rules.questions[q].prompt);
    return out;
}

// The engine's own account of the level it gave on the trainee's answers.
std::vector<std::string> level_reasons_text(const RuleSet& rules, const report::Evaluation& e) {
    std::vector<std::string> out;
    const Level& level = rules.levels[e.outcome.level];
    out.push_back(fmt::format("The engine gives {} on your answers.", level.name));
    for (std::uint32_t slot : level_reasons(rules, e.outcome))
        if (const TraceEntry* t = entry(e, slot)) {
            std::string c = cites_text(rules, t->cites);
            out.push_back(c.empty() ? t->says : fmt::format("{} ({})", t->says, c));
        }
    if (out.size() == 1) out.push_back("No indicator of a higher level is present.");
    for (std::uint32_t slot : higher_level_candidates(rules, e.outcome))
        if (const TraceEntry* t = entry(e, slot))
            out.push_back(fmt::format("Not ruled out: {} (open until answered: {})", t->says,
                                      joined(prompts(rules, t->blocking), "; ")));
    return out;
}

// The engine's why / why not for one route, as the outcome panel words it.
std::vector<std::string> route_reasons_text(const RuleSet& rules, const report::Evaluation& e,
                                            std::size_t ri) {
    const Route& r = rules.routes[ri];
    std::vector<std::string> out;
    out.push_back(fmt::format("The engine finds {} on your answers.",
                              report::finding_text(r, e.outcome.routes[ri])));
    const TraceEntry* t = entry(e, r.slot);
    if (!t) return out;
    if (t->status == Tri::True) {
        out.push_back("The test holds: " + report::values_text(t->values));
    } else if (t->status == Tri::False) {
        if (t->unless_blocked)
            out.push_back("Set aside because: " +
                          (r.unless_says.empty() ? r.unless.text : r.unless_says));
        else
            out.push_back("Not met because: " +
                          (t->values.empty() ? t->failing : report::values_text(t->values)));
    } else {
        out.push_back("Open until answered: " + joined(prompts(rules, t->blocking), "; "));
    }
    out.push_back("Test: " + r.test.text);
    return out;
}

std::vector<std::string> trigger_reasons_text(const RuleSet& rules, const report::Evaluation& e) {
    std::vector<std::string> out;
    for (std::uint32_t t : e.outcome.triggers)
        out.push_back(
            fmt::format("Fires: {}. {}", rules.triggers[t].title, rules.triggers[t].says));
    for (std::uint32_t t : e.outcome.possible_triggers)
        out.push_back("Cannot rule out: " + rules.triggers[t].title);
    if (out.empty()) out.push_back("No always-refer trigger fires on your answers.");
    return out;
}

}  // namespace

JudgementDraft blank_draft(const RuleSet& rules) {
    JudgementDraft d;
    d.routes.assign(rules.routes.size(), -1);
    d.triggers.assign(rules.triggers.size(), false);
    return d;
}

JudgementDraft draft_of(const RuleSet& rules, const Judgement& j) {
    JudgementDraft d = blank_draft(rules);
    if (std::uint32_t li = rules.level_index(j.level); li != kNone) d.level = static_cast<int>(li);
    for (std::size_t r = 0; r < rules.routes.size(); ++r) {
        auto it = j.routes.find(rules.routes[r].id);
        if (it == j.routes.end()) continue;
        for (int f = 0; f < 3; ++f)
            if (it->second == to_string(kDraftFindings[f])) d.routes[r] = f;
    }
    for (std::size_t t = 0; t < rules.triggers.size(); ++t)
        d.triggers[t] = std::find(j.triggers.begin(), j.triggers.end(), rules.triggers[t].id) !=
                        j.triggers.end();
    return d;
}

std::optional<Judgement> judgement_of_draft(const RuleSet& rules, const JudgementDraft& d,
                                            std::string& problem) {
    problem.clear();
    if (d.level < 0 || static_cast<std::size_t>(d.level) >= rules.levels.size()) {
        problem = "Choose the level you would give.";
        return std::nullopt;
    }
    Judgement j;
    j.level = rules.levels[d.level].id;
    for (std::size_t r = 0; r < rules.routes.size(); ++r) {
        int f = r < d.routes.size() ? d.routes[r] : -1;
        if (f < 0 || f > 2) {
            problem = fmt::format("Give your finding for {} {}.", rules.routes[r].section,
                                  rules.routes[r].title);
            return std::nullopt;
        }
        j.routes[rules.routes[r].id] = to_string(kDraftFindings[f]);
    }
    for (std::size_t t = 0; t < rules.triggers.size() && t < d.triggers.size(); ++t)
        if (d.triggers[t]) j.triggers.push_back(rules.triggers[t].id);
    normalise(j);
    return j;
}

std::string asked_answers_json(const RuleSet& rules, const Case& c,
                               const std::vector<std::uint32_t>& asked) {
    nlohmann::json full = case_to_json(rules, c);
    nlohmann::json out = nlohmann::json::object();
    for (std::uint32_t qi : asked) {
        const std::string& id = rules.questions[qi].id;
        if (full["answers"].contains(id))
            out[id] = full["answers"][id];
        else if (c.answers[qi].state == AnswerState::Unknown)
            out[id] = "unknown";
    }
    return out.dump();
}

std::string criterion_label(const RuleSet& rules, const std::string& id) {
    if (id == "level") return "Level";
    if (id == "triggers") return "Always-refer triggers";
    std::string route = id.substr(id.find(':') + 1);
    std::uint32_t ri = rules.route_index(route);
    return ri == kNone ? route : fmt::format("{} {}", route, rules.routes[ri].title);
}

std::string category_words(const RuleSet& rules, const std::string& criterion,
                           const std::string& category) {
    if (criterion == "level") {
        std::uint32_t li = rules.level_index(category);
        return li == kNone ? category : rules.levels[li].name;
    }
    if (criterion == "triggers") {
        if (category == "none") return "none";
        std::vector<std::string> titles;
        std::size_t start = 0;
        while (start <= category.size()) {
            std::size_t plus = category.find('+', start);
            std::string id =
                category.substr(start, plus == std::string::npos ? plus : plus - start);
            std::uint32_t ti = rules.trigger_index(id);
            titles.push_back(ti == kNone ? id : rules.triggers[ti].title);
            if (plus == std::string::npos) break;
            start = plus + 1;
        }
        return joined(titles, "; ");
    }
    if (category == "met") return "met";
    if (category == "not_met") return "not met";
    if (category == "cannot_rule_out") return "cannot rule out";
    if (category == "not_given") return "not given";
    return category;
}

std::string reflow(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\n') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '\n') {
            out += "\n\n";
            while (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n'))
        out.pop_back();
    return out;
}

TrainingReveal build_reveal(const RuleSet& rules, const TrainingScenario& s, const Case& answered,
                            const report::Evaluation& engine, const Judgement& committed) {
    TrainingReveal out;
    Judgement engine_j = judgement_of(rules, engine.outcome);
    report::TrainingFeedback yours = report::score_judgement(rules, committed, s.expect);
    report::TrainingFeedback theirs = report::score_judgement(rules, engine_j, s.expect);
    out.matched = yours.matched;
    out.criteria = yours.criteria.size();
    for (std::size_t i = 0; i < yours.criteria.size(); ++i) {
        const report::CriterionFeedback& f = yours.criteria[i];
        RevealRow row;
        row.id = f.id;
        row.label = f.label;
        row.yours = f.committed;
        row.expected = f.expected;
        row.engine = theirs.criteria[i].committed;
        row.you_agree = f.agrees;
        row.engine_agrees = theirs.criteria[i].agrees;
        row.why = f.why;
        row.cites = joined(f.cites, "; ");
        // The engine's account where anything differs: it is what the rules did with the
        // answers the trainee gave.
        if (!row.you_agree || !row.engine_agrees) {
            if (f.id == "level") {
                row.engine_reasons = level_reasons_text(rules, engine);
            } else if (f.id == "triggers") {
                row.engine_reasons = trigger_reasons_text(rules, engine);
            } else {
                std::uint32_t ri = rules.route_index(f.id.substr(6));
                if (ri != kNone) row.engine_reasons = route_reasons_text(rules, engine, ri);
            }
        }
        out.rows.push_back(std::move(row));
    }
    for (const auto& t : s.teaching)
        out.teaching.push_back({t.point, cites_text(rules, t.cites)});
    for (std::uint32_t qi : s.to_ask) {
        const Question& q = rules.questions[qi];
        std::string yours_text = describe_answer(q, answered.answers[qi]);
        std::string intended = describe_answer(q, s.intended.answers[qi]);
        if (yours_text != intended) out.answers.push_back({q.prompt, yours_text, intended});
    }
    return out;
}

void load_trainer(TrainerState& t, const TrainingResults& results, const std::string& cohort,
                  const std::string& scenario) {
    ++t.loads;
    t.cohort = cohort;
    t.scenario = scenario;
    if (!results.available()) {
        t.unavailable = results.describe() + ".";
        t.report = {};
        t.results = 0;
        return;
    }
    t.unavailable.clear();
    std::set<std::string> cohorts, scenarios;
    for (const auto& r : results.list({})) {
        cohorts.insert(r.cohort);
        if (cohort.empty() || r.cohort == cohort) scenarios.insert(r.scenario_id);
    }
    t.cohorts.assign(cohorts.begin(), cohorts.end());
    t.scenarios.assign(scenarios.begin(), scenarios.end());
    audit::TrainingQuery q;
    if (!cohort.empty()) q.cohort = cohort;
    if (!scenario.empty()) q.scenario = scenario;
    std::vector<report::RatedJudgement> rated;
    for (const auto& r : results.list(q))
        rated.push_back({r.trainee, r.cohort, r.scenario_id, r.committed, r.expected});
    t.results = rated.size();
    t.report = report::cohort_report(rated);
}

void export_trainer(TrainerState& t, const TrainingResults& results, const std::string& path,
                    bool judgements) {
    t.export_failed = true;
    if (path.empty()) {
        t.export_message = "Type the file to export to first.";
        return;
    }
    std::ostringstream text;
    if (judgements) {
        audit::TrainingQuery q;
        if (!t.cohort.empty()) q.cohort = t.cohort;
        if (!t.scenario.empty()) q.scenario = t.scenario;
        audit::write_training_csv(text, results.list(q));
    } else {
        report::write_report_csv(text, t.report);
    }
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text.str();
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            t.export_message = fmt::format(
                "Could not write {}: check the folder exists and can be written.", path);
            return;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        t.export_message = fmt::format("Could not write {}: {}", path, ec.message());
        std::filesystem::remove(tmp, ec);
        return;
    }
    t.export_failed = false;
    t.export_message = fmt::format(
        "Exported {} to {}",
        judgements ? fmt::format("{} judgements", t.results) : std::string("the figures"), path);
}

}  // namespace continuum::ui
