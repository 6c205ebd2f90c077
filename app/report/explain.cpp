#include "explain.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/evaluate.hpp"
#include "engine/expr/eval.hpp"
#include "words.hpp"

namespace continuum::report {

using namespace engine;
using expr::Node;
using expr::Op;

namespace {

constexpr int kMaxDepth = 3;            // "a: b: c" at most
constexpr std::size_t kMaxReasons = 6;  // per list; the technical detail has the rest
constexpr std::size_t kMaxOpen = 4;     // questions named in "it turns on ..."

Tri negate(Tri t) {
    return t == Tri::True ? Tri::False : t == Tri::False ? Tri::True : Tri::Unknown;
}

// Walks a condition's compiled nodes over one evaluated case, saying each thing once.
class Explainer {
  public:
    explicit Explainer(const Evaluation& e) : e_(e), rules_(*e.rules), p_(e.rules->program) {}

    void explain(std::uint32_t node, Tri want, int depth, std::vector<std::string>& out) {
        const Node& n = p_.nodes[node];
        switch (n.op) {
            case Op::Const:
                return;
            case Op::Not:
                explain(p_.child(n, 0), negate(want), depth, out);
                return;
            case Op::And:
            case Op::Or:
            case Op::Count:
                for (std::uint32_t i = 0; i < n.count; ++i) {
                    std::uint32_t child = p_.child(n, i);
                    if (truth(child) == want) explain(child, want, depth, out);
                }
                return;
            case Op::Load:
                explain_slot(n.slot, want, depth, out);
                return;
            case Op::Known:
                add(out, slot_open_clause(rules_, n.slot) +
                             (want == Tri::True ? " has been answered" : " has not been answered"));
                return;
            case Op::Compare:
                if (p_.nodes[p_.child(n, 0)].op == Op::Count) {  // count(a, b, c) >= k
                    const Node& count = p_.nodes[p_.child(n, 0)];
                    for (std::uint32_t i = 0; i < count.count; ++i) {
                        std::uint32_t child = p_.child(count, i);
                        if (truth(child) == want) explain(child, want, depth, out);
                    }
                    return;
                }
                [[fallthrough]];
            case Op::InSet:
            case Op::DaysSince:
                for (std::uint32_t slot : questions_under(node))
                    add(out, answer_statement(rules_, e_.kase, e_.outcome,
                                              rules_.slot_items[slot].index));
                return;
        }
    }

  private:
    Tri truth(std::uint32_t node) const { return node_truth(rules_, e_.outcome, node); }

    void add(std::vector<std::string>& out, std::string s) {
        if (!s.empty() && said_.insert(s).second) out.push_back(std::move(s));
    }

    std::vector<std::uint32_t> questions_under(std::uint32_t node) const {
        std::vector<std::uint32_t> slots;
        std::vector<std::uint32_t> stack{node};
        while (!stack.empty()) {
            const Node& n = p_.nodes[stack.back()];
            stack.pop_back();
            if ((n.op == Op::Load || n.op == Op::DaysSince || n.op == Op::Known) &&
                rules_.slot_items[n.slot].kind == ItemKind::Question) {
                if (std::find(slots.begin(), slots.end(), n.slot) == slots.end())
                    slots.push_back(n.slot);
                continue;
            }
            if (n.op == Op::Load || n.op == Op::Const) continue;
            for (std::uint32_t i = n.count; i-- > 0;)
                stack.push_back(p_.child(n, i));
        }
        return slots;
    }

    // Conditions that choose between several ways of holding: saying which one held helps.
    bool has_alternatives(std::uint32_t node) const {
        const Node& n = p_.nodes[node];
        switch (n.op) {
            case Op::Or:
            case Op::Count:
                return true;
            case Op::Load:
                return rules_.slot_items[n.slot].kind == ItemKind::Combination;
            case Op::And:
            case Op::Not:
                for (std::uint32_t i = 0; i < n.count; ++i)
                    if (has_alternatives(p_.child(n, i))) return true;
                return false;
            default:
                return false;
        }
    }

    std::uint32_t main_root(std::uint32_t slot) const {
        const Item& item = rules_.slot_items[slot];
        switch (item.kind) {
            case ItemKind::Fact:
                return rules_.facts[item.index].when.root;
            case ItemKind::Rule:
                return rules_.rules[item.index].when.root;
            case ItemKind::Trigger:
                return rules_.triggers[item.index].when.root;
            case ItemKind::Route:
                return rules_.routes[item.index].test.root;
            case ItemKind::Consent:
                return rules_.consents[item.index].when.root;
            case ItemKind::Action:
                return rules_.actions[item.index].when.root;
            default:
                return expr::kNoNode;
        }
    }

