#include "training_store.hpp"

#include <chrono>
#include <ctime>
#include <set>

#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "engine/csv.hpp"
#include "files.hpp"
#include "local_db.hpp"
#include "sqlite.hpp"

namespace continuum::audit {
namespace fs = std::filesystem;

namespace {

const char* const kSchema = R"sql(
    CREATE TABLE result (
        id              INTEGER PRIMARY KEY,
        trainee         TEXT NOT NULL,
        cohort          TEXT NOT NULL,
        scenario_id     TEXT NOT NULL,
        ruleset_id      TEXT NOT NULL,
        ruleset_version TEXT NOT NULL,
        ruleset_digest  TEXT NOT NULL,
        committed       TEXT NOT NULL,
        expected        TEXT NOT NULL,
        engine          TEXT NOT NULL,
        answers         TEXT NOT NULL,
        matched         INTEGER NOT NULL,
        criteria        INTEGER NOT NULL,
        committed_at    TEXT NOT NULL,
        revealed_at     TEXT CHECK (revealed_at IS NULL OR revealed_at >= committed_at)
    );
    CREATE INDEX result_scenario ON result(scenario_id);
    CREATE TRIGGER result_fixed BEFORE UPDATE OF id, trainee, cohort, scenario_id, ruleset_id,
        ruleset_version, ruleset_digest, committed, expected, engine, answers, matched, criteria,
        committed_at ON result
    BEGIN SELECT RAISE(ABORT, 'a committed judgement cannot be changed'); END;
    CREATE TRIGGER result_revealed_once BEFORE UPDATE OF revealed_at ON result
        WHEN OLD.revealed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'this result was already revealed'); END;
    CREATE TRIGGER result_no_delete BEFORE DELETE ON result
    BEGIN SELECT RAISE(ABORT, 'training results cannot be deleted'); END;
)sql";

// "Cntr": PRAGMA application_id of a continuum training results file (the audit log is "Cntu").
const LocalDb kTrainingFile{0x436E7472, 1, kSchema, "training results file"};

const char* const kColumns =
    "id, trainee, cohort, scenario_id, ruleset_id, ruleset_version, ruleset_digest, committed, "
    "expected, engine, answers, matched, criteria, committed_at, revealed_at";

// Milliseconds, so a reveal straight after a commit still reads as later or equal, and ISO
// text so the CHECK compares times as strings.
std::string utc_now_ms() {
    auto now = std::chrono::system_clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    return fmt::format("{}.{:03d}Z", text, static_cast<int>(ms.count()));
}

nlohmann::json to_json(const engine::Judgement& j) {
    return {{"level", j.level}, {"routes", j.routes}, {"triggers", j.triggers}};
}

engine::Judgement judgement_from(const std::string& text) {
    engine::Judgement j;
    auto v = nlohmann::json::parse(text, nullptr, false);
    if (!v.is_object()) return j;
    j.level = v.value("level", "");
    if (v.contains("routes") && v["routes"].is_object())
        for (const auto& [k, f] : v["routes"].items())
            if (f.is_string()) j.routes[k] = f.get<std::string>();
    if (v.contains("triggers") && v["triggers"].is_array())
        for (const auto& t : v["triggers"])
            if (t.is_string()) j.triggers.push_back(t.get<std::string>());
    return j;
}

TrainingResult read_row(const sql::Statement& s) {
    TrainingResult r;
    r.id = s.integer(0);
    r.trainee = s.text(1);
    r.cohort = s.text(2);
    r.scenario_id = s.text(3);
    r.ruleset_id = s.text(4);
    r.ruleset_version = s.text(5);
    r.ruleset_digest = s.text(6);
    r.committed = judgement_from(s.text(7));
    r.expected = judgement_from(s.text(8));
    r.engine = judgement_from(s.text(9));
    r.answers = s.text(10);
    r.matched = s.integer(11);
    r.criteria = s.integer(12);
    r.committed_at = s.text(13);
    r.revealed_at = s.is_null(14) ? "" : s.text(14);
    return r;
}

std::string failure(sqlite3* db, int code, const char* doing) {
    std::string why = (code & 0xff) == SQLITE_FULL ? "the disk is full" : sqlite3_errmsg(db);
    return fmt::format("The judgement was not {}: {}. Nothing was written.", doing, why);
}

}  // namespace

