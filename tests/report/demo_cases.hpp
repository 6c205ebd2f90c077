// The Surrey rule set and its demo cases, evaluated as the GUI and the CLI do, with a decision
// record as the GUI would make it (agreed, with a private note), for the report tests.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "audit/decision_record.hpp"
#include "engine/ruleset/schema.hpp"
#include "report/evaluation.hpp"

namespace demo {

const std::shared_ptr<const continuum::engine::RuleSet>& surrey();
// bruised-baby, cumulative-neglect, early-help-refused, homeless-16
const std::vector<std::string>& case_names();
continuum::report::Evaluation evaluate(const std::string& name);
continuum::report::Evaluation evaluate_blank();
// A decision as recorded: agreed, with a note only the practitioner's record should hold.
continuum::audit::DecisionRecord decision(const continuum::report::Evaluation& e);
inline const char* kPrivateNote = "Private note: grandmother Dorothy phoned in, call her back";

}  // namespace demo
