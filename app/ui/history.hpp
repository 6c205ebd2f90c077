// The History view's dealings with the audit store: loading the filtered list, checking the
// chain, exporting. The session calls these when the view opens, a filter changes, a record is
// written or an export is asked for; the view itself never touches the store.
#pragma once
#include <string>

#include "audit/store.hpp"
#include "history_state.hpp"

namespace continuum::ui {

// The filter as an audit::Query; `problem` names a malformed date (the query then leaves it out).
audit::Query to_query(const HistoryFilter& filter, std::string& problem);

// Reads the records matching `filter` (newest first) and who has recorded; keeps the selected
// record if it is still listed, else selects the newest.
void load_history(HistoryState& h, const audit::Store& store, const HistoryFilter& filter);

// Recomputes the chain and says in plain words whether it holds.
void verify_history(HistoryState& h, const audit::Store& store);
std::string chain_status_text(const audit::VerifyReport& report);

// Writes the listed records to `path` (a .part file renamed into place, so a failed export
// leaves nothing half-written) and says how it went in h.export_message.
void export_history(HistoryState& h, const std::string& path, ExportFormat format);

}  // namespace continuum::ui