fs::path default_training_path() {
    return data_file("training.sqlite");
}

TrainingStore::TrainingStore(sqlite3* db, fs::path path, bool writable)
    : db_(db), path_(std::move(path)), writable_(writable) {}

TrainingStore::~TrainingStore() {
    sqlite3_close_v2(db_);
}

std::unique_ptr<TrainingStore> TrainingStore::open_existing(const fs::path& file,
                                                            std::string& error) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        error = fmt::format("{}: no such training results file.", file.string());
        return nullptr;
    }
    bool fresh = false;
    sql::Db db = open_local_db_read_only(file, kTrainingFile, fresh, error);
    if (!db) return nullptr;
    if (fresh) {
        error = fmt::format("{} holds no training results.", file.string());
        return nullptr;
    }
    return std::unique_ptr<TrainingStore>(new TrainingStore(db.release(), file, false));
}

std::unique_ptr<TrainingStore> TrainingStore::open(const fs::path& file, std::string& error) {
    std::error_code ec;
    if (fs::exists(file, ec) && !fs::is_regular_file(file, ec)) {
        error = fmt::format("{} is not a file: it cannot hold training results.", file.string());
        return nullptr;
    }
    if (!create_owner_only(file, "training results file", error)) return nullptr;
    // A file that cannot be written opens for reading: results can still be shown.
    if (!can_write(file) || !can_write(folder_of(file))) {
        auto store = open_existing(file, error);
        if (!store)
            error = fmt::format(
                "Cannot write the training results file {}: the file or its "
                "folder is read-only.",
                file.string());
        return store;
    }
    sql::Db db = open_local_db(file, kTrainingFile, error);
    if (!db) return nullptr;
    return std::unique_ptr<TrainingStore>(new TrainingStore(db.release(), file, true));
}

