// Audit log throughput: appending decisions (each one durable: WAL, synchronous=FULL, so the
// figure is mostly the disk's fsync) and verifying a 10,000-record chain.
//   build/tests/bench/continuum_bench --benchmark_filter=Audit --benchmark_min_time=5
#include <filesystem>
#include <stdexcept>

#include <benchmark/benchmark.h>

#include "audit/store.hpp"
#include "audit_records.hpp"

namespace {

namespace fs = std::filesystem;
using bench::Scratch;
using continuum::audit::Store;

constexpr int kRecords = 10000;

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
        auto r = bench::realistic_record(++i);
        state.ResumeTiming();
        if (!store->append(r, error)) state.SkipWithError(error.c_str());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuditAppend)->Unit(benchmark::kMillisecond)->UseRealTime();

// Verifies a 10,000-record log: every hash recomputed from the stored fields.
void BM_AuditVerify(benchmark::State& state) {
    Scratch scratch;
    bench::write_sqlite_log(scratch.dir / "audit.sqlite", kRecords);
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
