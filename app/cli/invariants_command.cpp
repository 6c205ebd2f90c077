// continuum test RULESET --invariants N [--seed S] [--examples DIR]: the domain invariants over
// N generated cases; each broken one with its count and a minimal example case file.
#include "invariants_command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli.hpp"
#include "engine/ruleset/load.hpp"
#include "load_rules.hpp"
#include "policy/invariants.hpp"

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
        // Inside the rule set (outside its cases/, tests/ or training/ folders) the examples would
        // be read as rule files the next time the rules load.
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path rel =
            fs::weakly_canonical(examples, ec).lexically_relative(fs::weakly_canonical(folder, ec));
        if (!ec && !rel.empty() && *rel.begin() != ".." &&
            engine::is_rule_file(rel / "example.toml")) {
            std::cerr
                << examples
                << ": error: this folder is inside the rule set, whose every .toml file is "
                   "read as rules; write the examples elsewhere, or under its cases/ folder\n";
            return kUsage;
        }
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
    std::size_t broken = 0, not_checked = 0;
    bool write_failed = false;
    for (const engine::InvariantFinding& f : run.findings) {
        const engine::InvariantInfo& info = engine::describe(f.kind);
        if (const std::string& why = run.not_checked[static_cast<std::size_t>(f.kind)];
            !why.empty()) {
            ++not_checked;
            std::cout << fmt::format("  n/a     {}: not checked: {}\n", info.id, why);
            continue;
        }
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
    if (run.searches_stopped > 0)
        std::cout << fmt::format(
            "  {} \"what could change this\" search{} for an open finding stopped at {} limit "
            "({} evaluations, or more than 3 open questions behind it) without an answer: not "
            "counted as broken\n",
            run.searches_stopped, run.searches_stopped == 1 ? "" : "es",
            run.searches_stopped == 1 ? "its" : "their", 2000);
    const std::size_t held = run.findings.size() - broken - not_checked;
    std::cout << fmt::format("{} invariant{} held, {} broken{}\n", held, held == 1 ? "" : "s",
                             broken,
                             not_checked ? fmt::format(", {} not checked", not_checked) : "");
    if (write_failed) return kUsage;
    return broken == 0 ? kOk : kFindings;
}

}  // namespace continuum::cli