bool TrainingStore::commit(TrainingResult& result, std::string& error) {
    if (!writable_) {
        error = fmt::format("The judgement was not recorded: {} was opened for reading only.",
                            path_.string());
        return false;
    }
    TrainingResult r = result;
    r.committed_at = utc_now_ms();
    r.revealed_at.clear();
    std::string committed, expected, engine;
    try {
        committed = to_json(r.committed).dump();
        expected = to_json(r.expected).dump();
        engine = to_json(r.engine).dump();
    } catch (const nlohmann::json::exception&) {
        error = "The judgement was not recorded: it holds text that is not valid UTF-8.";
        return false;
    }
    sql::Statement insert(db_, fmt::format("INSERT INTO result ({}) VALUES (NULL, ?, ?, ?, ?, ?, "
                                           "?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                                           kColumns));
    if (!insert.ok()) {
        error = failure(db_, insert.prepare_code(), "recorded");
        return false;
    }
    int i = 1;
    for (const std::string* t :
         {&r.trainee, &r.cohort, &r.scenario_id, &r.ruleset_id, &r.ruleset_version,
          &r.ruleset_digest, &committed, &expected, &engine, &r.answers})
        insert.bind(i++, *t);
    insert.bind(i++, r.matched);
    insert.bind(i++, r.criteria);
    insert.bind(i, r.committed_at);
    if (int rc = insert.step(); rc != SQLITE_DONE) {
        error = failure(db_, rc, "recorded");
        return false;
    }
    r.id = sqlite3_last_insert_rowid(db_);
    result = std::move(r);
    return true;
}

bool TrainingStore::reveal(std::int64_t id, std::string& error) {
    if (!writable_) {
        error = fmt::format("Cannot record the reveal: {} was opened for reading only.",
                            path_.string());
        return false;
    }
    sql::Statement update(db_, "UPDATE result SET revealed_at = ? WHERE id = ?");
    if (!update.ok()) {
        error = failure(db_, update.prepare_code(), "revealed");
        return false;
    }
    update.bind(1, utc_now_ms());
    update.bind(2, id);
    if (int rc = update.step(); rc != SQLITE_DONE) {
        error = failure(db_, rc, "revealed");
        return false;
    }
    if (sqlite3_changes(db_) == 0) {
        error =
            fmt::format("No committed judgement has the number {}: commit before revealing.", id);
        return false;
    }
    return true;
}

std::vector<TrainingResult> TrainingStore::list(const TrainingQuery& q) const {
    std::string sql = fmt::format("SELECT {} FROM result WHERE 1", kColumns);
    std::vector<std::string> params;
    if (q.scenario) sql += " AND scenario_id = ?", params.push_back(*q.scenario);
    if (q.cohort) sql += " AND cohort = ?", params.push_back(*q.cohort);
    if (q.trainee) sql += " AND trainee = ?", params.push_back(*q.trainee);
    sql += " ORDER BY id";
    std::vector<TrainingResult> out;
    sql::Statement s(db_, sql);
    if (!s.ok()) return out;
    for (std::size_t i = 0; i < params.size(); ++i)
        s.bind(static_cast<int>(i + 1), params[i]);
    while (s.step() == SQLITE_ROW)
        out.push_back(read_row(s));
    return out;
}

std::optional<TrainingResult> TrainingStore::get(std::int64_t id) const {
    sql::Statement s(db_, fmt::format("SELECT {} FROM result WHERE id = ?", kColumns));
    if (!s.ok()) return std::nullopt;
    s.bind(1, id);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return read_row(s);
}

void write_training_jsonl(std::ostream& out, const std::vector<TrainingResult>& results) {
    for (const auto& r : results) {
        nlohmann::json answers = nlohmann::json::parse(r.answers, nullptr, false);
        nlohmann::json line = {
            {"id", r.id},
            {"trainee", r.trainee},
            {"cohort", r.cohort},
            {"scenario", r.scenario_id},
            {"ruleset",
             {{"id", r.ruleset_id}, {"version", r.ruleset_version}, {"digest", r.ruleset_digest}}},
            {"committed", to_json(r.committed)},
            {"expected", to_json(r.expected)},
            {"engine", to_json(r.engine)},
            {"answers", answers.is_discarded() ? nlohmann::json(r.answers) : answers},
            {"matched", r.matched},
            {"criteria", r.criteria},
            {"score", r.score()},
            {"committed_at", r.committed_at},
            {"revealed_at",
             r.revealed_at.empty() ? nlohmann::json() : nlohmann::json(r.revealed_at)}};
        out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
}

void write_training_csv(std::ostream& out, const std::vector<TrainingResult>& results) {
    std::set<std::string> routes;
    for (const auto& r : results)
        for (const auto* j : {&r.committed, &r.expected, &r.engine})
            for (const auto& [id, f] : j->routes)
                routes.insert(id);
    std::vector<std::string> header = {
        "id",          "trainee",         "cohort",         "scenario",
        "ruleset_id",  "ruleset_version", "ruleset_digest", "committed_at",
        "revealed_at", "matched",         "criteria",       "score"};
    for (const char* who : {"committed", "expected", "engine"}) {
        header.push_back(fmt::format("{}_level", who));
        for (const auto& id : routes)
            header.push_back(fmt::format("{}_route_{}", who, id));
        header.push_back(fmt::format("{}_triggers", who));
    }
    for (std::size_t i = 0; i < header.size(); ++i)
        out << (i ? "," : "") << header[i];
    out << "\n";
    for (const auto& r : results) {
        std::vector<std::string> row = {std::to_string(r.id),
                                        r.trainee,
                                        r.cohort,
                                        r.scenario_id,
                                        r.ruleset_id,
                                        r.ruleset_version,
                                        r.ruleset_digest,
                                        r.committed_at,
                                        r.revealed_at,
                                        std::to_string(r.matched),
                                        std::to_string(r.criteria),
                                        fmt::format("{:.3f}", r.score())};
        for (const auto* j : {&r.committed, &r.expected, &r.engine}) {
            row.push_back(j->level);
            for (const auto& id : routes) {
                auto it = j->routes.find(id);
                row.push_back(it == j->routes.end() ? "" : it->second);
            }
            row.push_back(engine::triggers_category(j->triggers));
        }
        for (std::size_t i = 0; i < row.size(); ++i)
            out << (i ? "," : "") << engine::csv_text(row[i]);
        out << "\n";
    }
}

}  // namespace continuum::audit
