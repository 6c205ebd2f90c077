// Finds rule-set ids in text a person reads. Every id the rule set defines is searched for,
// except those that are also ordinary words of the rule set's own wording ("harm", "consent"),
// which cannot be told from those words. Shared by the report and GUI tests.
#pragma once
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "engine/ruleset/schema.hpp"

namespace id_search {

using namespace continuum;

inline bool id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

inline std::set<std::string> tokens(const std::string& text) {
    std::set<std::string> out;
    std::string t;
    for (char c : text + " ") {
        if (id_char(c)) {
            t += c;
        } else if (!t.empty()) {
            out.insert(t);
            t.clear();
        }
    }
    return out;
}

// Every word a person reads in the rule set's own wording.
inline std::set<std::string> wording_words(const engine::RuleSet& rs) {
    std::string all = rs.info.name + " " + rs.info.area + " " + rs.info.description;
    auto add = [&](const std::string& s) { all += " " + s; };
    auto add_words = [&](const engine::Statement& w) {
        add(w.yes), add(w.no), add(w.open), add(w.answer);
    };
    for (const auto& s : rs.sources) add(s.title), add(s.publisher), add(s.text), add(s.date);
    for (const auto& l : rs.levels) add(l.name), add(l.band), add(l.description);
    for (const auto& d : rs.domains) add(d.title), add(d.description);
    for (const auto& q : rs.questions) {
        add(q.prompt), add(q.help), add(q.unit), add_words(q.words);
        for (const auto& c : q.choices) add(c.label);
        for (const auto& c : q.cites) add(c.pinpoint);
    }
    for (const auto& f : rs.facts) add(f.label), add_words(f.words);
    for (const auto& r : rs.rules) add(r.says), add(r.unless_says);
    for (const auto& c : rs.combinations) add(c.says), add_words(c.words);
    for (const auto& t : rs.triggers) add(t.title), add(t.says);
    for (const auto& r : rs.routes)
        add(r.title), add(r.section), add(r.says), add(r.unless_says), add(r.wording_met),
            add(r.wording_not_met), add(r.wording_cannot_rule_out);
    for (const auto& a : rs.actions) add(a.title), add(a.says);
    for (const auto& c : rs.consents) add(c.says);
    auto cites = [&](const std::vector<engine::Citation>& cs) {
        for (const auto& c : cs) add(c.pinpoint);
    };
    for (const auto& r : rs.rules) cites(r.cites);
    for (const auto& r : rs.routes) cites(r.cites);
    for (const auto& t : rs.triggers) cites(t.cites);
    for (const auto& a : rs.actions) cites(a.cites);
    for (const auto& c : rs.consents) cites(c.cites);
    for (const auto& f : rs.facts) cites(f.cites);
    for (const auto& l : rs.levels) cites(l.cites);
    // The reports' own words, and sentence-initial capitals lowered as explanations do
    // ("Lapses in supervision" reads "lapses in supervision" mid-sentence).
    all += " settled never";  // "Not yet settled"; "treat it as open, never as no"
    std::set<std::string> out = tokens(all);
    for (std::string t : std::set<std::string>(out)) {
        if (t.size() > 1 && std::isupper(static_cast<unsigned char>(t[0])) &&
            std::islower(static_cast<unsigned char>(t[1])))
            t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
        out.insert(t);
    }
    return out;
}

inline std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

// Every id of the rule set that would be recognisable as an id in running text.
inline std::set<std::string> searchable_ids(const engine::RuleSet& rs) {
    std::set<std::string> ids;
    auto add = [&](const auto& items) {
        for (const auto& i : items) ids.insert(i.id);
    };
    add(rs.sources), add(rs.levels), add(rs.domains), add(rs.questions), add(rs.facts);
    add(rs.rules), add(rs.combinations), add(rs.triggers), add(rs.routes), add(rs.actions);
    add(rs.consents), add(rs.family_texts);
    ids.insert(rs.info.id);
    for (const auto& q : rs.questions)
        for (const auto& c : q.choices) ids.insert(c.id);
    for (const auto& w : wording_words(rs)) ids.erase(w);
    return ids;
}

inline std::vector<std::string> leaked_ids(const engine::RuleSet& rs, const std::string& text) {
    const std::set<std::string> ids = searchable_ids(rs);
    // A style sheet is not read by anyone: "none" there is a CSS keyword, not a choice id.
    std::string readable = text;
    for (auto at = readable.find("<style>"); at != std::string::npos; at = readable.find("<style>")) {
        auto end = readable.find("</style>", at);
        readable.erase(at, end == std::string::npos ? std::string::npos : end + 8 - at);
    }
    std::vector<std::string> out;
    for (const auto& t : tokens(readable))
        if (ids.count(t)) out.push_back(t);
    return out;
}


}  // namespace id_search
