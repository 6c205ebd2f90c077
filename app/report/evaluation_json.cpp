#include "evaluation_json.hpp"

#include "engine/applicability.hpp"
#include "engine/case_io.hpp"
#include "engine/chronology_io.hpp"
#include "engine/trace.hpp"
#include "explain.hpp"

namespace continuum::report {

using namespace engine;
using nlohmann::json;

json citations_json(const RuleSet& rules, const std::vector<Citation>& cites) {
    json out = json::array();
    for (const auto& c : cites) {
        json j{{"source", c.source}, {"pinpoint", c.pinpoint}};
        std::uint32_t si = rules.source_index(c.source);
        if (si != kNone) {
            j["title"] = rules.sources[si].title;
            j["url"] = rules.sources[si].url;
        }
        out.push_back(std::move(j));
    }
    return out;
}

json trace_entry_json(const RuleSet& rules, const TraceEntry& t) {
    json values = json::array();
    for (const auto& v : t.values)
        values.push_back({{"id", v.id}, {"value", v.value}, {"question", v.question}});
    json j{{"kind", to_string(t.kind)},
           {"id", t.id},
           {"says", t.says},
           {"status", trace_status(t.status)},
           {"condition", t.condition},
           {"failing", t.failing},
           {"values", values},
           {"blocking", t.blocking},
           {"unless", t.unless},
           {"unless_says", t.unless_says},
           {"unless_blocked", t.unless_blocked},
           {"cites", citations_json(rules, t.cites)}};
    if (!t.level.empty()) j["level"] = t.level;
    return j;
}

namespace {

json answer_value(const RuleSet& rules, const Question& q, const Answer& a) {
    if (a.state != AnswerState::Answered) return nullptr;
    return answer_to_json(rules, q, a);
}

json hypothetical_json(const RuleSet& rules, const HypotheticalAnswer& h) {
    const Question& q = rules.questions[h.question];
    json value;
    switch (q.type) {
        case AnswerType::YesNo:
            value = h.value.truth == Tri::True;
            break;
        case AnswerType::Number:
            value = h.value.lo;
            break;
        case AnswerType::Choice:
            value = q.choice_ids[h.value.choice];
            break;
        case AnswerType::Date:
            value = format_date(static_cast<DayNumber>(h.value.lo));
            break;
        case AnswerType::Text:
            value = nullptr;
            break;
        case AnswerType::Chronology:  // the chronology as checking would complete it
            value = h.chronology ? chronology_to_json(rules, *h.chronology) : json(nullptr);
            break;
    }
    return {{"question", q.id}, {"value", value}, {"label", h.label}};
}

}  // namespace

json to_json(const Evaluation& e) {
    const RuleSet& rules = *e.rules;
    const Outcome& o = e.outcome;
    json j;
    j["schema"] = kEvalSchema;
    j["ruleset"] = {{"id", rules.info.id},
                    {"name", rules.info.name},
                    {"version", rules.info.version},
                    {"digest", rules.digest}};
    j["case"] = {{"ref", e.kase.ref}, {"referred_at", format_date_time(e.kase.referred_at)}};
    // Every level in order, so a recorded decision says on its own whether a decided level is
    // above or below the suggested one (the override figures read it).
    j["levels"] = json::array();
    for (std::size_t i = 0; i < rules.levels.size(); ++i)
        j["levels"].push_back({{"id", rules.levels[i].id},
                               {"name", rules.levels[i].name},
                               {"band", rules.levels[i].band},
                               {"rank", i}});

    const Level& level = rules.levels[o.level];
    json because = json::array(), higher = json::array();
    for (std::uint32_t s : level_reasons(rules, o))
        because.push_back(rules.symbols[s].id);
    for (std::uint32_t s : higher_level_candidates(rules, o))
        higher.push_back(rules.symbols[s].id);
    j["level"] = {{"id", level.id},
                  {"name", level.name},
                  {"band", level.band},
                  {"colour", level.colour},
                  {"rank", o.level},
                  {"higher_level_possible", o.higher_level_possible},
                  {"because", because},
                  {"could_be_higher_because", higher},
                  {"cites", citations_json(rules, level.cites)}};
    // Open or settled, as the headline says it: the highest level still possible and the
    // questions, step by step, that would settle it.
    LevelStatus status = level_status(e);
    json open_questions = json::array(), by_step = json::array();
    for (std::uint32_t q : status.questions)
        open_questions.push_back(rules.questions[q].id);
    for (auto [domain, n] : status.by_step)
        by_step.push_back({{"domain", rules.domains[domain].id},
                           {"title", rules.domains[domain].title},
                           {"questions", n}});
    j["level"]["settled"] = status.settled;
    j["level"]["could_be"] = rules.levels[status.could_be].id;
    j["level"]["settle_by_answering"] = open_questions;
    j["level"]["settle_by_step"] = by_step;
    j["level"]["headline"] = level_headline(e, status);

    j["routes"] = json::array();
    for (std::size_t i = 0; i < rules.routes.size(); ++i) {
        const Route& r = rules.routes[i];
        j["routes"].push_back({{"id", r.id},
                               {"title", r.title},
                               {"section", r.section},
                               {"standard", to_string(r.standard)},
                               {"standard_text", describe(r.standard)},
                               {"finding", to_string(o.routes[i])},
                               {"wording", finding_text(r, o.routes[i])},
                               {"explanation", route_explanation(e, i)},
                               {"cites", citations_json(rules, r.cites)}});
    }

    j["triggers"] = json::array();
    auto trigger = [&](std::uint32_t t, const char* status) {
        const Trigger& tr = rules.triggers[t];
        j["triggers"].push_back({{"id", tr.id},
                                 {"title", tr.title},
                                 {"says", tr.says},
                                 {"status", status},
                                 {"level", tr.level},
                                 {"cites", citations_json(rules, tr.cites)}});
    };
    for (std::uint32_t t : o.triggers)
        trigger(t, "fired");
    for (std::uint32_t t : o.possible_triggers)
        trigger(t, "undetermined");

    j["actions"] = json::array();
    for (const auto& n : o.actions) {
        const Action& a = rules.actions[n.action];
        json reasons = json::array();
        for (std::uint32_t k = 0; k < n.reasons_count; ++k)
            reasons.push_back(rules.symbols[o.action_reasons[n.reasons_first + k]].id);
        j["actions"].push_back(
            {{"id", a.id},
             {"title", a.title},
             {"says", a.says},
             {"definite", n.definite},
             {"due", n.due.has_due ? json(format_date_time(n.due.at)) : json(nullptr)},
             {"due_text", due_text(n.due)},
             {"timescale", timescale_text(rules, a)},
             {"after", a.after.empty() ? json(nullptr) : json(a.after)},
             {"outside_calendar", n.due.outside_calendar},
             {"because", reasons},
             {"cites", citations_json(rules, a.cites)}});
    }

    j["consent"] = json::array();
    auto consent = [&](std::uint32_t i, const char* status) {
        const ConsentRule& c = rules.consents[i];
        j["consent"].push_back({{"id", c.id},
                                {"kind", to_string(c.kind)},
                                {"says", c.says},
                                {"status", status},
                                {"cites", citations_json(rules, c.cites)}});
    };
    for (std::uint32_t i : o.consent)
        consent(i, "holds");
    for (std::uint32_t i : o.possible_consent)
        consent(i, "undetermined");

    j["answers"] = json::array();
    engine::Tracer tracer(rules);
    for (std::uint32_t qi = 0; qi < rules.questions.size(); ++qi) {
        const Question& q = rules.questions[qi];
        const Answer& a = e.kase.answers[qi];
        j["answers"].push_back({{"id", q.id},
                                {"state", to_string(a.state)},
                                {"value", answer_value(rules, q, a)},
                                {"applies", to_string(question_applies(tracer, e.kase, o, qi))}});
    }

    j["what_could_change"] = json::array();
    for (const auto& t : e.changes) {
        json sets = json::array();
        for (const auto& s : t.sets) {
            json questions = json::array(), options = json::array();
            for (std::uint32_t q : s.questions)
                questions.push_back(rules.questions[q].id);
            for (const auto& opt : s.options) {
                json answers = json::array();
                for (const auto& h : opt.answers)
                    answers.push_back(hypothetical_json(rules, h));
                options.push_back({{"answers", answers},
                                   {"becomes", opt.becomes},
                                   {"says", change_sentence(rules, t, opt)}});
            }
            sets.push_back({{"questions", questions}, {"options", options}});
        }
        json target{{"target", t.is_level ? "level" : "route"},
                    {"current", t.current},
                    {"complete", t.complete},
                    {"sets", sets}};
        if (!t.is_level) target["route"] = rules.routes[t.route].id;
        j["what_could_change"].push_back(std::move(target));
    }

    j["trace"] = json::array();
    for (const auto& t : e.trace)
        j["trace"].push_back(trace_entry_json(rules, t));
    return j;
}

}  // namespace continuum::report
