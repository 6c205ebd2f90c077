// `continuum lint` on generated rule sets of growing size, written to a scratch folder and
// linted from disk as a policy officer would: reading, checking, compiling, the "can it ever
// be true?" trials and the diagnostics. The time per definition should stay flat as the rule
// set grows (issue #16 measured 5,000 independent facts at 12 s before).
//   build/tests/bench/continuum_bench --benchmark_filter=Lint
// Shapes:
//   IndependentFacts/N  N definitions: N/2 yes/no questions, each read by its own fact
//   ChainedFacts/N      N definitions: 8 questions, then facts each reading the one before
//   UnknownName/N       N rules all naming one undefined question (N errors, 11 lines shown)
//   LongName/N          one condition naming an undefined question N characters long
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "engine/lint.hpp"

namespace {

namespace eng = continuum::engine;
namespace fs = std::filesystem;

const char* kBase = R"(
[ruleset]
id = "generated"
name = "Generated"
version = "1"

[calendar]
region = "England and Wales"
bank_holidays = [2026-01-01, 2026-12-25]
cites = ["s"]

[[source]]
id = "s"
title = "Source"
url = "https://example.org"

[[level]]
id = "low"
name = "Low"
colour = "#009e73"
cites = ["s"]

[[level]]
id = "high"
name = "High"
colour = "#d55e00"
cites = ["s"]

[[domain]]
id = "d"
title = "Domain"

[[question]]
id = "trigger_question"
prompt = "p"
type = "yes_no"
domain = "d"
cites = ["s"]

[[rule]]
id = "reaches_high"
level = "high"
says = "s"
when = "trigger_question"
cites = ["s"]
)";

std::string question(const std::string& id) {
    return "[[question]]\nid = \"" + id + "\"\nprompt = \"" + id +
           "?\"\ntype = \"yes_no\"\ndomain = \"d\"\ncites = [\"s\"]\n";
}

std::string fact(const std::string& id, const std::string& when) {
    return "[[fact]]\nid = \"" + id + "\"\nlabel = \"" + id + "\"\nwhen = \"" + when +
           "\"\ncites = [\"s\"]\n";
}

std::string generated(const std::string& shape, int n) {
    std::string out;
    if (shape == "IndependentFacts") {
        for (int i = 0; i < n / 2; ++i) {
            out += question("q" + std::to_string(i));
            out += fact("f" + std::to_string(i), "q" + std::to_string(i));
        }
    } else if (shape == "ChainedFacts") {
        for (int i = 0; i < 8; ++i)
            out += question("q" + std::to_string(i));
        out += fact("f0", "q0");
        for (int i = 1; i < n - 8; ++i)
            out += fact("f" + std::to_string(i),
                        "f" + std::to_string(i - 1) + " or q" + std::to_string(i % 8));
    } else if (shape == "UnknownName") {
        out += question("q");
        for (int i = 0; i < n; ++i)
            out += "[[rule]]\nid = \"r" + std::to_string(i) +
                   "\"\nlevel = \"high\"\nsays = \"s\"\nwhen = \"q and mising\"\ncites = [\"s\"]\n";
    } else if (shape == "LongName") {
        out += question("q");
        out += fact("f", "q and " + std::string(static_cast<std::size_t>(n), 'x'));
    }
    return out;
}

// One scratch folder per shape and size, written once and removed at exit.
const fs::path& folder_for(const std::string& shape, int n) {
    static std::map<std::pair<std::string, int>, fs::path> made;
    auto key = std::make_pair(shape, n);
    if (auto it = made.find(key); it != made.end()) return it->second;
    std::string pattern = (fs::temp_directory_path() / "continuum-lint-bench-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    fs::path dir = pattern;
    std::ofstream(dir / "base.toml") << kBase;
    std::ofstream(dir / "generated.toml") << generated(shape, n);
    static struct Cleanup {
        ~Cleanup() {
            for (const auto& [k, path] : made) {
                std::error_code ec;
                fs::remove_all(path, ec);
            }
        }
    } cleanup;
    return made.emplace(key, dir).first->second;
}

void lint(benchmark::State& state, const std::string& shape) {
    const int n = static_cast<int>(state.range(0));
    const fs::path& dir = folder_for(shape, n);
    std::size_t errors = 0, warnings = 0, lines = 0;
    for (auto _ : state) {
        eng::Diagnostics d = eng::lint_ruleset(dir);
        errors = d.error_count();
        warnings = d.warning_count();
        lines = d.items().size();
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(state.iterations() * n);  // definitions (or characters) a second
    state.counters["errors"] = static_cast<double>(errors);
    state.counters["warnings"] = static_cast<double>(warnings);
    state.counters["lines_shown"] = static_cast<double>(lines);
}

void Lint_IndependentFacts(benchmark::State& state) {
    lint(state, "IndependentFacts");
}
void Lint_ChainedFacts(benchmark::State& state) {
    lint(state, "ChainedFacts");
}
void Lint_UnknownName(benchmark::State& state) {
    lint(state, "UnknownName");
}
void Lint_LongName(benchmark::State& state) {
    lint(state, "LongName");
}

}  // namespace

BENCHMARK(Lint_IndependentFacts)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(Lint_ChainedFacts)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(Lint_UnknownName)->Arg(20000)->Unit(benchmark::kMillisecond);
BENCHMARK(Lint_LongName)->Arg(100000)->Arg(10000000)->Unit(benchmark::kMillisecond);
