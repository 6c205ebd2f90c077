// The team store as one front door uses it: set up in one idempotent command, decisions
// recorded under the signed-in login, refused changes, tampering caught, and a workstation's
// SQLite log moved in with its hashes kept.
#include "audit/canonical.hpp"
#include "audit/migrate.hpp"
#include "audit/pg_schema.hpp"
#include "pg_fixture.hpp"

using namespace pg_test;

TEST_CASE("server init is idempotent and leaves the protection in place", "[pg]") {
    TeamStore t;
    ServerInitResult again = init_team_store(t.as_superuser());
    REQUIRE(again.ok);
    CHECK(again.version_before == pg_schema::kVersion);
    CHECK(again.version_after == pg_schema::kVersion);
    CHECK(again.protection_problems.empty());
    auto c = connect(t.as_superuser());
    pg::Result versions = c->exec("SELECT count(*) FROM continuum.schema_version");
    REQUIRE(versions.ok());
    CHECK(versions.text(0, 0) == std::to_string(pg_schema::kVersion));
}

TEST_CASE("a decision is recorded under the signed-in login, with the canonical hash", "[pg]") {
    TeamStore t;
    auto store = t.open("sam");
    REQUIRE(store->backend() == Backend::postgresql);
    REQUIRE(store->identity());
    CHECK(store->identity()->practitioner == "Sam Okafor");
    CHECK(store->location().find(TeamStore::kPassword) == std::string::npos);

    std::string first_hash;
    for (int i = 1; i <= 5; ++i) {
        DecisionRecord r = team_record(*store, i);
        std::string error;
        REQUIRE(store->append(r, error));
        CHECK(r.sequence == i);
        CHECK(r.hash == sha256_hex(canonical_form(r)));
        if (i == 1) {
            CHECK(r.previous_hash == std::string(64, '0'));
            first_hash = r.hash;
        }
    }
    VerifyReport v = store->verify();
    CHECK(v.ok);
    CHECK(v.protection_ok);
    CHECK(v.records == 5);
    CHECK(v.head == store->head());

    // Another practitioner and the auditor see the same chain.
    auto ana = t.open("ana");
    CHECK(ana->verify().head == v.head);
    CHECK(ana->get(1)->hash == first_hash);
    CHECK(ana->list().size() == 5);
    CHECK(ana->list(Query{.practitioner = "Sam Okafor"}).size() == 5);
    CHECK(ana->list(Query{.level = "level3"}).size() == 3);
    // History reads only the newest of what matches, still in chain order.
    auto newest = ana->list(Query{.level = "level3", .newest = 2});
    REQUIRE(newest.size() == 2);
    CHECK(newest[0].sequence == 3);
    CHECK(newest[1].sequence == 5);
    CHECK(ana->practitioners() == std::vector<std::string>{"Sam Okafor"});
    // The auditor may read but never record.
    CHECK_FALSE(ana->writable());
}

TEST_CASE("a practitioner cannot change, delete or forge a decision", "[pg]") {
    TeamStore t;
    {
        auto store = t.open("sam");
        DecisionRecord r = team_record(*store, 1);
        std::string error;
        REQUIRE(store->append(r, error));

        DecisionRecord forged = team_record(*store, 2);
        forged.practitioner = "Maya Chen";
        CHECK_FALSE(store->append(forged, error));
        CHECK(error.find("Sam Okafor") != std::string::npos);
        CHECK(store->count() == 1);
    }
    auto sam = connect(t.as("sam"));
    for (const char* sql : {"UPDATE continuum.decision SET decided_level = 'level1'",
                            "DELETE FROM continuum.decision", "TRUNCATE continuum.decision"}) {
        pg::Result r = sam->exec(sql);
        INFO(sql);
        CHECK(r.failure == pg::Failure::refused);
        CHECK(r.sqlstate == "42501");  // insufficient privilege
    }
    // Straight SQL with someone else's name is refused by the server too.
    pg::Result forged = sam->exec(
        "INSERT INTO continuum.decision (case_ref, referred_at, practitioner, role, ruleset_id, "
        "ruleset_version, ruleset_digest, suggested_level, decided_level, routes, agreed, "
        "override_category, reason, service_consent, sharing_basis, family_informed, "
        "consent_note, answers, evaluation) VALUES ('C-1', '2026-11-23T09:40:00', 'Maya Chen', "
        "'Team manager', 'surrey', '2026.2', 'x', 'level4', 'level4', '[]', 1, '', '', "
        "'not_sought', 'x', 0, '', '{}', '{}')");
    CHECK(forged.failure == pg::Failure::refused);
    // The owner role, even, is refused by the triggers.
    auto admin = connect(t.as_superuser());
    exec(*admin, "SET ROLE continuum_owner");
    pg::Result owner_update = admin->exec("UPDATE continuum.decision SET reason = 'changed'");
    CHECK(owner_update.failure == pg::Failure::refused);
    pg::Result owner_delete = admin->exec("DELETE FROM continuum.decision");
    CHECK(owner_delete.failure == pg::Failure::refused);
    CHECK(t.open("ana")->verify().ok);
}

