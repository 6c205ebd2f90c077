#include "rows.hpp"

#include <cstdlib>

namespace continuum::audit::rows {

namespace {
constexpr int kHashColumn = static_cast<int>(kCanonicalFields.size());

nlohmann::json parse_or_keep(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    return j.is_discarded() ? nlohmann::json(text) : j;
}
}  // namespace

const std::string& columns() {
    static const std::string list = [] {
        std::string out;
        for (const char* name : kCanonicalFields)
            out += std::string(name) + ", ";
        return out + "hash";
    }();
    return list;
}

FieldTexts texts(const sql::Statement& row) {
    FieldTexts out;
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = row.text(static_cast<int>(i));
    return out;
}

std::string hash(const sql::Statement& row) {
    return row.text(kHashColumn);
}

DecisionRecord record(const sql::Statement& row) {
    return record(texts(row), hash(row));
}

DecisionRecord record(const FieldTexts& t, const std::string& hash) {
    DecisionRecord r;
    std::size_t c = 0;
    r.sequence = std::strtoll(t[c++].c_str(), nullptr, 10);
    r.recorded_at = t[c++];
    r.previous_hash = t[c++];
    r.case_ref = t[c++];
    r.referred_at = t[c++];
    r.practitioner = t[c++];
    r.role = t[c++];
    r.ruleset_id = t[c++];
    r.ruleset_version = t[c++];
    r.ruleset_digest = t[c++];
    r.suggested_level = t[c++];
    r.decided_level = t[c++];
    r.routes = routes_from_json(parse_or_keep(t[c++]));
    r.agreed = t[c++] != "0";
    r.override_category = t[c++];
    r.reason = t[c++];
    r.service_consent = t[c++];
    r.sharing_basis = t[c++];
    r.family_informed = t[c++] != "0";
    r.consent_note = t[c++];
    r.answers = parse_or_keep(t[c++]);
    r.evaluation = parse_or_keep(t[c++]);
    r.hash = hash;
    return r;
}

}  // namespace continuum::audit::rows
