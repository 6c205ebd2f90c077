#include "outbox.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <fmt/format.h>

#include "canonical.hpp"
#include "files.hpp"
#include "local_db.hpp"
#include "rows.hpp"
#include "sqlite.hpp"

namespace continuum::audit {
namespace fs = std::filesystem;

namespace {

// The fields a held decision carries: everything but what the team store fills in
// (sequence, recorded_at, previous_hash).
constexpr std::size_t kFirstDecidedField = 3;

const char* const kSchema = R"sql(
    CREATE TABLE held (
        id            INTEGER PRIMARY KEY,
        submission_id TEXT NOT NULL UNIQUE,
        store         TEXT NOT NULL,
        store_id      TEXT NOT NULL DEFAULT '',
        held_at       TEXT NOT NULL,
        submitted_at  TEXT NOT NULL,
        record        TEXT NOT NULL,
        attempts      INTEGER NOT NULL DEFAULT 0,
        last_problem  TEXT NOT NULL DEFAULT '',
        refused       INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1))
    );
    CREATE INDEX held_store ON held(store);
    CREATE TABLE identity (
        store        TEXT PRIMARY KEY,
        login        TEXT NOT NULL,
        practitioner TEXT NOT NULL,
        role         TEXT NOT NULL,
        seen_at      TEXT NOT NULL
    );
)sql";

// "Cnto": PRAGMA application_id of a continuum outbox (the audit log is "Cntu").
const LocalDb kOutboxFile{0x436E746F, 1, kSchema, "outbox"};

// The decided fields as their canonical texts, by name: read back, they hash exactly as the
// decision would have when it was held.
std::string record_text(const DecisionRecord& r) {
    FieldTexts texts = field_texts(r);
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t i = kFirstDecidedField; i < texts.size(); ++i)
        j[kCanonicalFields[i]] = texts[i];
    return j.dump();
}

DecisionRecord record_from(const std::string& text) {
    FieldTexts texts;
    texts[0] = "0";
    auto j = nlohmann::json::parse(text, nullptr, false);
    for (std::size_t i = kFirstDecidedField; i < texts.size(); ++i)
        if (j.is_object() && j.contains(kCanonicalFields[i]) && j[kCanonicalFields[i]].is_string())
            texts[i] = j[kCanonicalFields[i]].get<std::string>();
    DecisionRecord r = rows::record(texts, "");
    r.sequence = 0;
    return r;
}

std::string failure(sqlite3* db, int code) {
    return (code & 0xff) == SQLITE_FULL ? "the disk is full" : sqlite3_errmsg(db);
}

// Runs one statement that changes rows, in its own (durable) transaction.
bool change(sqlite3* db, sql::Statement& s, std::string& error) {
    if (!s.ok()) {
        error = sqlite3_errmsg(db);
        return false;
    }
    int rc = s.step();
    if (rc != SQLITE_DONE) {
        error = failure(db, rc);
        return false;
    }
    return true;
}

}  // namespace

fs::path default_outbox_path() {
    return data_file("outbox.sqlite");
}

std::string team_store_key(const std::string& location) {
    char* message = nullptr;
    PQconninfoOption* options = PQconninfoParse(location.c_str(), &message);
    PQfreemem(message);
    if (!options) return location;
    std::string host, port, dbname, user;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        std::string key = o->keyword;
        if (key == "host" || key == "hostaddr")
            host = host.empty() ? o->val : host;
        else if (key == "port")
            port = o->val;
        else if (key == "dbname")
            dbname = o->val;
        else if (key == "user")
            user = o->val;
        else if (key == "service" && host.empty())
            host = std::string("service ") + o->val;
    }
    PQconninfoFree(options);
    return fmt::format("{}@{}:{}/{}", user, host, port.empty() ? "5432" : port, dbname);
}

Outbox::~Outbox() {
    sqlite3_close_v2(db_);
}

std::unique_ptr<Outbox> Outbox::open(const fs::path& file, std::string& error) {
    sql::Db db = open_local_db(file, kOutboxFile, error);
    if (!db) return nullptr;
    return std::unique_ptr<Outbox>(new Outbox(db.release(), file));
}

