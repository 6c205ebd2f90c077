#include "chronology_io.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace continuum::engine {

namespace {

const std::vector<std::string> kChronologyKeys = {"complete", "contacts"};
const std::vector<std::string> kContactKeys = {"date", "source", "categories", "outcome"};

std::string quoted_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ", ") + ("\"" + id + "\"");
    return out;
}

// The index of term `id` among `ids`, or what is wrong in words.
std::string term_index(const std::vector<std::string>& ids, const std::string& id, const char* kind,
                       const char* kinds, std::uint16_t& out) {
    auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
        return fmt::format("\"{}\" is not a {} of this rule set's chronology{}; its {} are {}", id,
                           kind, did_you_mean(id, ids), kinds, quoted_list(ids));
    out = static_cast<std::uint16_t>(it - ids.begin());
    return {};
}

// One contact as written, before its terms are looked up.
struct RawContact {
    std::optional<DayNumber> day;
    std::string source, outcome;
    std::vector<std::string> categories;
};

// Looks the terms up; "" with `out` set, or what is wrong. `tolerate_unknown_terms` (impact)
// drops a category this rule set lacks, and the whole contact (categories left 0) for a source
// or outcome it lacks, setting `dropped`.
std::string resolve(const ChronologyTerms& t, const RawContact& raw, Contact& out, bool& dropped,
                    bool tolerate_unknown_terms) {
    dropped = false;
    out = Contact{};
    out.day = *raw.day;
    std::uint16_t index = 0;
    for (const auto& [id, ids, kind, kinds, target] :
         {std::tuple{&raw.source, &t.source_ids, "source", "sources", &out.source},
          std::tuple{&raw.outcome, &t.outcome_ids, "outcome", "outcomes", &out.outcome}}) {
        std::string problem = term_index(*ids, *id, kind, kinds, *target);
        if (problem.empty()) continue;
        if (!tolerate_unknown_terms) return problem;
        dropped = true;
        return {};
    }
    for (const auto& id : raw.categories) {
        std::string problem = term_index(t.category_ids, id, "category", "categories", index);
        if (!problem.empty()) {
            if (!tolerate_unknown_terms) return problem;
            dropped = true;
            continue;
        }
        out.categories |= std::uint64_t{1} << index;
    }
    if (raw.categories.empty())
        return fmt::format("needs at least one category (what the contact was about): one of {}",
                           quoted_list(t.category_ids));
    if (out.categories == 0) dropped = true;  // every category set aside
    return {};
}

}  // namespace

std::string check_contact(const Contact& contact, DayNumber referral_day) {
    if (contact.day > referral_day)
        return fmt::format(
            "is dated {}, after the referral ({}): an earlier contact comes before it",
            format_date(contact.day), format_date(referral_day));
    if (contact.categories == 0) return "needs at least one category (what the contact was about)";
    return {};
}

// [SECTION] TOML

