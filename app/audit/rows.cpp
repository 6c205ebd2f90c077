#include "rows.hpp"

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
    DecisionRecord r;
    int c = 0;
    r.sequence = row.integer(c++);
    r.recorded_at = row.text(c++);
    r.previous_hash = row.text(c++);
    r.case_ref = row.text(c++);
    r.referred_at = row.text(c++);
    r.practitioner = row.text(c++);
    r.role = row.text(c++);
    r.ruleset_id = row.text(c++);
    r.ruleset_version = row.text(c++);
    r.ruleset_digest = row.text(c++);
    r.suggested_level = row.text(c++);
    r.decided_level = row.text(c++);
    r.routes = routes_from_json(parse_or_keep(row.text(c++)));
    r.agreed = row.integer(c++) != 0;
    r.override_category = row.text(c++);
    r.reason = row.text(c++);
    r.service_consent = row.text(c++);
    r.sharing_basis = row.text(c++);
    r.family_informed = row.integer(c++) != 0;
    r.consent_note = row.text(c++);
    r.answers = parse_or_keep(row.text(c++));
    r.evaluation = parse_or_keep(row.text(c++));
    r.hash = row.text(c++);
    return r;
}

}  // namespace continuum::audit::rows
