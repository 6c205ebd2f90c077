// Faults a team store meets: an appender killed mid-append, the server restarted mid-run, and
// the server gone. No acknowledged decision is lost, none is half-written or written twice.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "pg_fixture.hpp"

using namespace pg_test;

namespace {

// Appends until killed, writing "SEQUENCE HASH" to `out` after each acknowledgement.
[[noreturn]] void append_forever(const std::string& location, int out) {
    std::string error;
    auto store = Store::open(location, error);
    if (!store) _exit(2);
    for (int i = 1;; ++i) {
        DecisionRecord r = team_record(*store, i);
        if (!store->append(r, error)) _exit(3);
        std::string line = std::to_string(r.sequence) + " " + r.hash + "\n";
        if (::write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
    }
}

}  // namespace

TEST_CASE("an appender killed with SIGKILL mid-append loses no acknowledged record", "[pg]") {
    TeamStore t;
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        append_forever(t.as("sam"), fds[1]);
    }
    ::close(fds[1]);
    FILE* acks = ::fdopen(fds[0], "r");
    std::vector<std::pair<long long, std::string>> acknowledged;
    char hash[65];
    long long seq = 0;
    while (acknowledged.size() < 60 && std::fscanf(acks, "%lld %64s", &seq, hash) == 2)
        acknowledged.emplace_back(seq, hash);
    ::kill(pid, SIGKILL);  // most likely in the middle of the next append
    int status = 0;
    ::waitpid(pid, &status, 0);
    while (std::fscanf(acks, "%lld %64s", &seq, hash) == 2)
        acknowledged.emplace_back(seq, hash);
    std::fclose(acks);
    REQUIRE(acknowledged.size() >= 60);

    auto ana = t.open("ana");
    VerifyReport v = ana->verify();
    CHECK(v.ok);  // no half-record: every row is whole and chained
    CHECK(v.records >= static_cast<std::int64_t>(acknowledged.size()));
    for (const auto& [s, h] : acknowledged) {
        auto r = ana->get(s);
        REQUIRE(r);
        CHECK(r->hash == h);
    }
    // The chain carries on after the killed writer.
    auto store = t.open("alex");
    DecisionRecord next = team_record(*store, 1000);
    std::string error;
    REQUIRE(store->append(next, error));
    CHECK(store->verify().ok);
}

TEST_CASE("the server restarted mid-run: every decision recorded exactly once", "[pg]") {
    TeamStore t;
    auto store = t.open("sam");
    const int total = 120;
    int retries = 0;
    for (int i = 1; i <= total; ++i) {
        if (i == 40) cluster("restart");  // immediate stop, as a crash, then start
        DecisionRecord r = team_record(*store, i);
        r.submission_id = new_submission_id();  // kept across retries: sent again, kept once
        std::string error;
        AppendFailure why = AppendFailure::none;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!store->append(r, error, why)) {
            INFO(error);
            REQUIRE(why != AppendFailure::refused);
            REQUIRE(r.sequence == 0);  // left as it was
            REQUIRE(std::chrono::steady_clock::now() < deadline);
            ++retries;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        if (i == 80) {
            // The connection drops while nothing is in flight: found broken, reconnected.
            cluster("restart");
        }
    }
    VerifyReport v = t.open("ana")->verify();
    CHECK(v.ok);
    CHECK(v.records == total);
}

TEST_CASE("with the server down, an append says so quickly and writes nothing", "[pg]") {
    TeamStore t;
    std::string error;
    auto store = Store::open(t.as("sam"), error);
    REQUIRE(store);
    DecisionRecord r = team_record(*store, 1);
    r.submission_id = new_submission_id();
    {
        ResumeServer resume;
        cluster("kill");
        AppendFailure why = AppendFailure::none;
        auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(store->append(r, error, why));
        auto took = std::chrono::steady_clock::now() - start;
        CHECK(why == AppendFailure::unreachable);
        CHECK(error.find("could not be reached") != std::string::npos);
        CHECK(error.find("Nothing was written") != std::string::npos);
        CHECK(error.find(TeamStore::kPassword) == std::string::npos);
        CHECK(r.sequence == 0);
        CHECK(r.hash.empty());
        CHECK(took < std::chrono::seconds(12));  // bounded by the connect timeout
    }
    // Back up: the same decision records, once.
    REQUIRE(store->append(r, error));
    CHECK(r.sequence == 1);
    DecisionRecord again = r;
    REQUIRE(store->append(again, error));  // sent again with the same submission id
    CHECK(again.sequence == 1);
    CHECK(store->count() == 1);
}
