#include "decision_stats.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/date_time.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::audit {

namespace {

using nlohmann::json;

// A level as a rule set version orders and names it.
struct LevelPlace {
    int rank = -1;
    std::string name;
};
using Ladder = std::map<std::string, LevelPlace>;

// One decision in the period, reduced to what the figures read.
struct Decision {
    std::int64_t sequence = 0;
    std::string month;  // YYYY-MM recorded (UTC)
    std::string practitioner, ruleset_id, version, suggested, decided, category;
    bool agreed = true;
    bool re_referral = false;
    std::vector<RouteDecision> routes;
    std::vector<std::string> reasons;
};

// What one decision changed, worked out once the level order of every version is known.
struct Change {
    bool agreed = true;
    int level = 0;  // -1 lowered, 0 same, 1 raised, 2 changed in an unknown order
    bool route_changed = false;
    bool re_referral = false;
};

std::string version_key(const std::string& id, const std::string& version) {
    return id + '\x1f' + version;
}

std::string text(const json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Surrounding spaces and ASCII case do not make another case.
std::string case_key(const std::string& ref) {
    std::size_t b = ref.find_first_not_of(" \t"), e = ref.find_last_not_of(" \t");
    if (b == std::string::npos) return {};
    std::string out = ref.substr(b, e - b + 1);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// The same calendar day 12 months on (29 February: 28 February).
engine::DayNumber twelve_months_after(engine::DayNumber d) {
    int y;
    unsigned m, day;
    engine::civil_date(d, y, m, day);
    if (m == 2 && day == 29 && !engine::valid_date(y + 1, 2, 29)) day = 28;
    return engine::day_number(y + 1, m, day);
}

int finding_rank(const std::string& f) {
    for (std::size_t i = 0; i < kFindings.size(); ++i)
        if (f == kFindings[i]) return static_cast<int>(i);
    return -1;
}

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

std::string month_label(const std::string& ym) {
    int m = std::stoi(ym.substr(5, 2));
    return std::string(kMonths[m - 1]) + " " + ym.substr(0, 4);
}

std::string next_month(const std::string& ym) {
    int y = std::stoi(ym.substr(0, 4)), m = std::stoi(ym.substr(5, 2)) + 1;
    if (m == 13) {
        m = 1;
        ++y;
    }
    return fmt::format("{:04}-{:02}", y, m);
}

std::string category_label(const std::string& c) {
    if (c == "agreed") return "Agreed with the suggestion";
    if (c == "policy") return "Policy override";
    if (c == "discretionary") return "Discretionary override";
    if (c == "none") return "Override, no category recorded";
    return "Override: " + c;
}

int category_order(const std::string& c) {
    if (c == "agreed") return 0;
    if (c == "policy") return 1;
    if (c == "discretionary") return 2;
    return 3;
}

void add(Figures& f, const Change& c) {
    ++f.decisions;
    if (c.agreed) ++f.agreed;
    if (c.level == 1) ++f.level_raised;
    if (c.level == -1) ++f.level_lowered;
    if (c.level == 2) ++f.level_order_unknown;
    if (c.route_changed) ++f.route_changed;
    if (c.re_referral) ++f.re_referrals;
}

// Reads the log and keeps what the figures need: the decisions in the period, the level order
// and words of every version seen, and which cases were referred when.
class Reader {
  public:
    explicit Reader(const StatsRequest& r) : request_(r) {}

    void read(DecisionRecord&& r) {
        ++records_read_;
        learn(r);
        const std::string date = r.recorded_at.substr(0, 10);
        const bool in_period =
            (!request_.from || date >= *request_.from) && (!request_.to || date <= *request_.to);
        bool re_referral = false;
        auto referred = engine::parse_date_time(r.referred_at);
        const std::string key = case_key(r.case_ref);
        if (referred && !key.empty()) {
            auto& seen = referrals_[key];
            std::pair<engine::DayNumber, std::int32_t> at{referred->day, referred->second_of_day};
            auto before = seen.lower_bound(at);
            if (before != seen.begin()) {
                --before;  // the latest referral strictly before this one
                re_referral = referred->day <= twelve_months_after(before->first);
            }
            seen.insert(at);
        } else if (in_period) {
            ++referral_unreadable_;
        }
        if (!in_period) return;
        Decision d;
        d.sequence = r.sequence;
        d.month = valid_date(date) ? r.recorded_at.substr(0, 7) : "";
        d.practitioner = std::move(r.practitioner);
        d.ruleset_id = std::move(r.ruleset_id);
        d.version = std::move(r.ruleset_version);
        d.suggested = std::move(r.suggested_level);
        d.decided = std::move(r.decided_level);
        d.agreed = r.agreed;
        d.category = r.agreed                      ? "agreed"
                     : r.override_category.empty() ? "none"
                                                   : r.override_category;
        d.re_referral = re_referral;
        d.routes = std::move(r.routes);
        // A stored evaluation is read defensively: a damaged record may hold anything.
        const json* because = nullptr;
        if (r.evaluation.is_object())
            if (auto l = r.evaluation.find("level"); l != r.evaluation.end() && l->is_object())
                if (auto b = l->find("because"); b != l->end() && b->is_array()) because = &*b;
        if (because)
            for (const auto& id : *because)
                if (id.is_string()) d.reasons.push_back(id.get<std::string>());
        decisions_.push_back(std::move(d));
    }

    DecisionStats finish();

  private:
    // The level order and the words (route titles, what each rule says) a record carries.
    void learn(const DecisionRecord& r) {
        if (!ruleset_order_.count(r.ruleset_id))
            ruleset_order_.emplace(r.ruleset_id, ruleset_order_.size());
        const json& e = r.evaluation;
        if (!e.is_object()) return;
        const std::string vkey = version_key(r.ruleset_id, r.ruleset_version);
        Ladder& ladder = ladders_[vkey];
        if (auto it = e.find("levels"); it != e.end() && it->is_array()) {
            int rank = 0;
            for (const auto& l : *it) {
                std::string id = text(l, "id");  // "" unless `l` is an object
                if (!id.empty()) {
                    auto given = l.find("rank");
                    int at =
                        given != l.end() && given->is_number_integer() ? given->get<int>() : rank;
                    ladder[id] = {at, text(l, "name")};
                }
                ++rank;
            }
        }
        if (auto it = e.find("level"); it != e.end() && it->is_object()) {
            std::string id = text(*it, "id");
            auto rank = it->find("rank");
            if (!id.empty() && rank != it->end() && rank->is_number_integer())
                ladder[id] = {rank->get<int>(), text(*it, "name")};
        }
        if (auto it = e.find("routes"); it != e.end() && it->is_array())
            for (const auto& route : *it)
                if (!text(route, "id").empty() && !text(route, "title").empty())
                    route_titles_[text(route, "id")] = text(route, "title");
        if (auto it = e.find("trace"); it != e.end() && it->is_array())
            for (const auto& t : *it) {
                std::string kind = text(t, "kind");
                if (kind != "rule" && kind != "combination" && kind != "trigger") continue;
                rule_words_[version_key(vkey, text(t, "id"))] = {kind, text(t, "says")};
            }
    }

    const LevelPlace* place(const std::string& id, const std::string& version,
                            const std::string& level) const;
    std::string level_name(const std::string& id, const std::string& level) const;
    Change change_of(const Decision& d) const;
    std::vector<Group> groups_by_level(const std::vector<Change>& changes) const;
    std::vector<Transitions> transitions(const std::vector<Change>& changes) const;
    void rules_and_versions(const std::vector<Change>& changes, DecisionStats& out) const;
    std::vector<RouteFigures> routes() const;
    // What the rule set given says for this id, when it is that rule set and defines it.
    std::string says_in_rules(const std::string& ruleset_id, const std::string& id) const {
        const engine::RuleSet* rules = request_.rules;
        if (!rules || rules->info.id != ruleset_id) return {};
        for (const auto& r : rules->rules)
            if (r.id == id) return r.says;
        for (const auto& c : rules->combinations)
            if (c.id == id) return c.says;
        for (const auto& t : rules->triggers)
            if (t.id == id) return t.says;
        return {};
    }

    const StatsRequest& request_;
    std::int64_t records_read_ = 0, referral_unreadable_ = 0;
    std::vector<Decision> decisions_;
    std::unordered_map<std::string, std::set<std::pair<engine::DayNumber, std::int32_t>>>
        referrals_;
    std::map<std::string, Ladder> ladders_;  // by version_key
    std::map<std::string, std::size_t> ruleset_order_;
    std::map<std::string, std::string> route_titles_;
    std::map<std::string, std::pair<std::string, std::string>> rule_words_;  // kind, says
};

const LevelPlace* Reader::place(const std::string& id, const std::string& version,
                                const std::string& level) const {
    if (auto l = ladders_.find(version_key(id, version)); l != ladders_.end())
        if (auto p = l->second.find(level); p != l->second.end() && p->second.rank >= 0)
            return &p->second;
    return nullptr;
}

std::string Reader::level_name(const std::string& id, const std::string& level) const {
    // The newest version that names it (versions are read in log order, so any will do when
    // the names agree; the rule set given wins when it is the same rule set).
    const engine::RuleSet* rules = request_.rules;
    if (rules && rules->info.id == id) {
        std::uint32_t li = rules->level_index(level);
        if (li != engine::kNone) return rules->levels[li].name;
    }
    for (const auto& [key, ladder] : ladders_)
        if (key.compare(0, id.size() + 1, id + '\x1f') == 0)
            if (auto p = ladder.find(level); p != ladder.end() && !p->second.name.empty())
                return p->second.name;
    return level;
}

Change Reader::change_of(const Decision& d) const {
    Change c;
    c.agreed = d.agreed;
    c.re_referral = d.re_referral;
    if (d.suggested != d.decided) {
        const LevelPlace *s = place(d.ruleset_id, d.version, d.suggested),
                         *t = place(d.ruleset_id, d.version, d.decided);
        c.level = s && t && s->rank != t->rank ? (t->rank > s->rank ? 1 : -1) : 2;
    }
    for (const auto& r : d.routes)
        if (r.suggested != r.decided) c.route_changed = true;
    return c;
}

std::vector<Group> Reader::groups_by_level(const std::vector<Change>& changes) const {
    std::map<std::tuple<std::size_t, int, std::string>, Group> rows;
    for (std::size_t i = 0; i < decisions_.size(); ++i) {
        const Decision& d = decisions_[i];
        const LevelPlace* p = place(d.ruleset_id, d.version, d.suggested);
        Group& g = rows[{ruleset_order_.at(d.ruleset_id), p ? p->rank : INT32_MAX, d.suggested}];
        if (g.key.empty()) {
            g.key = d.suggested;
            g.ruleset_id = d.ruleset_id;
            g.label = level_name(d.ruleset_id, d.suggested);
            if (ruleset_order_.size() > 1) g.label += " (" + d.ruleset_id + ")";
        }
        add(g.figures, changes[i]);
        if (request_.keep_sequences) {
            g.decisions.push_back(d.sequence);
            if (!d.agreed) g.overridden.push_back(d.sequence);
        }
    }
    std::vector<Group> out;
    for (auto& [k, g] : rows)
        out.push_back(std::move(g));
    return out;
}

std::vector<Transitions> Reader::transitions(const std::vector<Change>&) const {
    std::map<std::size_t, Transitions> by_set;
    std::map<std::string, std::map<std::string, int>> ranks;  // ruleset id -> level -> rank
    for (const auto& [key, ladder] : ladders_) {
        std::string id = key.substr(0, key.find('\x1f'));
        for (const auto& [level, p] : ladder)
            if (p.rank >= 0) ranks[id][level] = p.rank;
    }
    for (const Decision& d : decisions_) {
        for (const auto* level : {&d.suggested, &d.decided})
            ranks[d.ruleset_id].emplace(*level, INT32_MAX);
    }
    for (const auto& [id, levels] : ranks) {
        auto order = ruleset_order_.find(id);
        if (order == ruleset_order_.end()) continue;
        bool used = std::any_of(decisions_.begin(), decisions_.end(),
                                [&](const Decision& d) { return d.ruleset_id == id; });
        if (!used) continue;
        std::vector<std::pair<int, std::string>> sorted;
        for (const auto& [level, rank] : levels)
            sorted.emplace_back(rank, level);
        std::sort(sorted.begin(), sorted.end());
        Transitions& t = by_set[order->second];
        t.ruleset_id = id;
        for (const auto& [rank, level] : sorted)
            t.levels.push_back({level, level_name(id, level)});
        t.counts.assign(t.levels.size() * t.levels.size(), 0);
        if (request_.keep_sequences) t.sequences.resize(t.counts.size());
    }
    for (const Decision& d : decisions_) {
        Transitions& t = by_set.at(ruleset_order_.at(d.ruleset_id));
        auto index = [&](const std::string& level) {
            for (std::size_t i = 0; i < t.levels.size(); ++i)
                if (t.levels[i].id == level) return i;
            return std::size_t{0};  // every level seen was added above
        };
        std::size_t cell = index(d.suggested) * t.levels.size() + index(d.decided);
        ++t.counts[cell];
        if (request_.keep_sequences) t.sequences[cell].push_back(d.sequence);
    }
    std::vector<Transitions> out;
    for (auto& [k, t] : by_set)
        out.push_back(std::move(t));
    return out;
}

void Reader::rules_and_versions(const std::vector<Change>& changes, DecisionStats& out) const {
    std::map<std::string, std::size_t> version_index;
    std::map<std::pair<std::size_t, std::string>, RuleFigures> rules;
    for (std::size_t i = 0; i < decisions_.size(); ++i) {
        const Decision& d = decisions_[i];
        std::string vkey = version_key(d.ruleset_id, d.version);
        auto [v, fresh] = version_index.emplace(vkey, out.versions.size());
        if (fresh) out.versions.push_back({d.ruleset_id, d.version, {}});
        add(out.versions[v->second].figures, changes[i]);
        for (const auto& id : d.reasons) {
            RuleFigures& r = rules[{v->second, id}];
            if (r.id.empty()) {
                r.ruleset_id = d.ruleset_id;
                r.ruleset_version = d.version;
                r.id = id;
                if (auto w = rule_words_.find(version_key(vkey, id)); w != rule_words_.end())
                    std::tie(r.kind, r.says) = w->second;
                r.says_now = says_in_rules(d.ruleset_id, id);
            }
            ++r.among;
            if (request_.keep_sequences) r.sequences.push_back(d.sequence);
            if (d.agreed) continue;
            add(r.overridden, changes[i]);
            if (request_.keep_sequences) r.overridden_sequences.push_back(d.sequence);
        }
    }
    for (auto& [k, r] : rules)
        out.by_rule.push_back(std::move(r));
    std::stable_sort(out.by_rule.begin(), out.by_rule.end(), [&](const auto& a, const auto& b) {
        std::size_t va = version_index.at(version_key(a.ruleset_id, a.ruleset_version)),
                    vb = version_index.at(version_key(b.ruleset_id, b.ruleset_version));
        if (va != vb) return va < vb;
        if (a.overridden.decisions != b.overridden.decisions)
            return a.overridden.decisions > b.overridden.decisions;
        if (a.among != b.among) return a.among > b.among;
        return a.id < b.id;
    });
}

std::vector<RouteFigures> Reader::routes() const {
    std::vector<RouteFigures> out;
    std::map<std::string, std::size_t> index;
    for (const Decision& d : decisions_)
        for (const auto& r : d.routes) {
            auto [it, fresh] = index.emplace(r.route, out.size());
            if (fresh) {
                RouteFigures f;
                f.route = r.route;
                auto title = route_titles_.find(r.route);
                f.label = title == route_titles_.end() ? r.route : r.route + " " + title->second;
                out.push_back(std::move(f));
            }
            RouteFigures& f = out[it->second];
            ++f.decisions;
            int s = finding_rank(r.suggested), t = finding_rank(r.decided);
            if (request_.keep_sequences) f.sequences.push_back(d.sequence);
            if (r.suggested == r.decided) {
                ++f.kept;
            } else {
                if (s >= 0 && t >= 0) ++(t > s ? f.raised : f.lowered);
                if (request_.keep_sequences) f.changed.push_back(d.sequence);
            }
            if (s >= 0 && t >= 0) ++f.transitions[s][t];
        }
    return out;
}

DecisionStats Reader::finish() {
    if (const engine::RuleSet* rules = request_.rules) {
        // The rule set given orders the levels of its own version where the records do not.
        Ladder& ladder = ladders_[version_key(rules->info.id, rules->info.version)];
        for (std::size_t i = 0; i < rules->levels.size(); ++i)
            ladder.emplace(rules->levels[i].id,
                           LevelPlace{static_cast<int>(i), rules->levels[i].name});
    }
    DecisionStats out;
    out.from = request_.from;
    out.to = request_.to;
    out.records_read = records_read_;
    out.referral_unreadable = referral_unreadable_;
    std::vector<Change> changes;
    changes.reserve(decisions_.size());
    for (const Decision& d : decisions_)
        changes.push_back(change_of(d));

    std::map<std::string, Group> practitioners, months;
    std::map<std::pair<int, std::string>, Group> categories;
    for (std::size_t i = 0; i < decisions_.size(); ++i) {
        const Decision& d = decisions_[i];
        Group& p = practitioners[d.practitioner];
        Group& m = months[d.month];
        Group& c = categories[{category_order(d.category), d.category}];
        p.key = p.label = d.practitioner;
        m.key = d.month;
        c.key = d.category;
        c.label = category_label(d.category);
        for (Group* g : {&p, &m, &c}) {
            add(g->figures, changes[i]);
            if (!request_.keep_sequences) continue;
            g->decisions.push_back(d.sequence);
            if (!d.agreed) g->overridden.push_back(d.sequence);
        }
        add(out.totals, changes[i]);
        if (request_.keep_sequences) {
            out.sequences.push_back(d.sequence);
            if (!d.agreed) out.overridden_sequences.push_back(d.sequence);
        }
    }
    // A time that is not a date (only a damaged record has one) is shown apart, last.
    std::optional<Group> undated;
    if (auto it = months.find(""); it != months.end()) {
        undated = std::move(it->second);
        undated->label = "Time recorded unreadable";
        months.erase(it);
    }
    for (auto& [k, g] : practitioners)
        out.by_practitioner.push_back(std::move(g));
    for (auto& [k, g] : categories)
        out.by_category.push_back(std::move(g));
    // Every month of the period, those without a decision too: a trend has no holes.
    std::string first = request_.from    ? request_.from->substr(0, 7)
                        : months.empty() ? std::string()
                                         : months.begin()->first;
    std::string last = request_.to      ? request_.to->substr(0, 7)
                       : months.empty() ? std::string()
                                        : months.rbegin()->first;
    if (!months.empty() || (request_.from && request_.to))
        for (std::string m = first; !first.empty() && m <= last; m = next_month(m)) {
            Group g = months.count(m) ? std::move(months[m]) : Group{};
            g.key = m;
            g.label = month_label(m);
            out.by_month.push_back(std::move(g));
        }
    if (undated) out.by_month.push_back(std::move(*undated));
    out.by_level = groups_by_level(changes);
    out.by_route = routes();
    out.transitions = transitions(changes);
    rules_and_versions(changes, out);
    return out;
}

}  // namespace

std::optional<double> share(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

const char* to_string(Grouping g) {
    switch (g) {
        case Grouping::rule:
            return "rule";
        case Grouping::level:
            return "level";
        case Grouping::route:
            return "route";
        case Grouping::category:
            return "category";
        case Grouping::practitioner:
            return "practitioner";
        case Grouping::month:
            return "month";
    }
    return "level";
}

std::optional<Grouping> grouping_from(const std::string& word) {
    for (Grouping g : {Grouping::rule, Grouping::level, Grouping::route, Grouping::category,
                       Grouping::practitioner, Grouping::month})
        if (word == to_string(g)) return g;
    return std::nullopt;
}

bool compute_stats(const Store& store, const StatsRequest& request, DecisionStats& out,
                   std::string& error) {
    Reader reader(request);
    Query q;
    q.to = request.to;  // what lies before `from` is read for the re-referrals
    if (!store.scan(
            q,
            [&](DecisionRecord&& r) {
                reader.read(std::move(r));
                return true;
            },
            error))
        return false;
    out = reader.finish();
    return true;
}

}  // namespace continuum::audit
