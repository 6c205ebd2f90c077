// One recorded decision: what the practitioner saw, what they decided and why. The audit
// store serialises it canonically, chains it by SHA-256 and never changes it afterwards.
// The engine knows nothing of this type; the GUI fills it from an evaluation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace continuum::audit {

struct RouteDecision {
    std::string route;      // route id, e.g. "s47"
    std::string suggested;  // "met" | "not_met" | "cannot_rule_out"
    std::string decided;    // the practitioner's own finding, same words
};

struct DecisionRecord {
    // Set by the store when appending.
    std::int64_t sequence = 0;  // 1, 2, 3 ... in chain order
    std::string recorded_at;    // UTC, "2026-11-24T09:41:07Z"
    std::string previous_hash;  // hex SHA-256 of the previous record; 64 zeros for the first
    std::string hash;           // hex SHA-256 of this record's canonical form

    // Who and what.
    std::string case_ref;     // pseudonymous
    std::string referred_at;  // "2026-11-23T09:40:00" (local time as entered)
    std::string practitioner;
    std::string role;
    std::string ruleset_id, ruleset_version, ruleset_digest;

    // What the aid suggested and what the practitioner decided.
    std::string suggested_level;  // level id
    std::string decided_level;    // level id (equal to suggested when agreed)
    std::vector<RouteDecision> routes;
    bool agreed = true;             // false: an override of the level and/or a route
    std::string override_category;  // "policy" | "discretionary" (empty when agreed)
    std::string reason;             // required for an override; optional note otherwise

    // Consent to a service is recorded apart from the lawful basis for sharing information.
    std::string service_consent;  // "given" | "refused" | "not_sought" | "not_needed"
    std::string sharing_basis;  // e.g. "consent", "public task / safeguarding (no consent needed)"
    bool family_informed = false;  // whether the family was told what is shared and why
    std::string consent_note;      // e.g. why consent was not sought (would increase risk)

    // Everything behind the suggestion: the answers (incl. unknown) and the full evaluation
    // (continuum.eval/1 JSON: outcome, trace, what could change).
    nlohmann::json answers;
    nlohmann::json evaluation;

    // Outside the hash, kept by the team store only: the workstation's id for this submission
    // (so a decision sent again after a lost connection is recorded once) and when the
    // practitioner pressed Record there (UTC), which is earlier than recorded_at when the
    // decision waited in the outbox for the server.
    std::string submission_id;
    std::string submitted_at;
};

}  // namespace continuum::audit
