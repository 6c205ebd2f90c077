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
    void set_questions(const Case& c, Outcome& out);
    void run_code(const Case& c, Outcome& out);
    void collect_statuses(Outcome& out);
    void decide_level(Outcome& out);
    void collect_routes_triggers_consent(Outcome& out);
    void collect_actions(Outcome& out);
    void schedule(Outcome& out);
    Tri combination_status(std::uint32_t combination, const Tri* truths);
    void set_question(const Case& c, Outcome& out, std::uint32_t question, Tri visible);

    const RuleSet& rules_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> wanted_;   // (action, reason slot)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> grouped_;  // wanted_, by action
    std::vector<std::uint32_t> action_start_;  // where each action's pairs go in grouped_
    std::vector<std::uint8_t> domain_seen_;
};

Outcome evaluate(const RuleSet& rules, const Case& c);

// A slot's value after evaluation: the answer a question's conditions read (unknown when it
// was set aside), or a definition's truth.
Value slot_value(const RuleSet& rules, const Outcome& o, std::uint32_t slot);
// A yes/no node's truth after evaluation, wherever the machine keeps it (its own cell, inside
// a step, or worked out from its operands), for explanations that walk a condition.
Tri node_truth(const RuleSet& rules, const Outcome& o, std::uint32_t node);

}  // namespace continuum::engine
