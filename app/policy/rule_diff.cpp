// [SECTION] Normal forms: conditions, citations, lists
// [SECTION] Describing a definition as named fields
// [SECTION] Matching by id and comparing field by field
#include "rule_diff.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/expr/lexer.hpp"

namespace continuum::engine {

const char* to_string(DiffChange c) {
    switch (c) {
        case DiffChange::Added:
            return "new";
        case DiffChange::Removed:
            return "removed";
        case DiffChange::Changed:
            return "changed";
    }
    return "?";
}

std::size_t RuleDiff::count(DiffChange c) const {
    return static_cast<std::size_t>(std::count_if(
        entries.begin(), entries.end(), [c](const DiffEntry& e) { return e.change == c; }));
}

const DiffEntry* RuleDiff::find(std::string_view kind, std::string_view id) const {
    for (const auto& e : entries)
        if (e.kind == kind && e.id == id) return &e;
    return nullptr;
}

// [SECTION] Normal forms

std::string normalise_condition(std::string_view text) {
    expr::LexResult lexed = expr::lex(text);
    if (!lexed.error.empty()) {
        std::size_t first = text.find_first_not_of(" \t\r\n");
        std::size_t last = text.find_last_not_of(" \t\r\n");
        return first == std::string_view::npos ? std::string()
                                               : std::string(text.substr(first, last - first + 1));
    }
    std::string out;
    for (const auto& t : lexed.tokens) {
        if (t.kind == expr::TokenKind::End) break;
        if (!out.empty()) out += ' ';
        // Strings by their contents, so the quote style written does not matter.
        if (t.kind == expr::TokenKind::String)
            out += "\"" + t.text + "\"";
        else
            out += text.substr(t.offset, t.length);
    }
    return out;
}

std::string citation_key(const Citation& c) {
    return c.pinpoint.empty() ? c.source : c.source + "#" + c.pinpoint;
}

namespace {

std::vector<std::string> cite_keys(const std::vector<Citation>& cites) {
    std::vector<std::string> out;
    for (const auto& c : cites)
        out.push_back(citation_key(c));
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

// A list whose order carries no meaning (citations, action lists): compared sorted.
std::string unordered_key(std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    return joined(items);
}

// Choices or chronology terms as written: "id (label)", or the id alone when they are the same.
std::string options_text(const std::vector<ChoiceOption>& options) {
    std::vector<std::string> out;
    for (const auto& o : options)
        out.push_back(o.label == o.id ? o.id : o.id + " (" + o.label + ")");
    return joined(out);
}

std::string number_text(double n) {
    return fmt::format("{}", n);
}

std::string due_text(const Timescale& t) {
    switch (t.unit) {
        case TimeUnit::None:
            return "";
        case TimeUnit::WorkingDays:
            return fmt::format("{} working days", t.amount);
        case TimeUnit::CalendarDays:
            return fmt::format("{} calendar days", t.amount);
        case TimeUnit::Hours:
            return fmt::format("{} hours", t.amount);
    }
    return "";
}

// [SECTION] Describing a definition as named fields

struct Field {
    std::string name, shown, key;  // key: what is compared
};

struct Described {
    std::string kind, id, condition;
    std::vector<std::string> cites;
    Origin origin;
    std::vector<Field> fields;

    Described& text(const char* name, const std::string& value) {
        fields.push_back({name, value, value});
        return *this;
    }
    Described& condition_field(const char* name, const Condition& c) {
        fields.push_back({name, c.text, normalise_condition(c.text)});
        return *this;
    }
    Described& list(const char* name, const std::vector<std::string>& items) {
        fields.push_back({name, joined(items), unordered_key(items)});
        return *this;
    }
    Described& citations(const std::vector<Citation>& c) {
        cites = cite_keys(c);
        return list("cites", cites);
    }
};

// The words an explanation reads a definition by: a change of wording is a change.
Described& words(Described& d, const Statement& w) {
    return d.text("yes_says", w.yes).text("no_says", w.no).text("open_says", w.open);
}

template <typename T>
Described start(const char* kind, const T& item) {
    Described d;
    d.kind = kind;
    d.id = item.id;
    d.origin = item.origin;
    return d;
}

std::vector<Described> describe_all(const RuleSet& rs) {
    std::vector<Described> out;
    {
        Described d;
        d.kind = "ruleset";
        d.id = "ruleset";
        d.origin = rs.info.origin;
        d.text("id", rs.info.id).text("name", rs.info.name).text("version", rs.info.version);
        d.text("area", rs.info.area).text("description", rs.info.description);
        out.push_back(std::move(d));
    }
    {
        Described d;
        d.kind = "calendar";
        d.id = "calendar";
        d.origin = rs.calendar.origin;
        std::vector<std::string> days;
        for (DayNumber day : rs.calendar.bank_holidays)
            days.push_back(format_date(day));
        d.text("region", rs.calendar.region)
            .list("bank_holidays", days)
            .citations(rs.calendar.cites);
        out.push_back(std::move(d));
    }
    for (const auto& s : rs.sources) {
        Described d = start("source", s);
        d.text("title", s.title).text("publisher", s.publisher).text("date", s.date);
        d.text("url", s.url).text("text", s.text).list("sections", s.sections);
        out.push_back(std::move(d));
    }
    for (const auto& l : rs.levels) {
        Described d = start("level", l);
        d.text("name", l.name)
            .text("band", l.band)
            .text("colour", l.colour)
            .text("description", l.description);
        d.list("actions", l.actions).citations(l.cites);
        out.push_back(std::move(d));
    }
    for (const auto& dm : rs.domains) {
        Described d = start("domain", dm);
        d.text("title", dm.title).text("description", dm.description);
        out.push_back(std::move(d));
    }
    if (rs.chronology.declared) {
        // The terms, in order (a rule's filter names them by id; the table lists them so).
        Described d;
        d.kind = "chronology";
        d.id = "chronology";
        d.origin = rs.chronology.origin;
        d.text("sources", options_text(rs.chronology.sources))
            .text("categories", options_text(rs.chronology.categories))
            .text("outcomes", options_text(rs.chronology.outcomes));
        out.push_back(std::move(d));
    }
    for (const auto& q : rs.questions) {
        Described d = start("question", q);
        d.condition = q.ask_when.text;
        d.text("prompt", q.prompt).text("help", q.help).text("type", to_string(q.type));
        d.text("choices", options_text(q.choices))
            .text("domain", q.domain)
            .text("subdomain", q.subdomain);
        d.text("unit", q.unit).text("min", q.min ? number_text(*q.min) : "");
        d.text("max", q.max ? number_text(*q.max) : "");
        words(d, q.words).text("answer_says", q.words.answer);
        d.text("protected_source", q.protected_source ? "true" : "");
        d.condition_field("ask_when", q.ask_when).citations(q.cites);
        out.push_back(std::move(d));
    }
    for (const auto& f : rs.facts) {
        Described d = start("fact", f);
        d.condition = f.when.text;
        words(d.text("label", f.label), f.words).text("guard", f.guard ? "true" : "");
        d.condition_field("when", f.when).citations(f.cites);
        out.push_back(std::move(d));
    }
    for (const auto& r : rs.rules) {
        Described d = start("rule", r);
        d.condition = r.when.text;
        d.text("level", r.level)
            .text("domain", r.domain)
            .text("subdomain", r.subdomain)
            .text("says", r.says);
        d.condition_field("when", r.when)
            .condition_field("unless", r.unless)
            .text("unless_says", r.unless_says);
        d.citations(r.cites);
        out.push_back(std::move(d));
    }
    for (const auto& c : rs.combinations) {
        Described d = start("combination", c);
        d.text("level", c.level)
            .text("says", c.says)
            .text("counts_level", c.counts_level)
            .list("of", c.of);
        d.text("at_least", std::to_string(c.at_least))
            .text("across_domains", std::to_string(c.across_domains));
        words(d, c.words).citations(c.cites);
        out.push_back(std::move(d));
    }
    for (const auto& t : rs.triggers) {
        Described d = start("trigger", t);
        d.condition = t.when.text;
        d.text("title", t.title).text("says", t.says).text("level", t.level);
        d.condition_field("when", t.when).list("actions", t.actions).citations(t.cites);
        out.push_back(std::move(d));
    }
    for (const auto& r : rs.routes) {
        Described d = start("route", r);
        d.condition = r.test.text;
        d.text("title", r.title)
            .text("section", r.section)
            .text("says", r.says)
            .text("standard", to_string(r.standard));
        d.condition_field("test", r.test)
            .condition_field("unless", r.unless)
            .text("unless_says", r.unless_says);
        d.list("actions", r.actions)
            .list("actions_if_cannot_rule_out", r.actions_if_cannot_rule_out);
        d.text("wording.met", r.wording_met).text("wording.not_met", r.wording_not_met);
        d.text("wording.cannot_rule_out", r.wording_cannot_rule_out).citations(r.cites);
        out.push_back(std::move(d));
    }
    for (const auto& a : rs.actions) {
        Described d = start("action", a);
        d.condition = a.when.text;
        d.text("title", a.title)
            .text("says", a.says)
            .text("due", due_text(a.due))
            .text("after", a.after);
        d.condition_field("when", a.when).citations(a.cites);
        out.push_back(std::move(d));
    }
    for (const auto& c : rs.consents) {
        Described d = start("consent", c);
        d.condition = c.when.text;
        d.text("kind", to_string(c.kind))
            .text("says", c.says)
            .condition_field("when", c.when)
            .citations(c.cites);
        out.push_back(std::move(d));
    }
    return out;
}

const char* const kKindOrder[] = {"ruleset",     "calendar",   "source",   "level",  "level_order",
                                  "domain",      "chronology", "question", "fact",   "rule",
                                  "combination", "trigger",    "route",    "action", "consent"};

int kind_rank(std::string_view kind) {
    for (int i = 0; i < static_cast<int>(std::size(kKindOrder)); ++i)
        if (kind == kKindOrder[i]) return i;
    return static_cast<int>(std::size(kKindOrder));
}

}  // namespace

// [SECTION] Matching by id and comparing field by field

RuleDiff diff_rulesets(const RuleSet& before, const RuleSet& after) {
    using Key = std::pair<int, std::string>;
    std::map<Key, Described> old_items, new_items;
    for (auto& d : describe_all(before))
        old_items.emplace(Key{kind_rank(d.kind), d.id}, std::move(d));
    for (auto& d : describe_all(after))
        new_items.emplace(Key{kind_rank(d.kind), d.id}, std::move(d));

    std::map<Key, DiffEntry> entries;
    auto entry = [](const Described* b, const Described* a, DiffChange change) {
        DiffEntry e;
        const Described& any = a ? *a : *b;
        e.kind = any.kind;
        e.id = any.id;
        e.change = change;
        if (b) {
            e.condition_before = b->condition;
            e.cites_before = b->cites;
            e.before = b->origin;
        }
        if (a) {
            e.condition_after = a->condition;
            e.cites_after = a->cites;
            e.after = a->origin;
        }
        return e;
    };
    for (const auto& [key, b] : old_items) {
        auto it = new_items.find(key);
        if (it == new_items.end()) {
            entries.emplace(key, entry(&b, nullptr, DiffChange::Removed));
            continue;
        }
        const Described& a = it->second;
        DiffEntry e = entry(&b, &a, DiffChange::Changed);
        // Both sides describe the same fields in the same order.
        for (std::size_t i = 0; i < b.fields.size() && i < a.fields.size(); ++i)
            if (b.fields[i].key != a.fields[i].key)
                e.fields.push_back({b.fields[i].name, b.fields[i].shown, a.fields[i].shown});
        if (!e.fields.empty()) entries.emplace(key, std::move(e));
    }
    for (const auto& [key, a] : new_items)
        if (!old_items.count(key)) entries.emplace(key, entry(nullptr, &a, DiffChange::Added));

    // The order of levels is what "higher" means: reordering the levels both share is a change
    // of its own (adding or removing a level is already its own entry).
    auto shared_order = [](const RuleSet& one, const RuleSet& other) {
        std::vector<std::string> ids;
        for (const auto& l : one.levels)
            if (other.level_index(l.id) != kNone) ids.push_back(l.id);
        return ids;
    };
    if (shared_order(before, after) != shared_order(after, before)) {
        DiffEntry e;
        e.kind = "level_order";
        e.id = "levels";
        std::vector<std::string> b, a;
        for (const auto& l : before.levels)
            b.push_back(l.id);
        for (const auto& l : after.levels)
            a.push_back(l.id);
        e.fields.push_back({"order", joined(b), joined(a)});
        entries.emplace(Key{kind_rank("level_order"), "levels"}, std::move(e));
    }

    RuleDiff diff;
    for (auto& [key, e] : entries)
        diff.entries.push_back(std::move(e));
    return diff;
}

}  // namespace continuum::engine
