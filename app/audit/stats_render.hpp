// The override figures as a policy group reads them (text), as a spreadsheet takes them (CSV)
// and as other systems read them (JSON, schema continuum.stats/1, app/report/stats-json.md).
// Each shows the chain check beside the figures: figures from a damaged log are still shown,
// never without saying so.
#pragma once
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "decision_stats.hpp"

namespace continuum::audit {

struct StatsContext {
    std::string store;   // the file, or the team store without its password
    VerifyReport chain;  // what verify() found
    std::string rules;   // the rule set whose words are used ("fixture 1 (rules/x)"), if any
};

void write_stats_text(std::ostream& out, const DecisionStats& stats, Grouping by,
                      const StatsContext& context);

// One table for the grouping, a header row first, lines ending CRLF; rates as fractions with
// four decimals, empty where there is nothing to divide by.
void write_stats_csv(std::ostream& out, const DecisionStats& stats, Grouping by);

nlohmann::json stats_json(const DecisionStats& stats, Grouping by, const StatsContext& context);

// "3 (75.0%)", or "0" alone when the whole is 0.
std::string count_and_share(std::int64_t part, std::int64_t whole);

// The chain check in one line: "intact, 18 records, head 1a2b3c4d5e6f" or what is damaged.
std::string chain_line(const VerifyReport& chain);

}  // namespace continuum::audit
