// Whole-rule-set checks, as named stages run in order (as OPA's compiler does):
//   ids        duplicate ids; one slot and symbol per definition
//   references levels, domains, actions and sources named by definitions
//   conditions parse, resolve names, check types, compile into the Program
//   order      one evaluation order; cycles reported with their path
//   usage      questions nothing reads, levels nothing points to, wording the law requires
#include "resolve.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "../expr/compile.hpp"
#include "../expr/parser.hpp"
#include "../printable.hpp"
#include "pinpoint.hpp"

namespace continuum::engine {
namespace {

std::string where(const Origin& o) { return fmt::format("{}:{}", o.file, o.pos.line); }

class Resolver {
public:
    Resolver(RuleSet& rs, const std::vector<PendingCondition>& pending, Diagnostics& d)
        : rs_(rs), pending_(pending), d_(d) {}

    void run() {
        index_ids();
        assign_slots();
        check_namespaces();
        check_references();
        compile_conditions();
        order();
        check_usage();
    }

private:
    // [SECTION] ids

  // Ids to positions, built once: a rule set of 100,000 definitions is checked in time
  // proportional to its size, never to its size squared. The first definition of an id
  // wins, as the lookups on RuleSet do (a second one is reported as a duplicate).
  using IdIndex = std::unordered_map<std::string_view, std::uint32_t>;
  template <typename T>
  static IdIndex index_of(const std::vector<T>& items) {
      IdIndex out;
      out.reserve(items.size());
      for (std::uint32_t i = 0; i < items.size(); ++i)
          out.emplace(items[i].id, i);
      return out;
  }
  static std::uint32_t find(const IdIndex& index, std::string_view id) {
      auto it = index.find(id);
      return it == index.end() ? kNone : it->second;
  }

  void index_ids() {
      levels_ = index_of(rs_.levels);
      actions_ = index_of(rs_.actions);
      sources_ = index_of(rs_.sources);
      rules_ = index_of(rs_.rules);
      domains_ = index_of(rs_.domains);
      rules_of_level_.assign(rs_.levels.size(), {});
  }

  // "Did you mean" among one kind of id, made the first time it is needed.
  template <typename T>
  std::string hint(std::optional<Suggester>& suggester, const std::vector<T>& items,
                   std::string_view word) {
      if (!suggester) suggester.emplace(ids_of(items));
      return suggester->did_you_mean(word);
  }

    void define(std::string_view id, expr::SymbolKind kind, ValueType type, const Origin& origin,
                const std::vector<std::string>* choices = nullptr) {
        auto slot = static_cast<std::uint32_t>(rs_.symbols.size());
        rs_.symbols.push_back({std::string(id), kind, type, slot, choices});
        slot_origin_.push_back(origin);
        if (id.empty()) return;
        auto [it, inserted] = rs_.slot_by_id.emplace(std::string(id), slot);
        if (!inserted) {
            d_.error(origin.file, origin.pos, "duplicate-id",
                     fmt::format("'{}' is already defined at {}; ids must be unique across "
                                 "questions, facts, rules, combinations, triggers, routes and "
                                 "consent rules",
                                 id, where(slot_origin_[it->second])));
        } else {
            rs_.symbol_names.emplace_back(id);
        }
    }

    static ValueType type_of(AnswerType t) {
        switch (t) {
            case AnswerType::YesNo: return ValueType::Bool;
            case AnswerType::Choice: return ValueType::Choice;
            case AnswerType::Number: return ValueType::Number;
            case AnswerType::Date: return ValueType::Date;
            case AnswerType::Text: return ValueType::Text;
            // Read only through contacts(...) and known(chronology): known when complete.
            case AnswerType::Chronology: return ValueType::Text;
        }
        return ValueType::Bool;
    }

