#include "schema.hpp"

#include <algorithm>

namespace continuum::engine {
namespace {
template <typename T>
std::uint32_t find_id(const std::vector<T>& items, std::string_view id) {
    for (std::uint32_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    return kNone;
}
}  // namespace

std::uint32_t RuleSet::level_index(std::string_view id) const { return find_id(levels, id); }
std::uint32_t RuleSet::question_index(std::string_view id) const {
    // Once the rule set is resolved, through the id index: a case library is read answer by
    // answer, 100,000 cases at a time. Before that, by a walk over the questions.
    if (slot_items.empty()) return find_id(questions, id);
    auto it = slot_by_id.find(id);
    if (it == slot_by_id.end()) return kNone;
    const Item& item = slot_items[it->second];
    return item.kind == ItemKind::Question ? item.index : kNone;
}
std::uint32_t RuleSet::route_index(std::string_view id) const { return find_id(routes, id); }
std::uint32_t RuleSet::trigger_index(std::string_view id) const { return find_id(triggers, id); }
std::uint32_t RuleSet::action_index(std::string_view id) const { return find_id(actions, id); }
std::uint32_t RuleSet::source_index(std::string_view id) const { return find_id(sources, id); }

const expr::Symbol* RuleSet::symbol(std::string_view id) const {
    auto it = slot_by_id.find(id);
    return it == slot_by_id.end() ? nullptr : &symbols[it->second];
}

const char* to_string(Standard s) {
    switch (s) {
        case Standard::Suspect: return "suspect";
        case Standard::Believe: return "believe";
        case Standard::Likely: return "likely";
        case Standard::Appears: return "appears";
        case Standard::CourtSatisfied: return "court_satisfied";
    }
    return "?";
}

const char* describe(Standard s) {
    switch (s) {
        case Standard::Suspect: return "reasonable cause to suspect";
        case Standard::Believe: return "reasonable cause to believe";
        case Standard::Likely: return "likely";
        case Standard::Appears: return "appears to the local authority";
        case Standard::CourtSatisfied: return "for a court to be satisfied";
    }
    return "?";
}

const char* to_string(AnswerType t) {
    switch (t) {
        case AnswerType::YesNo: return "yes_no";
        case AnswerType::Choice: return "choice";
        case AnswerType::Number: return "number";
        case AnswerType::Date: return "date";
        case AnswerType::Text: return "text";
        case AnswerType::Chronology: return "chronology";
    }
    return "?";
}

const char* to_string(ItemKind k) {
    switch (k) {
        case ItemKind::Question: return "question";
        case ItemKind::Fact: return "fact";
        case ItemKind::Rule: return "rule";
        case ItemKind::Combination: return "combination";
        case ItemKind::Trigger: return "trigger";
        case ItemKind::Route: return "route";
        case ItemKind::Action: return "action";
        case ItemKind::Consent: return "consent";
    }
    return "?";
}

const char* to_string(ConsentKind k) {
    switch (k) {
        case ConsentKind::Requirement: return "requirement";
        case ConsentKind::Position: return "position";
        case ConsentKind::Prompt: return "prompt";
    }
    return "?";
}

}  // namespace continuum::engine
