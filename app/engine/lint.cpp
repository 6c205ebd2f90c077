#include "lint.hpp"

#include <fmt/format.h>

#include "evaluate.hpp"
#include "ruleset/family.hpp"
#include "ruleset/load.hpp"
#include "ruleset/words.hpp"
#include "scenario.hpp"
#include "what_could_change.hpp"

namespace continuum::engine {

namespace {

// Every question `slot` reads, directly or through other definitions.
std::vector<std::uint32_t> questions_read(const RuleSet& rules, std::uint32_t slot,
                                          bool include_self) {
    std::vector<bool> seen(rules.slot_count, false);
    std::vector<std::uint32_t> stack(rules.reads[slot].begin(), rules.reads[slot].end()), out;
    if (include_self) stack.push_back(slot);
    while (!stack.empty()) {
        std::uint32_t s = stack.back();
        stack.pop_back();
        if (seen[s]) continue;
        seen[s] = true;
        if (rules.slot_items[s].kind == ItemKind::Question)
            out.push_back(rules.slot_items[s].index);
        if (s != slot || include_self)
            for (std::uint32_t r : rules.reads[s])
                stack.push_back(r);
    }
    return out;
}

// Tries every combination of definite answers to `questions` (when there are few enough) and
// reports whether `holds` was ever true. nullopt: too many combinations to try.
template <typename Holds>
std::optional<bool> ever(const RuleSet& rules, const std::vector<std::uint32_t>& questions,
                         Holds holds, Evaluator& ev, Outcome& out) {
    constexpr std::size_t kMaxCombinations = 512;
    std::vector<std::vector<HypotheticalAnswer>> answers;
    std::size_t combinations = 1;
    for (std::uint32_t q : questions) {
        answers.push_back(candidate_answers(rules, q));
        combinations *= std::max<std::size_t>(1, answers.back().size());
        if (combinations > kMaxCombinations) return std::nullopt;
    }
    Case c = blank_case(rules);
    c.referred_at = {20465, 9 * 3600};
    std::vector<std::size_t> pick(questions.size(), 0);
    while (true) {
        for (std::size_t i = 0; i < questions.size(); ++i) {
            Answer& a = c.answers[questions[i]];
            a.state = AnswerState::Answered;
            a.value = answers[i][pick[i]].value;
            if (rules.questions[questions[i]].type == AnswerType::Date)
                a.value = Value::number(c.referred_at.day + a.value.lo);
        }
        ev.evaluate(c, out);
        if (holds(out)) return true;
        std::size_t i = 0;
        for (; i < questions.size(); ++i) {
            if (++pick[i] < answers[i].size()) break;
            pick[i] = 0;
        }
        if (i == questions.size()) return false;
    }
}

}  // namespace

void check_unreachable_questions(const RuleSet& rules, Diagnostics& d) {
    Evaluator ev(rules);
    Outcome out;
    for (const Question& q : rules.questions) {
        if (!q.ask_when.present()) continue;
        auto reads = questions_read(rules, q.slot, false);
        auto reachable = ever(
            rules, reads, [&](const Outcome& o) { return o.slots[q.slot].status == Tri::True; }, ev,
            out);
        if (reachable == false)
            d.warning(q.origin.file, q.origin.pos, "unreachable-question",
                      fmt::format("question '{}' is never asked: its ask_when is false for every "
                                  "answer to the questions it reads",
                                  q.id));
    }
    auto never_fires = [&](std::uint32_t slot, const Origin& origin, const std::string& what) {
        auto reads = questions_read(rules, slot, false);
        auto fires = ever(
            rules, reads, [&](const Outcome& o) { return o.slots[slot].status == Tri::True; }, ev,
            out);
        if (fires == false)
            d.warning(
                origin.file, origin.pos, "never-fires",
                fmt::format("{} can never fire: no answers to the questions it reads make it true",
                            what));
    };
    for (const auto& r : rules.rules)
        never_fires(r.slot, r.origin, "rule '" + r.id + "'");
    for (const auto& t : rules.triggers)
        never_fires(t.slot, t.origin, "trigger '" + t.id + "'");
    for (const auto& r : rules.routes)
        never_fires(r.slot, r.origin, "route '" + r.id + "'");
    for (const auto& f : rules.facts)
        never_fires(f.slot, f.origin, "fact '" + f.id + "'");
}

Diagnostics lint_ruleset(const std::filesystem::path& folder) {
    LoadResult loaded = load_ruleset(folder);
    Diagnostics d = loaded.diagnostics;
    if (loaded.ok()) {
        check_unreachable_questions(*loaded.rules, d);
        check_words(*loaded.rules, d);
        check_family(*loaded.rules, d);
        load_scenarios(*loaded.rules, folder, d);
    }
    d.sort();
    return d;
}

}  // namespace continuum::engine