void read_chronology_toml(const RuleSet& rules, const toml::node* node, const SourceFile& file,
                          Diagnostics& d, Case& c) {
    if (!node) return;
    const ChronologyTerms& terms = rules.chronology;
    if (terms.question == kNone) {
        d.error(file.path(), file.pos(*node), "no-chronology",
                "this rule set defines no [chronology], so earlier contacts cannot be recorded "
                "for it");
        return;
    }
    const toml::table* t = node->as_table();
    if (!t) {
        d.error(file.path(), file.pos(*node), "wrong-type",
                "the chronology is a table: write [chronology] with complete = true or false and "
                "contacts = [...]");
        return;
    }
    const std::size_t errors_before = d.error_count();
    TableReader r(*t, file, d, "[chronology]", kChronologyKeys);
    Chronology out;
    if (const toml::node* complete = r.node("complete")) {
        if (auto b = complete->as_boolean())
            out.complete = b->get();
        else
            r.error_at(*complete, "wrong-type",
                       "'complete' is true (every agency checked) or false (not yet)");
    } else {
        d.error(file.path(), file.pos(*t), "missing-key",
                "[chronology] needs 'complete': true once every agency has been checked, false "
                "while some have not");
    }
    if (const toml::array* contacts = r.array("contacts")) {
        if (contacts->size() > kMaxContacts)
            r.error_at(*r.node("contacts"), "bad-value",
                       fmt::format("the chronology holds {} contacts; at most {} are read",
                                   contacts->size(), kMaxContacts));
        std::size_t n = 0;
        for (const auto& item : *contacts) {
            if (++n > kMaxContacts) break;
            const toml::table* ct = item.as_table();
            if (!ct) {
                r.error_at(item, "wrong-type",
                           "a contact is written { date = 2026-03-02, source = \"...\", "
                           "categories = [\"...\"], outcome = \"...\" }");
                continue;
            }
            TableReader cr(*ct, file, d, "a contact of the chronology", kContactKeys);
            RawContact raw;
            if (const toml::node* date = cr.node("date")) {
                if (auto dn = date->as_date()) {
                    auto v = dn->get();
                    if (valid_date(v.year, v.month, v.day))
                        raw.day = day_number(v.year, v.month, v.day);
                } else if (auto s = date->as_string()) {
                    raw.day = parse_date(s->get());
                }
                if (!raw.day)
                    cr.error_at(*date, "bad-value",
                                "a contact's date is a date that exists, like 2026-03-02");
            } else {
                d.error(file.path(), file.pos(*ct), "missing-key", "a contact needs its 'date'");
            }
            raw.source = cr.string("source", true);
            raw.outcome = cr.string("outcome", true);
            raw.categories = cr.strings("categories");  // none or empty: resolve() says which
            if (!raw.day || raw.source.empty() || raw.outcome.empty()) continue;
            Contact contact;
            bool dropped = false;
            std::string problem = resolve(terms, raw, contact, dropped, false);
            if (problem.empty()) problem = check_contact(contact, c.referred_at.day);
            if (!problem.empty()) {
                d.error(file.path(), file.pos(*ct), "bad-contact",
                        fmt::format("this contact {}", problem));
                continue;
            }
            out.contacts.push_back(contact);
        }
    }
    if (d.error_count() > errors_before) return;
    c.answers[terms.question] = chronology_answer(std::move(out));
}

// [SECTION] JSON

namespace {

std::optional<RawContact> raw_contact_json(const nlohmann::json& j, std::string& problem) {
    if (!j.is_object()) {
        problem =
            "is not an object like {\"date\": \"2026-03-02\", \"source\": ..., "
            "\"categories\": [...], \"outcome\": ...}";
        return std::nullopt;
    }
    for (const auto& [key, value] : j.items())
        if (std::find(kContactKeys.begin(), kContactKeys.end(), key) == kContactKeys.end()) {
            problem =
                fmt::format("has an unknown key '{}'{}", key, did_you_mean(key, kContactKeys));
            return std::nullopt;
        }
    RawContact raw;
    if (j.contains("date") && j["date"].is_string())
        raw.day = parse_date(j["date"].get<std::string>());
    if (!raw.day) {
        problem = "needs \"date\", a date that exists, like \"2026-03-02\"";
        return std::nullopt;
    }
    for (auto [key, target] :
         {std::pair{"source", &raw.source}, std::pair{"outcome", &raw.outcome}}) {
        if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty()) {
            problem = fmt::format("needs \"{}\" as text", key);
            return std::nullopt;
        }
        *target = j[key].get<std::string>();
    }
    if (!j.contains("categories") || !j["categories"].is_array()) {
        problem = "needs \"categories\", a list of category ids";
        return std::nullopt;
    }
    for (const auto& cat : j["categories"]) {
        if (!cat.is_string()) {
            problem = "lists its categories as text";
            return std::nullopt;
        }
        raw.categories.push_back(cat.get<std::string>());
    }
    return raw;
}

}  // namespace

