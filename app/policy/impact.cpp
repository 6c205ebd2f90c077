// [SECTION] States of one definition on each side
// [SECTION] Comparing one case's two outcomes
// [SECTION] Reading a line under both rule sets
// [SECTION] Threads over chunks of lines, and merging their tallies
#include "impact.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "case_library.hpp"
#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "engine/evaluate.hpp"
#include "engine/json_line.hpp"
#include "engine/trace.hpp"
#include "impact_plan.hpp"
#include "work_crew.hpp"

namespace continuum::engine {

using namespace impact_detail;

namespace {

// [SECTION] States of one definition on each side

// A traced status, with "absent" for a definition one rule set lacks. Absent compares equal
// to not fired: a new rule that does not fire changes nothing for the case.
constexpr int kAbsent = 3;

int status_code(const Outcome& o, std::uint32_t slot) {
    return slot == kNone ? kAbsent : static_cast<int>(o.slots[slot].status);
}
bool same_status(int a, int b) {
    auto norm = [](int s) { return s == kAbsent ? static_cast<int>(Tri::False) : s; };
    return norm(a) == norm(b);
}
const char* status_text(int s) {
    return s == kAbsent ? "absent" : trace_status(static_cast<Tri>(s));
}

int finding_code(const Outcome& o, std::uint32_t route) {
    return route == kNone ? kAbsent : static_cast<int>(o.routes[route]);
}
bool same_finding(int a, int b) {
    auto norm = [](int f) { return f == kAbsent ? static_cast<int>(Finding::NotMet) : f; };
    return norm(a) == norm(b);
}
// Met / cannot rule out (for a route), fired / undetermined (for a trigger): whether the
// definition is in play, so that an edit to its list of actions can explain a change.
static_assert(static_cast<int>(Finding::Met) == 1 && static_cast<int>(Finding::CannotRuleOut) == 2);
static_assert(static_cast<int>(Tri::True) == 1 && static_cast<int>(Tri::Unknown) == 2);
bool in_play(int code) {
    return code == 1 || code == 2;
}

const char* finding_text(int f) {
    return f == kAbsent ? "absent" : to_string(static_cast<Finding>(f));
}

const NeededAction* needed(const Outcome& o, std::uint32_t action) {
    if (action == kNone) return nullptr;
    auto it = std::lower_bound(o.actions.begin(), o.actions.end(), action,
                               [](const NeededAction& n, std::uint32_t a) { return n.action < a; });
    return it != o.actions.end() && it->action == action ? &*it : nullptr;
}

bool same_action(const NeededAction* a, const NeededAction* b) {
    if (!a || !b) return a == b;
    return a->definite == b->definite && a->due.has_due == b->due.has_due &&
           (!a->due.has_due || (a->due.at == b->due.at && a->due.end_of_day == b->due.end_of_day));
}

std::string action_text(const NeededAction* n) {
    if (!n) return "not_needed";
    std::string s = n->definite ? "definite" : "possible";
    if (!n->due.has_due) return s + ", no timescale";
    if (n->due.end_of_day) return s + ", due by the end of " + format_date(n->due.at.day);
    return s + ", due " + format_date_time(n->due.at);
}

// The answer a question's rules actually read, for telling whether an edit to the question
// (its ask_when, type, choices or range) made a difference to this case.
std::string effective_answer(const RuleSet& rs, std::uint32_t qi, const Case& c, const Outcome& o) {
    if (qi == kNone) return "not_asked";
    const Question& q = rs.questions[qi];
    const Answer& a = c.answers[qi];
    if (o.slots[q.slot].status == Tri::False || a.state == AnswerState::NotAsked)
        return "not_asked";
    if (a.state == AnswerState::Unknown) return "unknown";
    switch (q.type) {
        case AnswerType::YesNo:
            return a.value.truth == Tri::True ? "yes" : "no";
        case AnswerType::Choice:
            return q.choice_ids[a.value.choice];
        case AnswerType::Text:
            return a.text();
        default:
            // A range answer is its interval: narrowing it is a change of answer.
            return a.value.lo == a.value.hi ? fmt::format("{}", a.value.lo)
                                            : fmt::format("{}..{}", a.value.lo, a.value.hi);
    }
}

// [SECTION] Comparing one case's two outcomes

struct GroupTally {
    std::size_t outcome = 0, reasoning = 0, actions = 0, higher = 0;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> levels;
    std::map<std::tuple<std::uint32_t, int, int>, std::size_t> routes, triggers;
};

struct Tally {
    std::size_t lines = 0, evaluated = 0, failed = 0, unchanged = 0, outcome_changed = 0,
                reasoning_only = 0;
    std::size_t level = 0, higher = 0, routes = 0, triggers = 0, actions = 0, consent = 0;
    std::vector<std::size_t> transitions;  // base level * candidate count + candidate level
    std::vector<GroupTally> groups;        // by diff entry; the last is "unattributed"
    std::map<std::pair<std::string, int>, std::size_t>
        set_aside;  // (question, 0 base / 1 candidate)
};

struct Sides {
    const Case& cb;
    const Case& cc;
    const Outcome& ob;
    const Outcome& oc;
};

// True when the two outcomes agree in everything compare_case compares: the level, whether a
// higher one is possible, every traced definition's status (routes, triggers and consent
// rules among them) and every needed action. Most cases of a library are unchanged by an
// edit, and this tells so in a fraction of the time compare_case takes to look at each part.
// False says only that compare_case must look (an action list in another order, say).
bool surely_unchanged(const Plan& plan, const Outcome& ob, const Outcome& oc) {
    if (plan.level_map[ob.level] != oc.level ||
        ob.higher_level_possible != oc.higher_level_possible ||
        ob.actions.size() != oc.actions.size())
        return false;
    const SlotResult* b = ob.slots.data();
    const SlotResult* c = oc.slots.data();
    // Differences gathered, not branched on: nearly every pair agrees.
    unsigned differ = 0;
    for (const auto& [bs, cs] : plan.shared_slots)
        differ |= static_cast<unsigned>(b[bs].status) ^ static_cast<unsigned>(c[cs].status);
    const auto absent = static_cast<unsigned>(Tri::False);  // as same_status counts it
    for (std::uint32_t bs : plan.base_only_slots)
        differ |= static_cast<unsigned>(b[bs].status) ^ absent;
    for (std::uint32_t cs : plan.cand_only_slots)
        differ |= static_cast<unsigned>(c[cs].status) ^ absent;
    if (differ) return false;
    for (std::size_t k = 0; k < ob.actions.size(); ++k)
        if (plan.action_map[ob.actions[k].action] != oc.actions[k].action ||
            !same_action(&ob.actions[k], &oc.actions[k]))
            return false;
    return true;
}

// Fills `change` with what differs; returns false when nothing does.
bool compare_case(const Plan& plan, const Sides& s, Tally& tally, CaseChange& change) {
    const RuleSet& b = *plan.base;
    const RuleSet& c = *plan.cand;
    change.level_before = b.levels[s.ob.level].id;
    change.level_after = c.levels[s.oc.level].id;
    change.higher_possible_before = s.ob.higher_level_possible;
    change.higher_possible_after = s.oc.higher_level_possible;
    bool level_moved = change.level_before != change.level_after;
    bool higher_moved = change.higher_possible_before != change.higher_possible_after;

    std::vector<int> responsible;
    auto blame = [&](int entry) {
        if (entry != kNoEntry &&
            std::find(responsible.begin(), responsible.end(), entry) == responsible.end())
            responsible.push_back(entry);
    };
    std::vector<std::tuple<std::uint32_t, int, int>> route_moves, trigger_moves;

    for (std::uint32_t i = 0; i < plan.routes.size(); ++i) {
        const IndexPair& p = plan.routes[i];
        int fb = finding_code(s.ob, p.base), fc = finding_code(s.oc, p.cand);
        if (same_finding(fb, fc)) continue;
        change.routes.push_back({"route", p.id, finding_text(fb), finding_text(fc)});
        route_moves.emplace_back(i, fb, fc);
    }
    for (std::uint32_t i = 0; i < plan.triggers.size(); ++i) {
        const IndexPair& p = plan.triggers[i];
        int tb = p.base == kNone ? kAbsent : status_code(s.ob, b.triggers[p.base].slot);
        int tc = p.cand == kNone ? kAbsent : status_code(s.oc, c.triggers[p.cand].slot);
        if (same_status(tb, tc)) continue;
        change.triggers.push_back({"trigger", p.id, status_text(tb), status_text(tc)});
        trigger_moves.emplace_back(i, tb, tc);
    }
    for (const IndexPair& p : plan.consents) {
        int sb = p.base == kNone ? kAbsent : status_code(s.ob, b.consents[p.base].slot);
        int sc = p.cand == kNone ? kAbsent : status_code(s.oc, c.consents[p.cand].slot);
        if (!same_status(sb, sc))
            change.consent.push_back({"consent", p.id, status_text(sb), status_text(sc)});
    }
    for (const ActionPair& p : plan.actions) {
        const NeededAction* nb = needed(s.ob, p.base);
        const NeededAction* nc = needed(s.oc, p.cand);
        if (same_action(nb, nc)) continue;
        change.actions.push_back({"action", p.id, action_text(nb), action_text(nc)});
        for (const ActionCause& cause : p.causes) {
            bool active = true;
            if (cause.when == ActionCause::When::RouteActive) {
                const IndexPair& r = plan.routes[cause.pair];
                active = in_play(finding_code(s.ob, r.base)) || in_play(finding_code(s.oc, r.cand));
            } else if (cause.when == ActionCause::When::TriggerActive) {
                const IndexPair& t = plan.triggers[cause.pair];
                int tb = t.base == kNone ? kAbsent : status_code(s.ob, b.triggers[t.base].slot);
                int tc = t.cand == kNone ? kAbsent : status_code(s.oc, c.triggers[t.cand].slot);
                active = in_play(tb) || in_play(tc);
            } else if (cause.when == ActionCause::When::LevelIs) {
                active = cause.level == change.level_before || cause.level == change.level_after;
            }
            if (active) blame(cause.entry);
        }
    }

    for (std::size_t i = 0; i < plan.traced.size(); ++i) {
        const TracedPair& p = plan.traced[i];
        int sb = status_code(s.ob, p.base_slot), sc = status_code(s.oc, p.cand_slot);
        bool differs = !same_status(sb, sc);
        if (differs)
            change.reasoning.push_back({to_string(p.kind), p.id, status_text(sb), status_text(sc)});
        if (differs) blame(p.entry);
        // Unedited but changed: the edits it reads whose status changed, or (for a combination)
        // the rules it counts that were moved to another level.
        if (differs && p.entry == kNoEntry) {
            for (std::uint32_t u : plan.upstream[i]) {
                const TracedPair& up = plan.traced[u];
                int ub = status_code(s.ob, up.base_slot), uc = status_code(s.oc, up.cand_slot);
                bool recounted = p.kind == ItemKind::Combination && up.level_edited &&
                                 (in_play(ub) || in_play(uc));
                if (!same_status(ub, uc) || recounted) blame(up.entry);
            }
        }
        // A rule re-pointed at another level moves cases while firing just the same.
        if (p.level_edited && (in_play(sb) || in_play(sc)) && (level_moved || higher_moved))
            blame(p.entry);
    }

    change.outcome_changed = level_moved || higher_moved || !change.routes.empty() ||
                             !change.triggers.empty() || !change.actions.empty() ||
                             !change.consent.empty();
    if (!change.outcome_changed && change.reasoning.empty()) return false;

    for (const IndexPair& q : plan.questions)
        if (effective_answer(b, q.base, s.cb, s.ob) != effective_answer(c, q.cand, s.cc, s.oc))
            blame(q.entry);
    if (responsible.empty() && (level_moved || higher_moved))
        for (int e : plan.level_entries) {
            const DiffEntry& d = plan.diff->entries[e];
            if (d.kind == "level_order" || d.id == change.level_before ||
                d.id == change.level_after)
                blame(e);
        }
    if (responsible.empty()) responsible.push_back(static_cast<int>(plan.diff->entries.size()));

    // Tallies, per case and per responsible definition.
    if (change.outcome_changed)
        ++tally.outcome_changed;
    else
        ++tally.reasoning_only;
    tally.level += level_moved;
    tally.higher += higher_moved;
    tally.routes += !change.routes.empty();
    tally.triggers += !change.triggers.empty();
    tally.actions += !change.actions.empty();
    tally.consent += !change.consent.empty();
    for (int e : responsible) {
        GroupTally& g = tally.groups[e];
        change.responsible.push_back(static_cast<std::uint32_t>(e));
        if (!change.outcome_changed) {
            ++g.reasoning;
            continue;
        }
        ++g.outcome;
        if (level_moved) ++g.levels[{s.ob.level, s.oc.level}];
        for (const auto& m : route_moves)
            ++g.routes[m];
        for (const auto& m : trigger_moves)
            ++g.triggers[m];
        g.actions += !change.actions.empty();
        g.higher += higher_moved;
    }
    return true;
}

// [SECTION] Reading a line under both rule sets

struct ChunkOut {
    std::vector<CaseChange> changes;
    Diagnostics diagnostics;
};

class Worker {
  public:
    Worker(const Plan& plan, const std::string& file, Tally& tally)
        : plan_(plan),
          file_(file),
          tally_(tally),
          eb_(*plan.base),
          ec_(*plan.cand),
          fast_base_(*plan.base),
          fast_cand_(*plan.cand) {}

