#include "family.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace continuum::engine {

namespace {

const std::vector<std::string> kLetterKeys = {
    "title",        "opening",        "concern_heading", "no_concern", "next_heading",
    "nothing_next", "choice_heading", "contact_heading", "contact",    "closing"};

FamilyWords* letter_field(FamilyLetter& l, std::string_view key) {
    FamilyWords* fields[] = {
        &l.title,        &l.opening,        &l.concern_heading, &l.no_concern, &l.next_heading,
        &l.nothing_next, &l.choice_heading, &l.contact_heading, &l.contact,    &l.closing};
    for (std::size_t i = 0; i < kLetterKeys.size(); ++i)
        if (kLetterKeys[i] == key) return fields[i];
    return nullptr;
}

}  // namespace

void read_family_letter(const toml::table& t, const SourceFile& file, Diagnostics& d, RuleSet& rs) {
    std::vector<std::string> allowed = kLetterKeys;
    for (const auto& k : kLetterKeys)
        allowed.push_back(k + "_young_person");
    allowed.insert(allowed.end(), {"withhold_if", "withheld_says", "cites"});
    TableReader r(t, file, d, "[family_letter]", allowed);
    FamilyLetter& l = rs.family_letter;
    if (l.present) {
        d.error(file.path(), file.pos(t), "duplicate-family-letter",
                "[family_letter] is defined more than once; keep one");
        return;
    }
    l.present = true;
    l.origin = r.origin();
    for (const auto& k : kLetterKeys) {
        FamilyWords* w = letter_field(l, k);
        w->parents = r.string(k, true);
        w->young_person = r.string(k + "_young_person");
    }
    l.withhold_if = r.strings("withhold_if");
    l.withheld_says = r.string("withheld_says", !l.withhold_if.empty());
    l.cites = r.citations(false);
}

void read_family_text(const toml::table& t, const SourceFile& file, Diagnostics& d, RuleSet& rs) {
    TableReader r(t, file, d, "[[family_text]]",
                  {"id", "part", "if_any", "to_parents", "to_young_person", "cites"});
    FamilyText f;
    f.id = r.string("id", true);
    if (!f.id.empty()) r.set_what(fmt::format("family text '{}'", f.id));
    static const std::vector<std::string> parts = {"concern", "next", "choice"};
    std::string part = r.string("part", true);
    if (part == "concern")
        f.part = FamilyPart::Concern;
    else if (part == "next")
        f.part = FamilyPart::Next;
    else if (part == "choice")
        f.part = FamilyPart::Choice;
    else if (!part.empty())
        r.error_at(*r.node("part"), "bad-value",
                   fmt::format("part of {} is '{}'{}; the parts are concern, next and choice",
                               r.what(), part, did_you_mean(part, parts)));
    f.if_any = r.strings("if_any");
    f.words.parents = r.string("to_parents", true);
    f.words.young_person = r.string("to_young_person");
    f.origin = r.origin();
    f.cites = r.citations(false);
    rs.family_texts.push_back(std::move(f));
}

namespace {

std::uint32_t condition_root(const RuleSet& rs, std::uint32_t slot) {
    const Item& item = rs.slot_items[slot];
    switch (item.kind) {
        case ItemKind::Fact:
            return rs.facts[item.index].when.root;
        case ItemKind::Rule:
            return rs.rules[item.index].when.root;
        case ItemKind::Trigger:
            return rs.triggers[item.index].when.root;
        case ItemKind::Route:
            return rs.routes[item.index].test.root;
        case ItemKind::Consent:
            return rs.consents[item.index].when.root;
        default:
            return expr::kNoNode;
    }
}

bool node_requires(const RuleSet& rs, std::uint32_t node, std::uint32_t question, int depth);

// Whether `slot` can hold only when `question` has been answered (it is a required part of
// every way the slot's condition can be true).
bool requires_answer(const RuleSet& rs, std::uint32_t slot, std::uint32_t question, int depth = 0) {
    if (slot == question) return true;
    if (depth > 16 || slot >= rs.slot_items.size()) return false;
    std::uint32_t root = condition_root(rs, slot);
    return root != expr::kNoNode && node_requires(rs, root, question, depth + 1);
}

bool node_requires(const RuleSet& rs, std::uint32_t node, std::uint32_t question, int depth) {
    const expr::Node& n = rs.program.nodes[node];
    switch (n.op) {
        case expr::Op::Load:
            return requires_answer(rs, n.slot, question, depth);
        case expr::Op::And:
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (node_requires(rs, rs.program.child(n, i), question, depth)) return true;
            return false;
        case expr::Op::Or:
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (!node_requires(rs, rs.program.child(n, i), question, depth)) return false;
            return n.count > 0;
        case expr::Op::Compare:
        case expr::Op::InSet:
        case expr::Op::DaysSince:
            for (std::uint32_t i = 0; i < n.count; ++i)
                if (node_requires(rs, rs.program.child(n, i), question, depth)) return true;
            return n.op == expr::Op::DaysSince && n.slot == question;
        default:
            return false;  // not, count, known, constants: never only through one answer
    }
}

void check_citations(const RuleSet& rs, const std::vector<Citation>& cites, Diagnostics& d) {
    for (const Citation& c : cites)
        if (rs.source_index(c.source) == kNone)
            d.error(
                c.origin.file, c.origin.pos, "dangling-citation",
                fmt::format("'{}' is not a source id: add a [[source]] with this id", c.source));
}
}  // namespace