    void assign_slots() {
        using K = expr::SymbolKind;
        auto item = [&](ItemKind kind, std::size_t index) {
            auto slot = static_cast<std::uint32_t>(slot_item_.size());
            slot_item_.push_back({kind, static_cast<std::uint32_t>(index), slot});
        };
        for (std::size_t i = 0; i < rs_.questions.size(); ++i) item(ItemKind::Question, i);
        for (std::size_t i = 0; i < rs_.facts.size(); ++i) item(ItemKind::Fact, i);
        for (std::size_t i = 0; i < rs_.rules.size(); ++i) item(ItemKind::Rule, i);
        for (std::size_t i = 0; i < rs_.combinations.size(); ++i) item(ItemKind::Combination, i);
        for (std::size_t i = 0; i < rs_.triggers.size(); ++i) item(ItemKind::Trigger, i);
        for (std::size_t i = 0; i < rs_.routes.size(); ++i) item(ItemKind::Route, i);
        for (std::size_t i = 0; i < rs_.consents.size(); ++i) item(ItemKind::Consent, i);
        for (std::size_t i = 0; i < rs_.actions.size(); ++i)
            if (rs_.actions[i].when.present()) item(ItemKind::Action, i);
        for (auto& q : rs_.questions) {
            q.slot = next_slot();
            define(q.id, K::Question, type_of(q.type), q.origin, &q.choice_ids);
        }
        // The yes/no definitions, each kind in file order: a slot each, and a name to read it by.
        auto define_each = [&](auto& definitions, K kind) {
            for (auto& x : definitions) {
                x.slot = next_slot();
                define(x.id, kind, ValueType::Bool, x.origin);
            }
        };
        define_each(rs_.facts, K::Fact);
        define_each(rs_.rules, K::Rule);
        define_each(rs_.combinations, K::Combination);
        define_each(rs_.triggers, K::Trigger);
        define_each(rs_.routes, K::Route);
        define_each(rs_.consents, K::Consent);
        // Actions with a condition of their own get a slot, but are not names conditions read.
        for (auto& a : rs_.actions) {
            if (!a.when.present()) continue;
            a.slot = next_slot();
            rs_.symbols.push_back({a.id, K::Action, ValueType::Bool, a.slot, nullptr});
            slot_origin_.push_back(a.origin);
        }
        rs_.slot_count = static_cast<std::uint32_t>(rs_.symbols.size());
    }

    std::uint32_t next_slot() const { return static_cast<std::uint32_t>(rs_.symbols.size()); }

    template <typename T>
    void unique_ids(const std::vector<T>& items, const char* kind) {
        std::map<std::string, const Origin*> seen;
        for (const auto& item : items) {
            if (item.id.empty()) continue;
            auto [it, inserted] = seen.emplace(item.id, &item.origin);
            if (!inserted)
                d_.error(item.origin.file, item.origin.pos, "duplicate-id",
                         fmt::format("{} '{}' is already defined at {}", kind, item.id, where(*it->second)));
        }
    }

    void check_namespaces() {
        unique_ids(rs_.sources, "source");
        unique_ids(rs_.levels, "level");
        unique_ids(rs_.domains, "domain");
        unique_ids(rs_.actions, "action");
        if (rs_.levels.empty())
            d_.error(rs_.root, {}, "no-levels", "the rule set defines no [[level]]");
    }

    // [SECTION] references

    template <typename T>
    static std::vector<std::string> ids_of(const std::vector<T>& items) {
        std::vector<std::string> out;
        for (const auto& i : items) out.push_back(i.id);
        return out;
    }

    std::uint32_t level_ref(const std::string& id, const Origin& owner, const std::string& what,
                            const char* key) {
        if (id.empty()) return kNone;
        std::uint32_t i = find(levels_, id);
        if (i == kNone)
            d_.error(owner.file, owner.pos, "unknown-level",
                     fmt::format("{} names level '{}' in '{}', but no [[level]] has that id{}",
                                 what, excerpt(id), key, hint(level_hints_, rs_.levels, id)));
        return i;
    }

    // Resolves action ids to indices once, so evaluation never looks an id up.
    void action_refs(const std::vector<std::string>& ids, std::vector<std::uint32_t>& indices,
                     const Origin& owner, const std::string& what, const char* key) {
        indices.clear();
        for (const auto& id : ids)
            if (indices.push_back(find(actions_, id)); indices.back() == kNone)
                d_.error(
                    owner.file, owner.pos, "unknown-action",
                    fmt::format("{} names action '{}' in '{}', but no [[action]] has that id{}",
                                what, excerpt(id), key, hint(action_hints_, rs_.actions, id)));
    }

