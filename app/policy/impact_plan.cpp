#include "impact_plan.hpp"

#include <algorithm>
#include <map>

namespace continuum::engine::impact_detail {

namespace {

int entry_index(const RuleDiff& diff, std::string_view kind, std::string_view id) {
    for (std::size_t i = 0; i < diff.entries.size(); ++i)
        if (diff.entries[i].kind == kind && diff.entries[i].id == id) return static_cast<int>(i);
    return kNoEntry;
}

bool field_changed(const RuleDiff& diff, int entry, std::string_view field) {
    if (entry == kNoEntry) return false;
    const DiffEntry& e = diff.entries[entry];
    if (e.change != DiffChange::Changed) return true;
    return std::any_of(e.fields.begin(), e.fields.end(),
                       [&](const FieldChange& f) { return f.field == field; });
}

// Pairs the items of one kind by id, in base order then the candidate's new ones.
template <typename T, typename Out>
std::vector<Out> pair_by_id(const std::vector<T>& base, const std::vector<T>& cand,
                            const RuleDiff& diff, const char* kind) {
    std::vector<Out> out;
    std::map<std::string, std::size_t> at;
    for (std::uint32_t i = 0; i < base.size(); ++i) {
        Out p;
        p.id = base[i].id;
        p.base = i;
        at[p.id] = out.size();
        out.push_back(p);
    }
    for (std::uint32_t i = 0; i < cand.size(); ++i) {
        auto it = at.find(cand[i].id);
        if (it != at.end()) {
            out[it->second].cand = i;
            continue;
        }
        Out p;
        p.id = cand[i].id;
        p.cand = i;
        out.push_back(p);
    }
    for (auto& p : out)
        p.entry = entry_index(diff, kind, p.id);
    return out;
}

bool names(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

Plan make_plan(const RuleSet& base, const RuleSet& cand, const RuleDiff& diff) {
    Plan plan;
    plan.base = &base;
    plan.cand = &cand;
    plan.diff = &diff;

    // Every traced definition, by id across both rule sets.
    std::map<std::string, std::size_t> at;
    auto add = [&](const RuleSet& rs, bool is_base) {
        for (std::uint32_t slot = 0; slot < rs.slot_count; ++slot) {
            const Item& item = rs.slot_items[slot];
            if (item.kind == ItemKind::Question) continue;
            std::string id(rs.id_of_slot(slot));
            auto it = at.find(id);
            if (it == at.end() || plan.traced[it->second].kind != item.kind) {
                TracedPair p;
                p.kind = item.kind;
                p.id = id;
                at[id] = plan.traced.size();
                plan.traced.push_back(p);
                it = at.find(id);
            }
            (is_base ? plan.traced[it->second].base_slot : plan.traced[it->second].cand_slot) =
                slot;
        }
    };
    add(base, true);
    add(cand, false);
    for (auto& p : plan.traced) {
        p.entry = entry_index(diff, to_string(p.kind), p.id);
        p.level_edited = (p.kind == ItemKind::Rule || p.kind == ItemKind::Combination ||
                          p.kind == ItemKind::Trigger) &&
                         field_changed(diff, p.entry, "level");
    }

    plan.upstream.resize(plan.traced.size());
    auto trace_upstream = [&](const RuleSet& rs, bool is_base) {
        std::vector<std::uint32_t> traced_of(rs.slot_count, kNone);
        for (std::uint32_t i = 0; i < plan.traced.size(); ++i) {
            std::uint32_t slot = is_base ? plan.traced[i].base_slot : plan.traced[i].cand_slot;
            if (slot != kNone) traced_of[slot] = i;
        }
        std::vector<std::vector<std::uint32_t>> up(rs.slot_count);
        for (const Item& item : rs.order) {  // everything read comes first
            if (item.slot == kNone || item.slot >= rs.reads.size()) continue;
            auto& mine = up[item.slot];
            for (std::uint32_t read : rs.reads[item.slot]) {
                mine.insert(mine.end(), up[read].begin(), up[read].end());
                std::uint32_t t = traced_of[read];
                if (t != kNone && plan.traced[t].entry != kNoEntry) mine.push_back(t);
            }
            std::sort(mine.begin(), mine.end());
            mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
            std::uint32_t t = traced_of[item.slot];
            if (t != kNone)
                plan.upstream[t].insert(plan.upstream[t].end(), mine.begin(), mine.end());
        }
    };
    trace_upstream(base, true);
    trace_upstream(cand, false);
    for (auto& u : plan.upstream) {
        std::sort(u.begin(), u.end());
        u.erase(std::unique(u.begin(), u.end()), u.end());
    }

    for (auto& q :
         pair_by_id<Question, IndexPair>(base.questions, cand.questions, diff, "question"))
        if (q.entry != kNoEntry) plan.questions.push_back(q);
    plan.routes = pair_by_id<Route, IndexPair>(base.routes, cand.routes, diff, "route");
    plan.triggers = pair_by_id<Trigger, IndexPair>(base.triggers, cand.triggers, diff, "trigger");
    plan.consents =
        pair_by_id<ConsentRule, IndexPair>(base.consents, cand.consents, diff, "consent");
    plan.actions = pair_by_id<Action, ActionPair>(base.actions, cand.actions, diff, "action");

    // What could explain a change in a needed action: the action itself, the calendar its due
    // dates count in, and any route, trigger or level whose list of actions was edited to add
    // or drop it.
    int calendar = entry_index(diff, "calendar", "calendar");
    auto levels = pair_by_id<Level, IndexPair>(base.levels, cand.levels, diff, "level");
    for (auto& a : plan.actions) {
        using When = ActionCause::When;
        if (a.entry != kNoEntry) a.causes.push_back({When::Always, a.entry, 0, {}});
        if (calendar != kNoEntry) a.causes.push_back({When::Always, calendar, 0, {}});
        auto named = [&](const auto& items_b, const auto& items_c, const IndexPair& p, auto lists) {
            bool in_b = p.base != kNone && lists(items_b[p.base], a.id);
            bool in_c = p.cand != kNone && lists(items_c[p.cand], a.id);
            return in_b != in_c || (in_b && p.entry != kNoEntry &&
                                    diff.entries[p.entry].change != DiffChange::Changed);
        };
        for (std::uint32_t i = 0; i < plan.routes.size(); ++i) {
            auto lists = [](const Route& r, const std::string& id) {
                return names(r.actions, id) || names(r.actions_if_cannot_rule_out, id);
            };
            if (plan.routes[i].entry != kNoEntry &&
                named(base.routes, cand.routes, plan.routes[i], lists))
                a.causes.push_back({When::RouteActive, plan.routes[i].entry, i, {}});
        }
        for (std::uint32_t i = 0; i < plan.triggers.size(); ++i) {
            auto lists = [](const Trigger& t, const std::string& id) {
                return names(t.actions, id);
            };
            if (plan.triggers[i].entry != kNoEntry &&
                named(base.triggers, cand.triggers, plan.triggers[i], lists))
                a.causes.push_back({When::TriggerActive, plan.triggers[i].entry, i, {}});
        }
        for (const auto& l : levels) {
            auto lists = [](const Level& lv, const std::string& id) {
                return names(lv.actions, id);
            };
            if (l.entry != kNoEntry && named(base.levels, cand.levels, l, lists))
                a.causes.push_back({When::LevelIs, l.entry, 0, l.id});
        }
    }

    for (const Question& q : base.questions) {
        std::uint32_t ci = cand.question_index(q.id);
        plan.question_map.push_back(ci);
        if (ci == kNone) continue;
        const Question& c = cand.questions[ci];
        if (q.type != c.type || q.choice_ids != c.choice_ids || q.min != c.min || q.max != c.max)
            plan.answers_carry_over = false;
    }
    // A chronology's contacts hold the rule set's own numbers for its terms: they mean the same
    // under the candidate only when it lists the same terms in the same order.
    const ChronologyTerms& bt = base.chronology;
    const ChronologyTerms& ct = cand.chronology;
    if (bt.source_ids != ct.source_ids || bt.category_ids != ct.category_ids ||
        bt.outcome_ids != ct.outcome_ids)
        plan.answers_carry_over = false;
    plan.same_questions = plan.answers_carry_over && base.questions.size() == cand.questions.size();
    for (std::uint32_t i = 0; i < plan.question_map.size(); ++i)
        plan.same_questions = plan.same_questions && plan.question_map[i] == i;

    for (std::size_t i = 0; i < diff.entries.size(); ++i)
        if (diff.entries[i].kind == "level" || diff.entries[i].kind == "level_order")
            plan.level_entries.push_back(static_cast<int>(i));

    for (const TracedPair& p : plan.traced) {
        if (p.base_slot != kNone && p.cand_slot != kNone)
            plan.shared_slots.emplace_back(p.base_slot, p.cand_slot);
        else if (p.base_slot != kNone)
            plan.base_only_slots.push_back(p.base_slot);
        else
            plan.cand_only_slots.push_back(p.cand_slot);
    }
    plan.level_map.assign(base.levels.size(), kNone);
    for (const IndexPair& l : levels)
        if (l.base != kNone) plan.level_map[l.base] = l.cand;
    plan.action_map.assign(base.actions.size(), kNone);
    for (const ActionPair& a : plan.actions)
        if (a.base != kNone) plan.action_map[a.base] = a.cand;
    return plan;
}

}  // namespace continuum::engine::impact_detail
