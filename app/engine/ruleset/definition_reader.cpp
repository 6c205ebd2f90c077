// Reads one rule file's definitions into the RuleSet, each kind by its own reader: ids spelt
// right, keys known, values of the right type. Conditions are only collected here (pending);
// resolve.cpp checks them once every file is read.
//
// [SECTION] Reading one file
// [SECTION] One reader per kind of definition
#include "definition_reader.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include <fmt/format.h>

#include "../printable.hpp"
#include "chronology_terms.hpp"
#include "family.hpp"
#include "invariant_ties.hpp"
#include "words.hpp"

namespace continuum::engine {

namespace {

// [SECTION] Reading one file

const std::vector<std::string> kTopLevelKeys = {
    "ruleset", "calendar",      "source",      "level",      "domain",    "question",
    "fact",    "rule",          "combination", "trigger",    "route",     "action",
    "consent", "family_letter", "family_text", "invariants", "chronology"};

bool valid_identifier(std::string_view id) {
    if (id.empty() || !(std::islower(static_cast<unsigned char>(id[0])) || id[0] == '_'))
        return false;
    for (char c : id)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
            return false;
    static const char* reserved[] = {"and",        "or",       "not",         "in",
                                     "true",       "false",    "count",       "known",
                                     "days_since", "contacts", "last_contact"};
    for (const char* r : reserved)
        if (id == r) return false;
    return true;
}

class FileReader {
  public:
    FileReader(RuleSet& rs, Diagnostics& d, const SourceFile& file,
               std::vector<PendingCondition>& pending, bool& seen_ruleset, bool& seen_calendar)
        : rs_(rs),
          d_(d),
          file_(file),
          pending_(pending),
          seen_ruleset_(seen_ruleset),
          seen_calendar_(seen_calendar) {}

