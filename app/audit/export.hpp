// Exporting recorded decisions for other systems and for reading in a spreadsheet.
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "decision_record.hpp"

namespace continuum::audit {

// Every field of a record, the stored hashes included, under its canonical field name.
nlohmann::json to_json(const DecisionRecord& record);

// JSON Lines: one complete record per line (schema "continuum.audit/1"). Text that is not
// valid UTF-8 is written with U+FFFD in its place rather than failing the export.
void write_jsonl(std::ostream& out, const std::vector<DecisionRecord>& records);

// CSV (RFC 4180): a header row, then one row per record, each field through
// engine::csv_text (quoted where needed, and text a spreadsheet would run as a formula
// neutralised with an apostrophe). Lines end CRLF. Routes read "s47: suggested met, decided
// met; ...", answers are compact JSON; the full evaluation is left to the JSONL export.
void write_csv(std::ostream& out, const std::vector<DecisionRecord>& records);

}  // namespace continuum::audit