    void explain_slot(std::uint32_t slot, Tri want, int depth, std::vector<std::string>& out) {
        const Item& item = rules_.slot_items[slot];
        if (item.kind == ItemKind::Question) {
            add(out, answer_statement(rules_, e_.kase, e_.outcome, item.index));
            return;
        }
        std::string head = definition_statement(rules_, slot, want);
        if (said_.count(head)) return;
        std::vector<std::string> inner;
        if (want == Tri::True && item.kind == ItemKind::Fact && rules_.facts[item.index].guard)
            return;  // a precondition most cases meet: worth saying only when it fails
        if (depth < kMaxDepth && want == Tri::True) {
            said_.insert(head);
            // A route has its own explanation beside it: name it, do not repeat it.
            if (item.kind != ItemKind::Route) elaborate_true(slot, depth + 1, inner);
            out.push_back(inner.empty() ? head : head + ": " + join_words(inner));
            return;
        }
        // Not holding: where the definition is "x and y" and fails on one plain answer,
        // that answer is the reason ("the concern is about a child already born" rather
        // than "the expected baby is not likely to suffer harm").
        std::uint32_t root = main_root(slot);
        if (depth < kMaxDepth && want == Tri::False && root != expr::kNoNode &&
            p_.nodes[root].op == Op::And) {
            const Node& n = p_.nodes[root];
            for (std::uint32_t i = 0; i < n.count; ++i) {
                std::uint32_t child = p_.child(n, i);
                if (truth(child) != Tri::False) continue;
                if (!has_alternatives(child)) {
                    explain(child, Tri::False, depth + 1, inner);
                    if (!inner.empty()) {
                        for (auto& s : inner)
                            out.push_back(std::move(s));
                        return;
                    }
                }
                break;
            }
        }
        add(out, head);
    }

    void elaborate_true(std::uint32_t slot, int depth, std::vector<std::string>& inner) {
        const Item& item = rules_.slot_items[slot];
        if (item.kind == ItemKind::Combination) {
            std::size_t shown = 0;
            for (std::uint32_t r : rules_.combinations[item.index].counted) {
                if (e_.outcome.slots[rules_.rules[r].slot].status != Tri::True) continue;
                if (++shown > 3) break;
                add(inner, lower_first(rules_.rules[r].says));
            }
            return;
        }
        std::uint32_t root = main_root(slot);
        if (root != expr::kNoNode && has_alternatives(root)) explain(root, Tri::True, depth, inner);
    }

    const Evaluation& e_;
    const RuleSet& rules_;
    const expr::Program& p_;
    std::set<std::string> said_;
};

}  // namespace

// Reasons that themselves hold a colon or comma read better apart: "a: b; and c".
std::string join_reasons(std::vector<std::string> items) {
    if (items.size() > kMaxReasons) {
        std::size_t more = items.size() - (kMaxReasons - 1);
        items.resize(kMaxReasons - 1);
        items.push_back(fmt::format("{} more reasons in the technical detail", more));
    }
    bool complex = std::any_of(items.begin(), items.end(), [](const std::string& s) {
        return s.find(':') != std::string::npos || s.find(',') != std::string::npos;
    });
    if (!complex || items.size() < 2) return join_words(items);
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? "; and " : "; ") + items[i];
    return out;
}

namespace {

const TraceEntry* entry_for(const Evaluation& e, std::uint32_t slot) {
    for (const auto& t : e.trace)
        if (t.slot == slot) return &t;
    return nullptr;
}

}  // namespace

std::vector<std::string> reasons(const Evaluation& e, std::uint32_t node, Tri want) {
    std::vector<std::string> out;
    if (node == expr::kNoNode) return out;
    Explainer(e).explain(node, want, 0, out);
    return out;
}

std::string turns_on(const Evaluation& e, const std::vector<std::string>& question_ids) {
    const RuleSet& rules = *e.rules;
    std::vector<std::string> clauses;
    for (const auto& id : question_ids) {
        std::uint32_t q = rules.question_index(id);
        if (q == kNone) continue;
        std::string c = open_clause(rules.questions[q]);
        if (std::find(clauses.begin(), clauses.end(), c) == clauses.end()) clauses.push_back(c);
    }
    if (clauses.empty()) return {};
    if (clauses.size() > kMaxOpen) {
        std::size_t more = clauses.size() - (kMaxOpen - 1);
        clauses.resize(kMaxOpen - 1);
        clauses.push_back(fmt::format("{} more questions", more));
    }
    return "it turns on " + join_words(clauses);
}

