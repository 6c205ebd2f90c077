#include "stats_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/csv.hpp"
#include "export.hpp"

namespace continuum::audit {

namespace {

using nlohmann::json;

// Text from the log on its way to a terminal: control characters written as escapes, so a
// name cannot move the cursor or rewrite the line.
std::string shown(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

std::string percent(std::optional<double> f) {
    return f ? fmt::format("{:.1f}%", *f * 100.0) : "-";
}

std::string rate(std::optional<double> f) {
    return f ? fmt::format("{:.4f}", *f) : "";
}

json rate_json(std::optional<double> f) {
    return f ? json(std::round(*f * 10000.0) / 10000.0) : json(nullptr);
}

std::size_t width(const std::string& s) {  // in characters, not bytes
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A plain-text table: the first `words` columns left-aligned, numbers right-aligned, an
// optional last column of words left-aligned and never padded.
class Table {
  public:
    explicit Table(std::vector<std::string> header, std::size_t words = 1,
                   bool last_is_text = false)
        : words_(words), last_is_text_(last_is_text) {
        rows_.push_back(std::move(header));
    }
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void write(std::ostream& out) const {
        std::vector<std::size_t> w(rows_[0].size(), 0);
        for (const auto& r : rows_)
            for (std::size_t i = 0; i < r.size(); ++i)
                w[i] = std::max(w[i], width(r[i]));
        for (const auto& r : rows_) {
            std::string line;
            for (std::size_t i = 0; i < r.size(); ++i) {
                std::string pad(w[i] - width(r[i]), ' ');
                bool text = i < words_ || (last_is_text_ && i + 1 == r.size());
                if (i) line += "  ";
                line += text ? r[i] + (i + 1 == r.size() ? "" : pad) : pad + r[i];
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out << line << "\n";
        }
    }

  private:
    std::vector<std::vector<std::string>> rows_;
    std::size_t words_;
    bool last_is_text_;
};

std::string period_text(const DecisionStats& s) {
    if (s.from && s.to)
        return fmt::format("decisions recorded {} to {} (UTC dates)", *s.from, *s.to);
    if (s.from) return fmt::format("decisions recorded from {} (UTC dates)", *s.from);
    if (s.to) return fmt::format("decisions recorded up to {} (UTC dates)", *s.to);
    return "every decision recorded";
}

const char* grouping_title(Grouping by) {
    switch (by) {
        case Grouping::level:
            return "Suggested level";
        case Grouping::category:
            return "Decision";
        case Grouping::practitioner:
            return "Practitioner";
        case Grouping::month:
            return "Month recorded";
        case Grouping::rule:
            return "Rule";
        case Grouping::route:
            return "Route";
    }
    return "";
}

const std::vector<Group>& groups_of(const DecisionStats& s, Grouping by) {
    static const std::vector<Group> none;
    switch (by) {
        case Grouping::level:
            return s.by_level;
        case Grouping::category:
            return s.by_category;
        case Grouping::practitioner:
            return s.by_practitioner;
        case Grouping::month:
            return s.by_month;
        default:
            return none;
    }
}

std::string finding_words(std::size_t i) {
    static const char* words[] = {"not met", "cannot rule out", "met"};
    return words[i];
}

void write_summary(std::ostream& out, const DecisionStats& s, const StatsContext& c) {
    const Figures& t = s.totals;
    out << "Override figures for " << shown(c.store) << "\n";
    out << "Period: " << period_text(s) << "\n";
    out << "Chain: " << chain_line(c.chain) << "\n";
    for (const auto& p : c.chain.protection_problems)
        out << "PROTECTION DAMAGED: " << shown(p) << "\n";
    if (!c.chain.ok)
        out << "The figures below count the records as they are stored now; the damaged "
               "records may not be what was decided.\n";
    out << "\n";
    if (t.decisions == 0) {
        out << "No decisions were recorded in this period.\n";
        return;
    }
    out << fmt::format("{} decision{}: {} agreed with the suggestion, {} overridden.\n",
                       t.decisions, t.decisions == 1 ? "" : "s",
                       count_and_share(t.agreed, t.decisions),
                       count_and_share(t.overridden(), t.decisions));
    out << fmt::format("Overrides: level raised {}, level lowered {}, a route finding changed {}",
                       t.level_raised, t.level_lowered, t.route_changed);
    if (t.level_order_unknown)
        out << fmt::format(", level changed where the order of the levels is not known {}",
                           t.level_order_unknown);
    out << ".\n";
    out << fmt::format(
        "Re-referrals (the same case referred in the 12 months before): {} of {} decisions "
        "({}).\n",
        t.re_referrals, t.decisions, percent(share(t.re_referrals, t.decisions)));
    if (s.referral_unreadable)
        out << fmt::format(
            "{} decision{} in the period {} a referral time that is not a date and cannot be "
            "counted as a re-referral.\n",
            s.referral_unreadable, s.referral_unreadable == 1 ? "" : "s",
            s.referral_unreadable == 1 ? "has" : "have");
}

void write_groups(std::ostream& out, const DecisionStats& s, Grouping by) {
    const bool unknown = s.totals.level_order_unknown > 0;
    std::vector<std::string> header = {grouping_title(by), "Decisions",    "Agreed",
                                       "Overridden",       "Level raised", "Level lowered"};
    if (unknown) header.push_back("Order unknown");
    header.insert(header.end(), {"Route changed", "Re-referrals"});
    Table table(header);
    for (const Group& g : groups_of(s, by)) {
        const Figures& f = g.figures;
        std::vector<std::string> row = {shown(g.label),
                                        std::to_string(f.decisions),
                                        count_and_share(f.agreed, f.decisions),
                                        count_and_share(f.overridden(), f.decisions),
                                        std::to_string(f.level_raised),
                                        std::to_string(f.level_lowered)};
        if (unknown) row.push_back(std::to_string(f.level_order_unknown));
        row.insert(row.end(),
                   {std::to_string(f.route_changed), count_and_share(f.re_referrals, f.decisions)});
        table.add(std::move(row));
    }
    table.write(out);
}

void write_transitions(std::ostream& out, const DecisionStats& s) {
    for (const Transitions& t : s.transitions) {
        out << "\nSuggested level (rows) against decided level (columns), rule set "
            << shown(t.ruleset_id) << "\n";
        std::vector<std::string> header = {"Suggested \\ decided"};
        for (const auto& l : t.levels)
            header.push_back(shown(l.name));
        Table table(header);
        for (std::size_t r = 0; r < t.levels.size(); ++r) {
            std::vector<std::string> row = {shown(t.levels[r].name)};
            for (std::size_t c = 0; c < t.levels.size(); ++c)
                row.push_back(std::to_string(t.counts[r * t.levels.size() + c]));
            table.add(std::move(row));
        }
        table.write(out);
    }
}

void write_routes(std::ostream& out, const DecisionStats& s) {
    Table table({"Route", "Decisions", "Finding kept", "Raised", "Lowered"});
    for (const RouteFigures& r : s.by_route)
        table.add({shown(r.label), std::to_string(r.decisions),
                   count_and_share(r.kept, r.decisions), std::to_string(r.raised),
                   std::to_string(r.lowered)});
    table.write(out);
    for (const RouteFigures& r : s.by_route) {
        std::vector<std::string> moves;
        for (std::size_t a = 0; a < kFindings.size(); ++a)
            for (std::size_t b = 0; b < kFindings.size(); ++b)
                if (a != b && r.transitions[a][b])
                    moves.push_back(fmt::format("{} -> {} {}", finding_words(a), finding_words(b),
                                                r.transitions[a][b]));
        if (!moves.empty())
            out << shown(r.route) << " changed: " << fmt::format("{}", fmt::join(moves, "; "))
                << "\n";
    }
}

void write_rules(std::ostream& out, const DecisionStats& s, const StatsContext& c) {
    out << "How often each rule was among the reasons for the suggested level,\n"
           "and how often those suggestions were overridden.\n";
    if (!c.rules.empty())
        out << "Says: the words of rule set " << shown(c.rules)
            << " where it defines the rule;\notherwise the words recorded with the decisions.\n";
    for (const VersionFigures& v : s.versions) {
        const Figures& f = v.figures;
        out << fmt::format("\nRule set {} version {}: {} decision{}, {} overridden\n",
                           shown(v.ruleset_id), shown(v.ruleset_version), f.decisions,
                           f.decisions == 1 ? "" : "s",
                           count_and_share(f.overridden(), f.decisions));
        Table table({"Rule", "Kind", "Among reasons", "Overridden", "Level raised", "Level lowered",
                     "Route changed", "Says"},
                    2, true);
        bool any = false;
        for (const RuleFigures& r : s.by_rule) {
            if (r.ruleset_id != v.ruleset_id || r.ruleset_version != v.ruleset_version) continue;
            any = true;
            table.add({shown(r.id), shown(r.kind), std::to_string(r.among),
                       count_and_share(r.overridden.decisions, r.among),
                       std::to_string(r.overridden.level_raised),
                       std::to_string(r.overridden.level_lowered),
                       std::to_string(r.overridden.route_changed),
                       shown(r.says_now.empty() ? r.says : r.says_now)});
        }
        if (any)
            table.write(out);
        else
            out << "No rule fired at the suggested level in these decisions.\n";
    }
}

json figures_json(const Figures& f) {
    return {{"decisions", f.decisions},
            {"agreed", f.agreed},
            {"agreement_rate", rate_json(share(f.agreed, f.decisions))},
            {"overridden", f.overridden()},
            {"override_rate", rate_json(share(f.overridden(), f.decisions))},
            {"level_raised", f.level_raised},
            {"level_lowered", f.level_lowered},
            {"level_order_unknown", f.level_order_unknown},
            {"route_changed", f.route_changed},
            {"re_referrals", f.re_referrals},
            {"re_referral_rate", rate_json(share(f.re_referrals, f.decisions))}};
}

// The project's one CSV field writer; every cell goes through here.
std::string cell(const std::string& text) {
    return engine::csv_text(text);
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        out << (i ? "," : "") << cell(fields[i]);
    out << "\r\n";
}

std::vector<std::string> figures_csv(const Figures& f) {
    return {std::to_string(f.decisions),           std::to_string(f.agreed),
            rate(share(f.agreed, f.decisions)),    std::to_string(f.overridden()),
            std::to_string(f.level_raised),        std::to_string(f.level_lowered),
            std::to_string(f.level_order_unknown), std::to_string(f.route_changed),
            std::to_string(f.re_referrals),        rate(share(f.re_referrals, f.decisions))};
}

const std::vector<std::string> kFiguresHeader = {
    "decisions",    "agreed",          "agreement_rate",      "overridden",
    "level_raised", "level_lowered",   "level_order_unknown", "route_changed",
    "re_referrals", "re_referral_rate"};

}  // namespace

std::string count_and_share(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return std::to_string(part);
    return fmt::format("{} ({})", part, percent(share(part, whole)));
}

std::string chain_line(const VerifyReport& chain) {
    if (chain.ok)
        return fmt::format("intact, {} record{}, head {}", chain.records,
                           chain.records == 1 ? "" : "s", chain.head.substr(0, 12));
    return fmt::format("DAMAGED at record {}: {}", chain.first_bad, shown(chain.problem));
}

void write_stats_text(std::ostream& out, const DecisionStats& s, Grouping by,
                      const StatsContext& context) {
    write_summary(out, s, context);
    if (s.totals.decisions == 0) return;
    out << "\n";
    switch (by) {
        case Grouping::rule:
            write_rules(out, s, context);
            break;
        case Grouping::route:
            out << "By route: the practitioner's finding against the suggested one\n";
            write_routes(out, s);
            break;
        default:
            out << "By "
                << (by == Grouping::level      ? "suggested level"
                    : by == Grouping::category ? "decision"
                                               : to_string(by))
                << "\n";
            write_groups(out, s, by);
            if (by == Grouping::level) write_transitions(out, s);
    }
}

void write_stats_csv(std::ostream& out, const DecisionStats& s, Grouping by) {
    if (by == Grouping::rule) {
        std::vector<std::string> header = {"ruleset_id",
                                           "ruleset_version",
                                           "rule",
                                           "kind",
                                           "among_reasons",
                                           "overridden",
                                           "override_rate",
                                           "level_raised",
                                           "level_lowered",
                                           "level_order_unknown",
                                           "route_changed",
                                           "version_decisions",
                                           "version_overridden",
                                           "version_override_rate",
                                           "says",
                                           "says_now"};
        csv_row(out, header);
        for (const RuleFigures& r : s.by_rule) {
            const Figures* v = nullptr;
            for (const auto& vf : s.versions)
                if (vf.ruleset_id == r.ruleset_id && vf.ruleset_version == r.ruleset_version)
                    v = &vf.figures;
            const Figures& o = r.overridden;
            csv_row(out, {r.ruleset_id, r.ruleset_version, r.id, r.kind, std::to_string(r.among),
                          std::to_string(o.decisions), rate(share(o.decisions, r.among)),
                          std::to_string(o.level_raised), std::to_string(o.level_lowered),
                          std::to_string(o.level_order_unknown), std::to_string(o.route_changed),
                          std::to_string(v->decisions), std::to_string(v->overridden()),
                          rate(share(v->overridden(), v->decisions)), r.says, r.says_now});
        }
        return;
    }
    if (by == Grouping::route) {
        std::vector<std::string> header = {"route",     "label",  "decisions", "kept",
                                           "kept_rate", "raised", "lowered"};
        for (const char* a : kFindings)
            for (const char* b : kFindings)
                if (std::string(a) != b) header.push_back(std::string(a) + "_to_" + b);
        csv_row(out, header);
        for (const RouteFigures& r : s.by_route) {
            std::vector<std::string> row = {r.route,
                                            r.label,
                                            std::to_string(r.decisions),
                                            std::to_string(r.kept),
                                            rate(share(r.kept, r.decisions)),
                                            std::to_string(r.raised),
                                            std::to_string(r.lowered)};
            for (std::size_t a = 0; a < kFindings.size(); ++a)
                for (std::size_t b = 0; b < kFindings.size(); ++b)
                    if (a != b) row.push_back(std::to_string(r.transitions[a][b]));
            csv_row(out, row);
        }
        return;
    }
    std::vector<std::string> header = {to_string(by), "label"};
    if (by == Grouping::level) header.insert(header.begin(), "ruleset_id");
    header.insert(header.end(), kFiguresHeader.begin(), kFiguresHeader.end());
    csv_row(out, header);
    for (const Group& g : groups_of(s, by)) {
        std::vector<std::string> row = {g.key, g.label};
        if (by == Grouping::level) row.insert(row.begin(), g.ruleset_id);
        auto f = figures_csv(g.figures);
        row.insert(row.end(), f.begin(), f.end());
        csv_row(out, row);
    }
}

json stats_json(const DecisionStats& s, Grouping by, const StatsContext& c) {
    json j;
    j["schema"] = "continuum.stats/1";
    j["store"] = c.store;
    j["by"] = to_string(by);
    j["from"] = s.from ? json(*s.from) : json(nullptr);
    j["to"] = s.to ? json(*s.to) : json(nullptr);
    j["chain"] = {{"ok", c.chain.ok},
                  {"records", c.chain.records},
                  {"head", c.chain.head},
                  {"first_bad", c.chain.first_bad},
                  {"problem", c.chain.problem},
                  {"protection_ok", c.chain.protection_ok},
                  {"protection_problems", c.chain.protection_problems}};
    j["totals"] = figures_json(s.totals);
    j["records_read"] = s.records_read;
    j["referral_unreadable"] = s.referral_unreadable;
    json groups = json::array();
    if (by == Grouping::rule) {
        for (const RuleFigures& r : s.by_rule) {
            json g = {{"ruleset_id", r.ruleset_id},
                      {"ruleset_version", r.ruleset_version},
                      {"id", r.id},
                      {"kind", r.kind},
                      {"says", r.says},
                      {"among_reasons", r.among},
                      {"override_rate", rate_json(share(r.overridden.decisions, r.among))},
                      {"overridden", figures_json(r.overridden)}};
            if (!r.says_now.empty()) g["says_now"] = r.says_now;
            groups.push_back(std::move(g));
        }
        json versions = json::array();
        for (const VersionFigures& v : s.versions)
            versions.push_back({{"ruleset_id", v.ruleset_id},
                                {"ruleset_version", v.ruleset_version},
                                {"figures", figures_json(v.figures)}});
        j["versions"] = std::move(versions);
    } else if (by == Grouping::route) {
        for (const RouteFigures& r : s.by_route) {
            json moves = json::array();
            for (std::size_t a = 0; a < kFindings.size(); ++a)
                for (std::size_t b = 0; b < kFindings.size(); ++b)
                    if (r.transitions[a][b])
                        moves.push_back({{"suggested", kFindings[a]},
                                         {"decided", kFindings[b]},
                                         {"decisions", r.transitions[a][b]}});
            groups.push_back({{"route", r.route},
                              {"label", r.label},
                              {"decisions", r.decisions},
                              {"kept", r.kept},
                              {"kept_rate", rate_json(share(r.kept, r.decisions))},
                              {"raised", r.raised},
                              {"lowered", r.lowered},
                              {"transitions", moves}});
        }
    } else {
        for (const Group& g : groups_of(s, by)) {
            json row = {{"key", g.key}, {"label", g.label}, {"figures", figures_json(g.figures)}};
            if (by == Grouping::level) row["ruleset_id"] = g.ruleset_id;
            groups.push_back(std::move(row));
        }
    }
    j["groups"] = std::move(groups);
    if (by == Grouping::level) {
        json all = json::array();
        for (const Transitions& t : s.transitions) {
            json levels = json::array(), counts = json::array();
            for (const auto& l : t.levels)
                levels.push_back({{"id", l.id}, {"name", l.name}});
            for (std::size_t r = 0; r < t.levels.size(); ++r) {
                json row = json::array();
                for (std::size_t col = 0; col < t.levels.size(); ++col)
                    row.push_back(t.counts[r * t.levels.size() + col]);
                counts.push_back(std::move(row));
            }
            all.push_back({{"ruleset_id", t.ruleset_id}, {"levels", levels}, {"counts", counts}});
        }
        j["transitions"] = std::move(all);
    }
    return j;
}

}  // namespace continuum::audit
