#include "training_pack.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "engine/case_io.hpp"
#include "engine/chronology_io.hpp"
#include "engine/evaluate.hpp"
#include "engine/ruleset/load.hpp"
#include "engine/ruleset/pinpoint.hpp"
#include "engine/ruleset/toml_reader.hpp"

namespace continuum::engine {

namespace {

// The same fixed Monday morning as the scenario tests, so due dates do not depend on today.
constexpr DateTime kDefaultReferral{20465, 9 * 3600};  // Monday 2026-01-12T09:00:00

bool valid_finding(const std::string& s) {
    return s == "met" || s == "not_met" || s == "cannot_rule_out";
}

// Scenario ids appear in results files and on the command line: lower case, digits, '-'.
bool valid_scenario_id(std::string_view id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items)
        ids.push_back(i.id);
    return ids;
}

class ScenarioReader {
  public:
    ScenarioReader(const RuleSet& rules, const SourceFile& file, Diagnostics& d)
        : rules_(rules), file_(file), d_(d) {}

    TrainingScenario read(const toml::table& t) {
        TrainingScenario s;
        TableReader r(t, file_, d_, "[[scenario]]",
                      {"id", "title", "narrative", "tags", "referred_at", "ask", "unknown",
                       "answers", "chronology", "expect", "teaching"});
        s.id = r.string("id", true);
        if (!s.id.empty()) {
            r.set_what(fmt::format("scenario '{}'", s.id));
            if (!valid_scenario_id(s.id))
                r.error_at(*r.node("id"), "bad-id",
                           fmt::format("scenario id '{}' may hold only lower-case letters, digits "
                                       "and '-', e.g. \"bruised-baby\"",
                                       s.id));
        }
        s.title = r.string("title", true);
        s.narrative = r.string("narrative", true);
        s.tags = r.strings("tags");
        s.origin = r.origin();
        s.intended = blank_case(rules_);
        s.intended.ref = "TRAINING-" + s.id;
        s.intended.referred_at = kDefaultReferral;
        read_referred_at(r, s);
        read_answers(rules_, r.table("answers"), r.node("unknown"), file_, d_, s.intended);
        read_chronology_toml(rules_, r.node("chronology"), file_, d_, s.intended);
        read_ask(r, s);
        if (const toml::table* expect = r.table("expect"))
            read_expect(*expect, r.what(), s);
        else
            d_.error(file_.path(), file_.pos(t), "missing-key",
                     fmt::format("{} needs an [scenario.expect] table", r.what()));
        read_teaching(r, s);
        return s;
    }

  private:
    void read_referred_at(TableReader& r, TrainingScenario& s) {
        const toml::node* when = r.node("referred_at");
        if (!when) return;
        if (auto at = referral_time_from_toml(*when)) {
            s.intended.referred_at = *at;
        } else {
            r.error_at(*when, "wrong-type",
                       "'referred_at' must be a date and time like 2026-11-23T09:40:00");
        }
    }

    // Questions left for the trainee must have an intended answer (or be intended unknown):
    // otherwise the trainee's answer could not be checked.
    void read_ask(TableReader& r, TrainingScenario& s) {
        const toml::array* ask = r.array("ask");
        if (!ask) return;
        for (const auto& item : *ask) {
            if (!item.is_string()) {
                r.error_at(item, "wrong-type", "'ask' lists question ids in quotes");
                continue;
            }
            std::string id = *item.value<std::string>();
            std::uint32_t qi = rules_.question_index(id);
            if (qi == kNone) {
                r.error_at(item, "unknown-question",
                           fmt::format("'ask' names '{}', but no question has that id{}", id,
                                       did_you_mean(id, ids_of(rules_.questions))));
                continue;
            }
            if (s.intended.answers[qi].state == AnswerState::NotAsked) {
                r.error_at(item, "ask-without-answer",
                           fmt::format("{} asks the trainee '{}' but gives no intended answer: "
                                       "add it to [scenario.answers] or to 'unknown'",
                                       r.what(), id));
                continue;
            }
            if (std::find(s.to_ask.begin(), s.to_ask.end(), qi) != s.to_ask.end()) {
                r.error_at(item, "duplicate-id", fmt::format("'ask' names '{}' twice", id));
                continue;
            }
            s.to_ask.push_back(qi);
        }
    }

