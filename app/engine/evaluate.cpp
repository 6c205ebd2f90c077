// [SECTION] Slots: questions, facts, rules, combinations, triggers, routes, consent, actions
// [SECTION] Level (and every definition's status)
// [SECTION] Routes, triggers, consent
// [SECTION] Actions and due dates
#include "evaluate.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "calendar.hpp"
#include "chronology_eval.hpp"
#include "expr/eval.hpp"

namespace continuum::engine {

namespace {
const Value kUnknown = Value::unknown();
}

const char* to_string(Finding f) {
    switch (f) {
        case Finding::NotMet:
            return "not_met";
        case Finding::Met:
            return "met";
        case Finding::CannotRuleOut:
            return "cannot_rule_out";
    }
    return "?";
}

// [SECTION] Slots

namespace {

// What one count has seen of each domain: bit 1, a rule of it fired; bit 2, one fired or is
// undetermined. Up to 64 domains (every rule set so far) the marks are two words on the stack,
// with nothing to clear between counts; beyond that, bytes cleared for each count.
struct DomainWords {
    std::uint64_t words[2] = {0, 0};
    bool has(std::uint32_t d, unsigned bit) const { return (words[bit - 1] >> d) & 1; }
    void mark(std::uint32_t d, unsigned bit) { words[bit - 1] |= std::uint64_t{1} << d; }
};
struct DomainBytes {
    std::vector<std::uint8_t>& bytes;
    bool has(std::uint32_t d, unsigned bit) const { return bytes[d] & bit; }
    void mark(std::uint32_t d, unsigned bit) { bytes[d] |= static_cast<std::uint8_t>(bit); }
};

struct Counted {
    std::uint32_t yes = 0, maybe = 0, domains_yes = 0, domains_maybe = 0;
};

template <typename Domains>
Counted count_rules(const std::vector<expr::CountedRule>& counted, const Tri* truths,
                    Domains& seen) {
    Counted n;
    for (const expr::CountedRule& rule : counted) {
        Tri t = truths[rule.slot];
        if (t == Tri::False) continue;
        const std::uint32_t d = rule.domain_index;
        const bool no_domain = d == kNone;
        if (t == Tri::True) {
            ++n.yes;
            if (!no_domain && !seen.has(d, 1)) {
                ++n.domains_yes;
                if (!seen.has(d, 2)) ++n.domains_maybe;
                seen.mark(d, 1);
                seen.mark(d, 2);
            }
        } else {
            ++n.maybe;
            if (!no_domain && !seen.has(d, 2)) {
                ++n.domains_maybe;
                seen.mark(d, 2);
            }
        }
    }
    return n;
}

}  // namespace

Tri Evaluator::combination_status(std::uint32_t index, const Tri* truths) {
    const Combination& c = rules_.combinations[index];
    // Both the count and the number of domains only grow as more rules fire, so the
    // combination is true when the rules that fired already suffice, and false when even
    // every undetermined rule firing would not.
    const auto& counted = rules_.machine.combinations[index];
    Counted n;
    if (rules_.domains.size() <= 64) {
        DomainWords seen;
        n = count_rules(counted, truths, seen);
    } else {
        domain_seen_.assign(rules_.domains.size(), 0);
        DomainBytes seen{domain_seen_};
        n = count_rules(counted, truths, seen);
    }
    bool can = n.yes + n.maybe >= c.at_least && n.domains_maybe >= c.across_domains;
    bool does = n.yes >= c.at_least && n.domains_yes >= c.across_domains;
    // With across_domains == 1, rules without a domain still count toward at_least.
    if (c.across_domains <= 1) {
        can = n.yes + n.maybe >= c.at_least;
        does = n.yes >= c.at_least;
    }
    if (does) return Tri::True;
    if (!can) return Tri::False;
    return Tri::Unknown;
}

// A question's answer is used only while the question may apply; a choice's options get
// their own truth cells ("q is X") for the comparisons that read them.
void Evaluator::set_question(const Case& c, Outcome& out, std::uint32_t q, Tri visible) {
    const expr::Machine& m = rules_.machine;
    const Answer& a = c.answers[q];
    out.slots[q] = SlotResult{visible, false};
    bool use = a.state == AnswerState::Answered && visible != Tri::False;
    const Value& v = use ? a.value : kUnknown;
    Tri* truths = out.truths.data();
    truths[q] = v.truth;
    if (const std::uint32_t reg = m.slot_registers[q]; reg != expr::kNoCell) out.numbers[reg] = v;
    if (std::uint32_t first = m.option_cells[q]; first != expr::kNoCell) {
        // Eight option cells a store: each unknown while the choice is, else the chosen one
        // true and the others false. A loop over the options ended at a different count for
        // each question and was mispredicted there.
        static_assert(sizeof(Tri) == 1 && expr::kOptionBlock == 8);
        static_assert(std::endian::native == std::endian::little, "option k is byte k");
        const std::uint64_t unknown = v.choice < 0 ? 0x0202020202020202ull : 0;
        const std::uint32_t blocks = (m.option_counts[q] + 7) / 8;
        for (std::uint32_t b = 0; b < blocks; ++b) {
            const std::int64_t at = std::int64_t{v.choice} - 8 * std::int64_t{b};
            const std::uint64_t chosen = at >= 0 && at < 8 ? std::uint64_t{1} << (8 * at) : 0;
            const std::uint64_t cells = unknown | chosen;
            std::memcpy(truths + first + 8 * b, &cells, 8);
        }
    }
}

// Questions without ask_when always apply: a yes/no answer goes straight into its cell.
void Evaluator::set_questions(const Case& c, Outcome& out) {
    const expr::Machine& m = rules_.machine;
    Tri* t = out.truths.data();
    SlotResult* slots = out.slots.data();
    const Answer* answers = c.answers.data();
    for (std::uint32_t q : m.yes_no_asked) {
        const Answer& a = answers[q];
        // Arithmetic, not a branch: whether a question was answered changes from case to case.
        const auto answered = static_cast<std::uint32_t>(a.state == AnswerState::Answered);
        t[q] = static_cast<Tri>(answered * static_cast<std::uint32_t>(a.value.truth) +
                                (1 - answered) * static_cast<std::uint32_t>(Tri::Unknown));
        slots[q] = SlotResult{Tri::True, false};
    }
    for (std::uint32_t q : m.other_asked)
        set_question(c, out, q, Tri::True);
}

namespace {

template <std::uint32_t inputs>
void run_steps(const expr::Run& run, const expr::Machine& m, Tri* t) {
    const Tri* tables = m.step_tables.data();
    const expr::Step* end = m.steps.data() + run.end;
    for (const expr::Step* s = m.steps.data() + run.begin; s != end; ++s)
        t[s->out] = expr::step_result_of<inputs>(*s, tables, t);
}

// [true, unknown] counts of a count test's inputs, one byte each.
constexpr std::uint32_t kCountBits[3] = {0, 1, 1u << 8};

}  // namespace

void Evaluator::run_code(const Case& c, Outcome& out) {
    const expr::Machine& m = rules_.machine;
    Tri* t = out.truths.data();
    const expr::CaseCells cells{&rules_.program, &m, t, out.numbers.data(), c.referred_at.day};
    for (const expr::Run& run : m.runs) {
        switch (run.kind) {
            case expr::RunKind::Steps:
                switch (run.inputs) {
                    case 1:
                        run_steps<1>(run, m, t);
                        break;
                    case 2:
                        run_steps<2>(run, m, t);
                        break;
                    case 3:
                        run_steps<3>(run, m, t);
                        break;
                    default:
                        run_steps<4>(run, m, t);
                        break;
                }
                break;
            case expr::RunKind::NumberTests:
                expr::run_number_tests(run, m, out.numbers.data(), t);
                break;
            case expr::RunKind::CountTests:
                for (std::uint32_t i = run.begin; i < run.end; ++i) {
                    const expr::CountTest& test = m.count_tests[i];
                    const std::uint32_t* in = m.count_cells.data() + test.first;
                    std::uint32_t sum = 0;
                    for (std::uint32_t k = 0; k < test.count; ++k)
                        sum += kCountBits[static_cast<std::uint8_t>(t[in[k]])];
                    t[test.out] =
                        m.count_tables[test.table + (sum & 0xff) * (test.count + 1) + (sum >> 8)];
                }
                break;
            case expr::RunKind::Questions:
                for (std::uint32_t i = run.begin; i < run.end; ++i)
                    set_question(c, out, m.asked[i].question, t[m.asked[i].visible]);
                break;
            case expr::RunKind::Combinations:
                for (std::uint32_t i = run.begin; i < run.end; ++i)
                    t[m.combination_ops[i].out] =
                        combination_status(m.combination_ops[i].combination, t);
                break;
            case expr::RunKind::Nodes:
                for (std::uint32_t i = run.begin; i < run.end; ++i)
                    expr::run_node(cells, t, m.node_ops[i]);
                break;
        }
    }
}

// [SECTION] Level

namespace {

static_assert(sizeof(SlotResult) == 2 && offsetof(SlotResult, status) == 0);
static_assert(static_cast<int>(Tri::True) == 1 && static_cast<int>(Tri::Unknown) == 2);

// Every definition's status is its slot's truth (and not blocked by `unless`, until the few
// with one are looked at): bytes widened to SlotResult pairs, sixteen at a time.
void statuses(const Tri* t, SlotResult* slots, std::size_t first, std::size_t end) {
    std::size_t i = first;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    for (; i + 16 <= end; i += 16) {
        const __m128i truths = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + i));
        auto* out = reinterpret_cast<__m128i*>(slots + i);
        _mm_storeu_si128(out, _mm_unpacklo_epi8(truths, zero));
        _mm_storeu_si128(out + 1, _mm_unpackhi_epi8(truths, zero));
    }
#endif
    for (; i < end; ++i)
        slots[i] = SlotResult{t[i], false};
}

