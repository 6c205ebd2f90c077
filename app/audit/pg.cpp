#include "pg.hpp"

#include <poll.h>

#include <algorithm>
#include <cerrno>

#include <fmt/format.h>

namespace continuum::audit::pg {

namespace {

// libpq's messages end with a newline and sometimes span lines: one line for the GUI.
std::string one_line(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    for (std::size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', at)) {
        std::size_t indent = at + 1;
        while (indent < s.size() && (s[indent] == '\t' || s[indent] == ' '))
            ++indent;
        s.replace(at, indent - at, "; ");
    }
    return s;
}

// Waits for `events` on the connection's socket until `deadline`; false on time-out or error.
bool wait_socket(PGconn* conn, short events, Clock::time_point deadline) {
    int fd = PQsocket(conn);
    if (fd < 0) return false;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd, events, 0};
        int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count() + 1, 60000)));
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

// A failed connection attempt, sorted: the server answered with an error (a wrong password,
// no such database: trying again will not help) or it could not be reached, or said it cannot
// take connections just now (starting up, shutting down, too many connections: it may soon).
// libpq keeps the server's SQLSTATE to itself while connecting, so the attempt runs with
// verbose errors, which spell it "FATAL:  28P01: ..."; it is taken out of the message here.
Failure connect_failure(std::string& message) {
    std::string code;
    for (std::size_t p = 2; p + 7 <= message.size(); ++p) {
        bool five = true;
        for (std::size_t i = p; i < p + 5; ++i)
            five = five && ((message[i] >= '0' && message[i] <= '9') ||
                            (message[i] >= 'A' && message[i] <= 'Z'));
        if (five && message.compare(p - 2, 2, "  ") == 0 && message.compare(p + 5, 2, ": ") == 0) {
            code = message.substr(p, 5);
            message.erase(p, 7);
            break;
        }
    }
    if (auto location = message.find("; LOCATION:"); location != std::string::npos)
        message.erase(location, message.find(';', location + 2) - location);
    if (code.empty()) return Failure::unreachable;
    // 08: connection exceptions; 53: out of resources (too many connections); 57P: the server
    // shutting down or starting up.
    bool transient =
        code.rfind("08", 0) == 0 || code.rfind("53", 0) == 0 || code.rfind("57P", 0) == 0;
    return transient ? Failure::unreachable : Failure::refused;
}

std::string seconds(std::chrono::milliseconds ms) {
    return fmt::format("{:g} s", static_cast<double>(ms.count()) / 1000.0);
}

}  // namespace

std::string Result::text(int row, int column) const {
    return std::string(view(row, column));
}

std::string_view Result::view(int row, int column) const {
    if (!r_ || row >= rows() || column >= columns()) return {};
    return {PQgetvalue(r_.get(), row, column),
            static_cast<std::size_t>(PQgetlength(r_.get(), row, column))};
}

std::unique_ptr<Connection> Connection::open(const std::string& conninfo, const Timeouts& timeouts,
                                             std::string& error, Failure* failure) {
    // Defaults first: the connection string given (expanded from "dbname") comes last and so
    // overrides any of them. Keepalives and the TCP user time-out notice a dead network even
    // while libpq is idle; the deadlines below bound every wait regardless.
    const std::string user_timeout = std::to_string(timeouts.statement.count());
    const char* keys[] = {"application_name",
                          "client_encoding",
                          "keepalives",
                          "keepalives_idle",
                          "keepalives_interval",
                          "keepalives_count",
                          "tcp_user_timeout",
                          "dbname",
                          nullptr};
    const char* values[] = {"continuum",          "UTF8",           "1",    "10", "5", "3",
                            user_timeout.c_str(), conninfo.c_str(), nullptr};
    PGconn* conn = PQconnectStartParams(keys, values, 1);
    if (!conn) {
        error = "out of memory";
        return nullptr;
    }
    Failure sorted = Failure::unreachable;
    auto fail = [&](std::string why) {
        PQfinish(conn);
        error = std::move(why);
        if (failure) *failure = sorted;
        return nullptr;
    };
    auto refused_or_not = [&] {
        std::string why = one_line(PQerrorMessage(conn));
        sorted = connect_failure(why);
        return why;
    };
    if (PQstatus(conn) == CONNECTION_BAD) return fail(refused_or_not());
    PQsetErrorVerbosity(conn, PQERRORS_VERBOSE);
    // The server's notices ("role is already a member", "database does not exist, skipping")
    // would go to stderr; what matters comes back as an error or a result instead.
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    const auto deadline = Clock::now() + timeouts.connect;
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED) return fail(refused_or_not());
        short events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        if (!wait_socket(conn, events, deadline))
            return fail(
                fmt::format("no answer from the server within {}", seconds(timeouts.connect)));
        status = PQconnectPoll(conn);
    }
    PQsetErrorVerbosity(conn, PQERRORS_DEFAULT);
    if (PQsetnonblocking(conn, 1) != 0) return fail(one_line(PQerrorMessage(conn)));
    return std::unique_ptr<Connection>(new Connection(conn, timeouts));
}

