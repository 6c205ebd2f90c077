#include "training_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "agreement.hpp"
#include "engine/csv.hpp"

namespace continuum::report {

namespace {

// Latest judgement per trainee (within a cohort) and scenario, in first-seen order.
std::vector<RatedJudgement> latest(const std::vector<RatedJudgement>& all) {
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> at;
    std::vector<RatedJudgement> out;
    for (const auto& j : all) {
        auto key = std::make_tuple(j.cohort, j.trainee, j.scenario);
        if (auto it = at.find(key); it != at.end()) {
            out[it->second] = j;
        } else {
            at[key] = out.size();
            out.push_back(j);
        }
    }
    return out;
}

std::vector<std::string> criteria_ids(const std::vector<RatedJudgement>& js) {
    std::set<std::string> routes;
    for (const auto& j : js)
        for (const auto& [id, f] : j.expected.routes)
            routes.insert(id);
    std::vector<std::string> ids{"level"};
    for (const auto& r : routes)
        ids.push_back("route:" + r);
    ids.push_back("triggers");
    return ids;
}

std::string percent_text(const std::optional<double>& p) {
    return p ? fmt::format("{:.0f}%", *p * 100) : "n/a";
}

std::string kappa_text(const std::optional<double>& k) {
    return k ? fmt::format("{:.3f}", *k) : "n/a";
}

std::string bar(const std::optional<double>& share, std::size_t width = 20) {
    if (!share) return std::string(width, ' ');
    auto filled = static_cast<std::size_t>(std::lround(std::clamp(*share, 0.0, 1.0) * width));
    return std::string(filled, '#') + std::string(width - filled, '.');
}

std::string csv_number(const std::optional<double>& v) {
    return v ? fmt::format("{:.4f}", *v) : "";
}

}  // namespace

CohortReport cohort_report(const std::vector<RatedJudgement>& all) {
    CohortReport r;
    std::vector<RatedJudgement> js = latest(all);
    r.judgements = js.size();
    std::vector<std::string> ids = criteria_ids(js);

    // Each judgement's categories, by criterion, once.
    std::vector<std::vector<engine::Criterion>> committed, expected;
    for (const auto& j : js) {
        committed.push_back(engine::criteria_of(j.committed, ids));
        expected.push_back(engine::criteria_of(j.expected, ids));
    }
    std::vector<std::string> scenario_order;
    std::map<std::string, std::vector<std::size_t>> by_scenario;
    std::set<std::pair<std::string, std::string>> trainees;
    for (std::size_t i = 0; i < js.size(); ++i) {
        if (!by_scenario.count(js[i].scenario)) scenario_order.push_back(js[i].scenario);
        by_scenario[js[i].scenario].push_back(i);
        trainees.insert({js[i].cohort, js[i].trainee});
    }
    r.trainees = trainees.size();
    r.scenarios = scenario_order.size();

    std::vector<std::string> all_c, all_e;
    for (std::size_t c = 0; c < ids.size(); ++c) {
        CriterionAgreement a{ids[c], js.size(), {}, {}, {}};
        std::vector<std::string> tc, te;
        std::vector<std::vector<std::string>> items;
        for (std::size_t i = 0; i < js.size(); ++i) {
            tc.push_back(committed[i][c].category);
            te.push_back(expected[i][c].category);
        }
        for (const auto& s : scenario_order) {
            std::vector<std::string> ratings;
            for (std::size_t i : by_scenario[s])
                ratings.push_back(committed[i][c].category);
            items.push_back(std::move(ratings));
        }
        a.percent = percent_agreement(tc, te);
        a.cohen = cohen_kappa(tc, te);
        a.fleiss = fleiss_kappa(items);
        all_c.insert(all_c.end(), tc.begin(), tc.end());
        all_e.insert(all_e.end(), te.begin(), te.end());
        r.criteria.push_back(std::move(a));
    }
    // Overall figures pair each criterion's categories with its own name, so "met" on s17
    // and "met" on s47 stay different categories.
    for (std::size_t i = 0; i < all_c.size(); ++i) {
        const std::string& id = ids[i / js.size()];
        all_c[i] = id + "=" + all_c[i];
        all_e[i] = id + "=" + all_e[i];
    }
    r.percent = percent_agreement(all_c, all_e);
    r.cohen = cohen_kappa(all_c, all_e);

    for (const auto& s : scenario_order) {
        ScenarioAgreement a{s, by_scenario[s].size(), {}, {}, 0};
        std::vector<std::string> tc, te;
        std::vector<std::vector<std::string>> items(ids.size());
        double scores = 0;
        for (std::size_t i : by_scenario[s]) {
            std::size_t matched = 0;
            for (std::size_t c = 0; c < ids.size(); ++c) {
                tc.push_back(ids[c] + "=" + committed[i][c].category);
                te.push_back(ids[c] + "=" + expected[i][c].category);
                items[c].push_back(tc.back());
                matched += committed[i][c].category == expected[i][c].category;
            }
            scores += static_cast<double>(matched) / static_cast<double>(ids.size());
        }
        a.percent = percent_agreement(tc, te);
        a.fleiss = fleiss_kappa(items);
        a.mean_score = scores / static_cast<double>(by_scenario[s].size());
        r.per_scenario.push_back(std::move(a));

        for (std::size_t c = 0; c < ids.size(); ++c) {
            std::vector<std::string> ratings;
            std::map<std::string, std::size_t> counts;
            for (std::size_t i : by_scenario[s]) {
                ratings.push_back(committed[i][c].category);
                ++counts[ratings.back()];
            }
            auto pa = pairwise_agreement(ratings);
            if (!pa || *pa >= 1.0) continue;
            Division d{s, ids[c], ratings.size(), *pa, expected[by_scenario[s][0]][c].category, {}};
            d.spread.assign(counts.begin(), counts.end());
            std::stable_sort(d.spread.begin(), d.spread.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
            r.divisions.push_back(std::move(d));
        }
    }
    std::stable_sort(
        r.divisions.begin(), r.divisions.end(),
        [](const Division& a, const Division& b) { return a.agreement < b.agreement; });
    return r;
}

void write_report_text(std::ostream& out, const CohortReport& r) {
    out << fmt::format(
        "{} judgements by {} trainees on {} scenarios (latest judgement per trainee "
        "and scenario)\n",
        r.judgements, r.trainees, r.scenarios);
    out << fmt::format("Overall: {} agreement with the expected judgements, Cohen's kappa {}\n\n",
                       percent_text(r.percent), kappa_text(r.cohen));

    out << "By criterion           agreement with expected        Cohen    Fleiss\n";
    for (const auto& c : r.criteria)
        out << fmt::format("  {:<20} {} {:>4}  {:>7}  {:>7}\n", c.criterion, bar(c.percent),
                           percent_text(c.percent), kappa_text(c.cohen), kappa_text(c.fleiss));
    out << "\nBy scenario            agreement with expected        Fleiss   trainees  mean "
           "score\n";
    for (const auto& s : r.per_scenario)
        out << fmt::format("  {:<20} {} {:>4}  {:>7}  {:>8}  {:>9.0f}%\n", s.scenario,
                           bar(s.percent), percent_text(s.percent), kappa_text(s.fleiss),
                           s.trainees, s.mean_score * 100);
    out << "\nWhere trainees divide most (share of pairs of trainees who agree):\n";
    if (r.divisions.empty())
        out << "  nowhere: every trainee gave the same answer on every criterion\n";
    std::size_t shown = 0;
    for (const auto& d : r.divisions) {
        if (++shown > 10) break;
        std::string spread;
        for (const auto& [cat, n] : d.spread)
            spread += fmt::format("{}{} {}", spread.empty() ? "" : ", ", cat, n);
        out << fmt::format("  {:<20} {:<14} {:>4} of pairs agree  ({}; expected {})\n", d.scenario,
                           d.criterion, percent_text(d.agreement), spread, d.expected);
    }
    out << "\nKappa: 1 is full agreement, 0 what chance would give; n/a when everyone used one "
           "category.\n";
}

void write_report_csv(std::ostream& out, const CohortReport& r) {
    out << "kind,scenario,criterion,raters,percent_agreement,cohens_kappa,fleiss_kappa,"
           "pairwise_agreement,mean_score\n";
    out << fmt::format("overall,,,{},{},{},,,\n", r.judgements, csv_number(r.percent),
                       csv_number(r.cohen));
    for (const auto& c : r.criteria)
        out << fmt::format("criterion,,{},{},{},{},{},,\n", engine::csv_text(c.criterion),
                           c.judgements, csv_number(c.percent), csv_number(c.cohen),
                           csv_number(c.fleiss));
    for (const auto& s : r.per_scenario)
        out << fmt::format("scenario,{},,{},{},,{},,{:.4f}\n", engine::csv_text(s.scenario),
                           s.trainees, csv_number(s.percent), csv_number(s.fleiss), s.mean_score);
    for (const auto& d : r.divisions)
        out << fmt::format("division,{},{},{},,,,{:.4f},\n", engine::csv_text(d.scenario),
                           engine::csv_text(d.criterion), d.raters, d.agreement);
}

}  // namespace continuum::report
