#include "case.hpp"

#include <cmath>

#include <fmt/format.h>

namespace continuum::engine {

Answer::Answer(AnswerState s, Value v, std::string t, std::shared_ptr<const Chronology> c)
    : state(s), value(v) {
    if (!t.empty() || c) detail_ = std::make_unique<Detail>(Detail{std::move(t), std::move(c)});
}

Answer::Answer(const Answer& other)
    : state(other.state),
      value(other.value),
      detail_(other.detail_ ? std::make_unique<Detail>(*other.detail_) : nullptr) {}

Answer& Answer::operator=(const Answer& other) {
    if (this != &other) {
        state = other.state;
        value = other.value;
        detail_ = other.detail_ ? std::make_unique<Detail>(*other.detail_) : nullptr;
    }
    return *this;
}

const std::string& Answer::text() const {
    static const std::string kNone;
    return detail_ ? detail_->text : kNone;
}

void Answer::set_text(std::string text) {
    if (!detail_) {
        if (text.empty()) return;
        detail_ = std::make_unique<Detail>();
    }
    detail_->text = std::move(text);
}

const std::shared_ptr<const Chronology>& Answer::chronology() const {
    static const std::shared_ptr<const Chronology> kNone;
    return detail_ ? detail_->chronology : kNone;
}

static_assert(sizeof(Answer) <= 40, "answers are read once per question per evaluation");

Case blank_case(const RuleSet& rules) {
    Case c;
    c.answers.resize(rules.questions.size());
    return c;
}

// Keeps the answers' memory: impact analysis makes a case blank for every line of a library.
// Answer::reset sets every field of an answer; Case's own fields are listed here.
static_assert(sizeof(Case) == 64, "make_blank sets every field of Case: update it with them");
void make_blank(const RuleSet& rules, Case& c) {
    c.ref.clear();
    c.referred_at = DateTime{};
    c.answers.resize(rules.questions.size());
    for (Answer& a : c.answers)
        a.reset();
}

const char* to_string(AnswerState s) {
    switch (s) {
        case AnswerState::NotAsked:
            return "not_asked";
        case AnswerState::Answered:
            return "answered";
        case AnswerState::Unknown:
            return "unknown";
    }
    return "?";
}

namespace {
std::string number_text(double n) {
    if (std::isinf(n)) return n > 0 ? "any" : "-any";
    if (n == std::floor(n) && std::fabs(n) < 1e15)
        return fmt::format("{}", static_cast<long long>(n));
    return fmt::format("{}", n);
}
std::string with_unit(const Question& q, std::string text) {
    return q.unit.empty() ? text : text + " " + q.unit;
}
}  // namespace

bool is_range_answer(const Question& q, const Answer& a) {
    return a.state == AnswerState::Answered && q.type == AnswerType::Number &&
           a.value.lo != a.value.hi;
}

bool is_partial_chronology(const Question& q, const Answer& a) {
    return a.state == AnswerState::Answered && q.type == AnswerType::Chronology && !a.value.known;
}

Answer chronology_answer(Chronology c) {
    sort_contacts(c.contacts);
    Value v;
    v.known = c.complete;
    return Answer(AnswerState::Answered, v, {}, std::make_shared<const Chronology>(std::move(c)));
}

const Chronology* recorded_chronology(const RuleSet& rules, const Case& c) {
    const std::uint32_t q = rules.chronology.question;
    if (q == kNone || q >= c.answers.size()) return nullptr;
    const Answer& a = c.answers[q];
    return a.state == AnswerState::Answered ? a.chronology().get() : nullptr;
}

namespace {
std::string chronology_text(const Chronology* c) {
    if (!c) return "not recorded";
    const std::size_t n = c->contacts.size();
    std::string count = n == 0   ? std::string("no earlier contacts")
                        : n == 1 ? std::string("1 earlier contact")
                                 : fmt::format("{} earlier contacts", n);
    return c->complete ? count + " (every agency checked)"
                       : count +
                             " recorded so far (the chronology is partial: not every "
                             "agency has been checked)";
}
}  // namespace

StatedBounds stated_bounds(const Question& q, const Value& v) {
    StatedBounds b;
    b.at_least = v.lo;
    b.at_most = v.hi;
    b.lower = std::isfinite(v.lo) && (!q.min || v.lo > *q.min);
    b.upper = std::isfinite(v.hi) && (!q.max || v.hi < *q.max);
    // "At least 1" on a question whose least answer is 1 still says something: that it was
    // answered. Keep the finite bound so the answer reads back the same.
    if (!b.lower && !b.upper) {
        b.lower = std::isfinite(v.lo);
        b.upper = !b.lower && std::isfinite(v.hi);
    }
    return b;
}

std::string describe_value(const RuleSet& rules, std::uint32_t slot, const Value& v) {
    const expr::Symbol& s = rules.symbols[slot];
    switch (s.type) {
        case ValueType::Bool:
            return v.truth == Tri::True ? "yes" : v.truth == Tri::False ? "no" : "unknown";
        case ValueType::Number:
            if (!v.known) return "unknown";
            return number_text(v.lo);
        case ValueType::Choice: {
            if (v.choice < 0) return "unknown";
            std::uint32_t q = rules.question_index(s.id);
            if (q != kNone &&
                static_cast<std::size_t>(v.choice) < rules.questions[q].choices.size())
                return rules.questions[q].choices[v.choice].label;
            return "?";
        }
        case ValueType::Date:
            return v.known ? format_date(static_cast<DayNumber>(v.lo)) : "unknown";
        case ValueType::Text:
            return v.known ? "(answered)" : "unknown";
    }
    return "?";
}

std::string describe_answer(const Question& q, const Answer& a) {
    switch (a.state) {
        case AnswerState::NotAsked:
            return "not asked";
        case AnswerState::Unknown:
            return "unknown";
        case AnswerState::Answered:
            break;
    }
    switch (q.type) {
        case AnswerType::YesNo:
            return a.value.truth == Tri::True ? "yes" : "no";
        case AnswerType::Number: {
            if (a.value.lo == a.value.hi) return with_unit(q, number_text(a.value.lo));
            StatedBounds b = stated_bounds(q, a.value);
            if (b.lower && b.upper)
                return with_unit(q, number_text(b.at_least) + " to " + number_text(b.at_most));
            return b.lower ? with_unit(q, "at least " + number_text(b.at_least))
                           : with_unit(q, "at most " + number_text(b.at_most));
        }
        case AnswerType::Choice:
            return a.value.choice >= 0 &&
                           static_cast<std::size_t>(a.value.choice) < q.choices.size()
                       ? q.choices[a.value.choice].label
                       : "?";
        case AnswerType::Date:
            return format_date(static_cast<DayNumber>(a.value.lo));
        case AnswerType::Text:
            return a.text();
        case AnswerType::Chronology:
            return chronology_text(a.chronology().get());
    }
    return "?";
}

}  // namespace continuum::engine
