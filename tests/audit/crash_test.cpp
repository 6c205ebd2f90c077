// Faults of the kind SQLite itself is tested against: a writer killed at any moment, two
// writers at once, a disk that fills up. Nothing acknowledged is ever lost; nothing is half
// written; the chain stays whole.
#include <signal.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "audit_fixture.hpp"

using namespace audit_test;
using namespace continuum::audit;

namespace {

// A child that appends until killed, writing each acknowledged sequence number to `ack`.
[[noreturn]] void append_forever(const fs::path& file, int ack, const std::string& prefix) {
    std::string error;
    auto store = Store::open(file, error);
    if (!store) ::_exit(2);
    for (int i = 1;; ++i) {
        auto r = sample_record(i);
        r.case_ref = prefix + std::to_string(i);
        if (!store->append(r, error)) ::_exit(3);
        std::int64_t seq = r.sequence;
        if (::write(ack, &seq, sizeof seq) != sizeof seq) ::_exit(4);
    }
}

std::vector<std::int64_t> read_acks(int fd) {
    std::vector<std::int64_t> out;
    std::int64_t seq;
    while (::read(fd, &seq, sizeof seq) == sizeof seq)
        out.push_back(seq);
    return out;
}

// A count from the environment (the long run sets it), or `fallback`.
std::uint64_t from_environment(const char* name, std::uint64_t fallback) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    char* end = nullptr;
    unsigned long long v = std::strtoull(text, &end, 10);
    if (*end != '\0') throw std::runtime_error(std::string(name) + " must be a whole number");
    return v;
}

}  // namespace

// CONTINUUM_CRASH_KILLS (default 8) writers are killed, each after a random 20-200 ms, drawn
// from CONTINUUM_CRASH_SEED (default 20261123): the long run in README.md kills 1,000. A
// fresh log is started every 25 kills so each check stays quick however long the run.
TEST_CASE("a writer killed with SIGKILL at random moments loses no acknowledged record") {
    const std::uint64_t kills = from_environment("CONTINUUM_CRASH_KILLS", 8);
    const std::uint64_t seed = from_environment("CONTINUUM_CRASH_SEED", 20261123);
    INFO("CONTINUUM_CRASH_KILLS=" << kills << " CONTINUUM_CRASH_SEED=" << seed);
    TempDir dir;
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> wait_ms(20, 200);
    std::set<std::int64_t> acknowledged;
    std::size_t total_acknowledged = 0;
    fs::path file;
    for (std::uint64_t round = 0; round < kills; ++round) {
        if (round % 25 == 0) {
            file = dir.path / ("audit-" + std::to_string(round / 25) + ".sqlite");
            acknowledged.clear();
        }
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            append_forever(file, fds[1], "K" + std::to_string(round) + "-");
        }
        ::close(fds[1]);
        std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms(rng)));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));  // killed mid-run, not failed on its own
        auto acks = read_acks(fds[0]);
        ::close(fds[0]);
        acknowledged.insert(acks.begin(), acks.end());
        total_acknowledged += acks.size();

        auto store = open_store(file);
        auto report = store->verify();
        INFO("round " << round << ": " << report.problem);
        REQUIRE(report.ok);
        REQUIRE(report.protection_ok);
        CHECK(report.records >= static_cast<std::int64_t>(acknowledged.size()));
        for (auto seq : acknowledged) {
            INFO("acknowledged record " << seq);
            REQUIRE(store->get(seq).has_value());
        }
    }
    CHECK(total_acknowledged >= kills);  // the test did exercise appends
    WARN(kills << " writers killed; " << total_acknowledged
               << " acknowledged records all kept (seed " << seed << ")");
}

namespace {

// Two child processes each open `file` and append `each` records, prefixed A- and B-.
void append_from_two_processes(const fs::path& file, int each) {
    pid_t pids[2];
    for (int w = 0; w < 2; ++w) {
        pids[w] = ::fork();
        REQUIRE(pids[w] >= 0);
        if (pids[w] == 0) {
            std::string error;
            auto store = Store::open(file, error);
            if (!store) ::_exit(2);
            for (int i = 1; i <= each; ++i) {
                auto r = sample_record(i);
                r.case_ref = std::string(w == 0 ? "A-" : "B-") + std::to_string(i);
                if (!store->append(r, error)) ::_exit(3);
            }
            ::_exit(0);
        }
    }
    for (pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
}

}  // namespace

TEST_CASE("two processes appending at once keep one valid chain") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 1);
    const int each = 120;
    append_from_two_processes(file, each);
    auto store = open_store(file);
    auto report = store->verify();
    INFO(report.problem);
    CHECK(report.ok);
    CHECK(report.records == 1 + 2 * each);
    CHECK(store->list({.text = "A-"}).size() == each);
    CHECK(store->list({.text = "B-"}).size() == each);
}

TEST_CASE("two processes creating the same new log at once make one log") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    append_from_two_processes(file, 20);
    auto store = open_store(file);
    auto report = store->verify();
    INFO(report.problem);
    CHECK(report.ok);
    CHECK(report.records == 40);
}

TEST_CASE("a disk that fills up: a clear error, nothing partial, everything before kept") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 3);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // The child may write no file past 256 KiB: the write-ahead log fills up as a disk
        // would, and SQLite sees the write fail.
        ::close(fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        std::string error;
        auto store = Store::open(file, error);
        rlimit limit{256 * 1024, 256 * 1024};
        if (!store || ::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(2);
        std::string bulky(6000, 'x');
        for (int i = 1; i < 1000; ++i) {
            auto r = sample_record(i);
            r.evaluation["notes"] = bulky + std::to_string(i);
            if (!store->append(r, error)) break;
            std::int64_t seq = r.sequence;
            if (::write(fds[1], &seq, sizeof seq) != sizeof seq) ::_exit(4);
        }
        ssize_t ignored = ::write(fds[1], error.data(), error.size());
        (void)ignored;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    // Acknowledged sequences come first (8 bytes each, 4, 5, 6, ...), then the message.
    std::vector<std::int64_t> acks;
    std::size_t at = 0;
    while (at + 8 <= out.size()) {
        std::int64_t seq;
        std::memcpy(&seq, out.data() + at, 8);
        if (seq != static_cast<std::int64_t>(4 + acks.size())) break;
        acks.push_back(seq);
        at += 8;
    }
    std::string message = out.substr(at);
    INFO(message);
    REQUIRE(acks.size() >= 1);
    CHECK(message.rfind("The decision was not recorded: ", 0) == 0);
    CHECK((message.find("the disk is full") != std::string::npos ||
           message.find("the disk reported an error") != std::string::npos));
    CHECK(message.find("Nothing was written") != std::string::npos);

    auto store = open_store(file);
    auto report = store->verify();
    INFO(report.problem);
    CHECK(report.ok);
    CHECK(report.records == 3 + static_cast<std::int64_t>(acks.size()));

    // With space again, recording carries on in the same chain.
    auto r = sample_record(99);
    std::string error;
    REQUIRE(store->append(r, error));
    CHECK(r.sequence == report.records + 1);
    CHECK(store->verify().ok);
}
