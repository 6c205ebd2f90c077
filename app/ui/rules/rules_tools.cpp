#include "rules_tools.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "engine/case_io.hpp"
#include "engine/evaluate.hpp"
#include "engine/expr/lexer.hpp"
#include "engine/ruleset/load.hpp"
#include "report/evaluation.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

std::string where(const Origin& o) {
    return fmt::format("{}:{}:{}", o.file, o.pos.line, o.pos.column);
}

std::string cites_text(const RuleSet& rules, const std::vector<Citation>& cites) {
    std::string out;
    for (const auto& c : cites)
        out += (out.empty() ? "" : "; ") + report::citation_text(rules, c);
    return out;
}

// What every kind of entry has: its kind and id, what it cites and where it is written.
template <typename Definition>
CatalogueEntry entry_of(const RuleSet& rules, const char* kind, const Definition& def) {
    CatalogueEntry e;
    e.citations = cites_text(rules, def.cites);
    e.written_at = where(def.origin);
    e.kind = kind;
    e.id = def.id;
    return e;
}

// What a name in a condition stands for, in the rule set's own words.
std::string meaning(const RuleSet& rules, std::string_view id) {
    auto it = rules.slot_by_id.find(id);
    if (it == rules.slot_by_id.end()) return "";
    const Item& item = rules.slot_items[it->second];
    switch (item.kind) {
        case ItemKind::Question:
            return rules.questions[item.index].prompt;
        case ItemKind::Fact:
            return rules.facts[item.index].label;
        case ItemKind::Rule:
            return rules.rules[item.index].says;
        case ItemKind::Combination:
            return rules.combinations[item.index].says;
        case ItemKind::Trigger:
            return rules.triggers[item.index].title;
        case ItemKind::Route:
            return rules.routes[item.index].title;
        case ItemKind::Action:
            return rules.actions[item.index].title;
        case ItemKind::Consent:
            return rules.consents[item.index].says;
    }
    return "";
}

