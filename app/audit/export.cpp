#include "export.hpp"

#include "canonical.hpp"
#include "engine/csv.hpp"

namespace continuum::audit {

namespace {

std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string routes_text(const std::vector<RouteDecision>& routes) {
    std::string out;
    for (const auto& r : routes) {
        if (!out.empty()) out += "; ";
        out += r.route + ": suggested " + r.suggested + ", decided " + r.decided;
    }
    return out;
}

}  // namespace

nlohmann::json to_json(const DecisionRecord& r) {
    return {
        {"schema", "continuum.audit/1"},
        {"sequence", r.sequence},
        {"recorded_at", r.recorded_at},
        {"previous_hash", r.previous_hash},
        {"hash", r.hash},
        {"case_ref", r.case_ref},
        {"referred_at", r.referred_at},
        {"practitioner", r.practitioner},
        {"role", r.role},
        {"ruleset_id", r.ruleset_id},
        {"ruleset_version", r.ruleset_version},
        {"ruleset_digest", r.ruleset_digest},
        {"suggested_level", r.suggested_level},
        {"decided_level", r.decided_level},
        {"routes", routes_json(r.routes)},
        {"agreed", r.agreed},
        {"override_category", r.override_category},
        {"reason", r.reason},
        {"service_consent", r.service_consent},
        {"sharing_basis", r.sharing_basis},
        {"family_informed", r.family_informed},
        {"consent_note", r.consent_note},
        {"answers", r.answers},
        {"evaluation", r.evaluation},
    };
}

void write_jsonl(std::ostream& out, const std::vector<DecisionRecord>& records) {
    for (const auto& r : records)
        out << dump(to_json(r)) << '\n';
}

void write_csv(std::ostream& out, const std::vector<DecisionRecord>& records) {
    out << "sequence,recorded_at,case_ref,referred_at,practitioner,role,ruleset_id,"
           "ruleset_version,ruleset_digest,suggested_level,decided_level,routes,agreed,"
           "override_category,reason,service_consent,sharing_basis,family_informed,"
           "consent_note,answers,previous_hash,hash\r\n";
    for (const auto& r : records) {
        const std::string fields[] = {
            std::to_string(r.sequence),
            r.recorded_at,
            r.case_ref,
            r.referred_at,
            r.practitioner,
            r.role,
            r.ruleset_id,
            r.ruleset_version,
            r.ruleset_digest,
            r.suggested_level,
            r.decided_level,
            routes_text(r.routes),
            r.agreed ? "yes" : "no",
            r.override_category,
            r.reason,
            r.service_consent,
            r.sharing_basis,
            r.family_informed ? "yes" : "no",
            r.consent_note,
            dump(r.answers),
            r.previous_hash,
            r.hash,
        };
        bool first = true;
        for (const auto& f : fields) {
            if (!first) out << ',';
            out << engine::csv_text(f);
            first = false;
        }
        out << "\r\n";
    }
}

}  // namespace continuum::audit