    void read(const toml::table& doc) {
        for (const auto& [key, node] : doc) {
            std::string k(key.str());
            if (k == "family_letter") {
                if (node.is_table())
                    read_family_letter(*node.as_table(), file_, d_, rs_);
                else
                    d_.error(file_.path(), file_.pos(node), "wrong-type",
                             "'family_letter' must be a table: write [family_letter] on its own "
                             "line");
                continue;
            }
            if (k == "invariants" || k == "chronology") {
                if (const toml::table* t = node.as_table(); t && k == "invariants")
                    read_invariant_ties(*t, file_, d_, rs_.invariants);
                else if (t)
                    read_chronology_terms(*t, file_, d_, rs_);
                else
                    d_.error(file_.path(), file_.pos(node), "wrong-type",
                             fmt::format("'{}' must be a table: write [{}] on its own line", k, k));
                continue;
            }
            if (k == "ruleset" || k == "calendar") {
                if (!node.is_table()) {
                    d_.error(file_.path(), file_.pos(node), "wrong-type",
                             fmt::format("'{}' must be a table: write [{}] on its own line", k, k));
                    continue;
                }
                if (k == "ruleset")
                    read_ruleset(*node.as_table());
                else
                    read_calendar(*node.as_table());
                continue;
            }
            if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), k) == kTopLevelKeys.end()) {
                d_.error(file_.path(), file_.pos(key.source().begin), "unknown-key",
                         fmt::format("unknown section '{}'{}", k, did_you_mean(k, kTopLevelKeys)));
                continue;
            }
            const toml::array* arr = node.as_array();
            if (!arr || !arr->is_array_of_tables()) {
                d_.error(file_.path(), file_.pos(node), "wrong-type",
                         fmt::format("'{}' must be written as [[{}]] (double brackets), one block "
                                     "per {}",
                                     k, k, k));
                continue;
            }
            for (const auto& item : *arr)
                read_item(k, *item.as_table());
        }
    }

  private:
    void read_item(const std::string& kind, const toml::table& t) {
        if (kind == "source")
            read_source(t);
        else if (kind == "level")
            read_level(t);
        else if (kind == "domain")
            read_domain(t);
        else if (kind == "question")
            read_question(t);
        else if (kind == "fact")
            read_fact(t);
        else if (kind == "rule")
            read_rule(t);
        else if (kind == "combination")
            read_combination(t);
        else if (kind == "trigger")
            read_trigger(t);
        else if (kind == "route")
            read_route(t);
        else if (kind == "action")
            read_action(t);
        else if (kind == "consent")
            read_consent(t);
        else if (kind == "family_text")
            read_family_text(t, file_, d_, rs_);
    }

    // Reads `id`, checks its spelling, and names the reader's owner after it.
    std::string read_id(TableReader& r, std::string_view kind) {
        std::string id = r.string("id", true);
        if (!id.empty()) {
            if (!valid_identifier(id))
                r.error_at(*r.node("id"), "bad-id",
                           fmt::format("'{}' cannot be used as an id: use lower-case letters, "
                                       "digits and '_', starting with a letter, and not a word "
                                       "of the condition language",
                                       excerpt(id)));
            r.set_what(fmt::format("{} '{}'", kind, excerpt(id)));
        }
        return id;
    }

    void keep(std::optional<PendingCondition> pc, ItemKind kind, std::size_t index,
              bool is_unless = false) {
        if (!pc) return;
        pc->kind = kind;
        pc->index = static_cast<std::uint32_t>(index);
        pc->is_unless = is_unless;
        pending_.push_back(std::move(*pc));
    }

    // [SECTION] One reader per kind of definition

    void read_ruleset(const toml::table& t) {
        TableReader r(t, file_, d_, "[ruleset]", {"id", "name", "version", "area", "description"});
        if (seen_ruleset_) {
            d_.error(file_.path(), file_.pos(t), "duplicate-ruleset",
                     "[ruleset] is defined more than once; keep one");
            return;
        }
        seen_ruleset_ = true;
        auto& i = rs_.info;
        i.id = r.string("id", true);
        i.name = r.string("name", true);
        i.version = r.string("version", true);
        i.area = r.string("area");
        i.description = r.string("description");
        i.origin = r.origin();
    }

    void read_calendar(const toml::table& t) {
        TableReader r(t, file_, d_, "[calendar]", {"region", "bank_holidays", "cites"});
        if (seen_calendar_) {
            d_.error(file_.path(), file_.pos(t), "duplicate-calendar",
                     "[calendar] is defined more than once; keep one");
            return;
        }
        seen_calendar_ = true;
        auto& c = rs_.calendar;
        c.region = r.string("region", true);
        c.cites = r.citations();
        c.origin = r.origin();
        if (const toml::array* days = r.array("bank_holidays")) {
            for (const auto& day : *days) {
                const auto* dn = day.as_date();
                if (!dn) {
                    r.error_at(day, "wrong-type",
                               fmt::format("bank holidays are written as dates like 2026-12-25, "
                                           "not {}",
                                           toml_type_name(day)));
                    continue;
                }
                toml::date v = dn->get();
                c.bank_holidays.push_back(day_number(v.year, v.month, v.day));
            }
        } else if (!r.node("bank_holidays")) {
            d_.error(file_.path(), file_.pos(t), "missing-key", "[calendar] needs 'bank_holidays'");
        }
        std::sort(c.bank_holidays.begin(), c.bank_holidays.end());
        if (!c.bank_holidays.empty()) {
            int y0, y1;
            unsigned m, dd;
            civil_date(c.bank_holidays.front(), y0, m, dd);
            civil_date(c.bank_holidays.back(), y1, m, dd);
            c.covers_from = day_number(y0, 1, 1);
            c.covers_to = day_number(y1, 12, 31);
        }
    }

    void read_source(const toml::table& t) {
        TableReader r(t, file_, d_, "[[source]]",
                      {"id", "title", "publisher", "date", "url", "text", "sections"});
        Source s;
        s.id = read_id(r, "source");
        s.title = r.string("title", true);
        s.publisher = r.string("publisher");
        s.date = r.string("date");
        s.url = r.string("url");
        s.text = r.string("text");
        s.sections = r.strings("sections");
        s.origin = r.origin();
        if (s.url.empty() && s.text.empty())
            d_.warning(file_.path(), file_.pos(t), "source-without-reference",
                       fmt::format("{} has neither 'url' nor 'text', so a reader cannot check it",
                                   r.what()));
        rs_.sources.push_back(std::move(s));
    }

    void read_level(const toml::table& t) {
        TableReader r(t, file_, d_, "[[level]]",
                      {"id", "name", "band", "colour", "description", "actions", "cites"});
        Level l;
        l.id = read_id(r, "level");
        l.name = r.string("name", true);
        l.band = r.string("band");
        l.colour = r.string("colour", true);
        l.description = r.string("description");
        l.actions = r.strings("actions");
        l.cites = r.citations();
        l.origin = r.origin();
        if (!l.colour.empty()) {
            bool ok = l.colour.size() == 7 && l.colour[0] == '#' &&
                      std::all_of(l.colour.begin() + 1, l.colour.end(), [](char c) {
                          return std::isxdigit(static_cast<unsigned char>(c));
                      });
            if (!ok)
                r.error_at(*r.node("colour"), "bad-colour",
                           fmt::format("colour of {} must be written like \"#1b9e77\"", r.what()));
        }
        rs_.levels.push_back(std::move(l));
    }

    void read_domain(const toml::table& t) {
        TableReader r(t, file_, d_, "[[domain]]", {"id", "title", "description"});
        Domain dm;
        dm.id = read_id(r, "domain");
        dm.title = r.string("title", true);
        dm.description = r.string("description");
        dm.origin = r.origin();
        rs_.domains.push_back(std::move(dm));
    }

    void read_question(const toml::table& t) {
        TableReader r(t, file_, d_, "[[question]]",
                      {"id", "prompt", "help", "type", "choices", "domain", "subdomain", "unit",
                       "min", "max", "ask_when", "cites", "yes_says", "no_says", "open_says",
                       "answer_says", "protected_source"});
        Question q;
        q.id = read_id(r, "question");
        q.prompt = r.string("prompt", true);
        q.help = r.string("help");
        q.domain = r.string("domain", true);
        q.subdomain = r.string("subdomain");
        q.unit = r.string("unit");
        q.min = r.number("min");
        q.max = r.number("max");
        q.cites = r.citations();
        q.origin = r.origin();
        std::string type = r.string("type", true);
        static const std::vector<std::string> types = {"yes_no", "choice", "number", "date",
                                                       "text"};
        if (type == "yes_no")
            q.type = AnswerType::YesNo;
        else if (type == "choice")
            q.type = AnswerType::Choice;
        else if (type == "number")
            q.type = AnswerType::Number;
        else if (type == "date")
            q.type = AnswerType::Date;
        else if (type == "text")
            q.type = AnswerType::Text;
        else if (!type.empty())
            r.error_at(
                *r.node("type"), "bad-value",
                fmt::format("type of {} is '{}'{}; the types are yes_no, choice, number, date "
                            "and text",
                            r.what(), type, did_you_mean(type, types)));
        read_choices(r, q);
        read_statement(r, q.words, q.type);
        q.protected_source = read_flag(r, "protected_source");
        std::size_t index = rs_.questions.size();
        keep(r.condition("ask_when", q.ask_when), ItemKind::Question, index);
        rs_.questions.push_back(std::move(q));
    }

    void read_choices(TableReader& r, Question& q) {
        const toml::array* arr = r.array("choices");
        if (q.type != AnswerType::Choice) {
            if (arr)
                r.error_at(*r.node("choices"), "bad-value",
                           fmt::format("{} has choices but its type is not \"choice\"", r.what()));
            return;
        }
        if (!arr || arr->empty()) {
            d_.error(file_.path(), r.origin().pos, "missing-key",
                     fmt::format("{} is a choice question and needs 'choices'", r.what()));
            return;
        }
        std::unordered_set<std::string> seen;
        for (const auto& c : *arr) {
            ChoiceOption opt;
            if (c.is_string()) {
                opt.id = *c.value<std::string>();
                opt.label = opt.id;
                r.refuse_controls("choices", c, opt.id);
            } else if (const toml::table* ct = c.as_table()) {
                TableReader cr(*ct, file_, d_, "a choice of " + r.what(), {"id", "label"});
                opt.id = cr.string("id", true);
                opt.label = cr.string("label", true);
            } else {
                r.error_at(c, "wrong-type",
                           "a choice is a quoted text or { id = \"...\", label = \"...\" }");
                continue;
            }
            if (!seen.insert(opt.id).second)
                r.error_at(
                    c, "duplicate-id",
                    fmt::format("choice '{}' appears twice in {}", excerpt(opt.id), r.what()));
            q.choice_ids.push_back(opt.id);
            q.choices.push_back(std::move(opt));
        }
    }

    void read_fact(const toml::table& t) {
        TableReader r(
            t, file_, d_, "[[fact]]",
            {"id", "label", "when", "cites", "yes_says", "no_says", "open_says", "guard"});
        Fact f;
        f.id = read_id(r, "fact");
        f.label = r.string("label", true);
        read_statement(r, f.words, std::nullopt);
        f.guard = read_flag(r, "guard");
        f.cites = r.citations();
        f.origin = r.origin();
        keep(r.condition("when", f.when, true), ItemKind::Fact, rs_.facts.size());
        rs_.facts.push_back(std::move(f));
    }

    void read_rule(const toml::table& t) {
        TableReader r(t, file_, d_, "[[rule]]",
                      {"id", "level", "domain", "subdomain", "says", "when", "unless",
                       "unless_says", "cites"});
        LevelRule lr;
        lr.id = read_id(r, "rule");
        lr.level = r.string("level", true);
        lr.domain = r.string("domain");
        lr.subdomain = r.string("subdomain");
        lr.says = r.string("says", true);
        lr.unless_says = r.string("unless_says");
        lr.cites = r.citations();
        lr.origin = r.origin();
        std::size_t index = rs_.rules.size();
        keep(r.condition("when", lr.when, true), ItemKind::Rule, index);
        keep(r.condition("unless", lr.unless), ItemKind::Rule, index, true);
        if (!lr.unless_says.empty() && !lr.unless.present())
            r.error_at(*r.node("unless_says"), "bad-value",
                       fmt::format("{} has 'unless_says' but no 'unless' condition", r.what()));
        rs_.rules.push_back(std::move(lr));
    }

    void read_combination(const toml::table& t) {
        TableReader r(t, file_, d_, "[[combination]]",
                      {"id", "level", "says", "counts_level", "of", "at_least", "across_domains",
                       "cites", "yes_says", "no_says", "open_says"});
        Combination c;
        c.id = read_id(r, "combination");
        c.level = r.string("level", true);
        c.says = r.string("says", true);
        read_statement(r, c.words, std::nullopt);
        c.counts_level = r.string("counts_level");
        c.of = r.strings("of");
        c.cites = r.citations();
        c.origin = r.origin();
        if (c.counts_level.empty() == c.of.empty())
            d_.error(
                file_.path(), c.origin.pos, "bad-value",
                fmt::format("{} needs exactly one of 'counts_level' (count that level's rules) "
                            "or 'of' (a list of rule ids)",
                            r.what()));
        auto at_least = r.integer("at_least", true);
        auto across = r.integer("across_domains");
        if (at_least && *at_least < 1)
            r.error_at(*r.node("at_least"), "bad-value", "'at_least' must be 1 or more");
        if (across && *across < 1)
            r.error_at(*r.node("across_domains"), "bad-value",
                       "'across_domains' must be 1 or more");
        c.at_least = static_cast<std::uint32_t>(std::max<std::int64_t>(1, at_least.value_or(1)));
        c.across_domains =
            static_cast<std::uint32_t>(std::max<std::int64_t>(1, across.value_or(1)));
        rs_.combinations.push_back(std::move(c));
    }

    void read_trigger(const toml::table& t) {
        TableReader r(t, file_, d_, "[[trigger]]",
                      {"id", "title", "says", "when", "level", "actions", "cites"});
        Trigger tr;
        tr.id = read_id(r, "trigger");
        tr.title = r.string("title", true);
        tr.says = r.string("says", true);
        tr.level = r.string("level");
        tr.actions = r.strings("actions");
        tr.cites = r.citations();
        tr.origin = r.origin();
        keep(r.condition("when", tr.when, true), ItemKind::Trigger, rs_.triggers.size());
        rs_.triggers.push_back(std::move(tr));
    }

    void read_route(const toml::table& t) {
        TableReader r(t, file_, d_, "[[route]]",
                      {"id", "title", "section", "standard", "says", "test", "unless",
                       "unless_says", "actions", "actions_if_cannot_rule_out", "wording", "cites"});
        Route rt;
        rt.id = read_id(r, "route");
        rt.title = r.string("title", true);
        rt.section = r.string("section", true);
        rt.says = r.string("says");
        rt.unless_says = r.string("unless_says");
        rt.actions = r.strings("actions");
        rt.actions_if_cannot_rule_out = r.strings("actions_if_cannot_rule_out");
        rt.cites = r.citations();
        rt.origin = r.origin();
        std::string standard = r.string("standard", true);
        static const std::vector<std::string> standards = {"suspect", "believe", "likely",
                                                           "appears", "court_satisfied"};
        if (standard == "suspect")
            rt.standard = Standard::Suspect;
        else if (standard == "believe")
            rt.standard = Standard::Believe;
        else if (standard == "likely")
            rt.standard = Standard::Likely;
        else if (standard == "appears")
            rt.standard = Standard::Appears;
        else if (standard == "court_satisfied")
            rt.standard = Standard::CourtSatisfied;
        else if (!standard.empty())
            r.error_at(*r.node("standard"), "bad-value",
                       fmt::format("standard of {} is '{}'{}; the standards are suspect, believe, "
                                   "likely, appears and court_satisfied",
                                   r.what(), standard, did_you_mean(standard, standards)));
        if (const toml::table* w = r.table("wording")) {
            TableReader wr(*w, file_, d_, "the wording of " + r.what(),
                           {"met", "not_met", "cannot_rule_out"});
            rt.wording_met = wr.string("met");
            rt.wording_not_met = wr.string("not_met");
            rt.wording_cannot_rule_out = wr.string("cannot_rule_out");
        }
        std::size_t index = rs_.routes.size();
        keep(r.condition("test", rt.test, true), ItemKind::Route, index);
        keep(r.condition("unless", rt.unless), ItemKind::Route, index, true);
        rs_.routes.push_back(std::move(rt));
    }

    void read_action(const toml::table& t) {
        TableReader r(t, file_, d_, "[[action]]",
                      {"id", "title", "says", "due", "after", "when", "cites"});
        Action a;
        a.id = read_id(r, "action");
        a.title = r.string("title", true);
        a.says = r.string("says");
        a.after = r.string("after");
        a.cites = r.citations();
        a.origin = r.origin();
        if (const toml::table* due = r.table("due")) {
            TableReader dr(*due, file_, d_, "the due time of " + r.what(),
                           {"working_days", "calendar_days", "hours"});
            int given = 0;
            for (auto [key, unit] : {std::pair{"working_days", TimeUnit::WorkingDays},
                                     std::pair{"calendar_days", TimeUnit::CalendarDays},
                                     std::pair{"hours", TimeUnit::Hours}}) {
                if (auto n = dr.integer(key)) {
                    ++given;
                    a.due = {unit, static_cast<std::int32_t>(*n)};
                    if (*n < 0 || *n > 3650)
                        dr.error_at(*due->get(key), "bad-value",
                                    fmt::format("'{}' must be between 0 and 3650", key));
                }
            }
            if (given != 1)
                r.error_at(*r.node("due"), "bad-value",
                           "'due' takes exactly one of working_days, calendar_days or hours, e.g. "
                           "due = { working_days = 1 }");
        }
        keep(r.condition("when", a.when), ItemKind::Action, rs_.actions.size());
        rs_.actions.push_back(std::move(a));
    }

    void read_consent(const toml::table& t) {
        TableReader r(t, file_, d_, "[[consent]]", {"id", "kind", "says", "when", "cites"});
        ConsentRule c;
        c.id = read_id(r, "consent");
        c.says = r.string("says", true);
        c.cites = r.citations();
        c.origin = r.origin();
        std::string kind = r.string("kind", true);
        static const std::vector<std::string> kinds = {"requirement", "position", "prompt"};
        if (kind == "requirement")
            c.kind = ConsentKind::Requirement;
        else if (kind == "position")
            c.kind = ConsentKind::Position;
        else if (kind == "prompt")
            c.kind = ConsentKind::Prompt;
        else if (!kind.empty())
            r.error_at(*r.node("kind"), "bad-value",
                       fmt::format("kind of {} is '{}'{}; the kinds are requirement, position and "
                                   "prompt",
                                   r.what(), kind, did_you_mean(kind, kinds)));
        keep(r.condition("when", c.when, true), ItemKind::Consent, rs_.consents.size());
        rs_.consents.push_back(std::move(c));
    }

    RuleSet& rs_;
    Diagnostics& d_;
    const SourceFile& file_;
    std::vector<PendingCondition>& pending_;
    bool& seen_ruleset_;
    bool& seen_calendar_;
};

}  // namespace

void read_definitions(const toml::table& doc, const SourceFile& file, RuleSet& rs,
                      std::vector<PendingCondition>& pending, bool& seen_ruleset,
                      bool& seen_calendar, Diagnostics& d) {
    FileReader reader(rs, d, file, pending, seen_ruleset, seen_calendar);
    reader.read(doc);
}

}  // namespace continuum::engine
