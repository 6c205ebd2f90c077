#include "chronology_candidates.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "chronology_eval.hpp"
#include "chronology_words.hpp"

namespace continuum::engine {

namespace {

using expr::ContactAggregate;
using expr::ContactQuery;
using expr::Op;

// The numbers the rules compare each aggregate with (`contacts(...) >= 3`: 3), by query.
std::vector<std::vector<double>> thresholds(const RuleSet& rules) {
    const auto& p = rules.program;
    std::vector<std::vector<double>> out(p.contact_queries.size());
    for (const auto& n : p.nodes) {
        if (n.op == Op::Compare && n.operand_type == ValueType::Number) {
            const auto& a = p.nodes[p.child(n, 0)];
            const auto& b = p.nodes[p.child(n, 1)];
            for (auto [agg, k] : {std::pair{&a, &b}, std::pair{&b, &a}})
                if (agg->op == Op::Chronology && k->op == Op::Const)
                    out[agg->set_first].push_back(p.constant(*k).lo);
        }
        if (n.op == Op::InSet && n.operand_type == ValueType::Number) {
            const auto& a = p.nodes[p.child(n, 0)];
            if (a.op == Op::Chronology)
                for (std::uint32_t i = 0; i < n.set_count; ++i)
                    out[a.set_first].push_back(p.set_numbers[n.set_first + i]);
        }
    }
    for (auto& t : out) {
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
    }
    return out;
}

// "2 more earlier contacts from police about domestic abuse, ending in no further action, in
// the 12 months before the referral": everything about the contacts checking would find.
std::string found_words(const RuleSet& rules, const Contact& c, std::size_t n, bool more,
                        const std::string& when) {
    const ChronologyTerms& t = rules.chronology;
    std::string about;
    std::vector<const std::string*> labels;
    for (std::size_t k = 0; k < t.categories.size(); ++k)
        if (c.categories & (std::uint64_t{1} << k)) labels.push_back(&t.categories[k].label);
    for (std::size_t i = 0; i < labels.size(); ++i)
        about += (i == 0 ? "" : i + 1 == labels.size() ? " and " : ", ") + *labels[i];
    return fmt::format("{} {}earlier contact{} from {} about {}, ending in {}{}{}",
                       n == 1 && !more ? std::string("an") : std::to_string(n), more ? "more " : "",
                       n == 1 ? "" : "s", t.sources[c.source].label, about,
                       t.outcomes[c.outcome].label, when.empty() ? "" : ", ", when);
}

std::size_t count_in(const ContactQuery& q, const std::vector<Contact>& contacts,
                     DayNumber referral_day) {
    Chronology probe{true, contacts};
    Value v = contact_value(q, &probe, referral_day);
    return static_cast<std::size_t>(v.lo);
}

}  // namespace

bool contact_matching(const RuleSet& rules, const ContactQuery& q, DayNumber day, Contact& out,
                      const std::vector<Contact>& recorded) {
    const ChronologyTerms& t = rules.chronology;
    const std::size_t categories = t.categories.size();
    // Of the contacts that pass, the one the fewest other aggregates count: what it changes is
    // then down to this query, and "finds 2 more contacts about neglect" means just that. Among
    // equals, one from an agency the recorded contacts do not come from: that is the agency not
    // yet checked.
    const auto& queries = rules.program.contact_queries;
    auto recorded_source = [&](std::size_t s) {
        return std::any_of(recorded.begin(), recorded.end(),
                           [&](const Contact& c) { return c.source == s; });
    };
    std::size_t best = SIZE_MAX;
    auto try_mask = [&](std::uint64_t mask) {
        for (std::size_t s = 0; s < t.sources.size(); ++s)
            for (std::size_t o = 0; o < t.outcomes.size(); ++o) {
                Contact c{day, static_cast<std::uint16_t>(s), static_cast<std::uint16_t>(o), mask};
                if (!expr::matches(q, c)) continue;
                std::size_t others = 0;
                for (const ContactQuery& other : queries)
                    others += !(other == q) && !other.filter.empty() && expr::matches(other, c);
                const std::size_t score = others * 2 + (recorded_source(s) ? 1 : 0);
                if (score < best) {
                    best = score;
                    out = c;
                }
            }
    };
    // One category at a time; all of them only for a filter that asks for two at once (a
    // contact about everything would read as a stranger finding than the rule needs).
    for (std::size_t k = 0; k < categories; ++k)
        try_mask(std::uint64_t{1} << k);
    if (best == SIZE_MAX && categories > 1)
        try_mask(categories >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << categories) - 1);
    return best != SIZE_MAX;
}

std::vector<HypotheticalAnswer> candidate_chronologies(const RuleSet& rules, const Case& c) {
    std::vector<HypotheticalAnswer> out;
    const std::uint32_t qi = rules.chronology.question;
    if (qi == kNone) return out;
    const Chronology* recorded = recorded_chronology(rules, c);
    if (recorded && recorded->complete) return out;
    const std::vector<Contact> base = recorded ? recorded->contacts : std::vector<Contact>{};
    const DayNumber referral = c.referred_at.day;

    // "checking the agencies not yet checked finds 2 more earlier contacts about neglect";
    // with no chronology yet, "the chronology, once recorded, shows 2 earlier contacts ...".
    auto label = [&](const std::string& found) {
        if (recorded)
            return found.empty() ? std::string(
                                       "checking the agencies not yet checked finds "
                                       "nothing more")
                                 : "checking the agencies not yet checked finds " + found;
        return found.empty() ? std::string(
                                   "the chronology, once recorded, shows no earlier "
                                   "contacts")
                             : "the chronology, once recorded, shows " + found;
    };
    std::vector<std::vector<Contact>> tried;
    auto add = [&](std::vector<Contact> contacts, const std::string& found) {
        Chronology complete{true, std::move(contacts)};
        sort_contacts(complete.contacts);
        if (std::find(tried.begin(), tried.end(), complete.contacts) != tried.end()) return;
        tried.push_back(complete.contacts);
        Answer a = chronology_answer(complete);
        out.push_back({qi, a.value, label(found), a.chronology()});
    };
    add(base, "");

    const auto& queries = rules.program.contact_queries;
    const auto limits = thresholds(rules);
    for (std::size_t k = 0; k < queries.size(); ++k) {
        const ContactQuery& q = queries[k];
        Contact found;  // inside every window: the day before the referral
        if (!contact_matching(rules, q, referral - 1, found, base)) continue;
        if (q.aggregate == ContactAggregate::Count) {
            const std::size_t have = count_in(q, base, referral);
            std::set<std::size_t> more;
            for (double t : limits[k])
                for (double want : {t - 1, t, t + 1})
                    if (want > static_cast<double>(have) && want <= have + 50.0)
                        more.insert(static_cast<std::size_t>(want) - have);
            for (std::size_t m : more) {
                std::vector<Contact> contacts = base;
                contacts.insert(contacts.end(), m, found);
                add(std::move(contacts),
                    found_words(rules, found, m, recorded != nullptr, window_words(q.window)));
            }
            continue;
        }
        for (double t : limits[k])
            for (double days : {t - 1, t, t + 1}) {
                if (days < 0 || days > 36525) continue;
                std::vector<Contact> contacts = base;
                Contact one = found;
                one.day = referral - static_cast<DayNumber>(days);
                contacts.push_back(one);
                add(std::move(contacts),
                    found_words(rules, one, 1, false,
                                days == 0   ? std::string("on the day of the referral")
                                : days == 1 ? std::string("the day before the referral")
                                            : fmt::format("{} days before the referral", days)));
            }
    }
    return out;
}

}  // namespace continuum::engine