// The highest level + 1 among the rules, combinations and triggers that are `want` (0: none).
struct LevelsFound {
    std::int32_t fired = 0, open = 0;  // level + 1 of a fired / undetermined one
};

LevelsFound highest_levels(const Tri* t, const std::int16_t* level, std::size_t n) {
    std::size_t i = 0;
    LevelsFound found;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128(), one = _mm_set1_epi16(1), two = _mm_set1_epi16(2);
    __m128i fired = zero, open = zero;
    for (; i + 8 <= n; i += 8) {
        const __m128i truths =
            _mm_unpacklo_epi8(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(t + i)), zero);
        const __m128i levels = _mm_loadu_si128(reinterpret_cast<const __m128i*>(level + i));
        fired = _mm_max_epi16(fired, _mm_and_si128(_mm_cmpeq_epi16(truths, one), levels));
        open = _mm_max_epi16(open, _mm_and_si128(_mm_cmpeq_epi16(truths, two), levels));
    }
    alignas(16) std::int16_t f[8], o[8];
    _mm_store_si128(reinterpret_cast<__m128i*>(f), fired);
    _mm_store_si128(reinterpret_cast<__m128i*>(o), open);
    for (int k = 0; k < 8; ++k) {
        found.fired = std::max<std::int32_t>(found.fired, f[k]);
        found.open = std::max<std::int32_t>(found.open, o[k]);
    }
