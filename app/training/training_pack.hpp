// Training packs: scenario exercises beside a rule set, in rules/<set>/training/*.toml.
// Each scenario is a synthetic referral told as a referrer would tell it, the answers it
// implies (some shown to the trainee, some left for the trainee to give from the narrative),
// the judgement the rules lead to, and teaching points that cite the rule set's sources.
// The keys are documented for trainers in rules/README.md ("Training packs").
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "engine/diagnostics.hpp"
#include "engine/ruleset/schema.hpp"
#include "judgement.hpp"

namespace continuum::engine {

struct TeachingPoint {
    std::string point;
    std::vector<Citation> cites;
    Origin origin;
};

struct TrainingScenario {
    std::string id, title, narrative;
    std::vector<std::string> tags;  // e.g. "borderline", "cumulative-neglect"
    Origin origin;
    Case intended;                      // every answer the narrative supports
    std::vector<std::uint32_t> to_ask;  // question indices the trainee answers themselves
    Judgement expect;                   // level, every route, triggers
    std::vector<TeachingPoint> teaching;

    // What the trainee is shown: the intended case with the questions to ask left not asked.
    Case prefilled() const;
};

struct TrainingPack {
    std::vector<TrainingScenario> scenarios;  // by file name, then order in the file
    const TrainingScenario* find(std::string_view id) const;
};

// Reads every training/*.toml under the rule set folder; a missing folder is an empty pack.
TrainingPack load_training_pack(const RuleSet& rules, const std::filesystem::path& folder,
                                Diagnostics& d);
// Adds the scenarios of one file to `pack` (ids must be unique across the pack).
void load_training_text(const RuleSet& rules, const std::string& path, const std::string& text,
                        TrainingPack& pack, Diagnostics& d);

// Where the expected judgement and the engine's, on the full intended answers, differ:
// "route s47: expected met, engine gives cannot_rule_out". Empty when they agree.
std::vector<std::string> disagreements_with_engine(const RuleSet& rules, const TrainingScenario& s);

}  // namespace continuum::engine
