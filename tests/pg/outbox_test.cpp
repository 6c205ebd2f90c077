// Network faults between a workstation and the team store: the decision is recorded, or held
// in the outbox on this computer and recorded exactly once when the server is back, or (when
// the server refuses it) failed with nothing written. Never lost, never half-written, never
// recorded twice, and never waited on for longer than the time-outs.
#include <chrono>

#include "audit/outbox.hpp"
#include "flaky_network.hpp"
#include "pg_fixture.hpp"
#include "ui/triage/team_sink.hpp"

using namespace pg_test;
namespace ui = continuum::ui;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// A decision as the GUI makes it for the team store: no name (the store signs it).
DecisionRecord unsigned_record(int i) {
    DecisionRecord r = audit_test::sample_record(i);
    r.practitioner = "Somebody Typed This";  // never what the team store records
    r.role = "";
    return r;
}

std::size_t held_in(const std::filesystem::path& outbox) {
    std::string error;
    auto o = Outbox::open(outbox, error);
    REQUIRE(o);
    return o->all(error).size();
}

int cluster_port() {
    return std::stoi(cluster_state().at("PG_PORT"));
}

}  // namespace

TEST_CASE("with the server down a decision is held on this computer and recorded once later",
          "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    const auto outbox = dir / "outbox.sqlite";
    DecisionRecord first = unsigned_record(1), r = unsigned_record(2);
    std::string message;
    {
        ui::TeamSink sink(t.as("sam"), outbox);
        REQUIRE(sink.deliver(first, message) == ui::Delivery::recorded);
        CHECK(first.practitioner == "Sam Okafor");
        ResumeServer resume;
        cluster("kill");
        auto start = Clock::now();
        REQUIRE(sink.deliver(r, message) == ui::Delivery::held);
        CHECK(Clock::now() - start < 12s);  // bounded by the connect time-out
        CHECK(message.find("kept safely on this computer") != std::string::npos);
        CHECK(message.find("could not be reached") != std::string::npos);
        CHECK(sink.status().problem.find("Connection refused") != std::string::npos);
        CHECK(message.find(TeamStore::kPassword) == std::string::npos);
        CHECK(r.sequence == 0);
        CHECK(r.hash.empty());
        CHECK_FALSE(r.submission_id.empty());
        CHECK(r.practitioner == "Sam Okafor");  // the login's name, remembered
        ui::SinkStatus status = sink.status();
        CHECK(status.held == 1);
        CHECK_FALSE(status.reachable);
        CHECK(sink.send_held(false).empty());  // still down: it stays
        CHECK(held_in(outbox) == 1);
    }
    // continuum started again once the server is back: what was held is sent, once.
    ui::TeamSink again(t.as("sam"), outbox);
    CHECK(again.status().held == 1);
    auto sent = again.send_held(false);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].submission_id == r.submission_id);
    CHECK(sent[0].sequence == 2);
    CHECK(again.send_held(false).empty());
    CHECK(held_in(outbox) == 0);
    auto ana = t.open("ana");
    CHECK(ana->count() == 2);
    CHECK(ana->verify().ok);
    auto stored = ana->get(2);
    REQUIRE(stored);
    CHECK(stored->practitioner == "Sam Okafor");
    CHECK(stored->submitted_at == r.submitted_at);  // when Record was pressed, not when sent
    CHECK(stored->case_ref == r.case_ref);
    CHECK(stored->reason == r.reason);
}

TEST_CASE("a connection cut after COMMIT leaves the outcome unknown: held, then recorded once",
          "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    FlakyNetwork net(cluster_port());
    ui::TeamSink sink(t.via(net.port(), "sam"), dir / "outbox.sqlite", {2000ms, 4000ms});
    DecisionRecord r = unsigned_record(1);
    net.set(FlakyNetwork::Mode::cut_after_commit);
    std::string message;
    REQUIRE(sink.deliver(r, message) == ui::Delivery::held);
    CHECK(net.commits_cut() == 1);
    CHECK(message.find("may already be there") != std::string::npos);
    // The server had committed it: it is on the team store already, under its submission id.
    auto ana = t.open("ana");
    REQUIRE(ana->count() == 1);
    CHECK(ana->get(1)->submission_id == r.submission_id);

    net.set(FlakyNetwork::Mode::pass);
    auto sent = sink.send_held(false);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].sequence == 1);  // the record already there, not a second one
    CHECK(ana->count() == 1);
    CHECK(sink.status().held == 0);
    DecisionRecord next = unsigned_record(2);
    REQUIRE(sink.deliver(next, message) == ui::Delivery::recorded);
    CHECK(next.sequence == 2);
    CHECK(ana->verify().ok);
}