#endif
    for (; i < n; ++i) {
        if (t[i] == Tri::True) found.fired = std::max<std::int32_t>(found.fired, level[i]);
        if (t[i] == Tri::Unknown) found.open = std::max<std::int32_t>(found.open, level[i]);
    }
    return found;
}

}  // namespace

void Evaluator::collect_statuses(Outcome& out) {
    const expr::Machine& m = rules_.machine;
    const Tri* t = out.truths.data();
    statuses(t, out.slots.data(), m.question_slots, rules_.slot_count);
    for (const expr::UnlessDefinition& u : m.unless)
        out.slots[u.slot].unless_blocked = t[u.when] != Tri::False && t[u.unless] != Tri::False;
}

// The level is the highest one whose rules fired; a higher one cannot be ruled out while a
// rule pointing above it is undetermined.
void Evaluator::decide_level(Outcome& out) {
    const expr::Machine& m = rules_.machine;
    LevelsFound found = highest_levels(out.truths.data() + m.level_first, m.level_plus_one.data(),
                                       m.level_plus_one.size());
    out.level = found.fired > 0 ? static_cast<std::uint32_t>(found.fired - 1) : 0;
    out.higher_level_possible =
        found.open > 0 && found.open - 1 > static_cast<std::int32_t>(out.level);
}

