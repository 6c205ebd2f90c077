// Synthetic case libraries: plausible, entirely made-up cases for impact analysis, the Rules
// view and benchmarks. The same rule set and seed always give the same cases, on any machine
// and standard library: the generator is std::mt19937_64 (whose output the C++ standard fixes)
// with its own uniform and weighted draws, never std::*_distribution (whose output it does not).
//
// The distributions, for each case in turn:
// - ref: "SYN-" and the case's number from 1, six digits ("SYN-000001"). Never a real person.
// - referral time: a working day (Monday to Friday, not a bank holiday the rule set holds),
//   uniform over the days the rule set's calendar covers less its last 60 days (so deadlines
//   stay inside it), or over 2026 when it holds none; the time uniform to the minute in
//   08:00-17:59.
// - a concern profile: low (50%), moderate (35%) or high (15%), which shades the answers below
//   so that a library spreads across the levels rather than piling up at one. (On rules/surrey
//   this gives roughly 16% Universal, 3% Emerging, 21% Targeted, 31% Intensive, 30% Statutory:
//   a rule set with many indicators needs a low chance of each, as every "yes" can only raise
//   the level.)
// - questions are put in the order the engine would put them: a question is answered only once
//   its `ask_when` holds (or is open only because of "unknown" answers); one whose `ask_when`
//   is false is left not asked. Each question that applies is answered "unknown" with
//   probability 8%; otherwise
//   - yes/no: yes with probability 1% (low), 3% (moderate), 8% (high);
//   - choice: the choices as written (rule sets list them from least to most concerning) with
//     weights r^0, r^1, r^2, ... where r = 0.03 (low), 0.08 (moderate), 0.3 (high);
//   - number: uniform over [min, max] as the question declares them (min 0 and max min + 100
//     where not declared); a whole number when both bounds are whole, else one decimal place.
//     A whole number is given as a range with probability 10%: half the time "at least k",
//     k uniform between min and the number, else "at most k", k uniform between the number
//     and max (a bound that leaves one value is that number);
//   - date: uniform over the 3 years (1,095 days) before the referral day;
//   - free text: one of six neutral synthetic notes;
//   - the chronology (a rule set with [chronology]) is drawn from a generator of its own,
//     seeded from the seed and the case's number, so that the other answers are the same as
//     for a rule set without one: not recorded (20%), partial (40%) or complete (40%); up to 2
//     (low), 4 (moderate) or 8 (high) contacts, uniform in number, each dated uniformly over the
//     2 years (730 days) before the referral day, from a source drawn uniformly, about the
//     case's theme category (drawn once per case) with probability 20% / 40% / 60% and
//     otherwise a category drawn uniformly, a second category with probability 20%, and an
//     outcome drawn uniformly. Never "unknown".
#pragma once
#include <cstdint>
#include <random>
#include <vector>

#include "engine/case.hpp"
#include "engine/evaluate.hpp"
#include "engine/ruleset/schema.hpp"
#include "engine/trace.hpp"

namespace continuum::engine {

class CaseGenerator {
  public:
    CaseGenerator(const RuleSet& rules, std::uint64_t seed);

    // The next case: "SYN-000001", "SYN-000002", ...
    Case next();

  private:
    enum class Profile : std::uint8_t { Low, Moderate, High };

    std::uint64_t below(std::uint64_t n);  // uniform in [0, n)
    double unit();                         // uniform in [0, 1)
    bool chance(double p) { return unit() < p; }
    DateTime referral_time();
    void answer(std::uint32_t question, Profile profile, Case& c);
    Chronology chronology(Profile profile, DayNumber referral_day);

    const RuleSet& rules_;
    std::mt19937_64 rng_;
    Evaluator evaluator_;
    Outcome outcome_;
    Tracer tracer_;
    std::vector<std::uint32_t> asking_;
    std::uint64_t seed_ = 0;
    std::uint64_t made_ = 0;
    DayNumber first_day_ = 0, last_day_ = 0;
};

std::vector<Case> generate_cases(const RuleSet& rules, std::size_t count, std::uint64_t seed);

}  // namespace continuum::engine