    void citation_refs(const std::vector<Citation>& cites, const std::string& what) {
        for (const auto& c : cites) {
            std::uint32_t source = find(sources_, c.source);
            if (source == kNone)
                d_.error(
                    c.origin.file, c.origin.pos, "dangling-citation",
                    fmt::format("{} cites '{}', but no [[source]] has that id{}", what,
                                excerpt(c.source), hint(source_hints_, rs_.sources, c.source)));
            else if (std::string why = pinpoint_problem(rs_.sources[source], c.pinpoint);
                     !why.empty())
                d_.error(c.origin.file, c.origin.pos, "unknown-section",
                         fmt::format("{} cites {}", what, why));
        }
    }

    std::uint32_t domain_ref(const std::string& id, const Origin& owner, const std::string& what) {
        if (id.empty()) return kNone;
        if (std::uint32_t i = find(domains_, id); i != kNone) return i;
        d_.error(owner.file, owner.pos, "unknown-domain",
                 fmt::format("{} names domain '{}', but no [[domain]] has that id{}", what,
                             excerpt(id), hint(domain_hints_, rs_.domains, id)));
        return kNone;
    }

    void check_references() {
        for (auto& l : rs_.levels) {
            action_refs(l.actions, l.action_indices, l.origin, "level '" + l.id + "'", "actions");
            citation_refs(l.cites, "level '" + l.id + "'");
        }
        for (auto& q : rs_.questions) {
            q.domain_index = domain_ref(q.domain, q.origin, "question '" + q.id + "'");
            citation_refs(q.cites, "question '" + q.id + "'");
        }
        for (auto& f : rs_.facts) citation_refs(f.cites, "fact '" + f.id + "'");
        for (auto& r : rs_.rules) {
            std::string what = "rule '" + r.id + "'";
            r.level_index = level_ref(r.level, r.origin, what, "level");
            r.domain_index = domain_ref(r.domain, r.origin, what);
            if (r.level_index != kNone)
                rules_of_level_[r.level_index].push_back(
                    static_cast<std::uint32_t>(&r - rs_.rules.data()));
            citation_refs(r.cites, what);
        }
        for (auto& c : rs_.combinations) resolve_combination(c);
        for (auto& t : rs_.triggers) {
            std::string what = "trigger '" + t.id + "'";
            t.level_index = level_ref(t.level, t.origin, what, "level");
            action_refs(t.actions, t.action_indices, t.origin, what, "actions");
            citation_refs(t.cites, what);
        }
        for (auto& r : rs_.routes) {
            std::string what = "route '" + r.id + "'";
            action_refs(r.actions, r.action_indices, r.origin, what, "actions");
            action_refs(r.actions_if_cannot_rule_out, r.if_cannot_rule_out_indices, r.origin, what, "actions_if_cannot_rule_out");
            citation_refs(r.cites, what);
        }
        for (auto& a : rs_.actions) {
            std::string what = "action '" + a.id + "'";
            citation_refs(a.cites, what);
            if (a.after.empty()) continue;
            a.after_index = find(actions_, a.after);
            if (a.after_index == kNone)
                d_.error(
                    a.origin.file, a.origin.pos, "unknown-action",
                    fmt::format("{} is due after action '{}', but no [[action]] has that id{}",
                                what, excerpt(a.after), hint(action_hints_, rs_.actions, a.after)));
        }
        check_after_chains();
        for (auto& c : rs_.consents) citation_refs(c.cites, "consent rule '" + c.id + "'");
        citation_refs(rs_.calendar.cites, "[calendar]");
    }