Connection::~Connection() {
    close();
}

void Connection::close() {
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
}

bool Connection::wait(short events, Clock::time_point deadline) {
    return wait_socket(conn_, events, deadline);
}

Result Connection::exec(std::string_view sql, const Params& params) {
    Result out;
    if (broken()) {
        out.failure = Failure::unreachable;
        out.message = "not connected to the server";
        close();
        return out;
    }
    const auto deadline = Clock::now() + timeouts_.statement;
    auto lost = [&](std::string why) {
        Result r;
        r.failure = Failure::lost;
        r.message = std::move(why);
        close();
        return r;
    };
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    const std::string text(sql);
    // Without parameters, the simple protocol: it takes a script of several statements (the
    // schema migrations), run as one implicit transaction unless inside BEGIN.
    const bool sent = params.empty()
                          ? PQsendQuery(conn_, text.c_str())
                          : PQsendQueryParams(conn_, text.c_str(), static_cast<int>(values.size()),
                                              nullptr, values.data(), nullptr, nullptr, 0);
    if (!sent) return lost(one_line(PQerrorMessage(conn_)));
    for (;;) {
        int flushed = PQflush(conn_);
        if (flushed == 0) break;
        if (flushed < 0) return lost(one_line(PQerrorMessage(conn_)));
        if (!wait(POLLOUT | POLLIN, deadline))
            return lost(fmt::format("the server did not take the request within {}",
                                    seconds(timeouts_.statement)));
        if (!PQconsumeInput(conn_)) return lost(one_line(PQerrorMessage(conn_)));
    }
    PGresult* kept = nullptr;
    for (;;) {
        while (PQisBusy(conn_)) {
            if (!wait(POLLIN, deadline)) {
                PQclear(kept);
                return lost(fmt::format("no answer from the server within {}",
                                        seconds(timeouts_.statement)));
            }
            if (!PQconsumeInput(conn_)) {
                PQclear(kept);
                return lost(one_line(PQerrorMessage(conn_)));
            }
        }
        PGresult* r = PQgetResult(conn_);
        if (!r) break;
        // One statement gives one result; an error after it (the server going down) wins.
        if (!kept || PQresultStatus(r) == PGRES_FATAL_ERROR) {
            PQclear(kept);
            kept = r;
        } else {
            PQclear(r);
        }
    }
    if (!kept) return lost(one_line(PQerrorMessage(conn_)));
    out = Result(kept);
    ExecStatusType status = PQresultStatus(kept);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return out;
    if (const char* code = PQresultErrorField(kept, PG_DIAG_SQLSTATE)) out.sqlstate = code;
    const char* primary = PQresultErrorField(kept, PG_DIAG_MESSAGE_PRIMARY);
    out.message = one_line(primary ? primary : PQresultErrorMessage(kept));
    // The server ended the session (shut down, restarted, terminated us): the statement's
    // fate is only known if it had already answered, which it had not.
    bool session_ended = PQstatus(conn_) == CONNECTION_BAD || out.sqlstate.rfind("57P", 0) == 0 ||
                         out.sqlstate.rfind("08", 0) == 0 || out.sqlstate.empty();
    out.failure = session_ended ? Failure::lost : Failure::refused;
    if (session_ended) close();
    return out;
}

std::string quote_identifier(PGconn* conn, const std::string& name) {
    char* quoted = PQescapeIdentifier(conn, name.c_str(), name.size());
    if (!quoted) return "\"\"";
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

std::string placeholders(int from, int count) {
    std::string out;
    for (int i = 0; i < count; ++i)
        out += fmt::format("{}${}", i ? ", " : "", from + i);
    return out;
}

}  // namespace continuum::audit::pg