void read_chronology_json(const RuleSet& rules, const nlohmann::json& j, const std::string& file,
                          std::uint32_t line, Diagnostics& d, Case& c,
                          std::vector<std::string>* set_aside) {
    const SourcePos at{line, 1};
    const ChronologyTerms& terms = rules.chronology;
    if (terms.question == kNone) {
        if (set_aside)
            set_aside->push_back(kChronologyId);
        else
            d.error(file, at, "no-chronology",
                    "this rule set defines no [chronology], so earlier contacts cannot be "
                    "recorded for it");
        return;
    }
    if (!j.is_object()) {
        d.error(file, at, "wrong-type",
                "\"chronology\" must be an object: {\"complete\": false, \"contacts\": [...]}");
        return;
    }
    const std::size_t errors_before = d.error_count();
    for (const auto& [key, value] : j.items())
        if (std::find(kChronologyKeys.begin(), kChronologyKeys.end(), key) == kChronologyKeys.end())
            d.error(file, at, "unknown-key",
                    fmt::format("the chronology has an unknown key '{}'{}", key,
                                did_you_mean(key, kChronologyKeys)));
    Chronology out;
    if (j.contains("complete") && j["complete"].is_boolean())
        out.complete = j["complete"].get<bool>();
    else
        d.error(file, at, "missing-key",
                "the chronology needs \"complete\": true once every agency has been checked");
    bool any_dropped = false;
    if (j.contains("contacts")) {
        const nlohmann::json& contacts = j["contacts"];
        if (!contacts.is_array()) {
            d.error(file, at, "wrong-type", "the chronology's \"contacts\" must be a list");
        } else if (contacts.size() > kMaxContacts) {
            d.error(file, at, "bad-value",
                    fmt::format("the chronology holds {} contacts; at most {} are read",
                                contacts.size(), kMaxContacts));
        } else {
            std::size_t n = 0;
            for (const auto& item : contacts) {
                ++n;
                std::string problem;
                auto raw = raw_contact_json(item, problem);
                Contact contact;
                bool dropped = false;
                if (raw) problem = resolve(terms, *raw, contact, dropped, set_aside != nullptr);
                if (problem.empty() && dropped && contact.categories == 0) {
                    any_dropped = true;  // its source, outcome or every category set aside
                    continue;
                }
                if (problem.empty()) problem = check_contact(contact, c.referred_at.day);
                if (!problem.empty()) {
                    d.error(file, at, "bad-contact",
                            fmt::format("contact {} of the chronology {}", n, problem));
                    continue;
                }
                any_dropped = any_dropped || dropped;
                out.contacts.push_back(contact);
            }
        }
    }
    if (any_dropped && set_aside) set_aside->push_back(kChronologyId);
    if (d.error_count() > errors_before) return;
    c.answers[terms.question] = chronology_answer(std::move(out));
}

// [SECTION] Writing

namespace {

std::vector<std::string> category_ids(const ChronologyTerms& t, std::uint64_t mask) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < t.category_ids.size(); ++k)
        if (mask & (std::uint64_t{1} << k)) out.push_back(t.category_ids[k]);
    return out;
}

}  // namespace

std::string chronology_to_toml(const RuleSet& rules, const Chronology& c) {
    const ChronologyTerms& t = rules.chronology;
    std::string out =
        fmt::format("[chronology]\ncomplete = {}\ncontacts = [\n", c.complete ? "true" : "false");
    for (const Contact& contact : c.contacts) {
        std::string cats;
        for (const auto& id : category_ids(t, contact.categories))
            cats += (cats.empty() ? "\"" : ", \"") + id + "\"";
        out += fmt::format(
            "  {{ date = {}, source = \"{}\", categories = [{}], outcome = \"{}\" }},\n",
            format_date(contact.day), t.source_ids[contact.source], cats,
            t.outcome_ids[contact.outcome]);
    }
    return out + "]\n";
}

nlohmann::json chronology_to_json(const RuleSet& rules, const Chronology& c) {
    const ChronologyTerms& t = rules.chronology;
    nlohmann::json contacts = nlohmann::json::array();
    for (const Contact& contact : c.contacts)
        contacts.push_back({{"date", format_date(contact.day)},
                            {"source", t.source_ids[contact.source]},
                            {"categories", category_ids(t, contact.categories)},
                            {"outcome", t.outcome_ids[contact.outcome]}});
    return {{"complete", c.complete}, {"contacts", std::move(contacts)}};
}

}  // namespace continuum::engine
