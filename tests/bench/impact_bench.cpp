// Impact analysis at the scale the policy group uses it: 100,000 synthetic cases evaluated under
// the Surrey rules and an edited copy (one rule's condition widened, one rule added), compared
// case by case and grouped by responsible rule. Budget: about a second on two cores.
//   build/tests/bench/continuum_bench --benchmark_filter=Impact
// The library is generated once (seed 2026) before the first benchmark; that is not timed.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "engine/case_io.hpp"
#include "engine/ruleset/load.hpp"
#include "generated_rules.hpp"
#include "policy/case_generator.hpp"
#include "policy/impact.hpp"

namespace {

namespace eng = continuum::engine;
namespace fs = std::filesystem;

constexpr std::size_t kCases = 100'000;
constexpr std::size_t kRepeat = 10;

using bench::must_load;

// The edit a policy officer might try: widen one indicator and add one.
std::vector<eng::RuleFileText> edited(std::vector<eng::RuleFileText> files,
                                      const eng::RuleSet& rules) {
    const std::string was = R"(when = "domestic_abuse == \"conflict\"")";
    const std::string now = R"(when = "domestic_abuse in [\"conflict\", \"abuse\"]")";
    for (auto& f : files) {
        auto at = f.text.find(was);
        if (at != std::string::npos) f.text.replace(at, was.size(), now);
    }
    for (const auto& q : rules.questions) {
        if (q.type != eng::AnswerType::YesNo || q.ask_when.present()) continue;
        files.push_back({"indicators/bench_extra.toml",
                         "[[rule]]\nid = \"bench_extra\"\nlevel = \"" + rules.levels[2].id +
                             "\"\ndomain = \"" + q.domain +
                             "\"\nsays = \"Added for the benchmark\"\nwhen = \"" + q.id +
                             "\"\ncites = [\"" + rules.sources[0].id + "\"]\n"});
        break;
    }
    return files;
}

struct Library {
    std::shared_ptr<const eng::RuleSet> base, candidate;
    std::string text;
    Library() {
        fs::path folder = fs::path(CONTINUUM_SOURCE_DIR) / "rules" / "surrey";
        base = must_load(eng::load_ruleset(folder), folder.string());
        eng::Diagnostics d;
        candidate = must_load(eng::load_ruleset_from_texts(
                                  "surrey-edited", edited(eng::read_rule_files(folder, d), *base)),
                              "the edited copy of Surrey");
        // 10,000 generated cases, each line written 10 times: generating is slower than
        // analysing (it re-evaluates as it answers), and every line is still read and evaluated.
        eng::CaseGenerator generator(*base, 2026);
        std::string unique;
        for (std::size_t i = 0; i < kCases / kRepeat; ++i) {
            unique += eng::case_to_json(*base, generator.next()).dump();
            unique += '\n';
        }
        text.reserve(unique.size() * kRepeat);
        for (std::size_t r = 0; r < kRepeat; ++r)
            text += unique;
    }
};

const Library& library() {
    static const Library l;
    return l;
}

void BM_ImpactSurrey100k(benchmark::State& state) {
    const Library& lib = library();
    eng::ImpactOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    std::size_t changed = 0, evaluated = 0;
    for (auto _ : state) {
        eng::ImpactReport r = eng::analyse_impact(*lib.base, *lib.candidate, lib.text, options);
        changed = r.outcome_changed;
        evaluated = r.evaluated;
        benchmark::DoNotOptimize(r.changes.data());
    }
    state.counters["cases"] = static_cast<double>(evaluated);
    state.counters["outcome_changed"] = static_cast<double>(changed);
    state.counters["cases_per_s"] = benchmark::Counter(
        static_cast<double>(evaluated), benchmark::Counter::kIsIterationInvariantRate);
    state.SetLabel(std::to_string(lib.text.size() / (1024 * 1024)) + " MiB of JSON Lines");
}
BENCHMARK(BM_ImpactSurrey100k)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
