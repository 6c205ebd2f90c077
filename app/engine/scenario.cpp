#include "scenario.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "case_io.hpp"
#include "chronology_io.hpp"
#include "evaluate.hpp"
#include "ruleset/load.hpp"
#include "ruleset/toml_reader.hpp"
#include "trace.hpp"

namespace continuum::engine {

namespace {

// A fixed Monday morning, so due dates in expectations do not depend on the day tests run.
constexpr DateTime kDefaultReferral{20465, 9 * 3600};  // Monday 2026-01-12T09:00:00

std::optional<Finding> finding_from(const std::string& s) {
    if (s == "met") return Finding::Met;
    if (s == "not_met") return Finding::NotMet;
    if (s == "cannot_rule_out") return Finding::CannotRuleOut;
    return std::nullopt;
}

void check_ids(const RuleSet& rules, TableReader& r, const SourceFile& file, Diagnostics& d,
               std::string_view key, const std::vector<std::string>& ids) {
    for (const auto& id : ids)
        if (!rules.symbol(id) || rules.symbol(id)->kind == expr::SymbolKind::Question)
            d.error(file.path(), file.pos(*r.node(key)), "unknown-rule",
                    fmt::format("'{}' in {} names '{}', but no fact, rule, combination, trigger, "
                                "route or consent rule has that id{}",
                                key, r.what(), id, did_you_mean(id, rules.symbol_names)));
}

Scenario read_scenario(const RuleSet& rules, const toml::table& t, const SourceFile& file,
                       Diagnostics& d) {
    Scenario s;
    TableReader r(
        t, file, d, "[[test]]",
        {"name", "narrative", "todo", "referred_at", "answers", "unknown", "chronology", "expect"});
    s.name = r.string("name", true);
    if (!s.name.empty()) r.set_what(fmt::format("test '{}'", s.name));
    s.narrative = r.string("narrative");
    s.origin = r.origin();
    if (const toml::node* todo = r.node("todo")) s.todo = todo->value_or(false);
    s.kase = blank_case(rules);
    s.kase.ref = "TEST";
    s.kase.referred_at = kDefaultReferral;
    if (const toml::node* when = r.node("referred_at")) {
        if (auto at = referral_time_from_toml(*when)) {
            s.kase.referred_at = *at;
        } else {
            r.error_at(*when, "wrong-type",
                       "'referred_at' must be a date and time like 2026-11-23T09:40:00");
        }
    }
    read_answers(rules, r.table("answers"), r.node("unknown"), file, d, s.kase);
    read_chronology_toml(rules, r.node("chronology"), file, d, s.kase);

    const toml::table* expect = r.table("expect");
    if (!expect) {
        d.error(file.path(), file.pos(t), "missing-key",
                fmt::format("{} needs an [test.expect] table", r.what()));
        return s;
    }
    TableReader e(*expect, file, d, "the expectations of " + r.what(),
                  {"level", "higher_level_possible", "routes", "triggers", "fired", "not_fired",
                   "undetermined", "actions"});
    if (e.node("level")) {
        s.expect.level = e.string("level");
        if (rules.level_index(*s.expect.level) == kNone) {
            std::vector<std::string> ids;
            for (const auto& l : rules.levels)
                ids.push_back(l.id);
            d.error(file.path(), file.pos(*e.node("level")), "unknown-level",
                    fmt::format("expected level '{}' is not a level of this rule set{}",
                                *s.expect.level, did_you_mean(*s.expect.level, ids)));
        }
    }
    if (const toml::node* h = e.node("higher_level_possible")) {
        if (h->is_boolean())
            s.expect.higher_level_possible = h->value_or(false);
        else
            e.error_at(*h, "wrong-type", "'higher_level_possible' must be true or false");
    }
    if (const toml::table* routes = e.table("routes")) {
        for (const auto& [key, value] : *routes) {
            std::string id(key.str());
            if (rules.route_index(id) == kNone) {
                std::vector<std::string> ids;
                for (const auto& rt : rules.routes)
                    ids.push_back(rt.id);
                d.error(file.path(), file.pos(key.source().begin), "unknown-route",
                        fmt::format("no route has the id '{}'{}", id, did_you_mean(id, ids)));
                continue;
            }
            auto f = value.is_string() ? finding_from(*value.value<std::string>()) : std::nullopt;
            if (!f) {
                d.error(file.path(), file.pos(value), "bad-value",
                        fmt::format(
                            "route '{}' expects \"met\", \"not_met\" or \"cannot_rule_out\"", id));
                continue;
            }
            s.expect.routes.push_back({id, *f});
        }
    }
    if (e.node("triggers")) {
        s.expect.triggers = e.strings("triggers");
        for (const auto& id : *s.expect.triggers)
            if (rules.trigger_index(id) == kNone) {
                std::vector<std::string> ids;
                for (const auto& tr : rules.triggers)
                    ids.push_back(tr.id);
                d.error(file.path(), file.pos(*e.node("triggers")), "unknown-trigger",
                        fmt::format("no trigger has the id '{}'{}", id, did_you_mean(id, ids)));
            }
    }
    s.expect.fired = e.strings("fired");
    s.expect.not_fired = e.strings("not_fired");
    s.expect.undetermined = e.strings("undetermined");
    check_ids(rules, e, file, d, "fired", s.expect.fired);
    check_ids(rules, e, file, d, "not_fired", s.expect.not_fired);
    check_ids(rules, e, file, d, "undetermined", s.expect.undetermined);
    s.expect.actions = e.strings("actions");
    for (const auto& id : s.expect.actions)
        if (rules.action_index(id) == kNone) {
            std::vector<std::string> ids;
            for (const auto& a : rules.actions)
                ids.push_back(a.id);
            d.error(file.path(), file.pos(*e.node("actions")), "unknown-action",
                    fmt::format("no action has the id '{}'{}", id, did_you_mean(id, ids)));
        }
    return s;
}

std::string trace_line(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot) {
    TraceEntry e = trace_entry(rules, c, o, slot);
    std::string line = fmt::format("{} '{}' {}", to_string(e.kind), e.id, trace_status(e.status));
    if (!e.condition.empty()) line += fmt::format(": {}", e.condition);
    if (!e.failing.empty()) line += fmt::format(" | failed at: {}", e.failing);
    if (!e.values.empty()) {
        std::string vals;
        for (const auto& v : e.values)
            vals += (vals.empty() ? "" : ", ") + (v.phrase ? v.value : v.id + " = " + v.value);
        line += " | read: " + vals;
    }
    if (!e.blocking.empty()) {
        std::string b;
        for (const auto& q : e.blocking)
            b += (b.empty() ? "" : ", ") + q;
        line += " | open: " + b;
    }
    return line;
}

}  // namespace

std::vector<Scenario> load_scenarios_from_text(const RuleSet& rules, const std::string& path,
                                               const std::string& text, Diagnostics& d) {
    std::vector<Scenario> out;
    SourceFile file(path, text);
    std::optional<toml::table> parsed = parse_toml(file, d);
    if (!parsed) return out;
    const toml::table& doc = *parsed;
    for (const auto& [key, node] : doc) {
        if (key.str() != "test") {
            d.error(path, file.pos(key.source().begin), "unknown-key",
                    fmt::format("unknown section '{}' in a test file: write [[test]]", key.str()));
            continue;
        }
        const toml::array* arr = node.as_array();
        if (!arr || !arr->is_array_of_tables()) {
            d.error(path, file.pos(node), "wrong-type", "tests are written as [[test]] blocks");
            continue;
        }
        for (const auto& t : *arr)
            out.push_back(read_scenario(rules, *t.as_table(), file, d));
    }
    return out;
}

std::vector<Scenario> load_scenarios(const RuleSet& rules, const std::filesystem::path& folder,
                                     Diagnostics& d) {
    namespace fs = std::filesystem;
    std::vector<Scenario> out;
    fs::path tests = folder / "tests";
    std::error_code ec;
    if (!fs::is_directory(tests, ec)) return out;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(tests, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->path().extension() != ".toml") continue;
        if (std::string why = not_a_toml_file(it->path()); !why.empty()) {
            d.error(it->path().string(), {}, "unreadable-file", why);
            it.disable_recursion_pending();
            continue;
        }
        files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto loaded = load_scenarios_from_text(rules, f.string(), text.str(), d);
        for (auto& s : loaded)
            out.push_back(std::move(s));
    }
    return out;
}