    // `readable`: bytes that may be read from the start of the line (see CaseLibrary).
    void run(const LibraryLine& line, std::size_t readable, ChunkOut& out) {
        ++tally_.lines;
        if (!read(line, readable, out.diagnostics)) {
            ++tally_.failed;
            return;
        }
        eb_.evaluate(cb_, ob_);
        const Case& cc = plan_.same_questions ? cb_ : cc_;
        ec_.evaluate(cc, oc_);
        ++tally_.evaluated;
        ++tally_.transitions[ob_.level * plan_.cand->levels.size() + oc_.level];
        CaseChange change;
        if (!surely_unchanged(plan_, ob_, oc_) &&
            compare_case(plan_, Sides{cb_, cc, ob_, oc_}, tally_, change)) {
            change.ref = cb_.ref;
            change.line = line.number;
            out.changes.push_back(std::move(change));
        } else {
            ++tally_.unchanged;
        }
    }

  private:
    // Reads the line into cb_ and cc_, the worker's two cases, used again for every line so
    // that no line allocates them anew. Every way in leaves them as new cases read from this
    // line alone would be: the fast reader and carry_over start from make_blank, the careful
    // reader's cases are moved in whole. With the same questions under both, the candidate
    // evaluates cb_ and cc_ is left as it is. False (the cases unspecified) when the line is
    // refused.
    bool read(const LibraryLine& line, std::size_t readable, Diagnostics& diags) {
        // Most lines are well formed: read them quickly, and only the rest the careful way.
        if (fast_base_.read(line.text, readable, cb_)) {
            if (plan_.answers_carry_over) {
                carry_over();
                return true;
            }
            if (fast_cand_.read(line.text, readable, cc_)) return true;
        }
        return read_carefully(line, diags);
    }

