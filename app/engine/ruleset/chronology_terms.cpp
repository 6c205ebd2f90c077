#include "chronology_terms.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "../chronology.hpp"

namespace continuum::engine {

namespace {

bool term_id(std::string_view id) {
    if (id.empty() || !std::islower(static_cast<unsigned char>(id[0]))) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) ||
               std::isdigit(static_cast<unsigned char>(c)) || c == '_';
    });
}

// One list of terms: `["police", ...]` or `[{ id = "police", label = "police" }, ...]`.
void read_terms(TableReader& r, const SourceFile& file, Diagnostics& d, const char* key,
                std::vector<ChoiceOption>& terms, std::vector<std::string>& ids) {
    const toml::array* arr = r.array(key);
    if (!arr) {
        if (!r.node(key))
            d.error(file.path(), r.origin().pos, "missing-key",
                    fmt::format("[chronology] needs '{}', a list like [{{ id = \"...\", label = "
                                "\"...\" }}]",
                                key));
        return;
    }
    if (arr->empty())
        r.error_at(*r.node(key), "bad-value", fmt::format("'{}' of [chronology] is empty", key));
    for (const auto& item : *arr) {
        ChoiceOption term;
        if (item.is_string()) {
            term.id = *item.value<std::string>();
            term.label = term.id;
        } else if (const toml::table* t = item.as_table()) {
            TableReader tr(*t, file, d, fmt::format("a term of '{}' in [chronology]", key),
                           {"id", "label"});
            term.id = tr.string("id", true);
            term.label = tr.string("label", true);
        } else {
            r.error_at(item, "wrong-type",
                       "a term is a quoted id or { id = \"...\", label = \"...\" }");
            continue;
        }
        if (term.id.empty()) continue;
        if (!term_id(term.id))
            r.error_at(item, "bad-id",
                       fmt::format("'{}' cannot be a term id: use lower-case letters, digits and "
                                   "'_', starting with a letter",
                                   term.id));
        if (std::find(ids.begin(), ids.end(), term.id) != ids.end())
            r.error_at(item, "duplicate-id",
                       fmt::format("'{}' appears twice in '{}' of [chronology]", term.id, key));
        if (ids.size() == kMaxChronologyTerms)
            r.error_at(item, "bad-value",
                       fmt::format("'{}' of [chronology] holds more than {} terms", key,
                                   kMaxChronologyTerms));
        ids.push_back(term.id);
        terms.push_back(std::move(term));
    }
}

}  // namespace

void read_chronology_terms(const toml::table& t, const SourceFile& file, Diagnostics& d,
                           RuleSet& rs) {
    TableReader r(
        t, file, d, "[chronology]",
        {"prompt", "help", "domain", "subdomain", "sources", "categories", "outcomes", "cites"});
    ChronologyTerms& out = rs.chronology;
    if (out.declared) {
        d.error(file.path(), file.pos(t), "duplicate-chronology",
                "[chronology] is defined more than once; keep one");
        return;
    }
    out.declared = true;
    out.origin = r.origin();
    read_terms(r, file, d, "sources", out.sources, out.source_ids);
    read_terms(r, file, d, "categories", out.categories, out.category_ids);
    read_terms(r, file, d, "outcomes", out.outcomes, out.outcome_ids);

    Question q;
    q.id = kChronologyId;
    q.type = AnswerType::Chronology;
    q.prompt = r.string("prompt", true);
    q.help = r.string("help");
    q.domain = r.string("domain", true);
    q.subdomain = r.string("subdomain");
    q.cites = r.citations();
    q.origin = out.origin;
    out.question = static_cast<std::uint32_t>(rs.questions.size());
    rs.questions.push_back(std::move(q));
}

}  // namespace continuum::engine
