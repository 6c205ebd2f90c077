// The training results store: its own file, owner-only, commit before reveal kept by the file.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <sqlite3.h>
#include <catch2/catch.hpp>

#include "audit/training_store.hpp"

using namespace continuum;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path dir;
    TempDir() {
        char name[] = "/tmp/continuum-training-XXXXXX";
        dir = mkdtemp(name);
    }
    ~TempDir() { fs::remove_all(dir); }
};

audit::TrainingResult sample(const std::string& trainee, const std::string& level) {
    audit::TrainingResult r;
    r.trainee = trainee;
    r.cohort = "March 2026";
    r.scenario_id = "bruised-baby";
    r.ruleset_id = "surrey";
    r.ruleset_version = "1";
    r.ruleset_digest = std::string(64, 'a');
    r.committed = {level, {{"s47", "met"}, {"s17", "met"}}, {"non_mobile_bruising"}};
    r.expected = {"statutory", {{"s47", "met"}, {"s17", "met"}}, {"non_mobile_bruising"}};
    r.engine = r.expected;
    r.answers = R"({"injury_explained":true})";
    r.matched = level == "statutory" ? 4 : 3;
    r.criteria = 4;
    return r;
}

bool sql_fails(const fs::path& file, const char* statement) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    int rc = sqlite3_exec(db, statement, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc != SQLITE_OK;
}

}  // namespace

TEST_CASE("committed judgements round-trip, and reveal comes after commit, once", "[store]") {
    TempDir t;
    fs::path file = t.dir / "sub" / "training.sqlite";
    std::string error;
    auto store = audit::TrainingStore::open(file, error);
    REQUIRE(store);
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    CHECK((fs::status(file.parent_path()).permissions() & fs::perms::all) == fs::perms::owner_all);

    auto a = sample("Trainee A", "statutory");
    REQUIRE(store->commit(a, error));
    CHECK(a.id == 1);
    CHECK(a.revealed_at.empty());
    REQUIRE(store->reveal(a.id, error));
    CHECK_FALSE(store->reveal(a.id, error));
    CHECK(error.find("already revealed") != std::string::npos);
    CHECK_FALSE(store->reveal(42, error));
    CHECK(error.find("commit before revealing") != std::string::npos);

    auto got = store->get(a.id);
    REQUIRE(got);
    CHECK(got->committed == a.committed);
    CHECK(got->expected == a.expected);
    CHECK(got->engine == a.engine);
    CHECK(got->answers == a.answers);
    CHECK(got->score() == 1.0);
    CHECK(got->committed_at == a.committed_at);
    CHECK(got->revealed_at >= got->committed_at);

    auto b = sample("Trainee B", "intensive");
    b.cohort = "April 2026";
    REQUIRE(store->commit(b, error));
    CHECK(store->list().size() == 2);
    CHECK(store->list({.cohort = "April 2026"}).size() == 1);
    CHECK(store->list({.trainee = "Trainee A"}).at(0).id == 1);

    // The file keeps its rows as committed, whatever program writes to it.
    store.reset();
    CHECK(sql_fails(file, "UPDATE result SET committed = '{}' WHERE id = 1"));
    CHECK(sql_fails(file, "DELETE FROM result"));
    CHECK(
        sql_fails(file, "UPDATE result SET revealed_at = '2000-01-01T00:00:00.000Z' WHERE id = 2"));
    store = audit::TrainingStore::open_existing(file, error);
    REQUIRE(store);
    CHECK(store->list().size() == 2);
    CHECK_FALSE(store->commit(b, error));
}

TEST_CASE("exports carry every judgement in JSON Lines and CSV", "[store]") {
    std::vector<audit::TrainingResult> rows = {sample("Trainee A", "statutory"),
                                               sample("O'Neill, Sam", "intensive")};
    std::ostringstream jsonl, csv;
    audit::write_training_jsonl(jsonl, rows);
    audit::write_training_csv(csv, rows);
    CHECK(jsonl.str().find("\"committed\":{\"level\":\"intensive\"") != std::string::npos);
    std::string text = csv.str();
    CHECK(text.find("id,trainee,cohort,scenario,") == 0);
    CHECK(text.find("committed_route_s47") != std::string::npos);
    CHECK(text.find("\"O'Neill, Sam\"") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 3);
}

TEST_CASE("the judgements CSV neutralises a name a spreadsheet would run as a formula", "[store]") {
    auto row = sample("=HYPERLINK(\"http://x\",\"y\")", "statutory");
    row.cohort = "@SUM(1+1)";
    std::ostringstream csv;
    audit::write_training_csv(csv, {row});
    const std::string text = csv.str();
    CHECK(text.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'@SUM(1+1)\",") !=
          std::string::npos);
}

TEST_CASE("a file that is not a training results file is refused and left untouched", "[store]") {
    TempDir t;
    fs::path other = t.dir / "other.sqlite";
    REQUIRE_FALSE(sql_fails(other, "CREATE TABLE notes (x TEXT)"));
    auto before = fs::file_size(other);
    std::string error;
    CHECK_FALSE(audit::TrainingStore::open(other, error));
    CHECK(error.find("belongs to another program") != std::string::npos);
    CHECK(fs::file_size(other) == before);

    fs::path text = t.dir / "notes.txt";
    std::ofstream(text) << "not a database at all, just some words for the header check\n";
    CHECK_FALSE(audit::TrainingStore::open(text, error));
    CHECK(error.find("left untouched") != std::string::npos);
    CHECK_FALSE(audit::TrainingStore::open_existing(t.dir / "missing.sqlite", error));
}
