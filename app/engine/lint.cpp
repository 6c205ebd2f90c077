// continuum lint: the loader's diagnostics, then "can this ever be true?" for every question's
// ask_when and every rule, trigger, route and fact, by trying every combination of answers to
// the questions it reads (when there are few enough), then the scenario tests.
//
// Trying answers means evaluating the rule set. Done one definition at a time that would cost
// the rule set's size once per definition: 100,000 facts would take hours. Instead:
//  - the questions each definition reads are worked out once, in evaluation order;
//  - definitions that read the same questions are tried together (a chain of 50,000 facts
//    over one question is one set of trials);
//  - definitions whose questions do not overlap are tried in the same evaluations, each on
//    its own questions: a definition's status depends only on the answers to the questions it
//    reads, so what the others are answered cannot change it.
#include "lint.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "evaluate.hpp"
#include "printable.hpp"
#include "ruleset/family.hpp"
#include "ruleset/load.hpp"
#include "ruleset/words.hpp"
#include "scenario.hpp"
#include "what_could_change.hpp"

namespace continuum::engine {

namespace {

constexpr std::size_t kMaxCombinations = 512;  // more answers than this to try: not checked
constexpr std::size_t kMaxQuestions = 64;

// The questions a slot reads, directly or through what it reads; `too_many` once trying
// every combination of their answers would take more than kMaxCombinations evaluations.
struct Support {
    bool too_many = false;
    std::vector<std::uint32_t> questions;  // question indices, sorted
};

std::vector<Support> supports(const RuleSet& rules, const std::vector<std::size_t>& choices) {
    std::vector<Support> out(rules.slot_count);
    std::vector<std::uint32_t> merged;
    for (const Item& item : rules.order) {  // what a slot reads comes before it
        Support& s = out[item.slot];
        for (std::uint32_t read : rules.reads[item.slot]) {
            const Support& r = out[read];
            if (r.too_many) s.too_many = true;
            if (s.too_many) break;
            merged.clear();
            std::set_union(s.questions.begin(), s.questions.end(), r.questions.begin(),
                           r.questions.end(), std::back_inserter(merged));
            s.questions.swap(merged);
            const Item& read_item = rules.slot_items[read];
            if (read_item.kind == ItemKind::Question) {
                auto at = std::lower_bound(s.questions.begin(), s.questions.end(), read_item.index);
                if (at == s.questions.end() || *at != read_item.index)
                    s.questions.insert(at, read_item.index);
            }
            std::size_t combinations = 1;
            for (std::uint32_t q : s.questions)
                combinations *= choices[q];
            if (combinations > kMaxCombinations || s.questions.size() > kMaxQuestions)
                s.too_many = true;
        }
        if (s.too_many) s.questions.clear();
    }
    return out;
}

struct Target {
    std::uint32_t slot;
    const Origin* origin;
    std::string what;  // "rule 'x'"; empty for a question's ask_when
    std::uint32_t question = kNone;
    bool fired = false;
};

// Definitions that read the same questions, tried together.
struct Group {
    std::vector<std::uint32_t> questions;
    std::vector<std::size_t> targets;  // into the target list
    std::size_t combinations = 1;
    std::size_t round = 0;
    bool tried = true;  // false when the work budget ran out before its trials were done
};

}  // namespace

// Rule sets built to defeat the grouping (thousands of definitions that each share one
// question with all the others) stop at the work budget, and say so, rather than take minutes.
void check_unreachable_questions(const RuleSet& rules, Diagnostics& d, double work_budget) {
    Case c = blank_case(rules);
    c.referred_at = {20465, 9 * 3600};  // Monday 12 January 2026, 09:00
    std::vector<std::vector<HypotheticalAnswer>> candidates(rules.questions.size());
    std::vector<std::size_t> choices(rules.questions.size());
    for (std::uint32_t q = 0; q < rules.questions.size(); ++q) {
        candidates[q] = candidate_answers(rules, q);
        fit_to_case(rules, c, q, candidates[q]);  // dates from the referral; chronologies
        // No answer to try (a chronology with no terms): whatever reads it is not checked.
        choices[q] = candidates[q].empty() ? kMaxCombinations + 1 : candidates[q].size();
    }
    const std::vector<Support> support = supports(rules, choices);

    std::vector<Target> targets;
    for (std::uint32_t q = 0; q < rules.questions.size(); ++q)
        if (rules.questions[q].ask_when.present())
            targets.push_back({rules.questions[q].slot, &rules.questions[q].origin, "", q});
    for (const auto& r : rules.rules)
        targets.push_back({r.slot, &r.origin, "rule '" + r.id + "'"});
    for (const auto& t : rules.triggers)
        targets.push_back({t.slot, &t.origin, "trigger '" + t.id + "'"});
    for (const auto& r : rules.routes)
        targets.push_back({r.slot, &r.origin, "route '" + r.id + "'"});
    for (const auto& f : rules.facts)
        targets.push_back({f.slot, &f.origin, "fact '" + f.id + "'"});

    std::vector<Group> groups;
    std::map<std::vector<std::uint32_t>, std::size_t> group_of;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const Support& s = support[targets[t].slot];
        if (s.too_many) continue;
        auto [it, added] = group_of.emplace(s.questions, groups.size());
        if (added) {
            groups.push_back({s.questions, {}, 1, 0, true});
            for (std::uint32_t q : s.questions)
                groups.back().combinations *= choices[q];
        }
        groups[it->second].targets.push_back(t);
    }

