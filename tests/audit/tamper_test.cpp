// Someone with the file drops the triggers and edits it: verify names the first bad record
// and says what is wrong.
#include <catch2/catch.hpp>

#include "audit/canonical.hpp"
#include "audit_fixture.hpp"

using namespace audit_test;
using namespace continuum::audit;

namespace {

VerifyReport verify_file(const fs::path& file, std::optional<std::string> head = {}) {
    return open_store(file)->verify(head);
}

// A 10-record log with its triggers already dropped by the "attacker".
struct TamperedLog {
    TempDir dir;
    fs::path file = dir / "audit.sqlite";
    std::string head = fill(file, 10);
    TamperedLog() { drop_triggers(file); }
    void run(const std::string& sql) { REQUIRE(raw_exec(file, sql) == ""); }
};

}  // namespace

TEST_CASE("tamper: a changed field is reported as record N changed") {
    TamperedLog log;
    const char* column = GENERATE("reason", "decided_level", "practitioner", "answers",
                                  "evaluation", "recorded_at", "agreed");
    std::string value = std::string(column) == "agreed" ? "0" : "'{\"edited\":true}'";
    log.run("UPDATE decision SET " + std::string(column) + " = " + value + " WHERE sequence = 4");
    auto r = verify_file(log.file);
    CHECK_FALSE(r.ok);
    CHECK(r.fault == Fault::changed);
    CHECK(r.first_bad == 4);
    CHECK(r.problem == "record 4 has been changed: its stored contents no longer match its hash.");
    CHECK(r.records == 3);  // the intact prefix
}

TEST_CASE("tamper: a change in a JSON column's spacing alone is detected") {
    TamperedLog log;
    log.run("UPDATE decision SET answers = replace(answers, ':', ': ') WHERE sequence = 7");
    auto r = verify_file(log.file);
    CHECK(r.fault == Fault::changed);
    CHECK(r.first_bad == 7);
}

TEST_CASE("tamper: a changed record whose hash was recomputed is caught at the next link") {
    TamperedLog log;
    // Rewrite record 5 consistently: new reason, and the hash a forger would compute.
    auto store = open_store(log.file);
    auto r5 = *store->get(5);
    store.reset();
    r5.reason = "Rewritten later";
    std::string forged = sha256_hex(canonical_form(r5));
    log.run("UPDATE decision SET reason = 'Rewritten later', hash = '" + forged +
            "' WHERE sequence = 5");
    auto r = verify_file(log.file);
    CHECK(r.fault == Fault::changed);
    CHECK(r.first_bad == 5);
    CHECK(r.problem.find("record 5 has been changed and its hash rewritten") == 0);
}

TEST_CASE("tamper: a deleted record is reported as missing") {
    TamperedLog log;
    log.run("DELETE FROM decision WHERE sequence = 6");
    auto r = verify_file(log.file);
    CHECK_FALSE(r.ok);
    CHECK(r.fault == Fault::missing);
    CHECK(r.first_bad == 6);
    CHECK(r.problem == "record 6 is missing: the chain goes from record 5 to record 7.");
}

TEST_CASE("tamper: several deleted records, the first one included") {
    TamperedLog log;
    log.run("DELETE FROM decision WHERE sequence IN (1, 2, 3)");
    auto r = verify_file(log.file);
    CHECK(r.fault == Fault::missing);
    CHECK(r.first_bad == 1);
    CHECK(r.problem == "records 1 to 3 are missing: the chain starts at record 4.");
}

TEST_CASE("tamper: the first record deleted is named, with where the chain now starts") {
    TamperedLog log;
    log.run("DELETE FROM decision WHERE sequence = 1");
    auto r = verify_file(log.file);
    CHECK(r.fault == Fault::missing);
    CHECK(r.first_bad == 1);
    CHECK(r.problem == "record 1 is missing: the chain starts at record 2.");
}

TEST_CASE("tamper: a deleted record with the rest renumbered is still missing") {
    TamperedLog log;
    log.run(
        "DELETE FROM decision WHERE sequence = 1; UPDATE decision SET sequence = sequence - 1;");
    auto r = verify_file(log.file);
    CHECK(r.fault == Fault::missing);
    CHECK(r.first_bad == 1);
}

TEST_CASE("tamper: two records swapped are reported as reordered") {
    TamperedLog log;
    auto [a, b] = GENERATE(std::pair{3, 5}, std::pair{3, 4}, std::pair{1, 10});
    log.run("UPDATE decision SET sequence = -1 WHERE sequence = " + std::to_string(a) + ";" +
            "UPDATE decision SET sequence = " + std::to_string(a) +
            " WHERE sequence = " + std::to_string(b) + ";" +
            "UPDATE decision SET sequence = " + std::to_string(b) + " WHERE sequence = -1;");
    auto r = verify_file(log.file);
    CHECK_FALSE(r.ok);
    CHECK(r.fault == Fault::reordered);
    CHECK(r.first_bad == a);
    CHECK(r.problem == "record " + std::to_string(a) +
                           " is out of order: it was written as record " + std::to_string(b) +
                           ", so records have been moved.");
}

