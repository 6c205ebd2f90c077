// The example for a broken invariant: the generated case cut down to what still breaks it,
// written as a case file a policy officer can run with `continuum eval`.
#include <fmt/format.h>

#include "engine/case_io.hpp"
#include "invariants.hpp"

namespace continuum::engine {

Case minimise_example(const RuleSet& rules, InvariantChecker& checker, const Case& c,
                      InvariantBreach& breach) {
    Case best = c;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t q = 0; q < rules.questions.size(); ++q) {
            if (best.answers[q].state == AnswerState::NotAsked) continue;
            Case trial = best;
            trial.answers[q] = Answer{};
            if (auto b = checker.recheck(trial, breach.kind, breach.added)) {
                best = std::move(trial);
                breach.how = b->how;
                changed = true;
            }
        }
        // The answers that overturned a settled finding: as few as will still do it.
        for (std::size_t i = 0; i < breach.added.size() && breach.added.size() > 1;) {
            std::vector<HypotheticalAnswer> fewer = breach.added;
            fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(i));
            if (auto b = checker.recheck(best, breach.kind, fewer)) {
                breach.added = std::move(fewer);
                breach.how = b->how;
                changed = true;
            } else {
                ++i;
            }
        }
    }
    return best;
}

std::string example_case_file(const RuleSet& rules, const InvariantFinding& f) {
    if (!f.example) return {};
    const InvariantInfo& info = describe(f.kind);
    std::string out;
    out += fmt::format("# Breaks the invariant '{}' of rule set {} {}:\n", info.id, rules.info.id,
                       rules.info.version);
    out += fmt::format("#   {}\n", info.says);
    out += fmt::format("#   (why: {})\n", info.source);
    out += fmt::format("# This case: {}.\n", f.example_breach.how);
    if (!f.example_breach.added.empty()) {
        out += "# It is overturned when these answers are added under [answers]:\n";
        for (const HypotheticalAnswer& h : f.example_breach.added) {
            const Question& q = rules.questions[h.question];
            if (q.type == AnswerType::Chronology) {  // its own table, not an answer
                out += fmt::format("#   the chronology: {}\n", h.label);
                continue;
            }
            Answer a{AnswerState::Answered, h.value,
                     q.type == AnswerType::Text ? "(answered)" : ""};
            out += fmt::format("#   {} = {}\n", q.id, answer_to_toml(q, a));
        }
    }
    out += fmt::format(
        "# A generated case, cut down to the answers that still break it (a question left out\n"
        "# is not asked). Run it: continuum eval {} THIS-FILE.toml\n\n",
        rules.root.empty() ? "RULESET" : rules.root);
    return out + case_to_toml(rules, *f.example);
}

}  // namespace continuum::engine
