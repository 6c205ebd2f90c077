// Override analytics: what the recorded decisions say about where practitioners and the rules
// disagree, for a policy group. Read from any Store (the SQLite file or the team store) in one
// pass; every figure is a count of recorded decisions, and each count keeps the sequence
// numbers behind it (when asked) so a chart can open exactly those decisions in History.
//
// Definitions (app/audit/README.md, "Override figures", says the same for readers):
//  - A decision is in the period when the UTC date it was recorded falls within --from/--to.
//  - Agreed: the record's `agreed`. Overridden: the rest.
//  - Level raised / lowered: the decided level stands above / below the suggested one in the
//    rule set's order. The order comes from the record's own evaluation (`levels`, or the
//    `level` of records made under the same rule set version), else from a rule set given with
//    its id and version. A change whose order cannot be known is counted apart, never guessed.
//  - Route changed: at least one route's decided finding differs from the suggested one.
//    Findings rank not met < cannot rule out < met, so a route change is raised or lowered.
//  - Re-referral: an earlier record in the log (lower sequence, inside the period or before it)
//    has the same case reference (surrounding spaces and ASCII case ignored) and a referral
//    time before this one's, on a date no more than 12 months earlier (29 February counts back
//    from 28 February a year on). A second decision on the same referral is not a re-referral.
//  - The reasons of a suggestion: the rules, combinations and triggers that fired at the
//    suggested level (the evaluation's `level.because`).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store.hpp"

namespace continuum::engine {
struct RuleSet;
}

namespace continuum::audit {

// The counts every grouping shows.
struct Figures {
    std::int64_t decisions = 0;
    std::int64_t agreed = 0;
    std::int64_t level_raised = 0, level_lowered = 0;
    std::int64_t level_order_unknown = 0;  // decided level differs, order not known
    std::int64_t route_changed = 0;        // decisions with at least one route finding changed
    std::int64_t re_referrals = 0;
    std::int64_t overridden() const { return decisions - agreed; }
};

// A share as a fraction, or nullopt when there is nothing to divide by.
std::optional<double> share(std::int64_t part, std::int64_t whole);

// One row of a grouping by level, category, practitioner or month.
struct Group {
    std::string key;         // suggested level id, category id, practitioner, or YYYY-MM
    std::string label;       // in words: the level's name, "Policy override", "March 2026"
    std::string ruleset_id;  // by level: the rule set the level belongs to
    Figures figures;
    std::vector<std::int64_t> decisions, overridden;  // sequence numbers (when kept)
};

inline constexpr std::array<const char*, 3> kFindings = {"not_met", "cannot_rule_out", "met"};

// One statutory route: how often the practitioner kept or changed the suggested finding.
struct RouteFigures {
    std::string route, label;  // "s47", "s47 Enquiries: significant harm"
    std::int64_t decisions = 0, kept = 0, raised = 0, lowered = 0;
    // [suggested][decided] in kFindings order; findings outside those words are not counted
    // here (they count as changed if they differ).
    std::array<std::array<std::int64_t, 3>, 3> transitions{};
    std::vector<std::int64_t> sequences, changed;  // when kept
};

// How one rule set version's suggestions fared.
struct VersionFigures {
    std::string ruleset_id, ruleset_version;
    Figures figures;
};

// One rule (or combination, or trigger) among the reasons of suggestions, per version.
struct RuleFigures {
    std::string ruleset_id, ruleset_version, id;
    std::string kind;        // "rule", "combination", "trigger" (from the trace)
    std::string says;        // as recorded in the trace of the latest such decision
    std::string says_now;    // from the rule set given to compute_stats, when it defines the id
    std::int64_t among = 0;  // decisions whose suggestion it was among the reasons of
    Figures overridden;      // of those, the overridden ones (decisions = overridden count)
    std::vector<std::int64_t> sequences, overridden_sequences;  // when kept
};

struct LevelName {
    std::string id, name;
};

// Suggested level (rows) against decided level (columns) for one rule set.
struct Transitions {
    std::string ruleset_id;
    std::vector<LevelName> levels;                     // in the rule set's order; unknown ones last
    std::vector<std::int64_t> counts;                  // row-major, levels.size() squared
    std::vector<std::vector<std::int64_t>> sequences;  // per cell, when kept
};

enum class Grouping { rule, level, route, category, practitioner, month };
const char* to_string(Grouping g);
std::optional<Grouping> grouping_from(const std::string& word);

struct StatsRequest {
    std::optional<std::string> from, to;  // YYYY-MM-DD, inclusive, UTC date recorded
    // A rule set whose words (and level order, for its own id and version) may be used.
    const engine::RuleSet* rules = nullptr;
    bool keep_sequences = false;  // fill the sequence lists (the GUI's click-through)
};

struct DecisionStats {
    std::optional<std::string> from, to;
    Figures totals;
    std::vector<std::int64_t> sequences, overridden_sequences;  // when kept
    std::vector<Group> by_level, by_category, by_practitioner, by_month;
    std::vector<RouteFigures> by_route;
    std::vector<VersionFigures> versions;  // in the order they first appear in the log
    std::vector<RuleFigures> by_rule;      // by version, then most overridden first
    std::vector<Transitions> transitions;  // one per rule set id, in order of first appearance
    std::int64_t records_read = 0;         // including those before the period (look-back)
    std::int64_t referral_unreadable = 0;  // decisions whose referral time is not a date
};

// Reads the store once (up to `to`; what lies before `from` only for re-referrals). False with
// `error` when the store could not be read: no partial figures are given.
bool compute_stats(const Store& store, const StatsRequest& request, DecisionStats& out,
                   std::string& error);

}  // namespace continuum::audit
