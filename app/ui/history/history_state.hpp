// What the History view shows: recorded decisions loaded from the audit store when the view
// opens, when a filter changes and after each recording; never read from the store per frame.
// Loading and the chain check run on History's own thread (session.hpp); the view shows what
// it has meanwhile and says what is still being read or checked.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "audit/decision_record.hpp"

namespace continuum::ui {

// The filters as typed. Empty means "any". Dates are YYYY-MM-DD (UTC date recorded).
struct HistoryFilter {
    std::string from, to, practitioner, level, route, text;
    // The decisions behind one figure of the Overrides view, and that figure in words; `about`
    // empty: no such selection.
    std::vector<std::int64_t> sequences;
    std::string about;
    bool operator==(const HistoryFilter&) const = default;
};

enum class ExportFormat { Jsonl, Csv };

// How many matching decisions History reads at most, newest first: a team store holds years.
inline constexpr std::int64_t kHistoryShown = 1000;

struct HistoryState {
    bool open = false;
    std::string unavailable;     // why there is no history to show ("" when the store is there)
    std::string source;          // where the list comes from: the file, or the team store
    bool team = false;           // the team store: everyone's decisions, not only this desk's
    bool loading = false;        // a load is running on History's thread
    bool verifying = false;      // the chain is being checked on History's thread
    HistoryFilter applied;       // the filter the list was loaded with
    std::string filter_problem;  // a malformed date, in words
    std::vector<audit::DecisionRecord> records;  // matching the filter, newest first
    bool more_match = false;  // older records match too: only the newest kHistoryShown are read
    std::int64_t total = 0;   // records in the whole log
    std::vector<std::string> practitioners;  // everyone who has recorded, sorted
    std::int64_t selected = 0;               // sequence of the record shown (0: none)
    bool chain_ok = true;
    bool chain_checked = false;  // chain_status says something (the first check has finished)
    std::string chain_status;    // "Chain verified: 12 records, head 3f2a…" or where it broke
    std::string export_message;
    bool export_failed = false;
    unsigned loads = 0;     // times the list was read from the store
    unsigned verifies = 0;  // times the chain was recomputed
};

// Buffers the History view edits in place.
struct HistoryScratch {
    HistoryFilter filter;
    std::string export_path;
    ExportFormat export_format = ExportFormat::Jsonl;
    bool show_not_fired = false;  // the trace lists only what fired or may have, unless asked
};

}  // namespace continuum::ui
