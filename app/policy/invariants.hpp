// Domain invariants: what every outcome must say whatever the answers, from the Children Act
// 1989 and Working Together 2023, checked over generated cases by
// `continuum test RULESET --invariants N`. Each broken invariant comes with a minimal example
// case a policy officer can run with `continuum eval`.
//
// Routes are found by their statutory ids (s17, s20, s31, s47); the levels they tie to come
// from the rule set's [invariants] (ruleset/invariant_ties.hpp). Findings compare in the order
// not met < cannot rule out < met, so "A implies B" holds in three values: B is never less
// certain than A.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "engine/evaluate.hpp"
#include "engine/ruleset/schema.hpp"
#include "engine/trace.hpp"
#include "engine/what_could_change.hpp"

namespace continuum::engine {

enum class InvariantKind : std::uint8_t {
    RouteLevel,           // a route met implies its level; open, that level cannot be ruled out
    ChildInNeedFollows,   // s47 and s20 imply s17 (s17(10)(b); s20(1) "any child in need")
    ChildInNeedLevel,     // s17 not met: the level, and any level still open, is below s17's
    CourtWithinEnquiry,   // s31 is never more certain than s47
    OpenHasQuestions,     // cannot rule out: some unanswered or unknown question is behind it
    OpenCanChange,        // ... and "what could change this" names answers that would settle it
    TriggerRefers,        // a fired always-refer trigger leads to at least a referral
    SettledStaysSettled,  // more answers never overturn what was settled, nor lower the level,
                          // nor raise it past a level that was open
};
inline constexpr std::size_t kInvariantKinds = 8;

struct InvariantInfo {
    const char* id;      // "route-level"
    const char* says;    // the invariant in words
    const char* source;  // why it must hold
};
const InvariantInfo& describe(InvariantKind k);

struct InvariantBreach {
    InvariantKind kind = InvariantKind::RouteLevel;
    std::string how;  // "s31 met while s47 cannot be ruled out"
    // SettledStaysSettled: the answers added to the case that overturned it.
    std::vector<HypotheticalAnswer> added;
};

class InvariantChecker {
  public:
    InvariantChecker(const RuleSet& rules, std::uint64_t seed);

    // The invariants `c` breaks, at most one breach of each kind.
    std::vector<InvariantBreach> check(const Case& c);
    // Whether `c` still breaks `kind`; for SettledStaysSettled, with `added` put on top of it.
    std::optional<InvariantBreach> recheck(const Case& c, InvariantKind kind,
                                           const std::vector<HypotheticalAnswer>& added);

    // By invariant: why this rule set cannot be checked against it (a route or [invariants] key
    // missing), or empty when it is checked.
    const std::array<std::string, kInvariantKinds>& unchecked() const { return unchecked_; }
    // "What could change this" searches that stopped at their limit (counted, not breaches).
    std::size_t searches_stopped() const { return searches_stopped_; }

  private:
    using Breaches = std::vector<InvariantBreach>;
    void check_levels(Breaches& out) const;
    void check_implications(Breaches& out) const;
    void check_open(const Case& c, Breaches& out, bool search);
    enum class Settles : std::uint8_t { Yes, No, NotJudged };
    Settles level_settles(const Case& c);
    std::vector<HypotheticalAnswer> candidates_for(const Case& c, std::uint32_t q) const;
    void check_triggers(Breaches& out) const;
    void check_refinements(const Case& c, Breaches& out);
    std::optional<InvariantBreach> compare_refined(const Case& refined,
                                                   const std::vector<HypotheticalAnswer>& added);
    std::optional<InvariantBreach> check_definitions(
        const Outcome& o, const Outcome& n, const std::vector<HypotheticalAnswer>& added) const;
    void mark_known_readers();
    std::uint32_t highest_open_level(const Outcome& o) const;
    std::string level_name(std::uint32_t level) const;
    std::string route_name(std::uint32_t route) const;

    const RuleSet& rules_;
    Evaluator evaluator_, refined_evaluator_;
    Tracer tracer_;
    Outcome outcome_, refined_;
    std::mt19937_64 rng_;
    std::vector<std::vector<HypotheticalAnswer>> candidates_;  // by question
    std::uint32_t s17_ = kNone, s20_ = kNone, s31_ = kNone, s47_ = kNone;
    std::vector<RouteLevelTie> ties_;  // declared, or s47, s20, s31, s44, s46 to the top level
    // By slot: reads known(...), directly or through what it reads. known(x) turns from false
    // to true as x is settled, so what reads it may change with more answers by design (a
    // consent position that gives way to a legal duty once that is settled).
    std::vector<bool> reads_known_;
    bool level_reads_known_ = false;
    std::vector<std::uint32_t> level_bearing_slots_;  // rules, combinations, triggers among them
    std::array<std::string, kInvariantKinds> unchecked_;
    std::size_t searches_stopped_ = 0;
    std::vector<std::uint32_t> scratch_;
};

// What one run over generated cases found, for each invariant.
struct InvariantFinding {
    InvariantKind kind = InvariantKind::RouteLevel;
    std::size_t cases = 0;           // generated cases that break it
    std::optional<Case> example;     // the smallest of the first few, answers removed while it
    InvariantBreach example_breach;  // still broke the invariant
};

struct InvariantRun {
    std::size_t cases = 0;
    std::uint64_t seed = 0;
    std::array<InvariantFinding, kInvariantKinds> findings;
    std::array<std::string, kInvariantKinds> not_checked;  // why, by invariant; empty: checked
    std::size_t searches_stopped = 0;
    bool all_held() const;
};

InvariantRun run_invariants(const RuleSet& rules, std::size_t count, std::uint64_t seed);

// A breaking case made as small as it will go: answers are removed (left not asked) one at a
// time while the case still breaks the same invariant.
Case minimise_example(const RuleSet& rules, InvariantChecker& checker, const Case& c,
                      InvariantBreach& breach);

// The example as a case file for `continuum eval`, with comments saying what it breaks.
std::string example_case_file(const RuleSet& rules, const InvariantFinding& f);

}  // namespace continuum::engine
