// continuum bench RULESET CASES.jsonl [--trace] [--cases N] [--seconds S] [--json]: how fast a
// rule set evaluates over a library of cases, so that a policy group (or a comparison with
// other rules engines) can measure its own rules. The cases are read first (and that reading
// is timed on its own); then every case is evaluated once per round, on one thread, round
// after round, and the time of each round gives the µs a case: median, fastest and slowest.
// Exit 0 when timed; 1 when the rule set has errors; 2 for bad arguments, a library that
// cannot be read, or one with no case that can be read.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "engine/evaluate.hpp"
#include "engine/trace.hpp"
#include "library_file.hpp"
#include "load_rules.hpp"

namespace continuum::cli {

namespace {

struct BenchOptions {
    std::string rules, library;
    bool trace = false, json = false;
    std::size_t cases = 10'000;
    double seconds = 2;
};

using Clock = std::chrono::steady_clock;

double thread_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Library {
    std::vector<engine::Case> cases;
    std::size_t lines = 0, unreadable = 0;
    double read_seconds = 0;
};

// Reads up to `limit` cases, each line the fast way when it can be (as impact does) and the
// careful way otherwise, which says what is wrong with a line that cannot be read.
bool read_cases(const engine::RuleSet& rules, const BenchOptions& opt, Library& out) {
    auto file = LibraryFile::open(opt.library);
    if (!file) return false;
    engine::FastCaseReader fast(rules);
    engine::LibraryBlock block;
    std::vector<engine::LibraryLine> lines;
    engine::Diagnostics diagnostics;
    const auto start = Clock::now();
    while (out.cases.size() < opt.cases && file->next(block)) {
        engine::split_lines(block, lines);
        for (const auto& line : lines) {
            if (out.cases.size() == opt.cases) break;
            ++out.lines;
            engine::Case c;
            const auto offset = static_cast<std::size_t>(line.text.data() - block.text.data());
            if (!fast.read(line.text, block.readable - offset, c)) {
                auto careful =
                    engine::read_case_json(rules, line.text, opt.library, line.number, diagnostics);
                if (!careful) {
                    ++out.unreadable;
                    continue;
                }
                c = std::move(*careful);
            }
            out.cases.push_back(std::move(c));
        }
    }
    out.read_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const auto& d : diagnostics.items())
        std::cerr << engine::format_diagnostic(d) << "\n";
    if (!file->error().empty()) {
        std::cerr << "continuum: " << file->error() << "\n";
        return false;
    }
    if (out.cases.empty()) {
        std::cerr << "continuum: no case in " << opt.library << " could be read\n";
        return false;
    }
    return true;
}

struct Spread {
    double median = 0, min = 0, max = 0;
};

Spread spread_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return {median, v.front(), v.back()};
}

struct Timing {
    std::size_t rounds = 0;
    Spread wall, cpu;  // µs a case
};

// One warm-up round, then rounds until `seconds` have passed (at least five).
Timing time_rounds(const engine::RuleSet& rules, const std::vector<engine::Case>& cases, bool trace,
                   double seconds) {
    engine::Evaluator evaluator(rules);
    engine::Tracer tracer(rules);
    engine::Outcome outcome;
    engine::CompactTrace compact;
    std::size_t sink = 0;
    auto round = [&] {
        for (const engine::Case& c : cases) {
            evaluator.evaluate(c, outcome);
            sink += outcome.level;
            if (trace) {
                tracer.trace(c, outcome, compact);
                sink += compact.blocking.size();
            }
        }
    };
    round();
    std::vector<double> wall, cpu;
    const auto start = Clock::now();
    const auto per_case = [&](double s) { return 1e6 * s / static_cast<double>(cases.size()); };
    while (wall.size() < 5 ||
           std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
        const auto t0 = Clock::now();
        const double c0 = thread_seconds();
        round();
        cpu.push_back(per_case(thread_seconds() - c0));
        wall.push_back(per_case(std::chrono::duration<double>(Clock::now() - t0).count()));
    }
    // The results are used, so that no evaluation can be left out.
    if (sink == static_cast<std::size_t>(-1)) std::cerr << "";
    return {wall.size(), spread_of(wall), spread_of(cpu)};
}

