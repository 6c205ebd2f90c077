// continuum training check|report|export as a trainer runs them: output and exit codes.
#include <catch2/catch.hpp>

#include "audit/training_store.hpp"
#include "run_command.hpp"

using namespace continuum;
namespace fs = std::filesystem;

namespace {

fs::path session_file() {
    fs::path file = fs::temp_directory_path() / "continuum-training-cli-test.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
    std::string error;
    auto store = audit::TrainingStore::open(file, error);
    REQUIRE(store);
    engine::Judgement expected{
        "statutory", {{"s47", "met"}, {"s31", "cannot_rule_out"}}, {"non_mobile_bruising"}};
    int n = 0;
    for (const char* level : {"statutory", "statutory", "intensive", "targeted"}) {
        audit::TrainingResult r;
        r.trainee = "Trainee " + std::to_string(++n);
        r.cohort = n <= 2 ? "morning" : "afternoon";
        r.scenario_id = "bruised-baby";
        r.committed = expected;
        r.committed.level = level;
        r.expected = r.engine = expected;
        r.answers = "{}";
        r.criteria = 4;
        r.matched = std::string(level) == "statutory" ? 4 : 3;
        REQUIRE(store->commit(r, error));
        REQUIRE(store->reveal(r.id, error));
    }
    return file;
}

}  // namespace

TEST_CASE("training report prints agreement figures and where people divide", "[cli]") {
    fs::path file = session_file();
    auto run = clitest::continuum({"training", "report", file.string()});
    CHECK(run.code == 0);
    CHECK(run.out.find("4 judgements by 4 trainees on 1 scenarios") == 0);
    CHECK(run.out.find("level                ##########.......... "
                       " 50%") != std::string::npos);
    CHECK(run.out.find("Where trainees divide most") != std::string::npos);
    CHECK(run.out.find("bruised-baby         level") != std::string::npos);

    auto csv = clitest::continuum({"training", "report", file.string(), "--csv"});
    CHECK(csv.code == 0);
    CHECK(csv.out.find("kind,scenario,criterion,raters,percent_agreement,cohens_kappa,"
                       "fleiss_kappa,pairwise_agreement,mean_score\n") == 0);
    CHECK(csv.out.find("criterion,,level,4,0.5000,") != std::string::npos);

    auto morning = clitest::continuum({"training", "report", file.string(), "--cohort", "morning"});
    CHECK(morning.code == 0);
    CHECK(morning.out.find("2 judgements by 2 trainees") == 0);

    auto none = clitest::continuum({"training", "report", file.string(), "--scenario", "nope"});
    CHECK(none.code == 1);
    CHECK(none.err.find("match the filters") != std::string::npos);

    auto exported = clitest::continuum({"training", "export", file.string(), "--format", "csv"});
    CHECK(exported.code == 0);
    CHECK(std::count(exported.out.begin(), exported.out.end(), '\n') == 5);
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(file.string() + suffix);
}

TEST_CASE("training report on a missing or foreign file exits 2 with a message", "[cli]") {
    auto missing = clitest::continuum({"training", "report", "/nonexistent/training.sqlite"});
    CHECK(missing.code == 2);
    CHECK(missing.err.find("no such training results file") != std::string::npos);
    auto usage = clitest::continuum({"training", "report"});
    CHECK(usage.code == 2);
}

TEST_CASE("training check passes on Surrey and fails on a pack that disagrees", "[cli]") {
    auto ok = clitest::continuum({"training", "check", CONTINUUM_SOURCE_DIR "/rules/surrey"});
    CHECK(ok.code == 0);
    CHECK(ok.out.find(" scenarios agree with the engine, 0 disagree") != std::string::npos);

    clitest::TempCopy copy(CONTINUUM_SOURCE_DIR "/rules/surrey");
    copy.replace("training/levels.toml", "level = \"thriving\"", "level = \"emerging\"");
    auto bad = clitest::continuum({"training", "check", copy.dir.string()});
    CHECK(bad.code == 1);
    CHECK(bad.out.find("DISAGREE ") == 0);
    CHECK(bad.out.find("explained-bump-toddler\n  level: expected emerging, engine gives "
                       "thriving") != std::string::npos);
    CHECK(bad.out.find(", 1 disagree") != std::string::npos);

    clitest::TempCopy broken(CONTINUUM_SOURCE_DIR "/rules/surrey");
    broken.replace("training/levels.toml", "title = ", "titel = ");
    auto err = clitest::continuum({"training", "check", broken.dir.string()});
    CHECK(err.code == 1);
    CHECK(err.err.find("levels.toml:") != std::string::npos);
    CHECK(err.err.find("did you mean 'title'") != std::string::npos);
}
