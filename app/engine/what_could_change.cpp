#include "what_could_change.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "evaluate.hpp"
#include "trace.hpp"

namespace continuum::engine {

// [SECTION] Answers worth trying

namespace {

void thresholds(const RuleSet& rules, std::uint32_t slot, std::vector<double>& numbers,
                std::vector<double>& day_counts) {
    const auto& p = rules.program;
    for (const auto& n : p.nodes) {
        if (n.op == expr::Op::Compare && n.operand_type == ValueType::Number) {
            const auto& a = p.nodes[p.child(n, 0)];
            const auto& b = p.nodes[p.child(n, 1)];
            for (auto [var, k] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
                if (k->op != expr::Op::Const || var->slot != slot) continue;
                if (var->op == expr::Op::Load) numbers.push_back(rules.program.constant(*k).lo);
                if (var->op == expr::Op::DaysSince)
                    day_counts.push_back(rules.program.constant(*k).lo);
            }
        }
        if (n.op == expr::Op::InSet && n.operand_type == ValueType::Number) {
            const auto& a = p.nodes[p.child(n, 0)];
            if (a.op == expr::Op::Load && a.slot == slot)
                for (std::uint32_t i = 0; i < n.set_count; ++i)
                    numbers.push_back(p.set_numbers[n.set_first + i]);
        }
    }
}

std::vector<double> around(const std::vector<double>& points) {
    std::set<double> out;
    for (double c : points) {
        out.insert(c - 1);
        out.insert(c);
        out.insert(c + 1);
    }
    return {out.begin(), out.end()};
}

}  // namespace

std::vector<HypotheticalAnswer> candidate_answers(const RuleSet& rules, std::uint32_t qi) {
    const Question& q = rules.questions[qi];
    std::vector<HypotheticalAnswer> out;
    switch (q.type) {
        case AnswerType::YesNo:
            out.push_back({qi, Value::boolean(Tri::True), "yes"});
            out.push_back({qi, Value::boolean(Tri::False), "no"});
            break;
        case AnswerType::Choice:
            for (std::size_t i = 0; i < q.choices.size(); ++i)
                out.push_back(
                    {qi, Value::option(static_cast<std::int32_t>(i)), q.choices[i].label});
            break;
        case AnswerType::Number: {
            std::vector<double> numbers, days;
            thresholds(rules, q.slot, numbers, days);
            std::vector<double> values = around(numbers);
            if (values.empty()) values.push_back(q.min.value_or(0));
            for (double v : values) {
                if ((q.min && v < *q.min) || (q.max && v > *q.max)) continue;
                std::string label = v == std::floor(v)
                                        ? fmt::format("{}", static_cast<long long>(v))
                                        : fmt::format("{}", v);
                if (!q.unit.empty()) label += " " + q.unit;
                out.push_back({qi, Value::number(v), label});
            }
            break;
        }
        case AnswerType::Date: {
            // Dates are tried as "so many days before the referral"; the value is filled in
            // per case because it depends on the referral day.
            std::vector<double> numbers, days;
            thresholds(rules, q.slot, numbers, days);
            std::vector<double> values = around(days);
            if (values.empty()) values.push_back(0);
            for (double v : values)
                if (v >= 0)
                    out.push_back(
                        {qi, Value::number(-v), fmt::format("{} days before the referral", v)});
            break;
        }
        case AnswerType::Text:
            out.push_back({qi, Value::text_present(), "(any answer)"});
            break;
    }
    return out;
}

void fit_to_case(const RuleSet& rules, const Case& c, std::uint32_t qi,
                 std::vector<HypotheticalAnswer>& answers) {
    if (rules.questions[qi].type == AnswerType::Date)
        for (auto& a : answers)
            a.value = Value::number(c.referred_at.day + a.value.lo);
    // A number answered as a range is open only within it: "at least 1" is never narrowed to 0.
    if (!is_range_answer(rules.questions[qi], c.answers[qi])) return;
    const Value& range = c.answers[qi].value;
    std::erase_if(answers, [&](const HypotheticalAnswer& a) {
        return a.value.lo < range.lo || a.value.lo > range.hi;
    });
    if (!answers.empty()) return;
    // No threshold inside the range: its own bound is the answer worth trying.
    const Value bound = Value::number(std::isfinite(range.lo) ? range.lo : range.hi);
    answers.push_back(
        {qi, bound,
         describe_answer(rules.questions[qi], Answer{AnswerState::Answered, bound, {}})});
}

// [SECTION] Search

namespace {

class Finder {
  public:
    Finder(const RuleSet& rules, const Case& c, const Outcome& o, const ChangeLimits& limits)
        : rules_(rules), base_(c), o_(o), limits_(limits), evaluator_(rules), scratch_(c) {
        for (std::uint32_t qi = 0; qi < rules.questions.size(); ++qi) {
            auto answers = candidate_answers(rules, qi);
            fit_to_case(rules, c, qi, answers);
            answers_.push_back(std::move(answers));
        }
    }