void resolve_family(RuleSet& rs, Diagnostics& d) {
    FamilyLetter& l = rs.family_letter;
    check_citations(rs, l.cites, d);
    for (const auto& id : l.withhold_if) {
        auto it = rs.slot_by_id.find(id);
        if (it == rs.slot_by_id.end() || it->second >= rs.slot_items.size() ||
            rs.slot_items[it->second].kind == ItemKind::Question) {
            d.error(
                l.origin.file, l.origin.pos, "unknown-identifier",
                fmt::format("[family_letter] withhold_if names '{}', which is not a fact, rule, "
                            "combination, trigger, route or consent rule",
                            id));
            continue;
        }
        l.withhold_slots.push_back(it->second);
    }
    for (std::size_t i = 0; i < rs.family_texts.size(); ++i) {
        FamilyText& f = rs.family_texts[i];
        check_citations(rs, f.cites, d);
        for (std::size_t j = 0; j < i; ++j)
            if (rs.family_texts[j].id == f.id)
                d.error(f.origin.file, f.origin.pos, "duplicate-id",
                        fmt::format("family text '{}' is defined twice (first at {}:{})", f.id,
                                    rs.family_texts[j].origin.file,
                                    rs.family_texts[j].origin.pos.line));
        if (f.words.parents.find("{by}") != std::string::npos &&
            std::none_of(f.if_any.begin(), f.if_any.end(),
                         [&](const std::string& id) { return rs.action_index(id) != kNone; }))
            d.error(f.origin.file, f.origin.pos, "bad-value",
                    fmt::format("family text '{}' says {{by}} but names no action in if_any whose "
                                "due date it would be",
                                f.id));
        for (const auto& id : f.if_any) {
            if (std::uint32_t li = rs.level_index(id); li != kNone) {
                f.levels.push_back(li);
                continue;
            }
            if (std::uint32_t ai = rs.action_index(id); ai != kNone) {
                f.actions.push_back(ai);
                continue;
            }
            auto it = rs.slot_by_id.find(id);
            if (it == rs.slot_by_id.end()) {
                d.error(f.origin.file, f.origin.pos, "unknown-identifier",
                        fmt::format("family text '{}' names '{}' in if_any, which is not a fact, "
                                    "rule, combination, trigger, route, consent rule, action or "
                                    "level",
                                    f.id, id));
                continue;
            }
            const std::uint32_t slot = it->second;
            if (slot >= rs.slot_items.size() || slot >= rs.reads.size()) continue;
            if (rs.slot_items[slot].kind == ItemKind::Question) {
                d.error(f.origin.file, f.origin.pos, "family-reads-answer",
                        fmt::format("family text '{}' is chosen by the answer to question '{}': "
                                    "choose it by a fact instead, so that what the family reads "
                                    "never repeats an answer",
                                    f.id, id));
                continue;
            }
            // Golden rule 5: a paragraph chosen by something that can only hold when a protected
            // answer is given (who made the report, a disclosure) would tell the family that
            // answer. One protected answer among other ways of holding tells them nothing.
            for (const Question& q : rs.questions)
                if (q.protected_source && requires_answer(rs, slot, q.slot))
                    d.error(f.origin.file, f.origin.pos, "protected-source",
                            fmt::format("family text '{}' is chosen by '{}', which holds only when "
                                        "question '{}' is answered: that answer can identify who "
                                        "told us (golden rule 5), so it must not decide what the "
                                        "family reads",
                                        f.id, id, q.id));
            f.slots.push_back(slot);
        }
    }
}

void check_family(const RuleSet& rs, Diagnostics& d) {
    if (!rs.family_letter.present) {
        d.warning(rs.root, {}, "no-family-summary",
                  "no [family_letter]: there is no summary to give the family (see "
                  "rules/README.md, \"The family summary\")");
        return;
    }
    for (FamilyPart part : {FamilyPart::Concern, FamilyPart::Next, FamilyPart::Choice})
        if (std::none_of(rs.family_texts.begin(), rs.family_texts.end(),
                         [&](const FamilyText& f) { return f.part == part; }))
            d.warning(rs.family_letter.origin.file, rs.family_letter.origin.pos,
                      "family-part-empty",
                      fmt::format("no [[family_text]] with part = \"{}\": that part of the "
                                  "family summary will always be empty",
                                  part == FamilyPart::Concern ? "concern"
                                  : part == FamilyPart::Next  ? "next"
                                                              : "choice"));
}

}  // namespace continuum::engine
