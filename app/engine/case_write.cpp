// Writing cases: one case as TOML (what `continuum eval` reads back) and as a JSON object (a
// line of a case library, the audit record's case). Each answer is written so reading it gives
// the same answer: ranges keep their stated bounds, text is quoted and escaped.
#include "case_io.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronology_io.hpp"

namespace continuum::engine {

namespace {
std::string toml_quote(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20)
                    out += fmt::format("\\u{:04x}", ch);
                else
                    out += ch;
        }
    }
    return out + "\"";
}

std::string number_literal(double n) {
    if (n == std::floor(n) && std::fabs(n) < 1e15)
        return fmt::format("{}", static_cast<long long>(n));
    return fmt::format("{}", n);
}

std::string number_toml(const Question& q, const Value& v) {
    if (v.lo == v.hi) return number_literal(v.lo);
    StatedBounds b = stated_bounds(q, v);
    std::string out = "{ ";
    if (b.lower) out += std::string(kAtLeast) + " = " + number_literal(b.at_least);
    if (b.lower && b.upper) out += ", ";
    if (b.upper) out += std::string(kAtMost) + " = " + number_literal(b.at_most);
    return out + " }";
}

nlohmann::json number_json(double n) {
    if (n == std::floor(n) && std::fabs(n) < 9e15) return static_cast<long long>(n);
    return n;
}
}  // namespace

nlohmann::json answer_to_json(const Question& q, const Answer& a) {
    switch (q.type) {
        case AnswerType::YesNo:
            return a.value.truth == Tri::True;
        case AnswerType::Number: {
            if (a.value.lo == a.value.hi) return number_json(a.value.lo);
            StatedBounds b = stated_bounds(q, a.value);
            nlohmann::json range = nlohmann::json::object();
            if (b.lower) range[kAtLeast] = number_json(b.at_least);
            if (b.upper) range[kAtMost] = number_json(b.at_most);
            return range;
        }
        case AnswerType::Choice:
            return q.choice_ids[a.value.choice];
        case AnswerType::Date:
            return format_date(static_cast<DayNumber>(a.value.lo));
        case AnswerType::Text:
            return a.text();
        case AnswerType::Chronology:
            break;  // its terms are the rule set's: see the overload with the rule set
    }
    return nullptr;
}

nlohmann::json answer_to_json(const RuleSet& rules, const Question& q, const Answer& a) {
    if (q.type == AnswerType::Chronology)
        return a.chronology() ? chronology_to_json(rules, *a.chronology()) : nullptr;
    return answer_to_json(q, a);
}

std::string answer_to_toml(const Question& q, const Answer& a) {
    switch (q.type) {
        case AnswerType::YesNo:
            return a.value.truth == Tri::True ? "true" : "false";
        case AnswerType::Number:
            return number_toml(q, a.value);
        case AnswerType::Choice:
            return toml_quote(q.choice_ids[a.value.choice]);
        case AnswerType::Date:
            return format_date(static_cast<DayNumber>(a.value.lo));
        case AnswerType::Text:
            return toml_quote(a.text());
        case AnswerType::Chronology:
            return toml_quote(describe_answer(q, a));
    }
    return "\"\"";
}

std::string case_to_toml(const RuleSet& rules, const Case& c) {
    std::string out = "[case]\n";
    out += "ref = " + toml_quote(c.ref) + "\n";
    out += "referred_at = " + format_date_time(c.referred_at) + "\n";
    std::string unknown;
    for (std::size_t i = 0; i < rules.questions.size(); ++i)
        if (c.answers[i].state == AnswerState::Unknown)
            unknown += (unknown.empty() ? "" : ", ") + toml_quote(rules.questions[i].id);
    out += "unknown = [" + unknown + "]\n\n[answers]\n";
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Answer& a = c.answers[i];
        if (a.state != AnswerState::Answered || rules.questions[i].type == AnswerType::Chronology)
            continue;
        out += rules.questions[i].id + " = " + answer_to_toml(rules.questions[i], a) + "\n";
    }
    if (const Chronology* chronology = recorded_chronology(rules, c))
        out += "\n" + chronology_to_toml(rules, *chronology);
    return out;
}

nlohmann::json case_to_json(const RuleSet& rules, const Case& c) {
    nlohmann::json j;
    j["ref"] = c.ref;
    j["referred_at"] = format_date_time(c.referred_at);
    nlohmann::json answers = nlohmann::json::object();
    nlohmann::json unknown = nlohmann::json::array();
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Answer& a = c.answers[i];
        const Question& q = rules.questions[i];
        if (a.state == AnswerState::Unknown) unknown.push_back(q.id);
        if (a.state != AnswerState::Answered || q.type == AnswerType::Chronology) continue;
        answers[q.id] = answer_to_json(q, a);
    }
    j["answers"] = answers;
    j["unknown"] = unknown;
    // Only when recorded: a case without one serialises (and hashes, in the audit log) as
    // before the chronology existed.
    if (const Chronology* chronology = recorded_chronology(rules, c))
        j["chronology"] = chronology_to_json(rules, *chronology);
    return j;
}

}  // namespace continuum::engine
