// An impact report as text for a terminal and as the stable JSON form (continuum impact
// --json), schema "continuum.impact/1", documented in app/policy/policy-json.md.
#pragma once
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "impact.hpp"

namespace continuum::report {

inline constexpr const char* kImpactSchema = "continuum.impact/1";

// "rule dv_incidents (changed): 14 cases move from Targeted to Intensive; 3 cases: s47 not met ->
// met"
std::string group_summary(const engine::ImpactReport& r, const engine::ResponsibleGroup& g);

// Totals, the transition matrix, the groups, and the first `limit` changed cases of each kind.
std::string to_text(const engine::ImpactReport& r, std::size_t limit);
nlohmann::json to_json(const engine::ImpactReport& r);

}  // namespace continuum::report