const Question* question_of(const RuleSet& rules, std::string_view id) {
    std::uint32_t q = rules.question_index(id);
    return q == kNone ? nullptr : &rules.questions[q];
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string readable_condition(const RuleSet& rules, std::string_view text,
                               std::vector<std::string>& glossary) {
    expr::LexResult lexed = expr::lex(text);
    if (!lexed.error.empty()) return std::string(text);
    std::string out;
    // Strings compare with this question's choices, or with these chronology terms.
    const std::vector<ChoiceOption>* last_choice = nullptr;
    bool glue = true;  // no space before the next token
    auto put = [&](std::string_view word, bool space_before = true) {
        if (!glue && space_before) out += ' ';
        out += word;
        glue = false;
    };
    for (const auto& t : lexed.tokens) {
        switch (t.kind) {
            case expr::TokenKind::Identifier: {
                put(t.text);
                if (const Question* q = question_of(rules, t.text); q && !q->choices.empty())
                    last_choice = &q->choices;
                if (rules.chronology.declared) {  // contacts(category == "neglect")
                    if (t.text == "category") last_choice = &rules.chronology.categories;
                    if (t.text == "source") last_choice = &rules.chronology.sources;
                    if (t.text == "outcome") last_choice = &rules.chronology.outcomes;
                }
                std::string m = meaning(rules, t.text);
                std::string entry = t.text + ": " + m;
                if (!m.empty() &&
                    std::find(glossary.begin(), glossary.end(), entry) == glossary.end())
                    glossary.push_back(entry);
                break;
            }
            case expr::TokenKind::String: {
                std::string label = t.text;
                if (last_choice)
                    for (const auto& c : *last_choice)
                        if (c.id == t.text) label = c.label;
                put("\u201C" + label + "\u201D");
                break;
            }
            case expr::TokenKind::Number:
                put(t.text);
                break;
            case expr::TokenKind::True:
                put("yes");
                break;
            case expr::TokenKind::False:
                put("no");
                break;
            case expr::TokenKind::And:
                put("and");
                break;
            case expr::TokenKind::Or:
                put("or");
                break;
            case expr::TokenKind::Not:
                put("not");
                break;
            case expr::TokenKind::In:
                put("is one of");
                break;
            case expr::TokenKind::Equal:
                put("is");
                break;
            case expr::TokenKind::NotEqual:
                put("is not");
                break;
            case expr::TokenKind::Less:
                put("is less than");
                break;
            case expr::TokenKind::LessEqual:
                put("is at most");
                break;
            case expr::TokenKind::Greater:
                put("is more than");
                break;
            case expr::TokenKind::GreaterEqual:
                put("is at least");
                break;
            case expr::TokenKind::LeftParen:
            case expr::TokenKind::LeftBracket:
                put(t.kind == expr::TokenKind::LeftParen ? "(" : "[");
                glue = true;
                break;
            case expr::TokenKind::RightParen:
                put(")", false);
                break;
            case expr::TokenKind::RightBracket:
                put("]", false);
                break;
            case expr::TokenKind::Comma:
                put(",", false);
                break;
            case expr::TokenKind::Assign:  // within = "12 months"
                put("=");
                break;
            case expr::TokenKind::End:
            case expr::TokenKind::Invalid:
                break;
        }
    }
    return out;
}

std::vector<CatalogueEntry> build_catalogue(const RuleSet& rules) {
    std::vector<CatalogueEntry> out;
    auto level_name = [&](std::uint32_t li) {
        return li < rules.levels.size() ? rules.levels[li].name : std::string();
    };
    for (const auto& r : rules.rules) {
        CatalogueEntry e = entry_of(rules, "rule", r);
        e.level = r.level;
        e.level_name = level_name(r.level_index);
        e.domain = r.domain;
        if (r.domain_index < rules.domains.size())
            e.domain_title = rules.domains[r.domain_index].title;
        e.says = r.says;
        e.condition = readable_condition(rules, r.when.text, e.glossary);
        if (r.unless.present()) e.unless = readable_condition(rules, r.unless.text, e.glossary);
        e.unless_says = r.unless_says;
        out.push_back(std::move(e));
    }
    for (const auto& c : rules.combinations) {
        CatalogueEntry e = entry_of(rules, "combination", c);
        e.level = c.level;
        e.level_name = level_name(c.level_index);
        e.says = c.says;
        std::string of;
        for (const auto& id : c.of)
            of += (of.empty() ? "" : ", ") + id;
        if (of.empty()) of = "the indicators of level " + c.counts_level;
        e.condition = fmt::format("at least {} of {}, across at least {} domain{}", c.at_least, of,
                                  c.across_domains, c.across_domains == 1 ? "" : "s");
        out.push_back(std::move(e));
    }
    for (const auto& t : rules.triggers) {
        CatalogueEntry e = entry_of(rules, "trigger", t);
        e.title = t.title;
        e.level = t.level;
        e.level_name = level_name(t.level_index);
        e.says = t.says;
        e.condition = readable_condition(rules, t.when.text, e.glossary);
        out.push_back(std::move(e));
    }
    for (const auto& r : rules.routes) {
        CatalogueEntry e = entry_of(rules, "route", r);
        e.title = r.section.empty() ? r.title : r.section + " " + r.title;
        e.says = r.says.empty() ? std::string("Standard: ") + describe(r.standard) : r.says;
        e.condition = readable_condition(rules, r.test.text, e.glossary);
        if (r.unless.present()) e.unless = readable_condition(rules, r.unless.text, e.glossary);
        e.unless_says = r.unless_says;
        out.push_back(std::move(e));
    }
    return out;
}

bool catalogue_matches(const CatalogueEntry& e, std::string_view search) {
    if (search.empty()) return true;
    std::string needle = lower(search);
    for (const std::string* field : {&e.id, &e.says, &e.title, &e.condition, &e.unless,
                                     &e.unless_says, &e.citations, &e.level_name, &e.domain_title})
        if (lower(*field).find(needle) != std::string::npos) return true;
    return false;
}

namespace {

// The library's line `number` (1-based).
std::string_view line_of(std::string_view text, std::uint32_t number) {
    std::size_t start = 0;
    for (std::uint32_t n = 1; n < number; ++n) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return {};
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

// What a side's trace shows: what fired or may have, as the outcome panel does.
std::vector<TraceEntry> traced(const RuleSet& rules, const Case& c, std::string& level) {
    Outcome o = evaluate(rules, c);
    level = rules.levels[o.level].name +
            (o.higher_level_possible ? " (a higher level cannot be ruled out)" : "");
    std::vector<TraceEntry> all = build_trace(rules, c, o), shown;
    for (auto& e : all)
        if (e.status != Tri::False || e.unless_blocked) shown.push_back(std::move(e));
    return shown;
}

}  // namespace

ImpactCase open_impact_case(const RuleSet& base, const RuleSet& candidate,
                            const ImpactReport& report, std::size_t change,
                            std::string_view library) {
    ImpactCase out;
    out.change = change;
    if (change >= report.changes.size()) {
        out.error = "no such changed case";
        return out;
    }
    const CaseChange& cc = report.changes[change];
    out.ref = cc.ref;
    nlohmann::json j = nlohmann::json::parse(line_of(library, cc.line), nullptr, false);
    if (j.is_discarded()) {
        out.error = fmt::format("{}:{}: the library changed since the impact was run; run it again",
                                report.file, cc.line);
        return out;
    }
    Diagnostics d;
    std::vector<std::string> aside;
    auto b = read_case_json_object(base, j, report.file, cc.line, d, &aside);
    auto c = read_case_json_object(candidate, j, report.file, cc.line, d, &aside);
    if (!b || !c || d.has_errors()) {
        for (const auto& m : d.items())
            if (m.severity == Severity::Error) out.error += format_diagnostic(m) + "\n";
        if (out.error.empty()) out.error = "the case could not be read";
        return out;
    }
    out.base_trace = traced(base, *b, out.base_level);
    out.candidate_trace = traced(candidate, *c, out.candidate_level);
    // An entry differs when the other side does not show the same id with the same status
    // (what is not shown did not fire there).
    auto differs = [](const std::vector<TraceEntry>& mine, const std::vector<TraceEntry>& other) {
        std::vector<bool> out;
        for (const auto& e : mine) {
            auto it = std::find_if(other.begin(), other.end(), [&](const TraceEntry& o) {
                return o.id == e.id && o.kind == e.kind;
            });
            out.push_back(it == other.end() || it->status != e.status ||
                          it->unless_blocked != e.unless_blocked);
        }
        return out;
    };
    out.base_differs = differs(out.base_trace, out.candidate_trace);
    out.candidate_differs = differs(out.candidate_trace, out.base_trace);
    return out;
}

DiffState diff_against(const RuleSet& active, const std::string& folder) {
    DiffState out;
    out.folder = folder;
    LoadResult other = load_ruleset(folder);
    if (!other.ok()) {
        out.error = fmt::format("The rule set in {} has errors, so it cannot be compared:", folder);
        for (const auto& m : other.diagnostics.items())
            if (m.severity == Severity::Error) out.error += "\n" + format_diagnostic(m);
        return out;
    }
    out.before_label =
        fmt::format("{} {} ({})", other.rules->info.id, other.rules->info.version, folder);
    out.after_label =
        fmt::format("{} {} (in use, {})", active.info.id, active.info.version, active.root);
    out.diff = diff_rulesets(*other.rules, active);
    // "source#pinpoint" in words, each side by its own rule set's sources.
    auto words = [](const RuleSet& rules, const std::vector<std::string>& keys) {
        std::string text;
        for (const auto& k : keys) {
            Citation c;
            auto hash = k.find('#');
            c.source = k.substr(0, hash);
            if (hash != std::string::npos) c.pinpoint = k.substr(hash + 1);
            text += (text.empty() ? "" : "; ") + report::citation_text(rules, c);
        }
        return text;
    };
    for (const auto& e : out.diff->entries) {
        out.cites_before.push_back(words(*other.rules, e.cites_before));
        out.cites_after.push_back(words(active, e.cites_after));
    }
    return out;
}

}  // namespace continuum::ui
