// The outbox: decisions waiting on this computer for the team store. What is held comes back
// exactly (so it hashes the same when the team store records it), survives the program
// closing, leaves only when recorded, and a file that is not an outbox is never written.
#include <catch2/catch.hpp>

#include "audit/canonical.hpp"
#include "audit/outbox.hpp"
#include "audit_fixture.hpp"

using namespace continuum::audit;
using audit_test::TempDir;

namespace {

DecisionRecord held_record(int i) {
    DecisionRecord r = audit_test::sample_record(i);
    r.submission_id = new_submission_id();
    r.submitted_at = "2026-11-24T09:41:07Z";
    // Text a careless copy would damage: non-ASCII, quotes, a line break, trailing space.
    r.reason = "Grandmother\u2019s \"account\" differs;\nsee note ";
    return r;
}

std::unique_ptr<Outbox> open_outbox(const std::filesystem::path& file) {
    std::string error;
    auto outbox = Outbox::open(file, error);
    INFO(error);
    REQUIRE(outbox);
    return outbox;
}

const std::string kStore = "sam@db.example:5432/continuum";

}  // namespace

TEST_CASE("a held decision comes back exactly, after the program closed", "[audit][outbox]") {
    TempDir dir;
    auto file = dir / "outbox.sqlite";
    DecisionRecord r = held_record(1);
    std::string error;
    REQUIRE(open_outbox(file)->hold(r, kStore, "", "connection refused", error));

    auto outbox = open_outbox(file);  // as the next start of continuum would
    auto held = outbox->held(kStore, error);
    REQUIRE(error.empty());
    REQUIRE(held.size() == 1);
    const HeldDecision& h = held[0];
    CHECK(h.record.submission_id == r.submission_id);
    CHECK(h.record.submitted_at == r.submitted_at);
    CHECK(h.last_problem == "connection refused");
    CHECK_FALSE(h.refused);
    // Every decided field as it was: placed in a chain, it hashes as the original would.
    DecisionRecord a = r, b = h.record;
    for (DecisionRecord* x : {&a, &b}) {
        x->sequence = 7;
        x->recorded_at = "2026-11-24T10:00:00Z";
        x->previous_hash = std::string(64, 'b');
    }
    CHECK(canonical_form(a) == canonical_form(b));
    CHECK(b.reason == r.reason);

    // The file is private to the user, as the audit log is.
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::group_all) ==
          std::filesystem::perms::none);
}

TEST_CASE("the outbox keeps the order held, per team store, and lets go only when recorded",
          "[audit][outbox]") {
    TempDir dir;
    auto outbox = open_outbox(dir / "outbox.sqlite");
    std::string error;
    DecisionRecord first = held_record(1), second = held_record(2), other = held_record(3);
    REQUIRE(outbox->hold(first, kStore, "", "down", error));
    REQUIRE(outbox->hold(other, "alex@db.example:5432/continuum", "", "down", error));
    REQUIRE(outbox->hold(second, kStore, "", "down", error));
    // Held again (it failed once more): one entry, the new problem noted.
    REQUIRE(outbox->hold(first, kStore, "", "timed out", error));

    auto held = outbox->held(kStore, error);
    REQUIRE(held.size() == 2);
    CHECK(held[0].record.submission_id == first.submission_id);
    CHECK(held[0].last_problem == "timed out");
    CHECK(held[0].attempts == 1);
    CHECK(held[1].record.submission_id == second.submission_id);
    CHECK(outbox->all(error).size() == 3);

    REQUIRE(outbox->note_attempt(second.submission_id, "not permitted", true, error));
    REQUIRE(outbox->remove(first.submission_id, error));
    held = outbox->held(kStore, error);
    REQUIRE(held.size() == 1);
    CHECK(held[0].refused);  // refused stays, with the server's words, until someone acts
    CHECK(held[0].last_problem == "not permitted");

    // Once the store is reached, decisions held before it was known are bound to it.
    REQUIRE(outbox->set_store_id(kStore, "5f0c", error));
    CHECK(outbox->held(kStore, error)[0].store_id == "5f0c");
    CHECK(outbox->all(error)[0].store_id.empty());  // the other store's is untouched
}

TEST_CASE("the outbox remembers who the team store records a login as", "[audit][outbox]") {
    TempDir dir;
    std::string error;
    REQUIRE(open_outbox(dir / "outbox.sqlite")
                ->remember_identity(kStore, {"sam", "Sam Okafor", "Social worker, MASH"}, error));
    auto who = open_outbox(dir / "outbox.sqlite")->identity(kStore);
    REQUIRE(who);
    CHECK(who->practitioner == "Sam Okafor");
    CHECK(who->role == "Social worker, MASH");
    CHECK_FALSE(open_outbox(dir / "outbox.sqlite")->identity("alex@db:5432/continuum"));
}

TEST_CASE("a file that is not an outbox is refused and left untouched", "[audit][outbox]") {
    TempDir dir;
    auto audit_file = dir / "audit.sqlite";
    audit_test::fill(audit_file, 2);
    std::string before = audit_test::read_bytes(audit_file);
    std::string error;
    CHECK_FALSE(Outbox::open(audit_file, error));
    CHECK(error.find("not a continuum outbox") != std::string::npos);
    CHECK(audit_test::read_bytes(audit_file) == before);
}

TEST_CASE("one team store, however its connection is spelled, holds into one queue",
          "[audit][outbox]") {
    CHECK(team_store_key("postgresql://sam:secret@db.example:5433/continuum?sslmode=require") ==
          "sam@db.example:5433/continuum");
    CHECK(team_store_key("host=db.example port=5433 dbname=continuum user=sam password=x") ==
          "sam@db.example:5433/continuum");
    CHECK(team_store_key("postgresql://sam@db.example/continuum") ==
          "sam@db.example:5432/continuum");
    CHECK(team_store_key("postgresql://alex@db.example/continuum") !=
          team_store_key("postgresql://sam@db.example/continuum"));
}
