#include "case_generator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/applicability.hpp"
#include "engine/calendar.hpp"
#include "engine/case_io.hpp"

namespace continuum::engine {

namespace {

constexpr double kUnknown = 0.08;
constexpr double kRange = 0.10;  // a whole-number answer known only by one bound

// Per concern profile (low, moderate, high): its share of cases, the chance of "yes" to a
// yes/no question, and the ratio between the weights of successive choices.
struct Shading {
    double share, yes, ratio;
};
constexpr Shading kShading[] = {{0.50, 0.01, 0.03}, {0.35, 0.03, 0.08}, {0.15, 0.08, 0.3}};
constexpr const char* kNotes[] = {
    "Synthetic note: concern raised by the school nurse.",
    "Synthetic note: family known to early help last year.",
    "Synthetic note: information from a neighbour, not verified.",
    "Synthetic note: parent called the front door themselves.",
    "Synthetic note: police notification after a call-out.",
    "Synthetic note: health visitor's routine contact.",
};

}  // namespace

CaseGenerator::CaseGenerator(const RuleSet& rules, std::uint64_t seed)
    : rules_(rules), rng_(seed), evaluator_(rules), tracer_(rules), seed_(seed) {
    if (!rules.calendar.bank_holidays.empty() &&
        rules.calendar.covers_to - 60 > rules.calendar.covers_from) {
        first_day_ = rules.calendar.covers_from;
        last_day_ = rules.calendar.covers_to - 60;
    } else {
        first_day_ = day_number(2026, 1, 1);
        last_day_ = day_number(2026, 12, 31);
    }
}

std::uint64_t CaseGenerator::below(std::uint64_t n) {
    // Rejection of the short last stretch keeps every value equally likely.
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        std::uint64_t x = rng_();
        if (x >= threshold) return x % n;
    }
}

double CaseGenerator::unit() {
    return static_cast<double>(rng_() >> 11) * 0x1.0p-53;
}

DateTime CaseGenerator::referral_time() {
    const auto span = static_cast<std::uint64_t>(last_day_ - first_day_ + 1);
    DayNumber day = first_day_;
    // Redraw weekends and bank holidays; a calendar with no working day at all (never in
    // practice) falls back to the day drawn last.
    for (int tries = 0; tries < 1000; ++tries) {
        day = first_day_ + static_cast<DayNumber>(below(span));
        if (is_working_day(rules_.calendar, day)) break;
    }
    auto minute = static_cast<std::int32_t>(below(10 * 60));
    return {day, 8 * 3600 + minute * 60};
}

// Earlier contacts, from a generator of the chronology's own (see the header).
Chronology CaseGenerator::chronology(Profile profile, DayNumber referral_day) {
    std::mt19937_64 rng(seed_ ^ (0x9e3779b97f4a7c15ULL * made_));
    auto below = [&](std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            std::uint64_t x = rng();
            if (x >= threshold) return x % n;
        }
    };
    auto chance = [&](double p) { return static_cast<double>(rng() >> 11) * 0x1.0p-53 < p; };
    const ChronologyTerms& t = rules_.chronology;
    const auto level = static_cast<int>(profile);
    Chronology out;
    out.complete = chance(0.5);
    const std::uint64_t most = level == 0 ? 2 : level == 1 ? 4 : 8;
    const std::uint64_t n = below(most + 1);
    const std::uint64_t categories = t.categories.size();
    const std::uint64_t theme = below(categories);
    for (std::uint64_t i = 0; i < n; ++i) {
        Contact c;
        c.day = referral_day - static_cast<DayNumber>(below(730));
        c.source = static_cast<std::uint16_t>(below(t.sources.size()));
        const std::uint64_t first = chance(0.2 * (level + 1)) ? theme : below(categories);
        c.categories = std::uint64_t{1} << first;
        if (chance(0.2)) c.categories |= std::uint64_t{1} << below(categories);
        c.outcome = static_cast<std::uint16_t>(below(t.outcomes.size()));
        out.contacts.push_back(c);
    }
    return out;
}

