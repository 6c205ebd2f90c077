// The History view's dealings with the audit store: loading the filtered list, checking the
// chain, exporting. The session runs the reading on History's own thread when the view opens,
// a filter changes or a record is written, and applies what was read between frames; the view
// itself never touches the store.
#pragma once
#include <string>
#include <vector>

#include "audit/store.hpp"
#include "history_state.hpp"

namespace continuum::ui {

// The filter as an audit::Query; `problem` names a malformed date (the query then leaves it out).
audit::Query to_query(const HistoryFilter& filter, std::string& problem);

// What one load read from the store (on History's thread), for show_history() to apply.
struct HistoryPage {
    HistoryFilter filter;
    std::string filter_problem;                  // a malformed date, in words
    std::vector<audit::DecisionRecord> records;  // matching the filter, newest first
    bool more_match = false;                     // older ones match too (kHistoryShown read)
    std::int64_t total = 0;                      // records in the whole log
    std::vector<std::string> practitioners;      // everyone who has recorded, sorted
    std::string error;                           // the store could not be read ("" when it was)
};

// Reads the records matching `filter` and who has recorded, in one snapshot per query.
HistoryPage read_history(const audit::Store& store, const HistoryFilter& filter);

// Shows a page: keeps the selected record if it is still listed, else selects the newest. A
// page that could not be read keeps the list shown before and says why.
void show_history(HistoryState& h, HistoryPage page);

// Shows a chain check's result in plain words.
void show_verify(HistoryState& h, const audit::VerifyReport& report);
std::string chain_status_text(const audit::VerifyReport& report);

// Writes the listed records to `path` (a .part file renamed into place, so a failed export
// leaves nothing half-written) and says how it went in h.export_message.
void export_history(HistoryState& h, const std::string& path, ExportFormat format);

}  // namespace continuum::ui