    bool read_carefully(const LibraryLine& line, Diagnostics& diags) {
        SourcePos at{line.number, 1};
        std::optional<nlohmann::json> parsed =
            parse_json_line(line.text, file_, line.number, diags);
        if (!parsed) return false;
        const nlohmann::json& j = *parsed;
        Diagnostics db, dc;
        std::vector<std::string> aside_b, aside_c;
        auto cb = read_case_json_object(*plan_.base, j, file_, line.number, db, &aside_b);
        if (cb && db.empty() && aside_b.empty() && plan_.answers_carry_over) {
            cb_ = std::move(*cb);
            carry_over();
            return true;
        }
        auto cc = read_case_json_object(*plan_.cand, j, file_, line.number, dc, &aside_c);
        // A message both readings give is about the line itself; one only one gives is about
        // how that rule set's questions differ, so it says which.
        for (const auto& d : db.items()) {
            bool both = std::any_of(dc.items().begin(), dc.items().end(),
                                    [&](const Diagnostic& o) { return o.message == d.message; });
            diags.error(file_, at, d.code,
                        both ? d.message : d.message + " (under the base rules)");
        }
        for (const auto& d : dc.items()) {
            bool both = std::any_of(db.items().begin(), db.items().end(),
                                    [&](const Diagnostic& o) { return o.message == d.message; });
            if (!both) diags.error(file_, at, d.code, d.message + " (under the candidate rules)");
        }
        bool neither = false;
        for (const auto& id : aside_b) {
            if (std::find(aside_c.begin(), aside_c.end(), id) != aside_c.end()) {
                diags.error(file_, at, "unknown-question",
                            fmt::format("unknown question '{}': neither rule set asks it", id));
                neither = true;
            }
        }
        if (!cb || !cc || neither) return false;
        for (const auto& id : aside_b)
            ++tally_.set_aside[{id, 0}];
        for (const auto& id : aside_c)
            ++tally_.set_aside[{id, 1}];
        cb_ = std::move(*cb);
        cc_ = std::move(*cc);
        return true;
    }