void CaseGenerator::answer(std::uint32_t qi, Profile profile, Case& c) {
    const Question& q = rules_.questions[qi];
    Answer& a = c.answers[qi];
    if (q.type == AnswerType::Chronology) {
        std::mt19937_64 rng(seed_ ^ (0x9e3779b97f4a7c15ULL * made_) ^ 0x5bd1e995ULL);
        if (static_cast<double>(rng() >> 11) * 0x1.0p-53 >= 0.2)
            a = chronology_answer(chronology(profile, c.referred_at.day));
        return;
    }
    if (chance(kUnknown)) {
        a = Answer{AnswerState::Unknown, Value::unknown(), {}, {}};
        return;
    }
    a.state = AnswerState::Answered;
    switch (q.type) {
        case AnswerType::YesNo: {
            const double yes = kShading[static_cast<int>(profile)].yes;
            a.value = Value::boolean(tri(chance(yes)));
            break;
        }
        case AnswerType::Choice: {
            const double r = kShading[static_cast<int>(profile)].ratio;
            double total = 0, w = 1;
            for (std::size_t i = 0; i < q.choices.size(); ++i, w *= r)
                total += w;
            double x = unit() * total;
            std::size_t pick = 0;
            w = 1;
            for (; pick + 1 < q.choices.size() && x >= w; ++pick, w *= r)
                x -= w;
            a.value = Value::option(static_cast<std::int32_t>(pick));
            break;
        }
        case AnswerType::Number: {
            const double lo = q.min.value_or(0);
            const double hi = q.max.value_or(lo + 100);
            const bool whole = lo == std::floor(lo) && hi == std::floor(hi);
            auto whole_between = [&](double from, double to) {
                return from + static_cast<double>(below(static_cast<std::uint64_t>(to - from) + 1));
            };
            const double n =
                whole ? whole_between(lo, hi)
                      : std::clamp(std::round((lo + unit() * (hi - lo)) * 10) / 10, lo, hi);
            a.value = Value::number(n);
            if (whole && chance(kRange)) {
                // Only a bound is known, as set_answer reads `{ at_least = k }` in a case file.
                RawAnswer raw;
                raw.kind = RawAnswer::Kind::Range;
                if (chance(0.5)) {
                    raw.has_at_least = true;
                    raw.at_least = whole_between(lo, n);
                } else {
                    raw.has_at_most = true;
                    raw.at_most = whole_between(n, hi);
                }
                set_answer(q, raw, a);
            }
            break;
        }
        case AnswerType::Date:
            a.value = Value::number(c.referred_at.day - 1 - static_cast<DayNumber>(below(1095)));
            break;
        case AnswerType::Text:
            a.value = Value::text_present();
            a.set_text(kNotes[below(std::size(kNotes))]);
            break;
        case AnswerType::Chronology:
            break;  // drawn above, from its own generator
    }
}

Case CaseGenerator::next() {
    Case c = blank_case(rules_);
    c.ref = fmt::format("SYN-{:06}", ++made_);
    c.referred_at = referral_time();
    const double p = unit();
    const Profile profile = p < kShading[0].share                       ? Profile::Low
                            : p < kShading[0].share + kShading[1].share ? Profile::Moderate
                                                                        : Profile::High;

    // Ask in rounds, as the triage screen does: whatever applies now is answered, then the
    // questions that depended on those answers are looked at again.
    const auto n = static_cast<std::uint32_t>(rules_.questions.size());
    std::vector<bool> settled(n, false);
    for (std::uint32_t round = 0; round <= n; ++round) {
        // Decide the whole round on this evaluation before answering anything, so that no
        // question is judged on answers the evaluation has not seen.
        evaluator_.evaluate(c, outcome_);
        asking_.clear();
        for (std::uint32_t qi = 0; qi < n; ++qi) {
            if (settled[qi]) continue;
            Applies applies = question_applies(tracer_, c, outcome_, qi);
            if (applies == Applies::NotYet) continue;
            settled[qi] = true;
            if (applies == Applies::Yes) asking_.push_back(qi);
        }
        if (asking_.empty()) break;
        for (std::uint32_t qi : asking_)
            answer(qi, profile, c);
    }
    return c;
}

std::vector<Case> generate_cases(const RuleSet& rules, std::size_t count, std::uint64_t seed) {
    CaseGenerator generator(rules, seed);
    std::vector<Case> cases;
    cases.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        cases.push_back(generator.next());
    return cases;
}

}  // namespace continuum::engine