    void resolve_combination(Combination& c) {
        std::string what = "combination '" + c.id + "'";
        c.level_index = level_ref(c.level, c.origin, what, "level");
        citation_refs(c.cites, what);
        if (!c.counts_level.empty()) {
            std::uint32_t counted = level_ref(c.counts_level, c.origin, what, "counts_level");
            if (counted == kNone) return;
            c.counted = rules_of_level_[counted];
            if (c.counted.empty())
                d_.error(c.origin.file, c.origin.pos, "empty-combination",
                         fmt::format("{} counts the rules of level '{}', but there are none", what,
                                     c.counts_level));
        }
        for (const auto& id : c.of) {
            std::uint32_t rule = find(rules_, id);
            if (rule == kNone) {
                d_.error(c.origin.file, c.origin.pos, "unknown-rule",
                         fmt::format("{} counts '{}', but no [[rule]] has that id{}", what,
                                     excerpt(id), hint(rule_hints_, rs_.rules, id)));
                continue;
            }
            c.counted.push_back(rule);
        }
        if (c.at_least > c.counted.size() && !c.counted.empty())
            d_.error(c.origin.file, c.origin.pos, "unsatisfiable-combination",
                     fmt::format("{} needs at least {} rules but counts only {}, so it can never fire",
                                 what, c.at_least, c.counted.size()));
        if (c.across_domains > 1)
            for (std::uint32_t i : c.counted)
                if (rs_.rules[i].domain.empty())
                    d_.error(c.origin.file, c.origin.pos, "missing-domain",
                             fmt::format("{} counts domains, but rule '{}' has no 'domain'", what,
                                         rs_.rules[i].id));
    }

    // Each action's 'after' names at most one other, so following them from every action in
    // turn, marking the ones already settled, finds each loop once in linear time.
    void check_after_chains() {
        enum Mark : std::uint8_t { Unseen, OnPath, Settled };
        std::vector<Mark> mark(rs_.actions.size(), Unseen);
        for (std::uint32_t start = 0; start < rs_.actions.size(); ++start) {
            std::vector<std::uint32_t> path;
            std::uint32_t i = start;
            while (i != kNone && mark[i] == Unseen) {
                mark[i] = OnPath;
                path.push_back(i);
                i = rs_.actions[i].after_index;
            }
            if (i != kNone && mark[i] == OnPath) {
                // Every action on the loop is due after itself; each is reported where written.
                auto from = std::find(path.begin(), path.end(), i);
                for (auto it = from; it != path.end(); ++it) {
                    const Action& a = rs_.actions[*it];
                    d_.error(a.origin.file, a.origin.pos, "action-cycle",
                             fmt::format("action '{}' is due after itself through 'after'", a.id));
                }
            }
            for (std::uint32_t p : path)
                mark[p] = Settled;
        }
    }

    // [SECTION] conditions

    Condition& target_of(const PendingCondition& pc) {
        switch (pc.kind) {
            case ItemKind::Question: return rs_.questions[pc.index].ask_when;
            case ItemKind::Fact: return rs_.facts[pc.index].when;
            case ItemKind::Rule: return pc.is_unless ? rs_.rules[pc.index].unless : rs_.rules[pc.index].when;
            case ItemKind::Trigger: return rs_.triggers[pc.index].when;
            case ItemKind::Route: return pc.is_unless ? rs_.routes[pc.index].unless : rs_.routes[pc.index].test;
            case ItemKind::Action: return rs_.actions[pc.index].when;
            case ItemKind::Consent: return rs_.consents[pc.index].when;
            case ItemKind::Combination: break;
        }
        static Condition none;
        return none;
    }

    std::uint32_t slot_of(const PendingCondition& pc) const {
        switch (pc.kind) {
            case ItemKind::Question: return rs_.questions[pc.index].slot;
            case ItemKind::Fact: return rs_.facts[pc.index].slot;
            case ItemKind::Rule: return rs_.rules[pc.index].slot;
            case ItemKind::Trigger: return rs_.triggers[pc.index].slot;
            case ItemKind::Route: return rs_.routes[pc.index].slot;
            case ItemKind::Action: return rs_.actions[pc.index].slot;
            case ItemKind::Consent: return rs_.consents[pc.index].slot;
            case ItemKind::Combination: break;
        }
        return kNone;
    }

