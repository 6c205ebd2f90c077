#include "words.hpp"

#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "evaluation.hpp"

namespace continuum::report {

using namespace engine;

namespace {

bool is_lower(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0;
}
bool is_upper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}

std::string plain_number(double n) {
    if (n == std::floor(n) && std::fabs(n) < 1e15)
        return fmt::format("{}", static_cast<long long>(n));
    return fmt::format("{}", n);
}

std::string with_unit(const Question& q, double n) {
    std::string number = plain_number(n);
    if (q.unit.empty()) return number;
    // "85% attendance", "5 months"
    return q.unit[0] == '%' ? number + q.unit : number + " " + q.unit;
}

std::string replace_answer(const std::string& pattern, const std::string& answer) {
    std::string out = pattern;
    const std::string key = "{answer}";
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + answer.size()))
        out.replace(at, key.size(), answer);
    return out;
}

}  // namespace

std::string lower_first(std::string s) {
    if (s.size() >= 2 && is_upper(s[0]) && (is_lower(s[1]) || (s[0] == 'A' && s[1] == ' ')))
        s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string as_sentence(std::string s) {
    if (s.empty()) return s;
    if (is_lower(s[0])) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    char last = s.back();
    if (last != '.' && last != '?' && last != '!') s += '.';
    return s;
}

std::string join_words(const std::vector<std::string>& items, const char* word) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? fmt::format(" {} ", word) : ", ";
        out += items[i];
    }
    return out;
}

std::string number_words(const Question& q, const Value& v) {
    if (v.lo == v.hi) return with_unit(q, v.lo);
    if (std::isinf(v.hi) && !std::isinf(v.lo)) return "at least " + with_unit(q, v.lo);
    if (std::isinf(v.lo) && !std::isinf(v.hi)) return "at most " + with_unit(q, v.hi);
    if (std::isinf(v.lo)) return "not known";
    return fmt::format("between {} and {}", plain_number(v.lo), with_unit(q, v.hi));
}

std::string answer_words(const Question& q, const Value& v) {
    switch (q.type) {
        case AnswerType::YesNo:
            return v.truth == Tri::True ? "Yes" : v.truth == Tri::False ? "No" : "Not known";
        case AnswerType::Number:
            return number_words(q, v);
        case AnswerType::Choice:
            return v.choice >= 0 && static_cast<std::size_t>(v.choice) < q.choices.size()
                       ? q.choices[v.choice].label
                       : "Not known";
        case AnswerType::Date:
            return v.known ? format_date_long(static_cast<DayNumber>(v.lo)) : "Not known";
        case AnswerType::Text:
            return "answered in the practitioner's words";
    }
    return "Not known";
}

std::string open_clause(const Question& q) {
    if (!q.words.open.empty()) return q.words.open;
    return fmt::format("the answer to \u201c{}\u201d", q.prompt);
}

std::string answer_statement(const RuleSet& rules, const Case& c, const Outcome& o,
                             std::uint32_t question) {
    const Question& q = rules.questions[question];
    const Answer& a = c.answers[question];
    const bool applies = o.slots[q.slot].status != Tri::False;
    if (!applies) return open_clause(q) + " does not apply";
    if (a.state == AnswerState::NotAsked) return open_clause(q) + " has not been asked yet";
    if (a.state == AnswerState::Unknown) return open_clause(q) + " is not known";
    if (q.type == AnswerType::YesNo) {
        const std::string& said = a.value.truth == Tri::True ? q.words.yes : q.words.no;
        if (!said.empty()) return said;
    } else if (q.type == AnswerType::Text) {
        return open_clause(q) + " has been answered";
    } else if (!q.words.answer.empty()) {
        std::string answer = answer_words(q, a.value);
        if (q.type == AnswerType::Choice) answer = lower_first(answer);
        return replace_answer(q.words.answer, answer);
    }
    return fmt::format("the answer to \u201c{}\u201d is \u201c{}\u201d", q.prompt,
                       answer_words(q, a.value));
}

namespace {

// The three forms of a definition that holds or not, with a fallback from its own wording.
std::string three_forms(const Statement& w, const std::string& own, Tri truth) {
    const std::string base = lower_first(own);
    switch (truth) {
        case Tri::True:
            return w.yes.empty() ? base : w.yes;
        case Tri::False:
            return w.no.empty() ? "not so: " + base : w.no;
        default:
            return w.open.empty() ? "whether this holds: " + base : w.open;
    }
}

std::string route_form(const Route& r, Tri truth) {
    switch (truth) {
        case Tri::True:
            return fmt::format("the {} test ({}) is met", r.section, lower_first(r.title));
        case Tri::False:
            return fmt::format("the {} test ({}) is not met", r.section, lower_first(r.title));
        default:
            return fmt::format("whether the {} test ({}) is met", r.section, lower_first(r.title));
    }
}

std::string indicator_form(const std::string& says, Tri truth) {
    const std::string base = lower_first(says);
    switch (truth) {
        case Tri::True:
            return base;
        case Tri::False:
            return "not indicated: " + base;
        default:
            return "whether this applies: " + base;
    }
}

}  // namespace

std::string definition_statement(const RuleSet& rules, std::uint32_t slot, Tri truth) {
    const Item& item = rules.slot_items[slot];
    switch (item.kind) {
        case ItemKind::Question: {
            const Question& q = rules.questions[item.index];
            if (truth == Tri::Unknown) return open_clause(q);
            const std::string& said = truth == Tri::True ? q.words.yes : q.words.no;
            return said.empty() ? fmt::format("the answer to \u201c{}\u201d is {}", q.prompt,
                                              truth == Tri::True ? "yes" : "no")
                                : said;
        }
        case ItemKind::Fact:
            return three_forms(rules.facts[item.index].words, rules.facts[item.index].label, truth);
        case ItemKind::Combination:
            return three_forms(rules.combinations[item.index].words,
                               rules.combinations[item.index].says, truth);
        case ItemKind::Rule:
            return indicator_form(rules.rules[item.index].says, truth);
        case ItemKind::Trigger:
            return indicator_form(rules.triggers[item.index].title, truth);
        case ItemKind::Route:
            return route_form(rules.routes[item.index], truth);
        case ItemKind::Action:
            return indicator_form(rules.actions[item.index].title, truth);
        case ItemKind::Consent:
            return indicator_form(rules.consents[item.index].says, truth);
    }
    return {};
}

std::string slot_open_clause(const RuleSet& rules, std::uint32_t slot) {
    return definition_statement(rules, slot, Tri::Unknown);
}

}  // namespace continuum::report
