// The decision log on the PostgreSQL team store against the SQLite file, on the same records:
// appends per second with 1 and with 8 concurrent writers (each its own connection, as a front
// door's workstations), and verifying a log of 100,000 records (the team store's log is the
// SQLite one copied with `audit migrate`, so both hold the same records and the same head).
//
//   build/tests/bench/team_bench
//   build/tests/bench/team_bench --benchmark_filter=Verify
//
// It starts its own throwaway PostgreSQL cluster (tests/pg/pg_cluster.sh, stopped at exit),
// unless CONTINUUM_PG_STATE names the state file of one already running.
// CONTINUUM_BENCH_RECORDS sets the size of the verified log (default 100000: about 0.9 GB in
// each store, built once per run). Every append is durable on both (synchronous=FULL, fsync on
// commit), so the figures are mostly the disk's; on a machine shared with compilers they vary.
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include <benchmark/benchmark.h>

#include "audit/migrate.hpp"
#include "audit/pg.hpp"
#include "audit/store.hpp"
#include "audit/team_admin.hpp"
#include "audit_records.hpp"

namespace {

using continuum::audit::DecisionRecord;
using continuum::audit::Store;

constexpr const char* kPassword = "synthetic-bench-password";

std::string shell_quote(const std::string& s) {
    return "'" + s + "'";
}

// The test cluster: the one named by CONTINUUM_PG_STATE, or one started here and stopped at
// exit (its watchdog also stops it should this process die first).
class Cluster {
  public:
    Cluster() {
        if (const char* given = std::getenv("CONTINUUM_PG_STATE"); given && *given) {
            state_file_ = given;
        } else {
            state_file_ = (scratch_.dir / "cluster.state").string();
            // exec: the script's parent is this process, which its watchdog watches.
            std::string start = "exec bash " + shell_quote(CONTINUUM_PG_CLUSTER) + " start " +
                                shell_quote(state_file_) + " >&2";
            if (std::system(start.c_str()) != 0)
                throw std::runtime_error("could not start a PostgreSQL test cluster");
            owned_ = true;
        }
        std::ifstream in(state_file_);
        for (std::string line; std::getline(in, line);)
            if (auto eq = line.find('='); eq != std::string::npos)
                state_[line.substr(0, eq)] = line.substr(eq + 1);
        if (!state_.count("PG_PORT"))
            throw std::runtime_error("no PostgreSQL test cluster in " + state_file_);
    }
    ~Cluster() {
        if (!owned_) return;
        std::string stop = "bash " + shell_quote(CONTINUUM_PG_CLUSTER) + " stop " +
                           shell_quote(state_file_) + " >&2";
        [[maybe_unused]] int ignored = std::system(stop.c_str());  // the watchdog is the backstop
    }
    std::string uri(const std::string& user, const std::string& password,
                    const std::string& db) const {
        return "postgresql://" + user + ":" + password + "@127.0.0.1:" + state_.at("PG_PORT") +
               "/" + db;
    }
    std::string superuser(const std::string& db) const {
        return uri("postgres", state_.at("PG_PASSWORD"), db);
    }

    // A new team store database with the logins the benchmarks write as.
    std::string team_store(const std::string& db) const {
        std::string error;
        auto admin = continuum::audit::pg::Connection::open(superuser("postgres"), {}, error);
        if (!admin) throw std::runtime_error(error);
        for (std::string sql : {"DROP DATABASE IF EXISTS " + db + " WITH (FORCE)",
                                "CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0"})
            if (auto r = admin->exec(sql); !r.ok()) throw std::runtime_error(r.message);
        auto init = continuum::audit::init_team_store(superuser(db));
        if (!init.ok) throw std::runtime_error(init.error);
        std::vector<std::string> done;
        // The name realistic_record() carries; a manager may also copy logs in.
        if (!continuum::audit::add_team_user(superuser(db),
                                             {"alex",
                                              "Alex Rivers",
                                              "Social worker, MASH",
                                              {"practitioner", "manager"},
                                              kPassword},
                                             done, error))
            throw std::runtime_error(error);
        return uri("alex", kPassword, db);
    }

  private:
    bench::Scratch scratch_;
    std::string state_file_;
    bool owned_ = false;
    std::map<std::string, std::string> state_;
};

Cluster& cluster() {
    static Cluster c;
    return c;
}

std::unique_ptr<Store> open(const std::string& location) {
    std::string error;
    auto store = Store::open(location, error);
    if (!store) throw std::runtime_error(error);
    return store;
}

int verified_records() {
    const char* n = std::getenv("CONTINUUM_BENCH_RECORDS");
    return n && std::atoi(n) > 0 ? std::atoi(n) : 100000;
}

enum Backend { kSqlite, kPostgres };

// Where the append benchmarks write: made once per run, growing across both thread counts.
const std::string& append_target(Backend b) {
    static bench::Scratch scratch;
    static const std::string sqlite = (scratch.dir / "append.sqlite").string();
    static const std::string team = cluster().team_store("continuum_bench_append");
    return b == kSqlite ? sqlite : team;
}

// One durable append per iteration, each thread its own connection. Items per second is the
// throughput of all threads together.
void BM_Append(benchmark::State& state, Backend backend) {
    const std::string& location = append_target(backend);
    auto store = open(location);
    // A few decisions made up front: building one costs more than copying it.
    std::vector<DecisionRecord> records;
    for (int i = 0; i < 16; ++i)
        records.push_back(bench::realistic_record(state.thread_index() * 1000 + i));
    std::size_t i = 0;
    std::string error;
    for (auto _ : state) {
        DecisionRecord r = records[i++ % records.size()];
        if (!store->append(r, error)) {
            state.SkipWithError(error.c_str());
            break;
        }
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_Append, sqlite, kSqlite)
    ->Threads(1)
    ->Threads(8)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Append, postgresql, kPostgres)
    ->Threads(1)
    ->Threads(8)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The same log in both stores: written to SQLite, then copied into the team store with
// `audit migrate` (verified before and after; the heads must agree).
struct VerifyLogs {
    bench::Scratch scratch;
    std::string sqlite, team;
    int records = verified_records();
    VerifyLogs() {
        sqlite = (scratch.dir / "verify.sqlite").string();
        bench::write_sqlite_log(sqlite, records);
        team = cluster().team_store("continuum_bench_verify");
        auto from = open(sqlite);
        auto to = open(team);
        auto m = continuum::audit::migrate_log(*from, *to);
        if (!m.ok) throw std::runtime_error("migrate: " + m.error);
        if (m.destination_head != from->head())
            throw std::runtime_error("the two logs do not end in the same head");
    }
};

const VerifyLogs& verify_logs() {
    static VerifyLogs logs;
    return logs;
}

// Recomputes every hash of the whole log; items per second is records checked per second.
void BM_Verify(benchmark::State& state, Backend backend) {
    const VerifyLogs& logs = verify_logs();
    auto store = open(backend == kSqlite ? logs.sqlite : logs.team);
    for (auto _ : state) {
        auto report = store->verify();
        if (!report.ok || report.records != logs.records) {
            state.SkipWithError(("chain did not verify: " + report.problem).c_str());
            break;
        }
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(state.iterations() * logs.records);
    state.counters["records"] = logs.records;
}
BENCHMARK_CAPTURE(BM_Verify, sqlite, kSqlite)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Verify, postgresql, kPostgres)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