std::string route_explanation(const Evaluation& e, std::size_t ri) {
    const RuleSet& rules = *e.rules;
    const Route& r = rules.routes[ri];
    const Finding f = e.outcome.routes[ri];
    const std::string finding = finding_text(r, f);
    const SlotResult& slot = e.outcome.slots[r.slot];
    switch (f) {
        case Finding::Met: {
            auto why = reasons(e, r.test.root, Tri::True);
            return why.empty() ? as_sentence(finding)
                               : as_sentence(finding + ", because " + join_reasons(why));
        }
        case Finding::NotMet: {
            if (slot.unless_blocked)
                return as_sentence(finding + ", because " +
                                   (r.unless_says.empty()
                                        ? std::string("an exception in the rules applies")
                                        : lower_first(r.unless_says)));
            auto why = reasons(e, r.test.root, Tri::False);
            return why.empty() ? as_sentence(finding)
                               : as_sentence(finding + ", because " + join_reasons(why));
        }
        case Finding::CannotRuleOut: {
            const TraceEntry* t = entry_for(e, r.slot);
            std::string open = t ? turns_on(e, t->blocking) : std::string();
            // "Cannot rule out: it turns on ..."; a worded finding that has its own colon
            // ("Cannot rule out: consider ...") takes a second sentence instead.
            const bool colon = finding.find(':') != std::string::npos;
            if (open.empty()) open = "more information is needed";
            return colon ? as_sentence(finding) + " " + as_sentence(open)
                         : as_sentence(finding + ": " + open);
        }
    }
    return finding;
}

LevelStatus level_status(const Evaluation& e) {
    const RuleSet& rules = *e.rules;
    LevelStatus s;
    s.at_least = s.could_be = e.outcome.level;
    s.settled = !e.outcome.higher_level_possible;
    if (s.settled) return s;
    std::vector<bool> open(rules.questions.size(), false);
    for (std::uint32_t slot : higher_level_candidates(rules, e.outcome)) {
        const TraceEntry* t = entry_for(e, slot);
        if (!t) continue;
        std::uint32_t li = rules.level_index(t->level);
        if (li != kNone) s.could_be = std::max(s.could_be, li);
        for (const auto& id : t->blocking) {
            std::uint32_t q = rules.question_index(id);
            if (q != kNone) open[q] = true;
        }
    }
    for (std::uint32_t q = 0; q < open.size(); ++q)
        if (open[q]) s.questions.push_back(q);
    for (const Domain& d : rules.domains) {
        std::uint32_t di = static_cast<std::uint32_t>(&d - rules.domains.data());
        std::size_t n = std::count_if(s.questions.begin(), s.questions.end(), [&](std::uint32_t q) {
            return rules.questions[q].domain_index == di;
        });
        if (n > 0) s.by_step.emplace_back(di, n);
    }
    return s;
}

std::string level_headline(const Evaluation& e, const LevelStatus& s) {
    const RuleSet& rules = *e.rules;
    if (s.settled) return "Settled: " + rules.levels[s.at_least].name;
    std::string settle;
    for (std::size_t i = 0; i < s.by_step.size(); ++i) {
        auto [domain, n] = s.by_step[i];
        std::string part = i == 0 ? fmt::format("{} question{} in {}", n, n == 1 ? "" : "s",
                                                rules.domains[domain].title)
                                  : fmt::format("{} in {}", n, rules.domains[domain].title);
        settle += (i == 0 ? "" : i + 1 == s.by_step.size() ? " and " : ", ") + part;
    }
    return fmt::format("Not yet settled: at least {}, could be {}: {}",
                       rules.levels[s.at_least].name, rules.levels[s.could_be].name,
                       settle.empty() ? "more information is needed" : "answer " + settle);
}

std::string change_target_name(const RuleSet& rules, const ChangeTarget& t) {
    if (t.is_level) return "the level";
    const Route& r = rules.routes[t.route];
    return fmt::format("the finding on {} ({})", lower_first(r.title), r.section);
}

std::string change_result(const RuleSet& rules, const ChangeTarget& t, const std::string& becomes) {
    if (t.is_level) {
        std::uint32_t li = rules.level_index(becomes);
        return li == kNone ? becomes : rules.levels[li].name;
    }
    Finding f = becomes == "met"       ? Finding::Met
                : becomes == "not_met" ? Finding::NotMet
                                       : Finding::CannotRuleOut;
    return finding_text(rules.routes[t.route], f);
}

std::string change_sentence(const RuleSet& rules, const ChangeTarget& t, const ChangeOption& opt) {
    std::vector<std::string> answers;
    for (const auto& h : opt.answers) {
        const Question& q = rules.questions[h.question];
        std::string label = q.type == AnswerType::Date ? h.label : answer_words(q, h.value);
        answers.push_back(
            fmt::format("\u201c{}\u201d is answered \u201c{}\u201d", q.prompt, label));
    }
    std::string result = change_result(rules, t, opt.becomes);
    return fmt::format("If {}, {} becomes {}.", join_words(answers), change_target_name(rules, t),
                       t.is_level ? result : "\u201c" + result + "\u201d");
}

}  // namespace continuum::report
