// Feedback on one committed training judgement: criterion by criterion (the level, each
// route, the triggers), whether the trainee's judgement matches what the rules lead to, why
// the rules say so, and the sources they cite. The score is the share of criteria matched.
#pragma once
#include <string>
#include <vector>

#include "engine/ruleset/schema.hpp"
#include "judgement.hpp"

namespace continuum::report {

struct CriterionFeedback {
    std::string id;         // "level", "route:s47", "triggers"
    std::string label;      // "Level", "s47 Enquiries: significant harm", "Triggers"
    std::string committed;  // in words: "Targeted Support", "met", "none"
    std::string expected;
    bool agrees = false;
    std::string why;                 // the rule's own words, for a difference
    std::vector<std::string> cites;  // "source title, pinpoint", for a difference
};

struct TrainingFeedback {
    std::vector<CriterionFeedback> criteria;
    std::size_t matched = 0;
    double score() const {
        return criteria.empty() ? 0.0 : static_cast<double>(matched) / criteria.size();
    }
};

TrainingFeedback score_judgement(const engine::RuleSet& rules, const engine::Judgement& committed,
                                 const engine::Judgement& expected);

}  // namespace continuum::report
