// Reading decision rows back: the column list every query selects, and the record it makes.
#pragma once
#include <string>

#include "canonical.hpp"
#include "sqlite.hpp"

namespace continuum::audit::rows {

// "sequence, recorded_at, ..., evaluation, hash": the canonical fields then the hash.
const std::string& columns();

// The canonical field texts of the current row (columns 0..21), exactly as stored.
FieldTexts texts(const sql::Statement& row);
// The hash column of the current row.
std::string hash(const sql::Statement& row);

// A record from the current row. JSON that no longer parses (a tampered file) is kept as a
// JSON string of the stored text, so it can still be shown.
DecisionRecord record(const sql::Statement& row);

// The same from stored texts, whichever backend read them.
DecisionRecord record(const FieldTexts& texts, const std::string& hash);

}  // namespace continuum::audit::rows
