#include "pg_store.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "canonical.hpp"
#include "chain_check.hpp"
#include "location.hpp"
#include "pg_schema.hpp"
#include "rows.hpp"

namespace continuum::audit {

namespace {

constexpr int kFetch = 2000;  // rows a cursor fetches at a time

// The columns a practitioner's insert gives; the server fills the rest.
const char* const kInsertColumns =
    "case_ref, referred_at, practitioner, role, ruleset_id, ruleset_version, ruleset_digest, "
    "suggested_level, decided_level, routes, agreed, override_category, reason, "
    "service_consent, sharing_basis, family_informed, consent_note, answers, evaluation, "
    "submission_id, submitted_at";

FieldTexts texts_of(const pg::Result& r, int row) {
    FieldTexts t;
    for (std::size_t c = 0; c < t.size(); ++c)
        t[c] = r.text(row, static_cast<int>(c));
    return t;
}

DecisionRecord record_of(const pg::Result& r, int row) {
    DecisionRecord d = rows::record(texts_of(r, row), r.text(row, kCanonicalFields.size()));
    d.submission_id = r.text(row, kCanonicalFields.size() + 1);
    d.submitted_at = r.text(row, kCanonicalFields.size() + 2);
    return d;
}

const std::string& select_columns() {
    static const std::string list = rows::columns() + ", submission_id, submitted_at";
    return list;
}

// What the practitioner reads when the server refused: its words, which name the problem.
std::string refusal(const pg::Result& r) {
    if (r.sqlstate == "42501" && r.message.rfind("permission denied", 0) == 0)
        return fmt::format("the team store does not permit this login to record decisions ({})",
                           r.message);
    return r.message;
}

// The cursor over a query's rows, inside a read-only transaction, `kFetch` rows at a time.
class Cursor {
  public:
    Cursor(pg::Connection& c, const std::string& isolation, const std::string& sql,
           const pg::Params& params, std::string& error)
        : c_(c) {
        pg::Result begin = c_.exec("BEGIN ISOLATION LEVEL " + isolation + " READ ONLY");
        if (!begin.ok()) {
            error = begin.message;
            return;
        }
        pg::Result declare = c_.exec("DECLARE rows NO SCROLL CURSOR FOR " + sql, params);
        if (!declare.ok()) {
            error = declare.message;
            c_.exec("ROLLBACK");
            return;
        }
        open_ = true;
    }
    ~Cursor() {
        if (open_) c_.exec("COMMIT");
    }
    Cursor(const Cursor&) = delete;
    Cursor& operator=(const Cursor&) = delete;
    bool open() const { return open_; }
    // The next batch; empty at the end, and on error (then `error` says why).
    pg::Result fetch(std::string& error) {
        pg::Result r = c_.exec(fmt::format("FETCH {} FROM rows", kFetch));
        if (!r.ok()) {
            error = r.message;
            open_ = !c_.broken();
            if (open_) c_.exec("ROLLBACK");
            open_ = false;
        }
        return r;
    }
    pg::Connection& connection() { return c_; }

  private:
    pg::Connection& c_;
    bool open_ = false;
};

// The team store's rows in sequence order, for the shared chain check.
class PgRows final : public ChainSource {
  public:
    explicit PgRows(Cursor& cursor) : cursor_(cursor) {}
    bool next(StoredRow& row, std::string& error) override {
        if (at_ >= batch_.rows()) {
            if (done_) return false;
            batch_ = cursor_.fetch(error);
            at_ = 0;
            if (!error.empty() || batch_.rows() == 0) {
                done_ = true;
                return false;
            }
        }
        row.texts = texts_of(batch_, at_);
        row.hash = batch_.text(at_, kCanonicalFields.size());
        ++at_;
        return true;
    }
    std::unordered_map<std::string, std::string> links() override {
        std::unordered_map<std::string, std::string> out;
        pg::Result r =
            cursor_.connection().exec("SELECT hash, previous_hash FROM continuum.decision");
        for (int i = 0; i < r.rows(); ++i)
            out.emplace(r.text(i, 0), r.text(i, 1));
        return out;
    }