TEST_CASE("a network that never answers is given up within the time-outs, and the decision held",
          "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    FlakyNetwork net(cluster_port());
    net.set(FlakyNetwork::Mode::blackhole);
    ui::TeamSink sink(t.via(net.port(), "sam"), dir / "outbox.sqlite", {1000ms, 2000ms});
    DecisionRecord r = unsigned_record(1);
    std::string message;
    auto start = Clock::now();
    REQUIRE(sink.deliver(r, message) == ui::Delivery::held);
    CHECK(Clock::now() - start < 4s);
    CHECK(sink.status().problem.find("no answer from the server within 1 s") != std::string::npos);
    // Never reached: the name it will carry is not known yet, and is not the typed one.
    CHECK(r.practitioner.empty());
    net.set(FlakyNetwork::Mode::pass);
    auto sent = sink.send_held(false);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].practitioner == "Sam Okafor");
    CHECK(t.open("ana")->count() == 1);
}

TEST_CASE("a refused login is not held: the decision fails with the server's words",
          "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    std::string wrong = t.as("sam");
    wrong.replace(wrong.find(TeamStore::kPassword), std::string(TeamStore::kPassword).size(),
                  "not-the-password");
    ui::TeamSink sink(wrong, dir / "outbox.sqlite");
    DecisionRecord r = unsigned_record(1);
    std::string message;
    REQUIRE(sink.deliver(r, message) == ui::Delivery::failed);
    CHECK(message.find("password authentication failed") != std::string::npos);
    CHECK(message.find("not recorded") != std::string::npos);
    CHECK(message.find("not-the-password") == std::string::npos);
    CHECK(held_in(dir / "outbox.sqlite") == 0);
    CHECK(sink.status().held == 0);
}

TEST_CASE("decisions held earlier reach the team store first, in the order decided",
          "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    ui::TeamSink sink(t.as("alex"), dir / "outbox.sqlite");
    DecisionRecord a = unsigned_record(1), b = unsigned_record(2), c = unsigned_record(3);
    std::string message;
    {
        ResumeServer resume;
        cluster("kill");
        REQUIRE(sink.deliver(a, message) == ui::Delivery::held);
        REQUIRE(sink.deliver(b, message) == ui::Delivery::held);
        CHECK(sink.status().held == 2);
    }
    REQUIRE(sink.deliver(c, message) == ui::Delivery::recorded);
    CHECK(c.sequence == 3);
    auto ana = t.open("ana");
    CHECK(ana->get(1)->case_ref == a.case_ref);
    CHECK(ana->get(2)->case_ref == b.case_ref);
    CHECK(ana->get(1)->practitioner == "Alex Rivers");
    CHECK(sink.status().held == 0);
}

TEST_CASE("a decision held for one team store is never sent to another", "[pg][outbox]") {
    TeamStore t;
    audit_test::TempDir dir;
    FlakyNetwork net(cluster_port());
    const auto outbox = dir / "outbox.sqlite";
    DecisionRecord r = unsigned_record(1);
    std::string message;
    {
        ui::TeamSink sink(t.via(net.port(), "sam"), outbox, {2000ms, 4000ms});
        REQUIRE(sink.send_held(false).empty());  // reached: the store's id is known
        net.set(FlakyNetwork::Mode::refuse);
        REQUIRE(sink.deliver(r, message) == ui::Delivery::held);
    }
    // Meanwhile the database was made again under the same name: another store.
    t.recreate();
    net.set(FlakyNetwork::Mode::pass);
    ui::TeamSink sink(t.via(net.port(), "sam"), outbox, {2000ms, 4000ms});
    CHECK(sink.send_held(true).empty());
    ui::SinkStatus status = sink.status();
    CHECK(status.held == 1);
    CHECK(status.held_refused == 1);
    CHECK(status.held_refused_reason.find("held for another team store") != std::string::npos);
    CHECK(t.open("ana")->count() == 0);
}
