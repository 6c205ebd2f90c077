// Audit log throughput: appending decisions (each one durable: WAL, synchronous=FULL, so the
// figure is mostly the disk's fsync) and verifying a 10,000-record chain.
//   build/tests/bench/continuum_bench --benchmark_filter=Audit
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include <benchmark/benchmark.h>

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

// Appends 10,000 records to a new log; reports records per second.
void BM_AuditAppend(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        Scratch scratch;
        auto store = open(scratch.dir / "audit.sqlite");
        std::vector<DecisionRecord> records;
        for (int i = 0; i < kRecords; ++i)
            records.push_back(realistic(i));
        std::string error;
        state.ResumeTiming();
        for (auto& r : records)
            if (!store->append(r, error)) state.SkipWithError(error.c_str());
        state.PauseTiming();
        store.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kRecords);
}
BENCHMARK(BM_AuditAppend)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// Verifies a 10,000-record log: every hash recomputed.
void BM_AuditVerify(benchmark::State& state) {
    Scratch scratch;
    auto store = open(scratch.dir / "audit.sqlite");
    std::string error;
    for (int i = 0; i < kRecords; ++i) {
        auto r = realistic(i);
        if (!store->append(r, error)) state.SkipWithError(error.c_str());
    }
    for (auto _ : state) {
        auto report = store->verify();
        if (!report.ok || report.records != kRecords) state.SkipWithError("chain did not verify");
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(state.iterations() * kRecords);
}
BENCHMARK(BM_AuditVerify)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
