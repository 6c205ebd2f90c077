// Time to evaluate one case with its full trace: on the default Surrey rules (its demo cases)
// and on generated rule sets of growing size, where the cost per case should grow linearly.
//   build/tests/bench/continuum_bench --benchmark_filter=Eval
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "engine/case_io.hpp"
#include "engine/evaluate.hpp"
#include "engine/ruleset/load.hpp"
#include "engine/trace.hpp"
#include "generated_rules.hpp"
#include "report/evaluation.hpp"

namespace {

namespace eng = continuum::engine;
namespace fs = std::filesystem;

using bench::must_load;

struct Surrey {
    std::shared_ptr<const eng::RuleSet> rules;
    std::vector<eng::Case> cases;
    Surrey() {
        fs::path folder = fs::path(CONTINUUM_SOURCE_DIR) / "rules" / "surrey";
        rules = must_load(eng::load_ruleset(folder), folder.string());
        for (const auto& f : fs::directory_iterator(folder / "cases")) {
            if (f.path().extension() != ".toml") continue;
            eng::Diagnostics d;
            if (auto c = eng::read_case_file(*rules, f.path().string(), d)) cases.push_back(*c);
        }
        if (cases.empty()) cases.push_back(eng::blank_case(*rules));
    }
};

const Surrey& surrey() {
    static const Surrey s;
    return s;
}

// Evaluation plus the full trace as data (every rule's status, first failing condition and the
// unknowns that block it): what impact analysis and the audit record need per case.
void run_with_trace(benchmark::State& state, const eng::RuleSet& rules,
                    const std::vector<eng::Case>& cases) {
    eng::Evaluator ev(rules);
    eng::Tracer tracer(rules);
    eng::Outcome out;
    eng::CompactTrace trace;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& c = cases[i++ % cases.size()];
        ev.evaluate(c, out);
        tracer.trace(c, out, trace);
        benchmark::DoNotOptimize(trace.entries.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["trace_entries"] = static_cast<double>(trace.entries.size());
}

// The same with the trace rendered as words (ids, conditions, values read, citations): what
// the GUI and `eval --json` show once per change of answers.
void run_with_text_trace(benchmark::State& state, const eng::RuleSet& rules,
                         const std::vector<eng::Case>& cases) {
    eng::Evaluator ev(rules);
    eng::Outcome out;
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& c = cases[i++ % cases.size()];
        ev.evaluate(c, out);
        auto trace = eng::build_trace(rules, c, out);
        benchmark::DoNotOptimize(trace.data());
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_EvalWithTrace_Surrey(benchmark::State& state) {
    run_with_trace(state, *surrey().rules, surrey().cases);
    state.counters["rules"] = static_cast<double>(surrey().rules->rules.size());
}
BENCHMARK(BM_EvalWithTrace_Surrey)->Unit(benchmark::kMicrosecond);

void BM_EvalWithTextTrace_Surrey(benchmark::State& state) {
    run_with_text_trace(state, *surrey().rules, surrey().cases);
}
BENCHMARK(BM_EvalWithTextTrace_Surrey)->Unit(benchmark::kMicrosecond);

// How the rule set's evaluation code is made up: table steps, and the operations of other
// kinds (number and count tests, questions that apply only sometimes, combinations, the rest).
void count_operations(benchmark::State& state, const eng::RuleSet& rules) {
    const auto& m = rules.machine;
    state.counters["steps"] = static_cast<double>(m.steps.size());
    state.counters["other_ops"] =
        static_cast<double>(m.number_tests.size() + m.count_tests.size() + m.asked.size() +
                            m.combination_ops.size() + m.node_ops.size());
    state.counters["runs"] = static_cast<double>(m.runs.size());
}

// Without the trace: the part what-could-change and impact analysis repeat many times.
void BM_EvalOnly_Surrey(benchmark::State& state) {
    eng::Evaluator ev(*surrey().rules);
    eng::Outcome out;
    std::size_t i = 0;
    for (auto _ : state) {
        ev.evaluate(surrey().cases[i++ % surrey().cases.size()], out);
        benchmark::DoNotOptimize(out.level);
    }
    state.SetItemsProcessed(state.iterations());
    count_operations(state, *surrey().rules);
}
BENCHMARK(BM_EvalOnly_Surrey)->Unit(benchmark::kMicrosecond);

// Everything the GUI shows after an answer changes, what could change this included.
void BM_EvalFully_Surrey(benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
        auto e = continuum::report::evaluate_fully(*surrey().rules,
                                                   surrey().cases[i++ % surrey().cases.size()]);
        benchmark::DoNotOptimize(e.changes.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvalFully_Surrey)->Unit(benchmark::kMicrosecond);

struct Generated {
    std::shared_ptr<const eng::RuleSet> rules;
    std::vector<eng::Case> cases;
    explicit Generated(int n) {
        rules = must_load(eng::load_ruleset_from_texts(
                              "generated", {{"rules.toml", bench::generated_rules_text(n)}}),
                          "generated rules");
        for (std::uint64_t s = 1; s <= 16; ++s)
            cases.push_back(bench::generated_case(*rules, s));
    }
};

void BM_EvalWithTrace_Generated(benchmark::State& state) {
    Generated g(static_cast<int>(state.range(0)));
    run_with_trace(state, *g.rules, g.cases);
    state.counters["rules"] = static_cast<double>(state.range(0));
    state.counters["ns_per_rule"] =
        benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_EvalWithTrace_Generated)
    ->Arg(100)
    ->Arg(200)
    ->Arg(500)
    ->Arg(1000)
    ->Unit(benchmark::kMicrosecond);

// Without the trace, to tell the evaluator's share from the trace's.
void BM_EvalOnly_Generated(benchmark::State& state) {
    Generated g(static_cast<int>(state.range(0)));
    eng::Evaluator ev(*g.rules);
    eng::Outcome out;
    std::size_t i = 0;
    for (auto _ : state) {
        ev.evaluate(g.cases[i++ % g.cases.size()], out);
        benchmark::DoNotOptimize(out.level);
    }
    state.SetItemsProcessed(state.iterations());
    count_operations(state, *g.rules);
}
BENCHMARK(BM_EvalOnly_Generated)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_EvalWithTextTrace_Generated(benchmark::State& state) {
    Generated g(static_cast<int>(state.range(0)));
    run_with_text_trace(state, *g.rules, g.cases);
}
BENCHMARK(BM_EvalWithTextTrace_Generated)->Arg(200)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