    ChangeTarget level() {
        ChangeTarget t;
        t.is_level = true;
        t.current = rules_.levels[o_.level].id;
        std::vector<std::uint32_t> targets;
        for (const auto& r : rules_.rules)
            if (r.level_index != kNone) targets.push_back(r.slot);
        for (const auto& cb : rules_.combinations)
            if (cb.level_index != kNone) targets.push_back(cb.slot);
        for (const auto& tr : rules_.triggers)
            if (tr.level_index != kNone) targets.push_back(tr.slot);
        std::vector<std::vector<std::uint32_t>> pools;
        for (std::uint32_t slot : higher_level_candidates(rules_, o_))
            pools.push_back(pool_for(slot));
        auto result = [](const Outcome& out, const RuleSet& rs) { return rs.levels[out.level].id; };
        search(t, targets, pools, result);
        return t;
    }

    ChangeTarget route(std::uint32_t ri) {
        ChangeTarget t;
        t.is_level = false;
        t.route = ri;
        t.current = to_string(o_.routes[ri]);
        std::uint32_t slot = rules_.routes[ri].slot;
        std::vector<std::vector<std::uint32_t>> pools;
        if (o_.routes[ri] == Finding::CannotRuleOut) pools.push_back(pool_for(slot));
        auto result = [ri](const Outcome& out, const RuleSet&) {
            return std::string(to_string(out.routes[ri]));
        };
        search(t, {slot}, pools, result);
        return t;
    }

  private:
    bool askable(std::uint32_t qi) const {
        const Question& q = rules_.questions[qi];
        const Answer& a = base_.answers[qi];
        return (a.state != AnswerState::Answered || is_range_answer(q, a)) &&
               o_.slots[q.slot].status != Tri::False;
    }

    std::vector<std::uint32_t> pool_for(std::uint32_t slot) const {
        std::vector<std::uint32_t> pool;
        for (std::uint32_t qslot : blocking_questions(rules_, base_, o_, slot)) {
            std::uint32_t qi = rules_.slot_items[qslot].index;
            if (askable(qi)) pool.push_back(qi);
        }
        return pool;
    }