    // The same answers under the candidate, without reading the line again: only when every
    // question both rule sets ask takes the same answers, so reading it would give the same.
    void carry_over() {
        if (plan_.same_questions) return;  // the candidate evaluates cb_ itself
        make_blank(*plan_.cand, cc_);
        cc_.ref = cb_.ref;
        cc_.referred_at = cb_.referred_at;
        // A question not asked is blank in a case read without fault, as in cc_ already.
        for (std::size_t bi = 0; bi < cb_.answers.size(); ++bi) {
            if (cb_.answers[bi].state == AnswerState::NotAsked) continue;
            const std::uint32_t ci = plan_.question_map[bi];
            if (ci != kNone)
                cc_.answers[ci] = cb_.answers[bi];
            else
                ++tally_.set_aside[{plan_.base->questions[bi].id, 1}];
        }
    }

    const Plan& plan_;
    const std::string& file_;
    Tally& tally_;
    Evaluator eb_, ec_;
    FastCaseReader fast_base_, fast_cand_;
    Case cb_, cc_;
    Outcome ob_, oc_;
};

// [SECTION] Threads over chunks of lines, and merging their tallies

Tally empty_tally(const Plan& plan) {
    Tally t;
    t.transitions.assign(plan.base->levels.size() * plan.cand->levels.size(), 0);
    t.groups.resize(plan.diff->entries.size() + 1);
    return t;
}

void merge(Tally& into, const Tally& from) {
    into.lines += from.lines;
    into.evaluated += from.evaluated;
    into.failed += from.failed;
    into.unchanged += from.unchanged;
    into.outcome_changed += from.outcome_changed;
    into.reasoning_only += from.reasoning_only;
    into.level += from.level;
    into.higher += from.higher;
    into.routes += from.routes;
    into.triggers += from.triggers;
    into.actions += from.actions;
    into.consent += from.consent;
    for (std::size_t i = 0; i < into.transitions.size(); ++i)
        into.transitions[i] += from.transitions[i];
    for (std::size_t i = 0; i < into.groups.size(); ++i) {
        GroupTally& a = into.groups[i];
        const GroupTally& b = from.groups[i];
        a.outcome += b.outcome;
        a.reasoning += b.reasoning;
        a.actions += b.actions;
        a.higher += b.higher;
        for (const auto& [k, n] : b.levels)
            a.levels[k] += n;
        for (const auto& [k, n] : b.routes)
            a.routes[k] += n;
        for (const auto& [k, n] : b.triggers)
            a.triggers[k] += n;
    }
    for (const auto& [k, n] : from.set_aside)
        into.set_aside[k] += n;
}

template <typename T>
void most_first(std::vector<T>& v) {
    std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.cases > b.cases; });
}

