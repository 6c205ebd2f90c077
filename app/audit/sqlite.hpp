// A thin RAII layer over the SQLite C API: a connection and prepared statements that finalise
// themselves, so no early return in the store can leak a handle or leave a statement open.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace continuum::audit::sql {

struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    int prepare_code() const { return prepare_code_; }

    void bind(int index, std::string_view text);
    void bind(int index, std::int64_t value);

    // SQLITE_ROW, SQLITE_DONE, or an error code.
    int step() { return sqlite3_step(stmt_); }
    void reset() { sqlite3_reset(stmt_); }

    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    // The column's value as text, exactly as SQLite renders it (integers in decimal).
    std::string text(int column) const;
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

  private:
    sqlite3_stmt* stmt_ = nullptr;
    int prepare_code_ = SQLITE_OK;
};

// Runs SQL that returns no rows; false with the message in `error` on failure.
bool exec(sqlite3* db, const char* sql, std::string& error);

// The first column of a single-row query (a PRAGMA, a count); false with the message on error.
bool query_int(sqlite3* db, const char* sql, std::int64_t& out, std::string& error);

}  // namespace continuum::audit::sql
