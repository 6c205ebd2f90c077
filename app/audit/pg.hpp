// A thin layer over libpq for the team store: a connection whose every wait is bounded (the
// connection attempt, each statement), results that free themselves, and failures sorted by
// what they mean for a decision being recorded: the server said no, the server could not be
// reached, or the connection was lost with the outcome unknown.
#pragma once
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

namespace continuum::audit::pg {

using Clock = std::chrono::steady_clock;

// How long a connection attempt and one statement may take before it is given up.
struct Timeouts {
    std::chrono::milliseconds connect{5000};
    std::chrono::milliseconds statement{15000};
};

enum class Failure {
    none,
    refused,      // the server answered with an error: nothing the statement did was kept
    unreachable,  // no connection could be made, or it was broken before anything was sent
    lost,         // the connection broke or timed out while waiting for the answer
};

struct ClearResult {
    void operator()(PGresult* r) const { PQclear(r); }
};

class Result {
  public:
    Result() = default;
    explicit Result(PGresult* r) : r_(r) {}
    bool ok() const { return failure == Failure::none; }
    int rows() const { return r_ ? PQntuples(r_.get()) : 0; }
    int columns() const { return r_ ? PQnfields(r_.get()) : 0; }
    // The value as text exactly as the server sent it ("" for NULL).
    std::string text(int row, int column) const;
    std::string_view view(int row, int column) const;
    bool is_null(int row, int column) const { return PQgetisnull(r_.get(), row, column) != 0; }

    Failure failure = Failure::none;
    std::string sqlstate;  // the server's error code, e.g. "42501" (not permitted)
    std::string message;   // the server's or libpq's words, one line

  private:
    std::unique_ptr<PGresult, ClearResult> r_;
};

using Params = std::vector<std::optional<std::string>>;  // nullopt is SQL NULL

class Connection {
  public:
    // Connects within `timeouts.connect`. `conninfo` is any libpq connection string or URI;
    // continuum adds its defaults (application name, UTF-8, TCP keepalives) before it, so the
    // string given overrides them. nullptr + message when no connection could be made, and in
    // `failure` (when given) whether the server refused it (a wrong password, no such database)
    // or could not be reached (or cannot take connections just now).
    static std::unique_ptr<Connection> open(const std::string& conninfo, const Timeouts& timeouts,
                                            std::string& error, Failure* failure = nullptr);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // One statement, its parameters sent as text, waiting at most timeouts.statement. After a
    // `lost` failure the connection is closed: open a new one.
    Result exec(std::string_view sql, const Params& params = {});
    bool broken() const { return conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK; }
    PGconn* raw() const { return conn_; }
    const Timeouts& timeouts() const { return timeouts_; }

  private:
    Connection(PGconn* conn, Timeouts timeouts) : conn_(conn), timeouts_(timeouts) {}
    // Waits until the socket is ready for `events` or the deadline passes.
    bool wait(short events, Clock::time_point deadline);
    void close();
    PGconn* conn_;
    Timeouts timeouts_;
};

// Quotes an identifier (a login name) for SQL text, as PQescapeIdentifier does.
std::string quote_identifier(PGconn* conn, const std::string& name);

// "$from, $from+1, ...": `count` numbered parameters of a statement.
std::string placeholders(int from, int count);

// Whether any of `texts` holds a NUL character, which PostgreSQL text cannot keep.
template <typename Texts>
bool any_nul(const Texts& texts) {
    for (const auto& t : texts)
        if (t.find('\0') != std::string::npos) return true;
    return false;
}

}  // namespace continuum::audit::pg
