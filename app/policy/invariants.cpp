// [SECTION] The invariants in words
// [SECTION] Checking one case
// [SECTION] More answers never overturn what was settled
// [SECTION] A run over generated cases
#include "invariants.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "case_generator.hpp"

namespace continuum::engine {

// [SECTION] The invariants in words

const InvariantInfo& describe(InvariantKind k) {
    static const InvariantInfo kInfo[kInvariantKinds] = {
        {"route-level",
         "a route met implies at least the level the rule set ties it to; a route that cannot be "
         "ruled out leaves that level open",
         "Working Together 2023: reasonable cause to suspect significant harm, accommodation, "
         "court and emergency routes are statutory social work"},
        {"child-in-need-follows", "s47 and s20 imply s17: s17 is never less certain than either",
         "Children Act 1989 s17(10)(b) (significant impairment without services) and s20(1) "
         "(accommodation is for a child in need)"},
        {"child-in-need-level",
         "s17 not met implies a level below the one tied to s17, with no such level still open",
         "the rule set's own mapping of the child in need test to its levels"},
        {"court-within-enquiry",
         "s31 is never more certain than s47: met needs s47 met; s47 not met needs s31 not met",
         "Children Act 1989 s31(2)(a): the court test includes significant harm, the s47 "
         "question"},
        {"open-has-questions",
         "every cannot-rule-out (a route, or a higher level) has an unanswered or unknown "
         "question behind it",
         "unknown is never no: a finding left open must say what would settle it"},
        {"open-can-change",
         "every cannot-rule-out has a \"what could change this\" entry: some answer to an open "
         "question settles it",
         "a finding no answer can settle reads a question that does not apply"},
        {"trigger-refers", "an always-refer trigger that fires leads to at least a referral",
         "the always-refer procedures (bruising protocol, FGM duty, LADO, Surrey 5.5)"},
        {"settled-stays-settled",
         "more answers never overturn a finding that was settled (met, not met, fired, not "
         "fired), never lower the level, and never raise it past a level that was open (what "
         "reads known(...) may change by design)",
         "a confident finding must not depend on a question that turns out not to apply: read "
         "such a question with the same guard as its ask_when"},
    };
    return kInfo[static_cast<std::size_t>(k)];
}

bool InvariantRun::all_held() const {
    return std::all_of(findings.begin(), findings.end(),
                       [](const InvariantFinding& f) { return f.cases == 0; });
}

namespace {

int rank(Finding f) {
    switch (f) {
        case Finding::NotMet:
            return 0;
        case Finding::CannotRuleOut:
            return 1;
        case Finding::Met:
            return 2;
    }
    return 1;
}

const char* finding_words(Finding f) {
    switch (f) {
        case Finding::NotMet:
            return "not met";
        case Finding::CannotRuleOut:
            return "cannot be ruled out";
        case Finding::Met:
            return "met";
    }
    return "?";
}

bool settled_answer(const Answer& a) {
    return a.state == AnswerState::Answered && a.value.known;
}

constexpr std::size_t kRefinementSteps = 4;
constexpr std::size_t kSearchEvaluations = 2000;

}  // namespace

InvariantChecker::InvariantChecker(const RuleSet& rules, std::uint64_t seed)
    : rules_(rules), evaluator_(rules), refined_evaluator_(rules), tracer_(rules), rng_(seed) {
    for (std::uint32_t q = 0; q < rules.questions.size(); ++q)
        candidates_.push_back(candidate_answers(rules, q));
    mark_known_readers();
    s17_ = rules.route_index("s17");
    s20_ = rules.route_index("s20");
    s31_ = rules.route_index("s31");
    s47_ = rules.route_index("s47");
    const InvariantTies& t = rules.invariants;
    ties_ = t.route_levels;
    if (ties_.empty() && !rules.levels.empty())  // undeclared: the routes to the top level
        for (const char* id : {"s47", "s20", "s31", "s44", "s46"})
            if (std::uint32_t r = rules.route_index(id); r != kNone)
                ties_.push_back({id,
                                 rules.levels.back().id,
                                 {},
                                 r,
                                 static_cast<std::uint32_t>(rules.levels.size() - 1)});
    auto why_not = [&](InvariantKind k, const char* why) {
        unchecked_[static_cast<std::size_t>(k)] = why;
    };
    if (ties_.empty())
        why_not(InvariantKind::RouteLevel, "the rule set has no route s47, s20, s31, s44 or s46");
    if (s17_ == kNone || (s47_ == kNone && s20_ == kNone))
        why_not(InvariantKind::ChildInNeedFollows,
                "the rule set has no route s17, or neither s47 nor s20");
    if (s31_ == kNone || s47_ == kNone)
        why_not(InvariantKind::CourtWithinEnquiry, "the rule set has no route s31 or s47");
    if (t.child_in_need_level_index == kNone || s17_ == kNone)
        why_not(InvariantKind::ChildInNeedLevel,
                "[invariants] names no child_in_need_level (or there is no route s17)");
    if (t.referral_level_index == kNone && t.referral_route_indices.empty() &&
        t.referral_action_indices.empty())
        why_not(InvariantKind::TriggerRefers,
                "[invariants] does not say what a referral is (referral_level, referral_routes "
                "or referral_actions)");
}

void InvariantChecker::mark_known_readers() {
    const expr::Program& p = rules_.program;
    auto uses_known = [&](const Condition& c) {
        if (!c.present() || c.root == expr::kNoNode) return false;
        for (std::uint32_t n = p.expressions[p.nodes[c.root].expression].first_node; n <= c.root;
             ++n)
            if (p.nodes[n].op == expr::Op::Known) return true;
        return false;
    };
    reads_known_.assign(rules_.slot_count, false);
    for (const Item& item : rules_.order) {
        bool direct = false;
        switch (item.kind) {
            case ItemKind::Question:
                continue;
            case ItemKind::Fact:
                direct = uses_known(rules_.facts[item.index].when);
                break;
            case ItemKind::Rule:
                direct = uses_known(rules_.rules[item.index].when) ||
                         uses_known(rules_.rules[item.index].unless);
                break;
            case ItemKind::Combination:
                for (std::uint32_t r : rules_.combinations[item.index].counted)
                    direct = direct || reads_known_[rules_.rules[r].slot];
                break;
            case ItemKind::Trigger:
                direct = uses_known(rules_.triggers[item.index].when);
                break;
            case ItemKind::Route:
                direct = uses_known(rules_.routes[item.index].test) ||
                         uses_known(rules_.routes[item.index].unless);
                break;
            case ItemKind::Action:
                direct = uses_known(rules_.actions[item.index].when);
                break;
            case ItemKind::Consent:
                direct = uses_known(rules_.consents[item.index].when);
                break;
        }
        bool through = false;
        for (std::uint32_t r : rules_.reads[item.slot])
            through = through || reads_known_[r];
        reads_known_[item.slot] = direct || through;
    }
    auto level_bearing = [&](const auto& items) {
        for (const auto& i : items)
            if (i.level_index != kNone && reads_known_[i.slot]) {
                level_reads_known_ = true;
                level_bearing_slots_.push_back(i.slot);
            }
    };
    level_bearing(rules_.rules);
    level_bearing(rules_.combinations);
    level_bearing(rules_.triggers);
}

std::string InvariantChecker::level_name(std::uint32_t level) const {
    return rules_.levels[level].name;
}

std::string InvariantChecker::route_name(std::uint32_t route) const {
    return rules_.routes[route].id;
}

// The highest level an undetermined rule, combination or trigger points to; kNone if none.
std::uint32_t InvariantChecker::highest_open_level(const Outcome& o) const {
    std::uint32_t open = kNone;
    for (std::uint32_t slot : higher_level_candidates(rules_, o)) {
        const Item& item = rules_.slot_items[slot];
        std::uint32_t level = item.kind == ItemKind::Rule ? rules_.rules[item.index].level_index
                              : item.kind == ItemKind::Combination
                                  ? rules_.combinations[item.index].level_index
                                  : rules_.triggers[item.index].level_index;
        if (level != kNone && (open == kNone || level > open)) open = level;
    }
    return open;
}

// The answers worth trying for question q of case c (see fit_to_case).
std::vector<HypotheticalAnswer> InvariantChecker::candidates_for(const Case& c,
                                                                 std::uint32_t q) const {
    std::vector<HypotheticalAnswer> out = candidates_[q];
    fit_to_case(rules_, c, q, out);
    return out;
}

// [SECTION] Checking one case

void InvariantChecker::check_levels(Breaches& out) const {
    const Outcome& o = outcome_;
    const std::uint32_t open = highest_open_level(o);
    auto open_at = [&](std::uint32_t level) { return open != kNone && open >= level; };
    for (const RouteLevelTie& tie : ties_) {
        if (tie.route_index == kNone || tie.level_index == kNone) continue;
        const Finding f = o.routes[tie.route_index];
        if (o.level >= tie.level_index) continue;
        if (f == Finding::Met) {
            out.push_back({InvariantKind::RouteLevel,
                           fmt::format("{} is met, but the level is {}, below {}", tie.route,
                                       level_name(o.level), level_name(tie.level_index)),
                           {}});
            break;
        }
        if (f == Finding::CannotRuleOut && !open_at(tie.level_index)) {
            out.push_back({InvariantKind::RouteLevel,
                           fmt::format("{} cannot be ruled out, but the level is {} and {} is "
                                       "not left open",
                                       tie.route, level_name(o.level), level_name(tie.level_index)),
                           {}});
            break;
        }
    }
    const std::uint32_t tie = rules_.invariants.child_in_need_level_index;
    if (s17_ != kNone && tie != kNone && o.routes[s17_] == Finding::NotMet &&
        (o.level >= tie || open_at(tie)))
        out.push_back(
            {InvariantKind::ChildInNeedLevel,
             fmt::format(
                 "s17 is not met, but the level is {}{}", level_name(o.level),
                 o.level >= tie ? "" : fmt::format(" and {} is left open", level_name(open))),
             {}});
}

void InvariantChecker::check_implications(Breaches& out) const {
    const Outcome& o = outcome_;
    auto beyond = [&](std::uint32_t stronger, std::uint32_t weaker) {
        return stronger != kNone && weaker != kNone &&
               rank(o.routes[stronger]) > rank(o.routes[weaker]);
    };
    auto say = [&](std::uint32_t a, std::uint32_t b) {
        return fmt::format("{} is {}, but {} is {}", route_name(a), finding_words(o.routes[a]),
                           route_name(b), finding_words(o.routes[b]));
    };
    for (std::uint32_t r : {s47_, s20_})
        if (beyond(r, s17_)) {
            out.push_back({InvariantKind::ChildInNeedFollows, say(r, s17_), {}});
            break;
        }
    if (beyond(s31_, s47_)) out.push_back({InvariantKind::CourtWithinEnquiry, say(s31_, s47_), {}});
}

void InvariantChecker::check_open(const Case& c, Breaches& out, bool search) {
    const Outcome& o = outcome_;
    bool no_questions = false, no_change = false;
    ChangeLimits limits;
    limits.first_only = true;
    limits.max_evaluations = kSearchEvaluations;
    // The search tries sets of up to max_set_size of the open questions behind the finding;
    // with more of them than that, finding none proves nothing, and is counted as stopped.
    auto settle = [&](ChangeOf of, std::uint32_t route, const std::string& what) {
        if (!search || no_change) return;
        ChangeTarget t = what_could_change_one(rules_, c, o, of, route, limits);
        if (!t.sets.empty()) return;
        const auto askable =
            std::count_if(scratch_.begin(), scratch_.end(), [&](std::uint32_t slot) {
                const std::uint32_t q = rules_.slot_items[slot].index;
                return o.slots[slot].status != Tri::False && !settled_answer(c.answers[q]);
            });
        if (!t.complete || static_cast<std::size_t>(askable) > limits.max_set_size) {
            ++searches_stopped_;
            return;
        }
        no_change = true;
        out.push_back({InvariantKind::OpenCanChange,
                       what + ", but no answer to an open question would settle it",
                       {}});
    };
    for (std::uint32_t r = 0; r < rules_.routes.size(); ++r) {
        if (o.routes[r] != Finding::CannotRuleOut) continue;
        const std::string what = route_name(r) + " cannot be ruled out";
        scratch_.clear();
        tracer_.blocking(c, o, rules_.routes[r].slot, scratch_);
        if (scratch_.empty() && !no_questions) {
            no_questions = true;
            out.push_back({InvariantKind::OpenHasQuestions,
                           what + ", but no unanswered or unknown question is behind it",
                           {}});
        }
        settle(ChangeOf::Route, r, what);
    }
    if (!o.higher_level_possible) return;
    const std::string what =
        fmt::format("a level above {} cannot be ruled out", level_name(o.level));
    scratch_.clear();
    for (std::uint32_t slot : higher_level_candidates(rules_, o))
        tracer_.blocking(c, o, slot, scratch_);
    std::sort(scratch_.begin(), scratch_.end());
    scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
    if (scratch_.empty() && !no_questions)
        out.push_back({InvariantKind::OpenHasQuestions,
                       what + ", but no unanswered or unknown question is behind it",
                       {}});
    if (!search || no_change) return;
    switch (level_settles(c)) {
        case Settles::Yes:
            return;
        case Settles::NotJudged:
            ++searches_stopped_;
            return;
        case Settles::No:
            out.push_back({InvariantKind::OpenCanChange,
                           what + ", but no answer to an open question would settle it",
                           {}});
    }
}

// "A higher level cannot be ruled out" is settled when the level rises or nothing higher is left
// open (which "what could change this", reporting levels, does not show): answers to up to three
// of the open questions behind it are tried, every combination.
InvariantChecker::Settles InvariantChecker::level_settles(const Case& c) {
    const Outcome& o = outcome_;
    std::vector<std::uint32_t> pool;
    for (std::uint32_t slot : scratch_) {
        const std::uint32_t q = rules_.slot_items[slot].index;
        if (o.slots[slot].status != Tri::False && !settled_answer(c.answers[q])) pool.push_back(q);
    }
    constexpr std::size_t kMaxSet = 3;
    std::size_t evaluations = 0;
    Case trial = c;
    std::vector<std::vector<HypotheticalAnswer>> answers;
    std::erase_if(pool, [&](std::uint32_t q) {
        answers.push_back(candidates_for(c, q));
        if (!answers.back().empty()) return false;
        answers.pop_back();
        return true;
    });
    for (std::size_t k = 1; k <= kMaxSet && k <= pool.size(); ++k) {
        std::vector<std::size_t> idx(k);
        for (std::size_t i = 0; i < k; ++i)
            idx[i] = i;
        for (;;) {
            std::vector<std::size_t> pick(k, 0);
            for (;;) {
                if (++evaluations > kSearchEvaluations) return Settles::NotJudged;
                for (std::size_t i = 0; i < k; ++i)
                    trial.answers[pool[idx[i]]] = to_answer(answers[idx[i]][pick[i]]);
                refined_evaluator_.evaluate(trial, refined_);
                for (std::size_t i = 0; i < k; ++i)
                    trial.answers[pool[idx[i]]] = c.answers[pool[idx[i]]];
                if (refined_.level != o.level || !refined_.higher_level_possible)
                    return Settles::Yes;
                std::size_t i = 0;
                for (; i < k && ++pick[i] == answers[idx[i]].size(); ++i)
                    pick[i] = 0;
                if (i == k) break;
            }
            std::size_t i = k;
            while (i > 0 && idx[i - 1] == pool.size() - k + i - 1)
                --i;
            if (i == 0) break;
            ++idx[i - 1];
            for (std::size_t j = i; j < k; ++j)
                idx[j] = idx[j - 1] + 1;
        }
    }
    return pool.size() > kMaxSet ? Settles::NotJudged : Settles::No;
}

void InvariantChecker::check_triggers(Breaches& out) const {
    const Outcome& o = outcome_;
    const InvariantTies& t = rules_.invariants;
    if (t.referral_level_index == kNone && t.referral_route_indices.empty() &&
        t.referral_action_indices.empty())
        return;
    auto referred = [&] {
        if (t.referral_level_index != kNone && o.level >= t.referral_level_index) return true;
        for (std::uint32_t r : t.referral_route_indices)
            if (r != kNone && o.routes[r] == Finding::Met) return true;
        for (const NeededAction& a : o.actions)
            if (a.definite &&
                std::find(t.referral_action_indices.begin(), t.referral_action_indices.end(),
                          a.action) != t.referral_action_indices.end())
                return true;
        return false;
    };
    if (o.triggers.empty() || referred()) return;
    out.push_back({InvariantKind::TriggerRefers,
                   fmt::format("trigger '{}' fired, but the level is {} and no referral is "
                               "called for",
                               rules_.triggers[o.triggers.front()].id, level_name(o.level)),
                   {}});
}

std::vector<InvariantBreach> InvariantChecker::check(const Case& c) {
    evaluator_.evaluate(c, outcome_);
    Breaches out;
    check_levels(out);
    check_implications(out);
    check_open(c, out, true);
    check_triggers(out);
    check_refinements(c, out);
    return out;
}

std::optional<InvariantBreach> InvariantChecker::recheck(
    const Case& c, InvariantKind kind, const std::vector<HypotheticalAnswer>& added) {
    evaluator_.evaluate(c, outcome_);
    Breaches out;
    switch (kind) {
        case InvariantKind::RouteLevel:
        case InvariantKind::ChildInNeedLevel:
            check_levels(out);
            break;
        case InvariantKind::ChildInNeedFollows:
        case InvariantKind::CourtWithinEnquiry:
            check_implications(out);
            break;
        case InvariantKind::OpenHasQuestions:
        case InvariantKind::OpenCanChange:
            check_open(c, out, kind == InvariantKind::OpenCanChange);
            break;
        case InvariantKind::TriggerRefers:
            check_triggers(out);
            break;
        case InvariantKind::SettledStaysSettled: {
            Case refined = c;
            for (const HypotheticalAnswer& h : added) {
                const Answer& was = c.answers[h.question];
                if (settled_answer(was) ||
                    (is_range_answer(rules_.questions[h.question], was) &&
                     (h.value.lo < was.value.lo || h.value.lo > was.value.hi)))
                    return std::nullopt;  // no longer an answer that adds information
                refined.answers[h.question] = to_answer(h);
            }
            if (auto b = compare_refined(refined, added)) out.push_back(*b);
            break;
        }
    }
    for (auto& b : out)
        if (b.kind == kind) return b;
    return std::nullopt;
}

// [SECTION] More answers never overturn what was settled

// Strong Kleene evaluation only ever settles what was open as answers are added: a definition
// that was true or false stays so, and the level can only rise to one that was open. A breach
// means a rule read a question that turned out not to apply (its answer was set aside) without
// the guard of the question's ask_when.
void InvariantChecker::check_refinements(const Case& c, Breaches& out) {
    const Outcome& o = outcome_;
    std::vector<std::uint32_t> open;
    for (std::uint32_t q = 0; q < rules_.questions.size(); ++q)
        if (o.slots[rules_.questions[q].slot].status != Tri::False && !settled_answer(c.answers[q]))
            open.push_back(q);
    if (open.empty()) return;
    Case refined = c;
    std::vector<HypotheticalAnswer> added;
    for (std::size_t step = 0; step < kRefinementSteps && step < open.size(); ++step) {
        std::swap(open[step], open[step + rng_() % (open.size() - step)]);
        const std::uint32_t q = open[step];
        std::vector<HypotheticalAnswer> choices = candidates_for(c, q);
        if (choices.empty()) continue;
        added.push_back(choices[rng_() % choices.size()]);
        refined.answers[q] = to_answer(added.back());
        if (rules_.questions[q].type == AnswerType::Text) refined.answers[q].set_text("(answered)");
        if (auto b = compare_refined(refined, added)) {
            out.push_back(*b);
            return;
        }
    }
}

std::optional<InvariantBreach> InvariantChecker::compare_refined(
    const Case& refined, const std::vector<HypotheticalAnswer>& added) {
    const Outcome& o = outcome_;
    refined_evaluator_.evaluate(refined, refined_);
    const Outcome& n = refined_;
    auto breach = [&](std::string how) {
        return InvariantBreach{InvariantKind::SettledStaysSettled, std::move(how), added};
    };
    for (std::uint32_t r = 0; r < rules_.routes.size(); ++r)
        if (o.routes[r] != Finding::CannotRuleOut && n.routes[r] != o.routes[r] &&
            !reads_known_[rules_.routes[r].slot])
            return breach(fmt::format("{} was {}; with more answers it is {}", route_name(r),
                                      finding_words(o.routes[r]), finding_words(n.routes[r])));
    // The level may move by design only where a rule reading known(...) has itself moved.
    bool level_by_design = false;
    if (level_reads_known_)
        for (std::uint32_t slot : level_bearing_slots_)
            level_by_design = level_by_design || (o.slots[slot].status != Tri::Unknown &&
                                                  n.slots[slot].status != o.slots[slot].status);
    if (level_by_design) return check_definitions(o, n, added);
    if (n.level < o.level)
        return breach(fmt::format("the level was {}; with more answers it falls to {}",
                                  level_name(o.level), level_name(n.level)));
    const std::uint32_t open = highest_open_level(o);
    if (n.level > o.level && (open == kNone || n.level > open))
        return breach(
            fmt::format("the level was {} with nothing higher open; with more answers "
                        "it rises to {}",
                        level_name(o.level), level_name(n.level)));
    return check_definitions(o, n, added);
}

std::optional<InvariantBreach> InvariantChecker::check_definitions(
    const Outcome& o, const Outcome& n, const std::vector<HypotheticalAnswer>& added) const {
    for (const Item& item : rules_.order) {  // every definition, in the evaluation order
        if (item.kind == ItemKind::Question) continue;
        const Tri was = o.slots[item.slot].status, now = n.slots[item.slot].status;
        if (was == Tri::Unknown || now == was || reads_known_[item.slot]) continue;
        return InvariantBreach{
            InvariantKind::SettledStaysSettled,
            fmt::format("{} '{}' was {}; with more answers it is {}", to_string(item.kind),
                        rules_.symbols[item.slot].id, trace_status(was), trace_status(now)),
            added};
    }
    return std::nullopt;
}

// [SECTION] A run over generated cases

InvariantRun run_invariants(const RuleSet& rules, std::size_t count, std::uint64_t seed) {
    constexpr std::size_t kSamples = 3;  // breaking cases kept per invariant, to minimise
    InvariantRun run;
    run.cases = count;
    run.seed = seed;
    CaseGenerator generator(rules, seed);
    InvariantChecker checker(rules, seed ^ 0x9e3779b97f4a7c15ull);
    std::array<std::vector<std::pair<Case, InvariantBreach>>, kInvariantKinds> samples;
    for (std::size_t i = 0; i < count; ++i) {
        Case c = generator.next();
        for (InvariantBreach& b : checker.check(c)) {
            const auto k = static_cast<std::size_t>(b.kind);
            ++run.findings[k].cases;
            if (samples[k].size() < kSamples) samples[k].emplace_back(c, std::move(b));
        }
    }
    for (std::size_t k = 0; k < kInvariantKinds; ++k) {
        InvariantFinding& f = run.findings[k];
        f.kind = static_cast<InvariantKind>(k);
        std::size_t best = SIZE_MAX;
        for (auto& [c, breach] : samples[k]) {
            Case small = minimise_example(rules, checker, c, breach);
            std::size_t given =
                std::count_if(small.answers.begin(), small.answers.end(),
                              [](const Answer& a) { return a.state != AnswerState::NotAsked; });
            if (given < best) {
                best = given;
                f.example = std::move(small);
                f.example_breach = breach;
            }
        }
    }
    run.not_checked = checker.unchecked();
    run.searches_stopped = checker.searches_stopped();
    return run;
}

}  // namespace continuum::engine