  private:
    Cursor& cursor_;
    pg::Result batch_;
    int at_ = 0;
    bool done_ = false;
};

}  // namespace

PgStore::PgStore(std::string conninfo, pg::Timeouts timeouts)
    : conninfo_(std::move(conninfo)), shown_(redact(conninfo_)), timeouts_(timeouts) {}

PgStore::~PgStore() = default;

bool PgStore::connect(std::string& error, pg::Failure* failure) const {
    conn_ = pg::Connection::open(conninfo_, timeouts_, error, failure);
    if (!conn_) return false;
    // A vanished client must not hold the chain lock: a transaction left idle is ended by the
    // server. Lock waits and statements are bounded too.
    pg::Result set = conn_->exec(
        fmt::format("SELECT set_config('statement_timeout', '{0}ms', false), "
                    "set_config('lock_timeout', '{0}ms', false), "
                    "set_config('idle_in_transaction_session_timeout', '{0}ms', false), "
                    "set_config('default_transaction_isolation', 'read committed', false)",
                    timeouts_.statement.count()));
    if (!set.ok()) {
        error = set.message;
        if (failure)
            *failure = set.failure == pg::Failure::refused ? set.failure : pg::Failure::unreachable;
        conn_.reset();
        return false;
    }
    return true;
}

pg::Connection* PgStore::connection(std::string& error) const {
    if (conn_ && !conn_->broken()) return conn_.get();
    conn_.reset();
    if (!connect(error)) return nullptr;
    return conn_.get();
}

std::unique_ptr<PgStore> PgStore::open(const std::string& conninfo, std::string& error,
                                       pg::Timeouts timeouts, pg::Failure* failure) {
    std::unique_ptr<PgStore> store(new PgStore(conninfo, timeouts));
    std::string why;
    pg::Failure sorted = pg::Failure::unreachable;
    if (failure) *failure = pg::Failure::refused;  // unless the server could not be reached
    if (!store->connect(why, &sorted)) {
        if (failure) *failure = sorted;
        // libpq's words may end with their own question mark.
        if (!why.empty() && why.back() != '?' && why.back() != '.') why += '.';
        error = fmt::format("{} the team store {}: {}",
                            sorted == pg::Failure::refused ? "Refused by" : "Cannot reach",
                            store->shown_, why);
        return nullptr;
    }
    int v = pg_schema::version(*store->conn_, why);
    if (v < 0) {
        if (failure && store->conn_ && store->conn_->broken()) *failure = pg::Failure::unreachable;
        error = fmt::format("Cannot read the team store {}: {}.", store->shown_, why);
        return nullptr;
    }
    if (v == 0) {
        error = fmt::format(
            "{} holds no continuum team store. An administrator sets it up with: continuum "
            "server init {}",
            store->shown_, store->shown_);
        return nullptr;
    }
    if (v > pg_schema::kVersion) {
        error = fmt::format(
            "The team store {} has schema version {}, newer than this version of continuum "
            "reads ({}): use the newer version.",
            store->shown_, v, pg_schema::kVersion);
        return nullptr;
    }
    if (v < pg_schema::kVersion) {
        error = fmt::format(
            "The team store {} has schema version {}; this version of continuum needs {}. An "
            "administrator upgrades it with: continuum server init {}",
            store->shown_, v, pg_schema::kVersion, store->shown_);
        return nullptr;
    }
    if (!store->load_identity(why)) {
        if (failure && (!store->conn_ || store->conn_->broken()))
            *failure = pg::Failure::unreachable;
        error = fmt::format("Cannot read the team store {}: {}.", store->shown_, why);
        return nullptr;
    }
    if (failure) *failure = pg::Failure::none;
    return store;
}

std::unique_ptr<PgStore> PgStore::open_existing(const std::string& conninfo, std::string& error) {
    auto store = open(conninfo, error);
    if (store && store->writable()) store->read_only_reason_ = "it was opened for reading only";
    return store;
}

bool PgStore::load_identity(std::string& error) {
    pg::Result who = conn_->exec(
        "SELECT session_user, p.display_name, p.job_title, "
        "pg_has_role('continuum_practitioner', 'USAGE'), "
        "(SELECT store_id::text FROM continuum.store_info LIMIT 1) "
        "FROM (SELECT 1) AS one LEFT JOIN continuum.practitioner p ON p.login = session_user");
    if (!who.ok()) {
        error = who.message;
        return false;
    }
    store_id_ = who.text(0, 4);
    std::string login = who.text(0, 0);
    if (who.is_null(0, 1)) {
        read_only_reason_ = fmt::format(
            "the login \"{}\" is not registered to record decisions in the team store {} (the "
            "administrator registers it with: continuum server user add)",
            login, shown_);
        identity_ = Identity{login, "", ""};
        return true;
    }
    identity_ = Identity{login, who.text(0, 1), who.text(0, 2)};
    if (who.text(0, 3) != "t")
        read_only_reason_ = fmt::format(
            "the login \"{}\" may read the team store {} but not record decisions in it (it is "
            "not a practitioner)",
            login, shown_);
    return true;
}

std::optional<DecisionRecord> PgStore::find_submission(pg::Connection& c, const std::string& id,
                                                       std::string& error,
                                                       pg::Failure& failure) const {
    // The chain lock first: a transaction that was committing this submission when its
    // connection was lost has then finished, one way or the other, and what we read is final.
    failure = pg::Failure::none;
    pg::Result lock = c.exec(fmt::format("SELECT pg_advisory_xact_lock({}, {})",
                                         pg_schema::kLockSpace, pg_schema::kChainLock));
    pg::Result r = lock.ok() ? c.exec("SELECT " + select_columns() +
                                          " FROM continuum.decision WHERE submission_id = $1",
                                      {id})
                             : std::move(lock);
    if (!r.ok()) {
        failure = r.failure;
        error = r.message;
        return std::nullopt;
    }
    if (r.rows() == 0) return std::nullopt;
    return record_of(r, 0);
}

bool PgStore::append(DecisionRecord& record, std::string& error, AppendFailure& why) {
    why = AppendFailure::refused;
    auto refuse = [&](const std::string& because) {
        error = fmt::format("The decision was not recorded: {}. Nothing was written.", because);
        return false;
    };
    if (!writable()) return refuse(read_only_reason_);
    DecisionRecord r = record;
    if (r.submission_id.empty()) r.submission_id = new_submission_id();
    FieldTexts texts;
    try {
        texts = field_texts(r);
    } catch (const nlohmann::json::exception&) {
        return refuse("its answers or evaluation hold text that is not valid UTF-8");
    }
    if (pg::any_nul(texts) || r.submitted_at.find('\0') != std::string::npos)
        return refuse("it holds a NUL character, which the team store cannot keep");

    // Up to two tries while nothing of the decision has reached the server: a connection the
    // server dropped since the last append (a restart) is only found broken when used.
    for (int attempt = 0;; ++attempt) {
        std::string problem;
        pg::Connection* c = connection(problem);
        auto unreachable = [&](const std::string& because) {
            why = AppendFailure::unreachable;
            error = fmt::format(
                "The decision was not recorded: the team store {} could not be reached ({}). "
                "Nothing was written.",
                shown_, because);
            return false;
        };
        if (!c) return unreachable(problem);
        pg::Result begin = c->exec("BEGIN");
        if (!begin.ok()) {
            if (attempt == 0 && begin.failure != pg::Failure::refused) continue;
            return unreachable(begin.message);
        }
        // Sent before and committed, its answer lost? Then it is already recorded.
        pg::Failure lookup;
        if (auto earlier = find_submission(*c, r.submission_id, problem, lookup)) {
            c->exec("COMMIT");
            record = std::move(*earlier);
            why = AppendFailure::none;
            return true;
        }
        if (lookup != pg::Failure::none) {
            if (attempt == 0 && lookup != pg::Failure::refused) continue;
            return unreachable(problem);
        }
        pg::Params params(texts.begin() + 3, texts.end());  // case_ref ... evaluation
        params.emplace_back(r.submission_id);
        params.emplace_back(r.submitted_at.empty() ? std::nullopt
                                                   : std::optional<std::string>(r.submitted_at));
        pg::Result inserted = c->exec(
            fmt::format("INSERT INTO continuum.decision ({}) VALUES ({}) RETURNING sequence, "
                        "recorded_at, previous_hash, hash",
                        kInsertColumns, pg::placeholders(1, static_cast<int>(params.size()))),
            params);
        if (!inserted.ok()) {
            // Nothing is committed without our COMMIT: a lost connection here wrote nothing.
            if (inserted.failure != pg::Failure::refused)
                return unreachable("the connection was lost before the decision was committed: " +
                                   inserted.message);
            c->exec("ROLLBACK");
            return refuse(refusal(inserted));
        }
        r.sequence = std::stoll(inserted.text(0, 0));
        r.recorded_at = inserted.text(0, 1);
        r.previous_hash = inserted.text(0, 2);
        r.hash = inserted.text(0, 3);
        // The server's canonical form must be ours to the byte, or nothing is kept.
        if (sha256_hex(canonical_form(r)) != r.hash) {
            c->exec("ROLLBACK");
            return refuse(
                "the team server computed a different hash for it than continuum does (its "
                "canonical form differs; tell the administrator)");
        }
        pg::Result commit = c->exec("COMMIT");
        if (commit.ok()) {
            record = std::move(r);
            why = AppendFailure::none;
            return true;
        }
        if (commit.failure == pg::Failure::refused) return refuse(commit.message);
        // The answer to COMMIT was lost: ask again on a new connection whether it went in.
        pg::Failure after = pg::Failure::unreachable;
        std::optional<DecisionRecord> committed;
        if (pg::Connection* again = connection(problem)) {
            pg::Result begun = again->exec("BEGIN");
            if (begun.ok()) {
                committed = find_submission(*again, r.submission_id, problem, after);
                if (!again->broken()) again->exec("COMMIT");
            } else {
                problem = begun.message;
            }
        }
        if (committed) {
            record = std::move(*committed);
            why = AppendFailure::none;
            return true;
        }
        if (after == pg::Failure::none)
            return unreachable(
                "the connection was lost as the decision was committed, and the "
                "server confirms it was not kept: " +
                commit.message);
        why = AppendFailure::unknown;
        error = fmt::format(
            "The decision may not have been recorded: the connection to the team store {} was "
            "lost as it was committed ({}), and the server cannot be asked yet. Send it again "
            "when the server is back: it will be recorded once.",
            shown_, commit.message);
        return false;
    }
}

bool PgStore::scan(const Query& q, const std::function<bool(DecisionRecord&&)>& visit,
                   std::string& error) const {
    std::string sql = "SELECT " + select_columns() + " FROM continuum.decision WHERE true";
    pg::Params params;
    auto add = [&](const std::optional<std::string>& value, const std::string& clause) {
        if (!value) return;
        params.emplace_back(*value);
        sql += clause + std::to_string(params.size());
    };
    add(q.from, " AND recorded_at >= $");
    // recorded_at is "YYYY-MM-DDTHH:MM:SSZ" in byte order (COLLATE "C"): every time on the
    // last day sorts below that day followed by 'U', the letter after 'T'.
    if (q.to) {
        params.emplace_back(*q.to + "U");
        sql += fmt::format(" AND recorded_at < ${}", params.size());
    }
    add(q.practitioner, " AND practitioner = $");
    add(q.level, " AND decided_level = $");
    if (q.route) {
        nlohmann::json met = {{{"route", *q.route}, {"decided", "met"}}};
        nlohmann::json open = {{{"route", *q.route}, {"decided", "cannot_rule_out"}}};
        params.emplace_back(met.dump());
        params.emplace_back(open.dump());
        sql += fmt::format(" AND (routes_json @> ${}::jsonb OR routes_json @> ${}::jsonb)",
                           params.size() - 1, params.size());
    }
    if (q.text) {
        std::string pattern = "%";
        for (char ch : *q.text) {
            if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
            pattern += ch;
        }
        params.emplace_back(pattern + "%");
        sql += fmt::format(
            " AND (case_ref ILIKE ${0} OR practitioner ILIKE ${0} OR reason ILIKE ${0} OR "
            "consent_note ILIKE ${0})",
            params.size());
    }
    if (q.sequences) {
        std::string list = "{";
        for (std::int64_t n : *q.sequences)
            list += (list.size() > 1 ? "," : "") + std::to_string(n);
        params.emplace_back(list + "}");
        sql += fmt::format(" AND sequence = ANY(${}::bigint[])", params.size());
    }
    if (q.newest)
        sql = "SELECT * FROM (" + sql + " ORDER BY sequence DESC LIMIT " +
              std::to_string(std::max<std::int64_t>(*q.newest, 0)) + ") AS newest";
    sql += " ORDER BY sequence";
    pg::Connection* c = connection(error);
    if (!c) return false;
    Cursor cursor(*c, "READ COMMITTED", sql, params, error);
    if (!cursor.open()) return false;
    for (;;) {
        pg::Result batch = cursor.fetch(error);
        if (!error.empty()) return false;
        if (batch.rows() == 0) return true;
        for (int i = 0; i < batch.rows(); ++i)
            if (!visit(record_of(batch, i))) return true;
    }
}

std::optional<DecisionRecord> PgStore::get(std::int64_t sequence) const {
    std::string error;
    pg::Connection* c = connection(error);
    if (!c) return std::nullopt;
    pg::Result r =
        c->exec("SELECT " + select_columns() + " FROM continuum.decision WHERE sequence = $1",
                {std::to_string(sequence)});
    if (!r.ok() || r.rows() == 0) return std::nullopt;
    return record_of(r, 0);
}

std::int64_t PgStore::count() const {
    std::string error;
    pg::Connection* c = connection(error);
    if (!c) return 0;
    pg::Result r = c->exec("SELECT count(*) FROM continuum.decision");
    return r.ok() ? std::stoll(r.text(0, 0)) : 0;
}

std::vector<std::string> PgStore::practitioners() const {
    std::vector<std::string> out;
    std::string error;
    pg::Connection* c = connection(error);
    if (!c) return out;
    pg::Result r =
        c->exec("SELECT DISTINCT practitioner FROM continuum.decision ORDER BY practitioner");
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(r.text(i, 0));
    return out;
}

std::string PgStore::head() const {
    // Unreadable is not empty: "" rather than the empty chain's 64 zeros, which would be a
    // false head to print on a report.
    std::string error;
    pg::Connection* c = connection(error);
    if (!c) return "";
    pg::Result r = c->exec("SELECT hash FROM continuum.decision ORDER BY sequence DESC LIMIT 1");
    if (!r.ok()) return "";
    return r.rows() == 1 ? r.text(0, 0) : kGenesisHash;
}

VerifyReport PgStore::verify(const std::optional<std::string>& expected_head) const {
    VerifyReport report;
    std::string error;
    auto unreadable = [&](const char* what) {
        VerifyReport r;
        r.ok = false;
        r.fault = Fault::unreadable;
        r.first_bad = 1;
        r.head = kGenesisHash;
        r.problem = fmt::format("the team store cannot be {}: {}.", what, error);
        return r;
    };
    pg::Connection* c = connection(error);
    if (!c) return unreadable("reached");
    {
        // One snapshot for the whole walk, so appends meanwhile do not move the chain under it.
        Cursor cursor(*c, "REPEATABLE READ",
                      "SELECT " + rows::columns() + " FROM continuum.decision ORDER BY sequence",
                      {}, error);
        if (!cursor.open()) return unreadable("read");
        PgRows rows(cursor);
        report = check_chain(rows, expected_head, "the team store");
    }
    if (pg::Connection* again = connection(error)) {
        report.protection_problems = pg_schema::protection_problems(*again);
    } else {
        report.protection_problems.push_back("The protection could not be checked: " + error + ".");
    }
    report.protection_ok = report.protection_problems.empty();
    return report;
}

}  // namespace continuum::audit