// [SECTION] Routes, triggers, consent

void Evaluator::collect_routes_triggers_consent(Outcome& out) {
    out.routes.resize(rules_.routes.size());
    for (std::size_t i = 0; i < rules_.routes.size(); ++i) {
        Tri t = out.slots[rules_.routes[i].slot].status;
        out.routes[i] = t == Tri::True    ? Finding::Met
                        : t == Tri::False ? Finding::NotMet
                                          : Finding::CannotRuleOut;
    }
    out.triggers.clear();
    out.possible_triggers.clear();
    for (std::uint32_t i = 0; i < rules_.triggers.size(); ++i) {
        Tri t = out.slots[rules_.triggers[i].slot].status;
        if (t == Tri::True)
            out.triggers.push_back(i);
        else if (t == Tri::Unknown)
            out.possible_triggers.push_back(i);
    }
    out.consent.clear();
    out.possible_consent.clear();
    for (std::uint32_t i = 0; i < rules_.consents.size(); ++i) {
        Tri t = out.slots[rules_.consents[i].slot].status;
        if (t == Tri::True)
            out.consent.push_back(i);
        else if (t == Tri::Unknown)
            out.possible_consent.push_back(i);
    }
}

// [SECTION] Actions and due dates

void Evaluator::collect_actions(Outcome& out) {
    // (action, reason slot) pairs; a definite reason is marked by the slot's status.
    wanted_.clear();
    auto want = [&](const std::vector<std::uint32_t>& actions, std::uint32_t reason) {
        for (std::uint32_t a : actions)
            wanted_.push_back({a, reason});
    };
    for (std::uint32_t t : out.triggers)
        want(rules_.triggers[t].action_indices, rules_.triggers[t].slot);
    for (std::uint32_t t : out.possible_triggers)
        want(rules_.triggers[t].action_indices, rules_.triggers[t].slot);
    for (std::size_t i = 0; i < rules_.routes.size(); ++i) {
        const Route& r = rules_.routes[i];
        if (out.routes[i] == Finding::Met) want(r.action_indices, r.slot);
        if (out.routes[i] == Finding::CannotRuleOut) {
            want(r.if_cannot_rule_out_indices, r.slot);
            want(r.action_indices, r.slot);
        }
    }
    want(rules_.levels[out.level].action_indices, kNone);
    for (std::uint32_t i = 0; i < rules_.actions.size(); ++i) {
        const Action& a = rules_.actions[i];
        if (a.slot != kNone && out.slots[a.slot].status != Tri::False)
            wanted_.push_back({i, a.slot});
    }
    // Grouped by action, each action's pairs in the order wanted: a counting sort, which
    // needs no allocation once its buffers have grown (a stable sort takes a buffer each time).
    action_start_.assign(rules_.actions.size() + 1, 0);
    for (const auto& w : wanted_)
        ++action_start_[w.first + 1];
    for (std::size_t a = 1; a < action_start_.size(); ++a)
        action_start_[a] += action_start_[a - 1];
    grouped_.resize(wanted_.size());
    for (const auto& w : wanted_)
        grouped_[action_start_[w.first]++] = w;
    wanted_.swap(grouped_);

    out.actions.clear();
    out.action_reasons.clear();
    for (std::size_t i = 0; i < wanted_.size();) {
        std::uint32_t action = wanted_[i].first;
        NeededAction n;
        n.action = action;
        n.definite = false;
        n.reasons_first = static_cast<std::uint32_t>(out.action_reasons.size());
        for (; i < wanted_.size() && wanted_[i].first == action; ++i) {
            std::uint32_t reason = wanted_[i].second;
            bool definite = reason == kNone || out.slots[reason].status == Tri::True;
            // Actions of a route that cannot be ruled out stay "possible" unless listed for that.
            if (reason != kNone && rules_.symbols[reason].kind == expr::SymbolKind::Route &&
                out.slots[reason].status == Tri::Unknown) {
                const Route& r = rules_.routes[rules_.slot_items[reason].index];
                const auto& listed = r.if_cannot_rule_out_indices;
                definite = std::find(listed.begin(), listed.end(), action) != listed.end();
            }
            n.definite = n.definite || definite;
            if (reason != kNone && (out.action_reasons.size() == n.reasons_first ||
                                    out.action_reasons.back() != reason))
                out.action_reasons.push_back(reason);
        }
        n.reasons_count = static_cast<std::uint32_t>(out.action_reasons.size()) - n.reasons_first;
        out.actions.push_back(n);
    }
}

