#include "canonical.hpp"

#include <stdexcept>

#include <openssl/evp.h>

namespace continuum::audit {

nlohmann::json routes_json(const std::vector<RouteDecision>& routes) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : routes)
        out.push_back({{"route", r.route}, {"suggested", r.suggested}, {"decided", r.decided}});
    return out;
}

std::vector<RouteDecision> routes_from_json(const nlohmann::json& j) {
    std::vector<RouteDecision> out;
    if (!j.is_array()) return out;
    for (const auto& item : j) {
        if (!item.is_object()) continue;
        RouteDecision r;
        r.route = item.value("route", "");
        r.suggested = item.value("suggested", "");
        r.decided = item.value("decided", "");
        out.push_back(std::move(r));
    }
    return out;
}

FieldTexts field_texts(const DecisionRecord& r) {
    return {
        std::to_string(r.sequence),
        r.recorded_at,
        r.previous_hash,
        r.case_ref,
        r.referred_at,
        r.practitioner,
        r.role,
        r.ruleset_id,
        r.ruleset_version,
        r.ruleset_digest,
        r.suggested_level,
        r.decided_level,
        routes_json(r.routes).dump(),
        r.agreed ? "1" : "0",
        r.override_category,
        r.reason,
        r.service_consent,
        r.sharing_basis,
        r.family_informed ? "1" : "0",
        r.consent_note,
        r.answers.dump(),
        r.evaluation.dump(),
    };
}

std::string canonical_form(const FieldTexts& fields) {
    std::string out = kCanonicalHeader;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += kCanonicalFields[i];
        out += ':';
        out += std::to_string(fields[i].size());
        out += ':';
        out += fields[i];
        out += '\n';
    }
    return out;
}

std::string canonical_form(const DecisionRecord& record) {
    return canonical_form(field_texts(record));
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 is unavailable in this OpenSSL");
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned i = 0; i < len; ++i) {
        out += digits[md[i] >> 4];
        out += digits[md[i] & 15];
    }
    return out;
}

}  // namespace continuum::audit