    void read_expect(const toml::table& t, const std::string& what, TrainingScenario& s) {
        TableReader e(t, file_, d_, "the expected outcome of " + what,
                      {"level", "routes", "triggers"});
        s.expect.level = e.string("level", true);
        if (!s.expect.level.empty() && rules_.level_index(s.expect.level) == kNone)
            e.error_at(
                *e.node("level"), "unknown-level",
                fmt::format("expected level '{}' is not a level of this rule set{}", s.expect.level,
                            did_you_mean(s.expect.level, ids_of(rules_.levels))));
        if (const toml::table* routes = e.table("routes")) {
            read_routes(*routes, what, s);
        } else if (!e.node("routes")) {
            d_.error(file_.path(), file_.pos(t), "missing-key",
                     fmt::format("{} needs routes = {{ ... }} with a finding for every route",
                                 e.what()));
        }
        if (!e.node("triggers"))
            d_.error(
                file_.path(), file_.pos(t), "missing-key",
                fmt::format("{} needs triggers = [...] (an empty list when none fire)", e.what()));
        s.expect.triggers = e.strings("triggers");
        for (const auto& id : s.expect.triggers)
            if (rules_.trigger_index(id) == kNone)
                e.error_at(*e.node("triggers"), "unknown-trigger",
                           fmt::format("no trigger has the id '{}'{}", id,
                                       did_you_mean(id, ids_of(rules_.triggers))));
        normalise(s.expect);
    }

    // Every route is a criterion the trainee is scored on, so every route needs a finding.
    void read_routes(const toml::table& routes, const std::string& what, TrainingScenario& s) {
        for (const auto& [key, value] : routes) {
            std::string id(key.str());
            if (rules_.route_index(id) == kNone) {
                d_.error(file_.path(), file_.pos(key.source().begin), "unknown-route",
                         fmt::format("no route has the id '{}'{}", id,
                                     did_you_mean(id, ids_of(rules_.routes))));
                continue;
            }
            const std::string* f = value.as_string() ? &value.as_string()->get() : nullptr;
            if (!f || !valid_finding(*f)) {
                d_.error(file_.path(), file_.pos(value), "bad-value",
                         fmt::format("route '{}' expects \"met\", \"not_met\" or "
                                     "\"cannot_rule_out\"",
                                     id));
                continue;
            }
            s.expect.routes[id] = *f;
        }
        for (const auto& route : rules_.routes)
            if (!routes.contains(route.id))
                d_.error(file_.path(), file_.pos(routes), "missing-route",
                         fmt::format("{} gives no expected finding for route '{}': every route "
                                     "is scored",
                                     what, route.id));
    }

    void read_teaching(TableReader& r, TrainingScenario& s) {
        const toml::node* n = r.node("teaching");
        const toml::array* list = n ? n->as_array() : nullptr;
        if (!n || (list && list->empty())) {
            d_.error(file_.path(), s.origin.pos, "missing-key",
                     fmt::format("{} needs at least one [[scenario.teaching]] point", r.what()));
            return;
        }
        if (!list || !list->is_array_of_tables()) {
            r.error_at(*n, "wrong-type", "teaching points are written as [[scenario.teaching]]");
            return;
        }
        for (const auto& item : *list) {
            TableReader t(*item.as_table(), file_, d_, "a teaching point of " + r.what(),
                          {"point", "cites"});
            TeachingPoint p;
            p.point = t.string("point", true);
            p.cites = t.citations(true);
            p.origin = t.origin();
            for (const auto& c : p.cites) {
                std::uint32_t source = rules_.source_index(c.source);
                if (source == kNone)
                    d_.error(c.origin.file, c.origin.pos, "dangling-citation",
                             fmt::format("{} cites '{}', but no [[source]] has that id{}", t.what(),
                                         c.source, did_you_mean(c.source, ids_of(rules_.sources))));
                else if (std::string why = pinpoint_problem(rules_.sources[source], c.pinpoint);
                         !why.empty())
                    d_.error(c.origin.file, c.origin.pos, "unknown-section",
                             fmt::format("{} cites {}", t.what(), why));
            }
            s.teaching.push_back(std::move(p));
        }
    }

