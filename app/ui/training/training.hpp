// The Training and Trainer views' dealings with the engine, the pack and the results: turning
// the trainee's draft into a judgement, the comparison shown after reveal, the cohort figures
// and their export. The session calls these; the views only draw what they produce.
#pragma once
#include <string>

#include "report/evaluation.hpp"
#include "training/training_pack.hpp"
#include "training_results.hpp"
#include "training_state.hpp"

namespace continuum::ui {

// A blank draft for `rules`: nothing chosen, no triggers.
JudgementDraft blank_draft(const engine::RuleSet& rules);

// A judgement as a draft, to show what was committed.
JudgementDraft draft_of(const engine::RuleSet& rules, const engine::Judgement& j);

// The judgement a draft says, or nothing and `problem` in words when it is not complete.
std::optional<engine::Judgement> judgement_of_draft(const engine::RuleSet& rules,
                                                    const JudgementDraft& d, std::string& problem);

// The trainee's answers to the questions they were asked, as JSON for the results file.
std::string asked_answers_json(const engine::RuleSet& rules, const engine::Case& c,
                               const std::vector<std::uint32_t>& asked);

// The comparison shown after reveal: each criterion's three judgements, the rules' reasons and
// sources where the trainee differs, the engine's own why / why not, the teaching points, and
// the asked questions the trainee answered differently from the narrative.
TrainingReveal build_reveal(const engine::RuleSet& rules, const engine::TrainingScenario& s,
                            const engine::Case& answered, const report::Evaluation& engine,
                            const engine::Judgement& committed);

// "Level", "s47 Enquiries: significant harm", "Always-refer triggers" for a criterion id.
std::string criterion_label(const engine::RuleSet& rules, const std::string& id);

// A criterion's category in words: "Statutory Services", "cannot rule out", the triggers'
// titles ("none" when none).
std::string category_words(const engine::RuleSet& rules, const std::string& criterion,
                           const std::string& category);

// A narrative as written in a pack file (lines broken for the file) as paragraphs: single
// line breaks become spaces, blank lines stay.
std::string reflow(const std::string& text);

// Reads the results for the Trainer view with `cohort` and `scenario` ("" = all).
void load_trainer(TrainerState& t, const TrainingResults& results, const std::string& cohort,
                  const std::string& scenario);

// Writes the figures (as `continuum training report --csv`) or, with `judgements`, every
// judgement listed (as `continuum training export --format csv`) to `path`, through a .part
// file renamed into place; says how it went in t.export_message.
void export_trainer(TrainerState& t, const TrainingResults& results, const std::string& path,
                    bool judgements);

}  // namespace continuum::ui