nlohmann::json spread_json(const Spread& s) {
    return {{"median", s.median}, {"min", s.min}, {"max", s.max}};
}

int run_bench(const BenchOptions& opt) {
    int failure = kFindings;
    auto rules = load_rules_or_report(opt.rules, failure);
    if (!rules) return failure;
    Library library;
    if (!read_cases(*rules, opt, library)) return kUsage;
    const Timing t = time_rounds(*rules, library.cases, opt.trace, opt.seconds);
    const double read_us = 1e6 * library.read_seconds / static_cast<double>(library.lines);
    const double per_second = 1e6 / t.wall.median;
    const char* mode = opt.trace ? "evaluate+trace" : "evaluate";
    if (opt.json) {
        nlohmann::json j = {{"schema", "continuum.bench/1"},
                            {"ruleset",
                             {{"root", rules->root},
                              {"id", rules->info.id},
                              {"version", rules->info.version},
                              {"rules", rules->rules.size()},
                              {"definitions", rules->slot_count - rules->questions.size()}}},
                            {"library",
                             {{"file", opt.library},
                              {"lines", library.lines},
                              {"cases", library.cases.size()},
                              {"unreadable", library.unreadable},
                              {"read_us_per_line", read_us}}},
                            {"mode", mode},
                            {"threads", 1},
                            {"rounds", t.rounds},
                            {"us_per_case", spread_json(t.wall)},
                            {"cpu_us_per_case", spread_json(t.cpu)},
                            {"cases_per_second", per_second}};
        std::cout << j.dump(2) << "\n";
        return kOk;
    }
    std::cout << fmt::format("{} ({} {}): {} rules, {} definitions\n", rules->root, rules->info.id,
                             rules->info.version, rules->rules.size(),
                             rules->slot_count - rules->questions.size());
    std::cout << fmt::format(
        "library {}: {} case{} read, {} line{} could not be read (reading: {:.2f} µs a line)\n",
        opt.library, library.cases.size(), library.cases.size() == 1 ? "" : "s", library.unreadable,
        library.unreadable == 1 ? "" : "s", read_us);
    std::cout << fmt::format("{}, one thread, {} rounds over the {} case{}:\n",
                             opt.trace ? "evaluation with the full trace" : "evaluation", t.rounds,
                             library.cases.size(), library.cases.size() == 1 ? "" : "s");
    std::cout << fmt::format(
        "  {:.3f} µs a case (median; fastest round {:.3f}, slowest {:.3f}), {:.0f} cases a "
        "second\n",
        t.wall.median, t.wall.min, t.wall.max, per_second);
    std::cout << fmt::format("  CPU time {:.3f} µs a case (median; {:.3f} to {:.3f})\n",
                             t.cpu.median, t.cpu.min, t.cpu.max);
    return kOk;
}

}  // namespace

void add_bench(CLI::App& app, Action& run) {
    auto* cmd = app.add_subcommand(
        "bench", "Time the evaluation of a rule set over a case library (one thread)");
    auto opt = std::make_shared<BenchOptions>();
    cmd->add_option("RULESET", opt->rules, "Rule set folder")->required();
    cmd->add_option("CASES", opt->library, "Case library (JSON Lines, one case a line)")
        ->required();
    cmd->add_flag("--trace", opt->trace,
                  "Also build the full trace of every case (first failing condition, the "
                  "unknowns that block each undetermined rule)");
    cmd->add_option("--cases", opt->cases, "Read at most this many cases (default 10000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    cmd->add_option("--seconds", opt->seconds, "Time rounds for at least this long (default 2)")
        ->check(CLI::Range(0.0, 3600.0));
    cmd->add_flag("--json", opt->json, "Print the figures as JSON (schema continuum.bench/1)");
    cmd->callback([&run, opt] { run = [opt] { return run_bench(*opt); }; });
}

}  // namespace continuum::cli