    const RuleSet& rules_;
    const SourceFile& file_;
    Diagnostics& d_;
};

}  // namespace

Case TrainingScenario::prefilled() const {
    Case c = intended;
    for (std::uint32_t qi : to_ask)
        c.answers[qi] = Answer{};
    return c;
}

const TrainingScenario* TrainingPack::find(std::string_view id) const {
    for (const auto& s : scenarios)
        if (s.id == id) return &s;
    return nullptr;
}

void load_training_text(const RuleSet& rules, const std::string& path, const std::string& text,
                        TrainingPack& pack, Diagnostics& d) {
    SourceFile file(path, text);
    std::optional<toml::table> parsed = parse_toml(file, d);
    if (!parsed) return;
    const toml::table& doc = *parsed;
    ScenarioReader reader(rules, file, d);
    for (const auto& [key, node] : doc) {
        if (key.str() != "scenario") {
            d.error(path, file.pos(key.source().begin), "unknown-key",
                    fmt::format("unknown section '{}' in a training file: write [[scenario]]{}",
                                key.str(), did_you_mean(key.str(), {"scenario"})));
            continue;
        }
        const toml::array* arr = node.as_array();
        if (!arr || !arr->is_array_of_tables()) {
            d.error(path, file.pos(node), "wrong-type", "scenarios are written as [[scenario]]");
            continue;
        }
        for (const auto& t : *arr) {
            TrainingScenario s = reader.read(*t.as_table());
            if (!s.id.empty() && pack.find(s.id)) {
                const Origin& first = pack.find(s.id)->origin;
                d.error(path, s.origin.pos, "duplicate-id",
                        fmt::format("scenario id '{}' is already used at {}:{}", s.id, first.file,
                                    first.pos.line));
                continue;
            }
            pack.scenarios.push_back(std::move(s));
        }
    }
}

TrainingPack load_training_pack(const RuleSet& rules, const std::filesystem::path& folder,
                                Diagnostics& d) {
    namespace fs = std::filesystem;
    TrainingPack pack;
    fs::path training = folder / "training";
    std::error_code ec;
    if (!fs::is_directory(training, ec)) return pack;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(training, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->path().extension() != ".toml") continue;
        if (std::string why = not_a_toml_file(it->path()); !why.empty())
            d.error(it->path().string(), {}, "unreadable-file", why);
        else
            files.push_back(it->path());
    }
    if (ec) d.error(training.string(), {}, "unreadable-folder", "cannot list: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in.good() && !in.eof()) {
            d.error(f.string(), {}, "unreadable-file", "cannot read this file");
            continue;
        }
        load_training_text(rules, f.string(), text.str(), pack, d);
    }
    return pack;
}

std::vector<std::string> disagreements_with_engine(const RuleSet& rules,
                                                   const TrainingScenario& s) {
    Judgement engine = judgement_of(rules, evaluate(rules, s.intended));
    std::vector<std::string> ids = criterion_ids(rules);
    auto want = criteria_of(s.expect, ids);
    auto got = criteria_of(engine, ids);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (want[i].category != got[i].category) {
            std::string name =
                ids[i].rfind("route:", 0) == 0 ? "route " + ids[i].substr(6) : ids[i];
            out.push_back(fmt::format("{}: expected {}, engine gives {}", name, want[i].category,
                                      got[i].category));
        }
    return out;
}

}  // namespace continuum::engine
