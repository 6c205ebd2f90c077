// continuum test RULESET --invariants N [--seed S] [--examples DIR]: the domain invariants over
// N generated cases; each broken one with its count and a minimal example case file.
#include "invariants_command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli.hpp"
#include "engine/invariants.hpp"
#include "load_rules.hpp"

namespace continuum::cli {

namespace {

// Writes `text` beside `path` and renames it, so a failed write leaves no half file.
bool write_whole(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::path part = path;
    part += ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);
    return !ec;
}

std::string indented(const std::string& text, const char* by) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out += by + text.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

}  // namespace

int run_invariants_check(const std::string& folder, std::size_t count, std::uint64_t seed,
                         const std::string& examples) {
    int failure = kFindings;
    auto rules = load_rules_or_report(folder, failure);
    if (!rules) {
        std::cout << "no invariant was checked: the rule set cannot be used\n";
        return failure;
    }
    if (!examples.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(examples, ec);
        if (ec) {
            std::cerr << examples
                      << ": error: cannot create the folder for examples: " << ec.message() << "\n";
            return kUsage;
        }
    }
    engine::InvariantRun run = engine::run_invariants(*rules, count, seed);
    std::cout << fmt::format("Invariants of {} {} over {} generated cases (seed {})\n",
                             rules->info.id, rules->info.version, run.cases, run.seed);
    std::size_t broken = 0;
    bool write_failed = false;
    for (const engine::InvariantFinding& f : run.findings) {
        const engine::InvariantInfo& info = engine::describe(f.kind);
        if (f.cases == 0) {
            std::cout << fmt::format("  held    {}: {}\n", info.id, info.says);
            continue;
        }
        ++broken;
        std::cout << fmt::format("  BROKEN  {} in {} case{}: {}\n", info.id, f.cases,
                                 f.cases == 1 ? "" : "s", info.says);
        if (!f.example) continue;
        std::cout << fmt::format("          example: {}\n", f.example_breach.how);
        const std::string file = engine::example_case_file(*rules, f);
        if (examples.empty()) {
            std::cout << indented(file, "          | ");
            continue;
        }
        std::filesystem::path path =
            std::filesystem::path(examples) / (std::string(info.id) + ".toml");
        if (write_whole(path, file)) {
            std::cout << fmt::format("          written to {}\n", path.string());
        } else {
            std::cerr << path.string() << ": error: cannot write the example\n";
            write_failed = true;
        }
    }
    for (const std::string& note : run.unchecked)
        std::cout << "  not checked: " << note << "\n";
    if (run.searches_stopped > 0)
        std::cout << fmt::format(
            "  {} \"what could change this\" search{} for an open finding stopped at {} limit "
            "({} evaluations, or more than 3 open questions behind it) without an answer: not "
            "counted as broken\n",
            run.searches_stopped, run.searches_stopped == 1 ? "" : "es",
            run.searches_stopped == 1 ? "its" : "their", 2000);
    std::cout << fmt::format("{} invariant{} held, {} broken\n", run.findings.size() - broken,
                             run.findings.size() - broken == 1 ? "" : "s", broken);
    if (write_failed) return kUsage;
    return broken == 0 ? kOk : kFindings;
}

}  // namespace continuum::cli