    void compile_conditions() {
        deps_.assign(rs_.slot_count, {});
        read_by_anything_.assign(rs_.slot_count, false);
        expr::SymbolTable table;
        table.suggest = [this](std::string_view word) {
            if (!symbol_hints_) symbol_hints_.emplace(rs_.symbol_names);
            return symbol_hints_->did_you_mean(word);
        };
        table.find = [this](std::string_view id) -> const expr::Symbol* {
            const expr::Symbol* s = rs_.symbol(id);
            return s && s->kind != expr::SymbolKind::Action ? s : nullptr;
        };
        if (const ChronologyTerms& ct = rs_.chronology; ct.question != kNone) {
            table.chronology_slot = rs_.questions[ct.question].slot;
            table.contact_terms = {&ct.source_ids, &ct.category_ids, &ct.outcome_ids};
        }
        for (const auto& pc : pending_) {
            Condition& target = target_of(pc);
            auto at = [&](std::uint32_t offset) { return pc.file->position_in_string(pc.begin, offset); };
            expr::ParseResult parsed = expr::parse(target.text);
            if (!parsed.ok) {
                d_.error(pc.file->path(), at(parsed.error_offset), "syntax-error",
                         fmt::format("in '{}' of {}: {}", pc.key, pc.owner, parsed.error));
                continue;
            }
            expr::Compiled c = expr::compile(parsed.ast, target.text, table, rs_.program);
            for (const auto& e : c.errors)
                d_.error(pc.file->path(), at(e.offset), e.code,
                         fmt::format("in '{}' of {}: {}", pc.key, pc.owner, e.message));
            if (!c.errors.empty()) continue;
            target.root = c.root;
            std::uint32_t owner = slot_of(pc);
            for (std::uint32_t read : c.reads) {
                read_by_anything_[read] = true;
                if (owner != kNone) deps_[owner].push_back(read);
            }
        }
        for (const auto& c : rs_.combinations)
            for (std::uint32_t r : c.counted) {
                deps_[c.slot].push_back(rs_.rules[r].slot);
                read_by_anything_[rs_.rules[r].slot] = true;
            }
    }

    // [SECTION] order

    // Depth-first topological sort; a back edge is a cycle, reported once with its path.
    // Cycles that share a definition with one already reported are not reported again; the
    // check is constant time (the deepest reported position on the path is kept beside the
    // path), so long chains with many loops stay linear.
    void order() {
        enum Mark : std::uint8_t { White, Grey, Black };
        std::vector<Mark> mark(rs_.slot_count, White);
        std::vector<std::uint32_t> sorted;
        reported_.assign(rs_.slot_count, false);
        path_position_.assign(rs_.slot_count, kNone);
        // Iterative DFS so deep chains of facts cannot overflow the stack.
        for (std::uint32_t start = 0; start < rs_.slot_count; ++start) {
            if (mark[start] != White) continue;
            std::vector<std::pair<std::uint32_t, std::size_t>> stack{{start, 0}};
            mark[start] = Grey;
            path_.clear();
            reported_up_to_.clear();
            enter(start);
            while (!stack.empty()) {
                auto& [slot, next] = stack.back();
                if (next < deps_[slot].size()) {
                    std::uint32_t dep = deps_[slot][next++];
                    if (mark[dep] == White) {
                        mark[dep] = Grey;
                        stack.push_back({dep, 0});
                        enter(dep);
                    } else if (mark[dep] == Grey) {
                        report_cycle(dep);
                    }
                    continue;
                }
                mark[slot] = Black;
                sorted.push_back(slot);
                stack.pop_back();
                path_position_[path_.back()] = kNone;
                path_.pop_back();
                reported_up_to_.pop_back();
            }
        }
        rs_.order.clear();
        for (std::uint32_t slot : sorted) rs_.order.push_back(slot_item_[slot]);
        rs_.slot_items = slot_item_;
        rs_.reads = deps_;
        for (auto& r : rs_.reads) {
            std::sort(r.begin(), r.end());
            r.erase(std::unique(r.begin(), r.end()), r.end());
        }
    }

