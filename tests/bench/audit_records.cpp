#include "audit_records.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include "audit/canonical.hpp"
#include "audit/store.hpp"

namespace bench {

using continuum::audit::DecisionRecord;

Scratch::Scratch() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "continuum-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir = pattern;
}

Scratch::~Scratch() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
}

DecisionRecord realistic_record(int i) {
    DecisionRecord r;
    r.case_ref = "C-2026-" + std::to_string(i);
    r.referred_at = "2026-11-23T09:40:00";
    r.practitioner = "Alex Rivers";
    r.role = "Social worker, MASH";
    r.ruleset_id = "surrey";
    r.ruleset_version = "2026.1";
    r.ruleset_digest = std::string(64, 'a');
    r.suggested_level = "level3";
    r.decided_level = "level3";
    r.routes = {{"s17", "met", "met"},
                {"s47", "cannot_rule_out", "cannot_rule_out"},
                {"s20", "not_met", "not_met"}};
    r.service_consent = "given";
    r.sharing_basis = "consent";
    for (int q = 0; q < 40; ++q)
        r.answers["answers"]["question_" + std::to_string(q)] = q % 3 == 0;
    r.answers["unknown"] = {"explanation_consistent"};
    for (int t = 0; t < 60; ++t)
        r.evaluation["trace"].push_back(
            {{"rule", "rule_" + std::to_string(t)},
             {"state", t % 2 ? "fired" : "not_fired"},
             {"cites", "Surrey threshold document, para 4." + std::to_string(t)},
             {"values", {{"question_1", true}, {"question_2", false}}}});
    return r;
}

void write_sqlite_log(const std::filesystem::path& file, int records) {
    {
        std::string error;
        if (!continuum::audit::Store::open(file, error))  // schema, application id, WAL
            throw std::runtime_error(error);
    }
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    std::string sql = "INSERT INTO decision VALUES (?";
    for (std::size_t i = 0; i < continuum::audit::kCanonicalFields.size(); ++i)
        sql += ", ?";
    sql += ")";
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr);
    std::string previous = continuum::audit::kGenesisHash;
    for (int i = 1; i <= records; ++i) {
        auto r = realistic_record(i);
        r.sequence = i;
        r.recorded_at = "2026-11-24T09:41:07Z";
        r.previous_hash = previous;
        auto texts = continuum::audit::field_texts(r);
        previous = continuum::audit::sha256_hex(continuum::audit::canonical_form(texts));
        int column = 1;
        for (const auto& t : texts)
            sqlite3_bind_text(insert, column++, t.data(), static_cast<int>(t.size()),
                              SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, column, previous.data(), -1, SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

}  // namespace bench