    // Rounds: a group goes in the first round after every round that used one of its questions.
    std::vector<std::size_t> next_free(rules.questions.size(), 0);
    std::size_t rounds = 0;
    for (Group& g : groups) {
        for (std::uint32_t q : g.questions)
            g.round = std::max(g.round, next_free[q]);
        for (std::uint32_t q : g.questions)
            next_free[q] = g.round + 1;
        rounds = std::max(rounds, g.round + 1);
    }
    std::vector<std::vector<Group*>> by_round(rounds);
    for (Group& g : groups)
        by_round[g.round].push_back(&g);

    Evaluator ev(rules);
    Outcome out;
    const double per_evaluation = std::max<std::uint32_t>(1, rules.slot_count);
    double work = 0;
    std::size_t unchecked = 0;
    for (auto& round : by_round) {
        std::fill(c.answers.begin(), c.answers.end(), Answer{});
        std::vector<Group*> open = round;
        for (std::size_t trial = 0; !open.empty(); ++trial) {
            if (work > work_budget) {
                for (Group* g : open) {
                    g->tried = false;
                    unchecked += g->targets.size();
                }
                break;
            }
            for (const Group* g : open) {
                std::size_t pick = trial;  // mixed radix over the group's questions
                for (std::uint32_t q : g->questions) {
                    const std::size_t k = pick % choices[q];
                    pick /= choices[q];
                    c.answers[q] = to_answer(candidates[q][k]);
                }
            }
            ev.evaluate(c, out);
            work += per_evaluation;
            std::erase_if(open, [&](const Group* g) {
                bool all_fired = true;
                for (std::size_t t : g->targets) {
                    Target& target = targets[t];
                    if (!target.fired && out.slots[target.slot].status == Tri::True)
                        target.fired = true;
                    all_fired = all_fired && target.fired;
                }
                return all_fired || trial + 1 >= g->combinations;
            });
        }
    }

    for (const Group& g : groups) {
        if (!g.tried) continue;
        for (std::size_t t : g.targets) {
            const Target& target = targets[t];
            if (target.fired) continue;
            if (target.question != kNone)
                d.warning(target.origin->file, target.origin->pos, "unreachable-question",
                          fmt::format("question '{}' is never asked: its ask_when is false for "
                                      "every answer to the questions it reads",
                                      rules.questions[target.question].id));
            else
                d.warning(target.origin->file, target.origin->pos, "never-fires",
                          fmt::format("{} can never fire: no answers to the questions it reads "
                                      "make it true",
                                      target.what));
        }
    }
    if (unchecked > 0)
        d.warning(rules.root, {}, "check-incomplete",
                  fmt::format("{} definitions were not checked for whether they can ever be true: "
                              "they share questions in too many different ways to try them all "
                              "in reasonable time",
                              thousands(unchecked)));
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
    d.cap_repeats();
    return d;
}

}  // namespace continuum::engine
