// Migrating into the team store: records copied exactly from a local log (their sequence,
// times and hash as they were, marked 'migrated'), in one transaction so a failed copy leaves
// nothing behind, and the note of the migration itself. migrate.cpp decides what is copied.
#include "pg_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "canonical.hpp"
#include "rows.hpp"

namespace continuum::audit {

bool PgStore::import_exact(const std::vector<DecisionRecord>& records, std::string& error) {
    std::string problem;
    pg::Connection* c = connection(problem);
    if (!c) {
        error = fmt::format("the team store {} could not be reached ({})", shown_, problem);
        return false;
    }
    pg::Result begin = c->exec("BEGIN");
    if (!begin.ok()) {
        error = begin.message;
        return false;
    }
    const std::string sql =
        fmt::format("INSERT INTO continuum.decision ({}, hash, origin) VALUES ({}, 'migrated')",
                    rows::columns().substr(0, rows::columns().rfind(", hash")),
                    pg::placeholders(1, static_cast<int>(kCanonicalFields.size()) + 1));
    for (const auto& record : records) {
        FieldTexts texts;
        try {
            texts = field_texts(record);
        } catch (const nlohmann::json::exception&) {
            c->exec("ROLLBACK");
            error = fmt::format("record {} holds text that is not valid UTF-8", record.sequence);
            return false;
        }
        if (pg::any_nul(texts)) {
            c->exec("ROLLBACK");
            error = fmt::format("record {} holds a NUL character, which the team store cannot keep",
                                record.sequence);
            return false;
        }
        pg::Params params(texts.begin(), texts.end());
        params.emplace_back(record.hash);
        pg::Result r = c->exec(sql, params);
        if (!r.ok()) {
            if (!c->broken()) c->exec("ROLLBACK");
            error = r.message;
            return false;
        }
    }
    pg::Result commit = c->exec("COMMIT");
    if (!commit.ok()) {
        error = commit.message;
        return false;
    }
    return true;
}

bool PgStore::note_migration(const std::string& source, const std::string& source_head,
                             std::int64_t first, std::int64_t last, std::int64_t copied,
                             std::string& error) {
    pg::Connection* c = connection(error);
    if (!c) return false;
    pg::Result r = c->exec(
        "INSERT INTO continuum.migration (source, source_head, first_sequence, last_sequence, "
        "copied) VALUES ($1, $2, $3, $4, $5)",
        {source, source_head, std::to_string(first), std::to_string(last), std::to_string(copied)});
    if (!r.ok()) error = r.message;
    return r.ok();
}

}  // namespace continuum::audit