ScenarioResult run_scenario(const RuleSet& rules, const Scenario& s) {
    ScenarioResult r;
    r.scenario = &s;
    Outcome o = evaluate(rules, s.kase);
    auto fail = [&](std::string message, std::vector<std::uint32_t> slots) {
        r.failures.push_back(std::move(message));
        for (std::uint32_t slot : slots)
            r.trace.push_back(trace_line(rules, s.kase, o, slot));
    };
    const auto& e = s.expect;
    if (e.level && rules.levels[o.level].id != *e.level) {
        // Show what made the actual level, and what pointed at the expected one.
        std::vector<std::uint32_t> slots = level_reasons(rules, o);
        std::uint32_t want = rules.level_index(*e.level);
        auto add = [&](const auto& items) {
            for (const auto& i : items)
                if (i.level_index == want) slots.push_back(i.slot);
        };
        add(rules.rules);
        add(rules.combinations);
        add(rules.triggers);
        fail(fmt::format("level: expected '{}', got '{}'", *e.level, rules.levels[o.level].id),
             slots);
    }
    if (e.higher_level_possible && *e.higher_level_possible != o.higher_level_possible)
        fail(fmt::format("higher level possible: expected {}, got {}", *e.higher_level_possible,
                         o.higher_level_possible),
             higher_level_candidates(rules, o));
    for (const auto& [id, want] : e.routes) {
        std::uint32_t ri = rules.route_index(id);
        if (o.routes[ri] != want) {
            std::vector<std::uint32_t> slots{rules.routes[ri].slot};
            for (std::uint32_t read : rules.reads[rules.routes[ri].slot])
                if (rules.slot_items[read].kind != ItemKind::Question) slots.push_back(read);
            fail(fmt::format("route {}: expected {}, got {}", id, to_string(want),
                             to_string(o.routes[ri])),
                 slots);
        }
    }
    if (e.triggers) {
        std::vector<std::string> got;
        for (std::uint32_t t : o.triggers)
            got.push_back(rules.triggers[t].id);
        std::vector<std::string> want = *e.triggers;
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        if (got != want) {
            std::vector<std::uint32_t> slots;
            for (const auto& t : rules.triggers)
                if (std::find(want.begin(), want.end(), t.id) != want.end() ||
                    std::find(got.begin(), got.end(), t.id) != got.end())
                    slots.push_back(t.slot);
            fail(fmt::format("triggers: expected [{}], got [{}]", fmt::join(want, ", "),
                             fmt::join(got, ", ")),
                 slots);
        }
    }
    auto expect_status = [&](const std::vector<std::string>& ids, Tri want, const char* word) {
        for (const auto& id : ids) {
            std::uint32_t slot = rules.symbol(id)->slot;
            if (o.slots[slot].status != want)
                fail(fmt::format("'{}' expected {}, but it {}", id, word,
                                 trace_status(o.slots[slot].status)),
                     {slot});
        }
    };
    expect_status(e.fired, Tri::True, "to fire");
    expect_status(e.not_fired, Tri::False, "not to fire");
    expect_status(e.undetermined, Tri::Unknown, "to be undetermined");
    for (const auto& id : e.actions) {
        std::uint32_t ai = rules.action_index(id);
        bool needed = std::any_of(o.actions.begin(), o.actions.end(),
                                  [&](const NeededAction& n) { return n.action == ai; });
        if (!needed) fail(fmt::format("action '{}' expected but not called for", id), {});
    }
    r.passed = r.failures.empty();
    return r;
}

}  // namespace continuum::engine
