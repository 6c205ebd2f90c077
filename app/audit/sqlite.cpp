#include "sqlite.hpp"

namespace continuum::audit::sql {

Statement::Statement(sqlite3* db, std::string_view sql) {
    prepare_code_ =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (prepare_code_ != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }
}

void Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
}

std::string Statement::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool exec(sqlite3* db, const char* sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    error = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return false;
}

bool query_int(sqlite3* db, const char* sql, std::int64_t& out, std::string& error) {
    Statement s(db, sql);
    if (!s.ok()) {
        error = sqlite3_errmsg(db);
        return false;
    }
    int rc = s.step();
    if (rc == SQLITE_ROW) {
        out = s.integer(0);
        return true;
    }
    error = sqlite3_errmsg(db);
    return false;
}

}  // namespace continuum::audit::sql