TEST_CASE("tampering by the database superuser is caught by verify, naming the record", "[pg]") {
    TeamStore t;
    {
        auto store = t.open("sam");
        for (int i = 1; i <= 6; ++i) {
            DecisionRecord r = team_record(*store, i);
            std::string error;
            REQUIRE(store->append(r, error));
        }
    }
    auto admin = connect(t.as_superuser());
    exec(*admin, "ALTER TABLE continuum.decision DISABLE TRIGGER ALL");
    exec(*admin, "UPDATE continuum.decision SET decided_level = 'level1' WHERE sequence = 4");

    VerifyReport v = t.open("ana")->verify();
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad == 4);
    CHECK(v.problem.find("4") != std::string::npos);
    CHECK_FALSE(v.protection_ok);
    REQUIRE_FALSE(v.protection_problems.empty());
}

TEST_CASE("dropped triggers are reported apart from an intact chain", "[pg]") {
    TeamStore t;
    {
        auto store = t.open("sam");
        DecisionRecord r = team_record(*store, 1);
        std::string error;
        REQUIRE(store->append(r, error));
    }
    auto admin = connect(t.as_superuser());
    pg::Result triggers = admin->exec(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'continuum.decision'::regclass AND NOT "
        "tgisinternal");
    REQUIRE(triggers.rows() > 0);
    for (int i = 0; i < triggers.rows(); ++i)
        exec(*admin, "DROP TRIGGER " + triggers.text(i, 0) + " ON continuum.decision");
    VerifyReport v = t.open("ana")->verify();
    CHECK(v.ok);  // the chain itself is untouched
    CHECK_FALSE(v.protection_ok);
    CHECK_FALSE(v.protection_problems.empty());
}

TEST_CASE("a workstation's log migrates with every hash kept, and only once", "[pg]") {
    TeamStore t;
    audit_test::TempDir dir;
    const std::string head = audit_test::fill(dir / "audit.sqlite", 25);
    std::string error;
    auto file = Store::open_existing((dir / "audit.sqlite").string(), error);
    REQUIRE(file);
    auto team = Store::open(t.as("maya"), error);  // a manager copies logs in
    REQUIRE(team);

    MigrationReport m = migrate_log(*file, *team);
    REQUIRE(m.ok);
    CHECK(m.copied == 25);
    CHECK(m.destination_head == head);
    CHECK(team->verify().head == head);

    MigrationReport again = migrate_log(*file, *team);
    REQUIRE(again.ok);
    CHECK(again.copied == 0);
    CHECK(again.already == 25);
    CHECK(team->count() == 25);

    // And back out to a new file: the same head again.
    auto copy = Store::open((dir / "copy.sqlite").string(), error);
    REQUIRE(copy);
    MigrationReport out = migrate_log(*team, *copy);
    REQUIRE(out.ok);
    CHECK(copy->verify().head == head);
    for (std::int64_t s : {1, 13, 25})
        CHECK(copy->get(s)->hash == file->get(s)->hash);

    // The team chain carries on from the migrated records.
    DecisionRecord next = team_record(*team, 26);
    REQUIRE(team->append(next, error));
    CHECK(next.previous_hash == head);
    CHECK(team->verify().ok);
}
