// Group agreement for a training session: per criterion and per scenario, how often trainees'
// committed judgements match the expected ones (percent agreement, Cohen's kappa of trainees
// against the expected judgement) and how much trainees agree with one another (Fleiss'
// kappa), and which scenario and criterion divide them most.
//
// Only each trainee's latest judgement on a scenario counts, so a retry does not make one
// trainee two raters. Criteria are "level", "route:<id>" for every route the expected
// judgements name, and "triggers" (the set of triggers as one category).
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "judgement.hpp"

namespace continuum::report {

struct RatedJudgement {
    std::string trainee, cohort, scenario;
    engine::Judgement committed, expected;
};

struct CriterionAgreement {
    std::string criterion;
    std::size_t judgements = 0;
    std::optional<double> percent, cohen, fleiss;
};

struct ScenarioAgreement {
    std::string scenario;
    std::size_t trainees = 0;
    std::optional<double> percent;  // over every criterion of every trainee
    std::optional<double> fleiss;   // trainees as raters, the scenario's criteria as items
    double mean_score = 0;          // mean share of criteria matched
};

// One scenario and criterion where trainees split: their pairwise agreement and who said what.
struct Division {
    std::string scenario, criterion;
    std::size_t raters = 0;
    double agreement = 1;  // share of pairs of trainees giving the same category
    std::string expected;
    std::vector<std::pair<std::string, std::size_t>> spread;  // category, trainees; most first
};

struct CohortReport {
    std::size_t judgements = 0, trainees = 0, scenarios = 0;
    std::optional<double> percent, cohen;  // over every criterion of every judgement
    std::vector<CriterionAgreement> criteria;
    std::vector<ScenarioAgreement> per_scenario;
    std::vector<Division> divisions;  // least agreement first; only where trainees split
};

// `judgements` in the order they were committed.
CohortReport cohort_report(const std::vector<RatedJudgement>& judgements);

// Plain text with bar charts, for the terminal.
void write_report_text(std::ostream& out, const CohortReport& r);
// One CSV table: kind (overall / criterion / scenario / division), scenario, criterion,
// raters, percent_agreement, cohens_kappa, fleiss_kappa, pairwise_agreement, mean_score.
void write_report_csv(std::ostream& out, const CohortReport& r);

}  // namespace continuum::report
