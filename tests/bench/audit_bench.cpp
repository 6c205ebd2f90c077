// Audit log throughput: appending decisions (each one durable: WAL, synchronous=FULL, so the
// figure is mostly the disk's fsync) and verifying a 10,000-record chain.
//   build/tests/bench/continuum_bench --benchmark_filter=Audit --benchmark_min_time=5
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include "audit/canonical.hpp"
#include "audit/store.hpp"

namespace {

namespace fs = std::filesystem;
using continuum::audit::DecisionRecord;
using continuum::audit::Store;

constexpr int kRecords = 10000;

// A decision of realistic size: 40 answers, a 60-rule trace (about 9 KB of JSON).
DecisionRecord realistic(int i) {
    DecisionRecord r;
    r.case_ref = "C-2026-" + std::to_string(i);
    r.referred_at = "2026-11-23T09:40:00";
    r.practitioner = "Alex Rivers";
    r.role = "Social worker, MASH";
    r.ruleset_id = "surrey";
    r.ruleset_version = "2026.1";
    r.ruleset_digest = std::string(64, 'a');
    r.suggested_level = "level3";
    r.decided_level = "level3";
    r.routes = {{"s17", "met", "met"},
                {"s47", "cannot_rule_out", "cannot_rule_out"},
                {"s20", "not_met", "not_met"}};
    r.service_consent = "given";
    r.sharing_basis = "consent";
    for (int q = 0; q < 40; ++q)
        r.answers["answers"]["question_" + std::to_string(q)] = q % 3 == 0;
    r.answers["unknown"] = {"explanation_consistent"};
    for (int t = 0; t < 60; ++t)
        r.evaluation["trace"].push_back(
            {{"rule", "rule_" + std::to_string(t)},
             {"state", t % 2 ? "fired" : "not_fired"},
             {"cites", "Surrey threshold document, para 4." + std::to_string(t)},
             {"values", {{"question_1", true}, {"question_2", false}}}});
    return r;
}

struct Scratch {
    fs::path dir;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "continuum-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        dir = pattern;
    }
    ~Scratch() { fs::remove_all(dir); }
};

std::unique_ptr<Store> open(const fs::path& file) {
    std::string error;
    auto store = Store::open(file, error);
    if (!store) throw std::runtime_error(error);
    return store;
}

// One durable append to a growing log, per iteration; items per second is the throughput.
void BM_AuditAppend(benchmark::State& state) {
    Scratch scratch;
    auto store = open(scratch.dir / "audit.sqlite");
    std::string error;
    int i = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto r = realistic(++i);
        state.ResumeTiming();
        if (!store->append(r, error)) state.SkipWithError(error.c_str());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuditAppend)->Unit(benchmark::kMillisecond)->UseRealTime();

// A 10,000-record log made quickly: the same canonical form and chain as Store::append, but
// all rows in one transaction (10,000 separate fsyncs would take about a minute). verify()
// checking it is also the check that this matches what append() writes.
void write_log(const fs::path& file) {
    open(file).reset();  // schema, application id, WAL
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    std::string sql = "INSERT INTO decision VALUES (?";
    for (std::size_t i = 0; i < continuum::audit::kCanonicalFields.size(); ++i)
        sql += ", ?";
    sql += ")";
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr);
    std::string previous = continuum::audit::kGenesisHash;
    for (int i = 1; i <= kRecords; ++i) {
        auto r = realistic(i);
        r.sequence = i;
        r.recorded_at = "2026-11-24T09:41:07Z";
        r.previous_hash = previous;
        auto texts = continuum::audit::field_texts(r);
        previous = continuum::audit::sha256_hex(continuum::audit::canonical_form(texts));
        int column = 1;
        for (const auto& t : texts)
            sqlite3_bind_text(insert, column++, t.data(), static_cast<int>(t.size()),
                              SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, column, previous.data(), -1, SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

// Verifies a 10,000-record log: every hash recomputed from the stored fields.
void BM_AuditVerify(benchmark::State& state) {
    Scratch scratch;
    write_log(scratch.dir / "audit.sqlite");
    auto store = open(scratch.dir / "audit.sqlite");
    for (auto _ : state) {
        auto report = store->verify();
        if (!report.ok || report.records != kRecords) state.SkipWithError("chain did not verify");
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(state.iterations() * kRecords);
}
BENCHMARK(BM_AuditVerify)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