TEST_CASE("tamper: a truncated log verifies alone but not against the head noted earlier") {
    TamperedLog log;
    log.run("DELETE FROM decision WHERE sequence = 10");
    auto alone = verify_file(log.file);
    CHECK(alone.ok);  // nothing inside the file can show what is gone from its end
    CHECK(alone.records == 9);
    auto r = verify_file(log.file, log.head);
    CHECK_FALSE(r.ok);
    CHECK(r.fault == Fault::head_mismatch);
    CHECK(r.first_bad == 10);
    CHECK(r.problem.find("the file ends at record 9") == 0);
    CHECK(r.problem.find("records after record 9 are missing (the file was truncated)") !=
          std::string::npos);
}

TEST_CASE("a head noted earlier that the log has since grown past is named") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string at4 = fill(file, 4);
    auto store = open_store(file);
    auto extra = sample_record(5);
    std::string error;
    REQUIRE(store->append(extra, error));
    auto r = store->verify(at4);
    CHECK(r.fault == Fault::head_mismatch);
    CHECK(r.first_bad == 5);
    CHECK(r.problem.find("the expected head is record 4, but the file goes on to record 5") == 0);
    CHECK(store->verify(extra.hash).ok);
}

TEST_CASE("a head that is not a hash of this log is a mismatch") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 2);
    auto r = open_store(file)->verify(std::string(64, 'f'));
    CHECK(r.fault == Fault::head_mismatch);
    CHECK(r.first_bad == 3);
}

// [SECTION] The protection, apart from the chain

TEST_CASE("protection: an untouched log's protection is whole") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 3);
    auto r = verify_file(file);
    CHECK(r.ok);
    CHECK(r.protection_ok);
    CHECK(r.protection_problems.empty());
}

TEST_CASE("protection: dropped triggers are reported though the chain is intact") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 3);
    drop_triggers(file);
    auto r = verify_file(file);
    CHECK(r.ok);  // nothing was changed (yet): the chain holds
    CHECK_FALSE(r.protection_ok);
    REQUIRE(r.protection_problems.size() == 2);
    CHECK(r.protection_problems[0] ==
          "The trigger decision_no_delete, which refuses the removal of recorded decisions, is "
          "missing (dropped): recorded decisions could be changed or removed.");
    CHECK(r.protection_problems[1].find("The trigger decision_no_update, which refuses changes "
                                        "to recorded decisions, is missing (dropped)") == 0);
}

TEST_CASE("protection: an altered table, an altered trigger and an extra trigger are named") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 2);
    SECTION("a column added") {
        REQUIRE(raw_exec(file, "ALTER TABLE decision ADD COLUMN note TEXT") == "");
        auto r = verify_file(file);
        REQUIRE(r.protection_problems.size() == 1);
        CHECK(r.protection_problems[0] ==
              "The table decision has been altered: it is no longer the one continuum made.");
    }
    SECTION("a trigger rewritten to let updates through") {
        REQUIRE(raw_exec(file,
                         "DROP TRIGGER decision_no_update; CREATE TRIGGER decision_no_update "
                         "BEFORE UPDATE ON decision WHEN 0 BEGIN SELECT 1; END") == "");
        auto r = verify_file(file);
        REQUIRE(r.protection_problems.size() == 1);
        CHECK(r.protection_problems[0] ==
              "The trigger decision_no_update, which refuses changes to recorded decisions, has "
              "been altered: it is no longer the one continuum made.");
    }
    SECTION("a trigger that silently drops new decisions") {
        REQUIRE(raw_exec(file,
                         "CREATE TRIGGER swallow BEFORE INSERT ON decision "
                         "BEGIN SELECT RAISE(IGNORE); END") == "");
        auto r = verify_file(file);
        REQUIRE(r.protection_problems.size() == 1);
        CHECK(r.protection_problems[0] ==
              "There is an extra trigger swallow on decision that continuum did not make: it "
              "could change, drop or refuse what is recorded.");
    }
}

TEST_CASE("protection: triggers put back exactly leave only the chain to tell") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 4);
    tamper_behind_triggers(file, "UPDATE decision SET reason = 'later' WHERE sequence = 2");
    auto r = verify_file(file);
    CHECK(r.protection_ok);
    CHECK_FALSE(r.ok);
    CHECK(r.first_bad == 2);
}

TEST_CASE("protection: a trigger that drops decisions cannot make append report one recorded") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string head = fill(file, 2);
    SECTION("dropped") {
        REQUIRE(raw_exec(file,
                         "CREATE TRIGGER swallow BEFORE INSERT ON decision "
                         "BEGIN SELECT RAISE(IGNORE); END") == "");
    }
    SECTION("rewritten after insertion") {
        drop_triggers(file);
        REQUIRE(raw_exec(file,
                         "CREATE TRIGGER rewrite AFTER INSERT ON decision BEGIN UPDATE decision "
                         "SET reason = 'rewritten' WHERE sequence = NEW.sequence; END") == "");
    }
    auto store = open_store(file);
    auto r = sample_record(3);
    std::string error;
    CHECK_FALSE(store->append(r, error));
    CHECK(error.find("did not keep it as written") != std::string::npos);
    CHECK(store->count() == 2);
    CHECK(store->head() == head);
}
