// The stable JSON form of an evaluation (continuum eval --json), schema "continuum.eval/1",
// documented in app/report/eval-json.md. Fields are only ever added, never renamed.
#pragma once
#include <nlohmann/json.hpp>

#include "evaluation.hpp"

namespace continuum::report {

inline constexpr const char* kEvalSchema = "continuum.eval/1";

nlohmann::json to_json(const Evaluation& e);
nlohmann::json citations_json(const engine::RuleSet& rules, const std::vector<engine::Citation>& cites);
nlohmann::json trace_entry_json(const engine::RuleSet& rules, const engine::TraceEntry& t);

}  // namespace continuum::report
