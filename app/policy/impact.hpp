// Impact analysis: every case of a library evaluated under a BASE and a CANDIDATE rule set,
// and what the candidate would change: per case (level, route findings, triggers, actions,
// consent), cases whose reasoning changed while the outcome did not, the changes grouped by
// the edited definitions responsible for them, and a level transition matrix.
//
// Pure: the library arrives as text (JSON Lines, one case a line), whole or a block at a time;
// nothing is read or written here. Cases are independent, so they are split across threads,
// one Evaluator pair each; the report is the same whatever the number of threads.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "case_library.hpp"
#include "engine/diagnostics.hpp"
#include "engine/ruleset/schema.hpp"
#include "rule_diff.hpp"

namespace continuum::engine {

// One definition (or part of the outcome) whose state differs for a case.
// States: levels by id; routes "met" / "not_met" / "cannot_rule_out"; triggers, facts, rules,
// combinations, consent rules and conditional actions "fired" / "not_fired" / "undetermined";
// questions "applies" / "does_not_apply" / "open"; needed actions "definite, due ..." /
// "possible, due ..." / "not_needed". "absent" where one rule set does not define it.
struct StateChange {
    std::string kind;  // "route", "trigger", "action", "consent", "fact", "rule", ...
    std::string id;
    std::string before, after;
};

struct CaseChange {
    std::string ref;
    std::uint32_t line = 0;                 // in the library
    bool outcome_changed = false;           // false: only the reasoning changed
    std::string level_before, level_after;  // level ids (the same when the level held)
    bool higher_possible_before = false, higher_possible_after = false;
    std::vector<StateChange> routes, triggers, actions, consent;  // outcome parts that changed
    std::vector<StateChange> reasoning;      // every traced definition whose status differs
    std::vector<std::uint32_t> responsible;  // indices into ImpactReport::groups
};

struct Count {
    std::string from, to;
    std::size_t cases = 0;
};

struct RouteMove {
    std::string route, from, to;
    std::size_t cases = 0;
};

// The cases an edited definition is responsible for changing. A case with several
// responsible definitions counts in each of their groups.
struct ResponsibleGroup {
    std::string kind, id;  // kind and id as in the rule diff; kind "unattributed" when no
                           // edited definition explains a change (should not happen)
    DiffChange change = DiffChange::Changed;
    std::size_t outcome_cases = 0;       // cases whose outcome changed
    std::size_t reasoning_cases = 0;     // cases whose reasoning alone changed
    std::vector<Count> level_moves;      // level from -> to, most cases first
    std::vector<RouteMove> route_moves;  // route finding from -> to, most cases first
    std::vector<RouteMove> trigger_moves;
    std::size_t action_cases = 0;  // cases whose needed actions changed
    std::size_t higher_cases = 0;  // cases where whether a higher level can be ruled out changed
};

struct SetAside {
    std::string question;
    std::string side;  // "base" or "candidate": the rule set that has no such question
    std::size_t cases = 0;
};

struct ImpactReport {
    std::string file;
    std::string base_root, base_id, base_version, base_digest;
    std::string candidate_root, candidate_id, candidate_version, candidate_digest;
    RuleDiff diff;

    std::size_t lines = 0;      // non-blank lines in the library
    std::size_t evaluated = 0;  // cases read and evaluated under both rule sets
    std::size_t failed = 0;     // cases that could not be read (see diagnostics)
    std::size_t unchanged = 0;  // same outcome and same reasoning
    std::size_t outcome_changed = 0;
    std::size_t reasoning_only = 0;  // same outcome, different reasoning
    std::size_t level_changed = 0, higher_possible_changed = 0, routes_changed = 0,
                triggers_changed = 0, actions_changed = 0, consent_changed = 0;

    std::vector<std::string> base_levels, candidate_levels;  // ids, lowest first
    std::vector<std::string> base_level_names, candidate_level_names;
    std::vector<std::vector<std::size_t>> transitions;  // [base level][candidate level]

    std::vector<ResponsibleGroup> groups;  // most outcome changes first
    std::vector<CaseChange> changes;       // every changed case, in library order
    std::vector<SetAside> set_aside;       // answers to questions only one rule set asks
    Diagnostics diagnostics;               // why each failed case could not be read
};

struct ImpactOptions {
    std::string file = "cases.jsonl";  // names the library in messages
    unsigned threads = 0;              // 0: one per hardware thread
};

// A case that cannot be read (not JSON, a wrong answer, a question neither rule set asks)
// is counted as failed with a message at its line, and the rest are still evaluated.
// An answer to a question only one of the rule sets asks is set aside for the other and
// counted in `set_aside`.
ImpactReport analyse_impact(const RuleSet& base, const RuleSet& candidate, std::string_view library,
                            const ImpactOptions& options = {});
// The same over a library read a block at a time (case_library.hpp): memory stays the same
// whatever the library's size. A library that stops early (see CaseLibrary::error) gives a
// report on the lines read so far; the caller says so.
ImpactReport analyse_impact(const RuleSet& base, const RuleSet& candidate, CaseLibrary& library,
                            const ImpactOptions& options = {});

}  // namespace continuum::engine