    void enter(std::uint32_t slot) {
        const auto at = static_cast<std::uint32_t>(path_.size());
        path_position_[slot] = at;
        path_.push_back(slot);
        reported_up_to_.push_back(reported_[slot] ? at : at > 0 ? reported_up_to_[at - 1] : kNone);
    }

    void report_cycle(std::uint32_t back_to) {
        const std::uint32_t from = path_position_[back_to];
        const std::uint32_t deepest = reported_up_to_.back();
        if (deepest != kNone && deepest >= from) return;  // shares a definition already reported
        const std::size_t length = path_.size() - from;
        std::string chain;
        for (std::size_t k = 0; k < length; ++k) {
            const std::uint32_t s = path_[from + k];
            reported_[s] = true;
            reported_up_to_[from + k] = static_cast<std::uint32_t>(from + k);
            // A loop through thousands of facts is named by its first and last few.
            if (k < 8 || k + 2 >= length)
                chain += rs_.symbols[s].id + " -> ";
            else if (k == 8)
                chain += fmt::format("... ({} more) -> ", thousands(length - 10));
        }
        chain += rs_.symbols[back_to].id;
        // A condition reads its dependencies, so show the chain in reading order.
        const Origin& o = slot_origin_[back_to];
        d_.error(o.file, o.pos, "cycle",
                 fmt::format("'{}' depends on itself: {} (each reads the next)",
                             rs_.symbols[back_to].id, chain));
    }

    // [SECTION] usage

    void check_usage() {
        // With errors present, conditions that failed to compile read nothing, so "never
        // read" would be a false alarm.
        bool reads_complete = !d_.has_errors();
        for (const auto& q : rs_.questions)
            if (reads_complete && q.slot != kNone && !read_by_anything_[q.slot])
                d_.warning(q.origin.file, q.origin.pos, "unused-question",
                           fmt::format("question '{}' is never read by any condition, so its answer "
                                       "cannot change the outcome",
                                       q.id));
        std::vector<bool> reached(rs_.levels.size(), false);
        if (!reached.empty()) reached[0] = true;  // the lowest level is the default
        for (const auto& r : rs_.rules)
            if (r.level_index != kNone) reached[r.level_index] = true;
        for (const auto& c : rs_.combinations)
            if (c.level_index != kNone) reached[c.level_index] = true;
        for (const auto& t : rs_.triggers)
            if (t.level_index != kNone) reached[t.level_index] = true;
        for (std::size_t i = 0; i < reached.size(); ++i)
            if (!reached[i])
                d_.warning(rs_.levels[i].origin.file, rs_.levels[i].origin.pos, "unreached-level",
                           fmt::format("no rule, combination or trigger points to level '{}', so it "
                                       "is never suggested",
                                       rs_.levels[i].id));
        for (const auto& r : rs_.routes)
            if (r.standard == Standard::CourtSatisfied && r.wording_met.empty())
                d_.error(r.origin.file, r.origin.pos, "court-test-wording",
                         fmt::format("route '{}' is a test for a court (court_satisfied), so the aid "
                                     "must not say it is 'met': give [route.wording] met = \"...\", "
                                     "e.g. \"Threshold likely met: seek legal planning advice\"",
                                     r.id));
    }

    RuleSet& rs_;
    const std::vector<PendingCondition>& pending_;
    Diagnostics& d_;
    std::vector<Origin> slot_origin_;
    std::vector<Item> slot_item_;  // what each slot holds, in slot order
    std::vector<std::vector<std::uint32_t>> deps_;
    std::vector<bool> read_by_anything_;
    IdIndex levels_, actions_, sources_, rules_, domains_;
    std::vector<std::uint32_t> path_, path_position_, reported_up_to_;  // the sort's current path
    std::vector<bool> reported_;                                        // slots in a reported cycle
    std::vector<std::vector<std::uint32_t>> rules_of_level_;            // rule indices, by level
    std::optional<Suggester> symbol_hints_, level_hints_, action_hints_, source_hints_, rule_hints_,
        domain_hints_;
};

}  // namespace

void resolve_ruleset(RuleSet& rs, const std::vector<PendingCondition>& pending, Diagnostics& d) {
    Resolver(rs, pending, d).run();
}

}  // namespace continuum::engine