namespace {

Due due_after(const Calendar& cal, const Timescale& ts, const Due& base) {
    Due d;
    if (ts.unit == TimeUnit::None) return d;
    d.has_due = true;
    d.outside_calendar = base.outside_calendar;
    switch (ts.unit) {
        case TimeUnit::WorkingDays: {
            DayNumber day = add_working_days(cal, base.at.day, ts.amount);
            d.at = {day, 86399};
            d.end_of_day = true;
            d.outside_calendar = d.outside_calendar || !calendar_covers(cal, base.at.day, day);
            break;
        }
        case TimeUnit::CalendarDays:
            d.at = {base.at.day + ts.amount, 86399};
            d.end_of_day = true;
            break;
        case TimeUnit::Hours: {
            std::int64_t seconds =
                static_cast<std::int64_t>(base.at.second_of_day) + ts.amount * 3600LL;
            d.at = {static_cast<DayNumber>(base.at.day + seconds / 86400),
                    static_cast<std::int32_t>(seconds % 86400)};
            break;
        }
        case TimeUnit::None:
            break;
    }
    return d;
}

}  // namespace

void Evaluator::schedule(Outcome& out) {
    Due referral;
    referral.has_due = true;
    referral.at = out.referred_at;
    for (NeededAction& n : out.actions) {
        // Walk the `after` chain back to the referral, then forward (chains are acyclic).
        std::uint32_t chain[16];
        std::size_t depth = 0;
        for (std::uint32_t a = n.action; a != kNone && depth < 16;
             a = rules_.actions[a].after_index)
            chain[depth++] = a;
        Due due = referral;
        for (std::size_t k = depth; k-- > 0;) {
            Due next = due_after(rules_.calendar, rules_.actions[chain[k]].due, due);
            if (next.has_due || k == 0) due = next;
        }
        n.due = due;
    }
}

void Evaluator::evaluate(const Case& c, Outcome& out) {
    const expr::Machine& m = rules_.machine;
    // The answers are read in the order the rules need them, not the order they lie in: on a
    // case not read just before (one of a library held in memory), each would wait for memory
    // in turn. Asked for all at once here, they arrive together.
    const auto* answers = reinterpret_cast<const char*>(c.answers.data());
    for (std::size_t at = 0; at < c.answers.size() * sizeof(Answer); at += 64)
        __builtin_prefetch(answers + at);
    out.slots.resize(rules_.slot_count);
    out.truths.assign(m.initial.begin(), m.initial.end());
    out.numbers.resize(m.register_count);
    out.referred_at = c.referred_at;
    contact_values(rules_, c, out.numbers.data());  // once per case, before any rule reads them
    set_questions(c, out);
    run_code(c, out);
    collect_statuses(out);
    decide_level(out);
    collect_routes_triggers_consent(out);
    collect_actions(out);
    schedule(out);
}

Outcome evaluate(const RuleSet& rules, const Case& c) {
    Outcome out;
    Evaluator(rules).evaluate(c, out);
    return out;
}

Value slot_value(const RuleSet& rules, const Outcome& o, std::uint32_t slot) {
    const std::uint32_t reg = rules.machine.slot_registers[slot];
    return reg != expr::kNoCell ? o.numbers[reg] : Value::boolean(o.truths[slot]);
}

Tri node_truth(const RuleSet& rules, const Outcome& o, std::uint32_t node) {
    const expr::CaseCells cells{&rules.program, &rules.machine, o.truths.data(), o.numbers.data(),
                                o.referred_at.day};
    return expr::truth_of(cells, node);
}

}  // namespace continuum::engine
