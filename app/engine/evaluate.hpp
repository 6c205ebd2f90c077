// Evaluating a case against a rule set. An Evaluator keeps its buffers between calls, so
// evaluating many cases (what-could-change, impact, benchmarks) allocates nothing per rule.
#pragma once
#include <vector>

#include "case.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

class Evaluator {
  public:
    explicit Evaluator(const RuleSet& rules) : rules_(rules) {}

    // Fills `out`, reusing its capacity.
    void evaluate(const Case& c, Outcome& out);

    const RuleSet& rules() const { return rules_; }

  private:
    void evaluate_slots(const Case& c, Outcome& out);
    void note_level(std::uint32_t level_index, Tri status);
    void decide_level(Outcome& out);
    void collect_routes_triggers_consent(Outcome& out);
    void collect_actions(Outcome& out);
    void schedule(Outcome& out);
    Tri combination_status(std::uint32_t combination, const Tri* truths);
    void set_question(const Case& c, Outcome& out, std::uint32_t question, Tri visible);

    const RuleSet& rules_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> wanted_;  // (action, reason slot)
    std::vector<std::uint8_t> domain_seen_;
    std::uint32_t fired_level_ = 0;     // highest level whose rules fired
    std::uint32_t open_level_ = kNone;  // highest level of an undetermined rule, if any
};

Outcome evaluate(const RuleSet& rules, const Case& c);

}  // namespace continuum::engine