    // Every askable question the targets read, directly or through other definitions.
    std::vector<std::uint32_t> cone(const std::vector<std::uint32_t>& targets) const {
        std::vector<bool> seen(rules_.slot_count, false);
        std::vector<std::uint32_t> stack(targets.begin(), targets.end()), out;
        while (!stack.empty()) {
            std::uint32_t s = stack.back();
            stack.pop_back();
            if (seen[s]) continue;
            seen[s] = true;
            const Item& item = rules_.slot_items[s];
            if (item.kind == ItemKind::Question && askable(item.index)) out.push_back(item.index);
            for (std::uint32_t r : rules_.reads[s])
                stack.push_back(r);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    template <typename Result>
    void search(ChangeTarget& t, const std::vector<std::uint32_t>& targets,
                const std::vector<std::vector<std::uint32_t>>& pools, Result result) {
        // Size 1 over everything the target reads (this also finds known(...) tests), then
        // larger sets within the questions that keep an undetermined part open. Looking for
        // any one set, the questions that keep it open come first: they are the likely ones.
        auto done = [&] { return limits_.first_only && !t.sets.empty(); };
        if (limits_.first_only)
            for (const auto& pool : pools)
                for (std::uint32_t qi : pool)
                    if (!done()) try_set(t, {qi}, result);
        for (std::uint32_t qi : cone(targets))
            if (!done()) try_set(t, {qi}, result);
        for (const auto& raw_pool : pools) {
            std::vector<std::uint32_t> pool = raw_pool;
            std::sort(pool.begin(), pool.end());
            for (std::size_t k = 2; k <= limits_.max_set_size && k <= pool.size(); ++k) {
                std::vector<std::size_t> idx(k);
                for (std::size_t i = 0; i < k; ++i)
                    idx[i] = i;
                while (!done()) {
                    std::vector<std::uint32_t> set;
                    for (std::size_t i : idx)
                        set.push_back(pool[i]);
                    if (!covers_found(t, set)) try_set(t, set, result);
                    if (evaluations_ >= limits_.max_evaluations) {
                        t.complete = false;
                        break;
                    }
                    // Next combination in lexicographic order.
                    std::size_t i = k;
                    while (i > 0 && idx[i - 1] == pool.size() - k + i - 1)
                        --i;
                    if (i == 0) break;
                    ++idx[i - 1];
                    for (std::size_t j = i; j < k; ++j)
                        idx[j] = idx[j - 1] + 1;
                }
            }
        }
        std::sort(t.sets.begin(), t.sets.end(), [](const ChangeSet& a, const ChangeSet& b) {
            return a.questions.size() != b.questions.size()
                       ? a.questions.size() < b.questions.size()
                       : a.questions < b.questions;
        });
        if (t.sets.size() > limits_.max_sets) {
            t.sets.resize(limits_.max_sets);
            t.complete = false;
        }
        if (evaluations_ >= limits_.max_evaluations) t.complete = false;
    }

    // True when a set already found is part of `set`: `set` would not be the smallest.
    static bool covers_found(const ChangeTarget& t, const std::vector<std::uint32_t>& set) {
        for (const auto& found : t.sets)
            if (std::includes(set.begin(), set.end(), found.questions.begin(),
                              found.questions.end()))
                return true;
        return false;
    }

    template <typename Result>
    void try_set(ChangeTarget& t, const std::vector<std::uint32_t>& set, Result result) {
        if (covers_found(t, set)) return;
        ChangeSet found;
        found.questions = set;
        std::vector<std::size_t> choice(set.size(), 0);
        std::size_t tried = 0;
        while (true) {
            if (evaluations_ >= limits_.max_evaluations || tried >= 256) break;
            for (std::size_t i = 0; i < set.size(); ++i) {
                Answer& a = scratch_.answers[set[i]];
                a.state = AnswerState::Answered;
                a.value = answers_[set[i]][choice[i]].value;
            }
            evaluator_.evaluate(scratch_, scratch_out_);
            for (std::uint32_t q : set)
                scratch_.answers[q] = base_.answers[q];
            ++evaluations_;
            ++tried;
            std::string now = result(scratch_out_, rules_);
            if (now != t.current &&
                std::none_of(found.options.begin(), found.options.end(),
                             [&](const ChangeOption& o) { return o.becomes == now; })) {
                ChangeOption option;
                option.becomes = now;
                for (std::size_t i = 0; i < set.size(); ++i)
                    option.answers.push_back(answers_[set[i]][choice[i]]);
                found.options.push_back(std::move(option));
            }
            // Next assignment (odometer).
            std::size_t i = 0;
            for (; i < set.size(); ++i) {
                if (++choice[i] < answers_[set[i]].size()) break;
                choice[i] = 0;
            }
            if (i == set.size()) break;
        }
        if (!found.options.empty()) t.sets.push_back(std::move(found));
    }

    const RuleSet& rules_;
    const Case& base_;
    const Outcome& o_;
    ChangeLimits limits_;
    Evaluator evaluator_;
    Case scratch_;
    Outcome scratch_out_;
    std::vector<std::vector<HypotheticalAnswer>> answers_;  // by question
    std::size_t evaluations_ = 0;
};

}  // namespace

ChangeTarget what_could_change_one(const RuleSet& rules, const Case& c, const Outcome& o,
                                   ChangeOf of, std::uint32_t route, const ChangeLimits& limits) {
    Finder f(rules, c, o, limits);
    return of == ChangeOf::Level ? f.level() : f.route(route);
}

std::vector<ChangeTarget> what_could_change(const RuleSet& rules, const Case& c, const Outcome& o,
                                            const ChangeLimits& limits) {
    Finder f(rules, c, o, limits);
    std::vector<ChangeTarget> out;
    out.push_back(f.level());
    for (std::uint32_t r = 0; r < rules.routes.size(); ++r)
        out.push_back(f.route(r));
    return out;
}

}  // namespace continuum::engine