ResponsibleGroup make_group(const Plan& plan, std::size_t index, const GroupTally& g) {
    ResponsibleGroup out;
    if (index < plan.diff->entries.size()) {
        const DiffEntry& e = plan.diff->entries[index];
        out.kind = e.kind;
        out.id = e.id;
        out.change = e.change;
    } else {
        out.kind = "unattributed";
        out.id = "-";
    }
    out.outcome_cases = g.outcome;
    out.reasoning_cases = g.reasoning;
    out.action_cases = g.actions;
    out.higher_cases = g.higher;
    for (const auto& [k, n] : g.levels)
        out.level_moves.push_back(
            {plan.base->levels[k.first].id, plan.cand->levels[k.second].id, n});
    for (const auto& [k, n] : g.routes)
        out.route_moves.push_back({plan.routes[std::get<0>(k)].id, finding_text(std::get<1>(k)),
                                   finding_text(std::get<2>(k)), n});
    for (const auto& [k, n] : g.triggers)
        out.trigger_moves.push_back({plan.triggers[std::get<0>(k)].id, status_text(std::get<1>(k)),
                                     status_text(std::get<2>(k)), n});
    most_first(out.level_moves);
    most_first(out.route_moves);
    most_first(out.trigger_moves);
    return out;
}

}  // namespace