bool Outbox::hold(const DecisionRecord& record, const std::string& store,
                  const std::string& store_id, const std::string& problem, std::string& error) {
    if (record.submission_id.empty()) {
        error = "the decision has no submission id";
        return false;
    }
    std::string text;
    try {
        text = record_text(record);
    } catch (const nlohmann::json::exception&) {
        error = "its answers or evaluation hold text that is not valid UTF-8";
        return false;
    }
    sql::Statement s(db_,
                     "INSERT INTO held (submission_id, store, store_id, held_at, submitted_at, "
                     "record, last_problem) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                     "ON CONFLICT (submission_id) DO UPDATE SET last_problem = ?7, "
                     "attempts = attempts + 1");
    if (s.ok()) {
        s.bind(1, record.submission_id);
        s.bind(2, store);
        s.bind(3, store_id);
        s.bind(4, utc_now());
        s.bind(5, record.submitted_at);
        s.bind(6, text);
        s.bind(7, problem);
    }
    return change(db_, s, error);
}

std::vector<HeldDecision> Outbox::query(const std::string* store, std::string& error) const {
    std::vector<HeldDecision> out;
    sql::Statement s(db_, store ? "SELECT id, store, store_id, held_at, submission_id, "
                                  "submitted_at, record, attempts, last_problem, refused FROM "
                                  "held WHERE store = ?1 ORDER BY id"
                                : "SELECT id, store, store_id, held_at, submission_id, "
                                  "submitted_at, record, attempts, last_problem, refused FROM "
                                  "held ORDER BY id");
    if (!s.ok()) {
        error = sqlite3_errmsg(db_);
        return out;
    }
    if (store) s.bind(1, *store);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        HeldDecision h;
        h.id = s.integer(0);
        h.store = s.text(1);
        h.store_id = s.text(2);
        h.held_at = s.text(3);
        h.record = record_from(s.text(6));
        h.record.submission_id = s.text(4);
        h.record.submitted_at = s.text(5);
        h.attempts = static_cast<int>(s.integer(7));
        h.last_problem = s.text(8);
        h.refused = s.integer(9) != 0;
        out.push_back(std::move(h));
    }
    if (rc != SQLITE_DONE) error = failure(db_, rc);
    return out;
}

std::vector<HeldDecision> Outbox::held(const std::string& store, std::string& error) const {
    return query(&store, error);
}

std::vector<HeldDecision> Outbox::all(std::string& error) const {
    return query(nullptr, error);
}

bool Outbox::remove(const std::string& submission_id, std::string& error) {
    sql::Statement s(db_, "DELETE FROM held WHERE submission_id = ?1");
    if (s.ok()) s.bind(1, submission_id);
    return change(db_, s, error);
}

bool Outbox::note_attempt(const std::string& submission_id, const std::string& problem,
                          bool refused, std::string& error) {
    sql::Statement s(db_,
                     "UPDATE held SET attempts = attempts + 1, last_problem = ?2, refused = ?3 "
                     "WHERE submission_id = ?1");
    if (s.ok()) {
        s.bind(1, submission_id);
        s.bind(2, problem);
        s.bind(3, std::int64_t{refused ? 1 : 0});
    }
    return change(db_, s, error);
}

bool Outbox::set_store_id(const std::string& store, const std::string& store_id,
                          std::string& error) {
    sql::Statement s(db_, "UPDATE held SET store_id = ?2 WHERE store = ?1 AND store_id = ''");
    if (s.ok()) {
        s.bind(1, store);
        s.bind(2, store_id);
    }
    return change(db_, s, error);
}

bool Outbox::remember_identity(const std::string& store, const Identity& who, std::string& error) {
    sql::Statement s(db_,
                     "INSERT INTO identity (store, login, practitioner, role, seen_at) VALUES "
                     "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (store) DO UPDATE SET login = ?2, "
                     "practitioner = ?3, role = ?4, seen_at = ?5");
    if (s.ok()) {
        s.bind(1, store);
        s.bind(2, who.login);
        s.bind(3, who.practitioner);
        s.bind(4, who.role);
        s.bind(5, utc_now());
    }
    return change(db_, s, error);
}

std::optional<Identity> Outbox::identity(const std::string& store) const {
    sql::Statement s(db_, "SELECT login, practitioner, role FROM identity WHERE store = ?1");
    if (!s.ok()) return std::nullopt;
    s.bind(1, store);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return Identity{s.text(0), s.text(1), s.text(2)};
}

}  // namespace continuum::audit
