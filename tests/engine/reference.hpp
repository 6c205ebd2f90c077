// A slow, plain reading of a rule set, written straight from the semantics in DESIGN.md and
// rules/README.md with nothing of the evaluator's machine: each condition is walked as a tree,
// each definition worked out when first read. Tests compare the engine's outcome and trace
// with it, so that every shortcut the machine takes is checked against the meaning it keeps.
#pragma once
#include <cstdint>
#include <vector>

#include "engine/case.hpp"
#include "engine/ruleset/schema.hpp"

namespace reference {

struct Outcome {
    std::vector<continuum::engine::Tri> status;  // by slot (questions: whether they apply)
    std::vector<bool> unless_blocked;            // by slot
    std::uint32_t level = 0;
    bool higher_level_possible = false;
};

// What the trace should say of one definition (see engine/trace.hpp).
struct TraceFacts {
    std::uint32_t failing_node = UINT32_MAX;
    bool failed_on_unless = false;
    std::vector<std::uint32_t> blocking;  // question slots, sorted
};

class Reading {
  public:
    Reading(const continuum::engine::RuleSet& rules, const continuum::engine::Case& c);
    const Outcome& outcome() const { return out_; }
    TraceFacts trace(std::uint32_t slot);

  private:
    using Tri = continuum::engine::Tri;
    using Value = continuum::engine::Value;
    void define(std::uint32_t slot);
    Value slot_value(std::uint32_t slot);
    Tri truth(std::uint32_t node);
    Value value(std::uint32_t node);
    Tri combination(std::uint32_t index);
    void open_in_slot(std::uint32_t slot, std::vector<std::uint32_t>& out);
    void open_in_node(std::uint32_t node, std::vector<std::uint32_t>& out);

    const continuum::engine::RuleSet& rules_;
    const continuum::engine::Case& case_;
    std::vector<int> state_;     // by slot: 0 not yet, 1 working it out, 2 done
    std::vector<Value> values_;  // by slot
    Outcome out_;
};

}  // namespace reference
