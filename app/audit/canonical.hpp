// The canonical serialisation of a DecisionRecord: the exact bytes its SHA-256 hash covers.
// app/audit/README.md documents it so that anyone can re-check a chain without continuum.
//
//   "continuum.audit/1\n", then for each field below, in this order:
//   <name> ":" <length of value in bytes, decimal> ":" <value bytes> "\n"
//
// Values: text fields as given (UTF-8, no normalisation, no trimming); sequence as a decimal
// integer; agreed and family_informed as "1" or "0"; routes, answers and evaluation as compact
// JSON (no spaces, object keys sorted by byte order, non-ASCII left as UTF-8, as
// nlohmann::json::dump() writes it). The hash covers every field except the hash itself, so it
// binds the record's place in the chain (sequence, previous_hash) as well as its content.
#pragma once
#include <array>
#include <string>
#include <string_view>

#include "decision_record.hpp"

namespace continuum::audit {

inline constexpr const char* kCanonicalHeader = "continuum.audit/1\n";

// Field names in canonical order; they are also the column names of the store's table.
inline constexpr std::array<const char*, 22> kCanonicalFields = {
    "sequence",
    "recorded_at",
    "previous_hash",
    "case_ref",
    "referred_at",
    "practitioner",
    "role",
    "ruleset_id",
    "ruleset_version",
    "ruleset_digest",
    "suggested_level",
    "decided_level",
    "routes",
    "agreed",
    "override_category",
    "reason",
    "service_consent",
    "sharing_basis",
    "family_informed",
    "consent_note",
    "answers",
    "evaluation",
};

// Each canonical field's value as text, in kCanonicalFields order. This is also exactly what
// the store writes into its columns. Throws nlohmann::json::type_error (316) when a JSON value
// holds text that is not valid UTF-8.
using FieldTexts = std::array<std::string, kCanonicalFields.size()>;
FieldTexts field_texts(const DecisionRecord& record);

std::string canonical_form(const FieldTexts& fields);
std::string canonical_form(const DecisionRecord& record);

// Lower-case hex SHA-256 (OpenSSL).
std::string sha256_hex(std::string_view bytes);

// The hash of the first record's predecessor: 64 zeros.
inline const std::string kGenesisHash(64, '0');

// Routes as the store keeps them: a JSON array of {"decided","route","suggested"} objects.
nlohmann::json routes_json(const std::vector<RouteDecision>& routes);
std::vector<RouteDecision> routes_from_json(const nlohmann::json& j);

}  // namespace continuum::audit