ImpactReport analyse_impact(const RuleSet& base, const RuleSet& candidate, std::string_view library,
                            const ImpactOptions& options) {
    TextLibrary text(library);
    return analyse_impact(base, candidate, text, options);
}

ImpactReport analyse_impact(const RuleSet& base, const RuleSet& candidate, CaseLibrary& library,
                            const ImpactOptions& options) {
    ImpactReport report;
    report.file = options.file;
    report.base_root = base.root;
    report.candidate_root = candidate.root;
    report.base_id = base.info.id;
    report.base_version = base.info.version;
    report.base_digest = base.digest;
    report.candidate_id = candidate.info.id;
    report.candidate_version = candidate.info.version;
    report.candidate_digest = candidate.digest;
    for (const auto& l : base.levels) {
        report.base_levels.push_back(l.id);
        report.base_level_names.push_back(l.name);
    }
    for (const auto& l : candidate.levels) {
        report.candidate_levels.push_back(l.id);
        report.candidate_level_names.push_back(l.name);
    }
    report.diff = diff_rulesets(base, candidate);
    const Plan plan = make_plan(base, candidate, report.diff);

    // The library is read a block at a time, the next block while the threads work through
    // the last; each block's lines go out in chunks to whichever thread is free, and each
    // chunk keeps its changes so that the report lists them in library order.
    constexpr std::size_t kChunk = 256;
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<Tally> tallies(threads, empty_tally(plan));
    std::vector<std::unique_ptr<Worker>> workers;
    for (unsigned t = 0; t < threads; ++t)
        workers.push_back(std::make_unique<Worker>(plan, report.file, tallies[t]));
    LibraryBlock block;
    std::vector<LibraryLine> lines;
    std::vector<ChunkOut> outs;
    WorkCrew crew(threads, [&](unsigned t, std::size_t k) {
        for (std::size_t i = k * kChunk; i < std::min(lines.size(), (k + 1) * kChunk); ++i) {
            const auto offset = static_cast<std::size_t>(lines[i].text.data() - block.text.data());
            workers[t]->run(lines[i], block.readable - offset, outs[k]);
        }
    });
    LibraryBlock next;
    bool more = library.next(next);
    while (more) {
        block = next;
        split_lines(block, lines);
        outs.assign((lines.size() + kChunk - 1) / kChunk, ChunkOut{});
        crew.start(outs.size());
        more = library.next(next);
        crew.finish();
        for (ChunkOut& out : outs) {
            for (auto& c : out.changes)
                report.changes.push_back(std::move(c));
            report.diagnostics.append(out.diagnostics);
        }
    }

    Tally total = empty_tally(plan);
    for (const Tally& t : tallies)
        merge(total, t);

    report.lines = total.lines;
    report.evaluated = total.evaluated;
    report.failed = total.failed;
    report.unchanged = total.unchanged;
    report.outcome_changed = total.outcome_changed;
    report.reasoning_only = total.reasoning_only;
    report.level_changed = total.level;
    report.higher_possible_changed = total.higher;
    report.routes_changed = total.routes;
    report.triggers_changed = total.triggers;
    report.actions_changed = total.actions;
    report.consent_changed = total.consent;
    const std::size_t nc = candidate.levels.size();
    report.transitions.assign(base.levels.size(), std::vector<std::size_t>(nc, 0));
    for (std::size_t i = 0; i < total.transitions.size(); ++i)
        report.transitions[i / nc][i % nc] = total.transitions[i];

    // Groups in order of outcome changes; a case's `responsible` indices follow the reorder.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < total.groups.size(); ++i)
        if (total.groups[i].outcome + total.groups[i].reasoning > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const GroupTally &ga = total.groups[a], &gb = total.groups[b];
        return std::tie(gb.outcome, gb.reasoning) < std::tie(ga.outcome, ga.reasoning);
    });
    std::vector<std::uint32_t> position(total.groups.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[order[i]] = static_cast<std::uint32_t>(i);
        report.groups.push_back(make_group(plan, order[i], total.groups[order[i]]));
    }
    for (auto& c : report.changes)
        for (auto& r : c.responsible)
            r = position[r];
    for (const auto& [k, n] : total.set_aside)
        report.set_aside.push_back({k.first, k.second == 0 ? "base" : "candidate", n});
    return report;
}

}  // namespace continuum::engine
