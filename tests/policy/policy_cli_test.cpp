// continuum impact / diff / cases generate as a user runs them: exit codes, what is printed,
// the JSON forms' shape, and files written whole.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "policy_rules.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    std::string out, err;
};

// Runs the command line in-process with stdout and stderr captured.
Run run(std::vector<std::string> args) {
    args.insert(args.begin(), "continuum");
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    Run r;
    r.code = continuum::cli::run(static_cast<int>(argv.size()), argv.data());
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two rule-set folders (base and a candidate with a lower threshold), a broken one, and the
// 18-case grid library.
struct Folders {
    fs::path root =
        fs::temp_directory_path() / ("continuum-policy-cli-" + std::to_string(::getpid()));
    std::string base = (root / "base").string(), cand = (root / "cand").string(),
                broken = (root / "broken").string(), broken2 = (root / "broken2").string(),
                library = (root / "grid.jsonl").string();
    Folders() {
        fs::remove_all(root);
        write(root / "base" / "base.toml", fixture::kBase);
        write(root / "base" / "x.toml", policy::base_rules("8"));
        write(root / "cand" / "base.toml", fixture::kBase);
        write(root / "cand" / "x.toml", policy::base_rules("5"));
        write(root / "broken" / "base.toml", fixture::kBase);
        write(root / "broken" / "x.toml", policy::base_rules("8") + "[[rule]]\nid = \"bad\"\n");
        write(root / "broken2" / "base.toml", fixture::kBase);
        write(root / "broken2" / "x.toml", policy::base_rules("8") + "[[rule]]\nid = \"worse\"\n");
        write(root / "grid.jsonl", policy::grid_library() + "{oops\n");
    }
    ~Folders() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("impact: text summary; exit 1 when some lines could not be read", "[cli][impact]") {
    Folders f;
    Run r = run({"impact", f.base, f.cand, f.library});
    INFO(r.err);
    CHECK(r.code == 1);  // the figures leave a case out: not a complete run for a script
    CHECK(r.out.find("19 cases read, 18 evaluated, 1 could not be read") != std::string::npos);
    CHECK(r.out.find("rule score_high (changed): 3 cases move from Universal to Statutory; 3 cases "
                     "move from "
                     "Targeted to Statutory") != std::string::npos);
    CHECK(r.out.find("Level transitions (rows: base, columns: candidate)") != std::string::npos);
    CHECK(r.out.find("G-2 (line 2): level Targeted -> Statutory") != std::string::npos);
    CHECK(r.err.find("grid.jsonl:19:2: error: this line is not valid JSON") != std::string::npos);
    CHECK(r.err.find("continuum impact: 1 of 19 lines of " + f.library +
                     " could not be read; the figures leave those cases out") != std::string::npos);
    // Every line read: exit 0.
    write(f.root / "clean.jsonl", policy::grid_library());
    CHECK(run({"impact", f.base, f.cand, (f.root / "clean.jsonl").string()}).code == 0);
}

TEST_CASE("impact: exit 2 when no line of the library can be read", "[cli][impact]") {
    // A case file (TOML) given where the library (JSON Lines) belongs.
    Folders f;
    const std::string toml = (f.root / "case.toml").string();
    write(toml,
          "[case]\nref = \"C-1\"\nreferred_at = 2026-11-23T09:40:00\n\n[answers]\na = true\n");
    Run r = run({"impact", f.base, f.cand, toml});
    CHECK(r.code == 2);
    CHECK(r.out.find("5 cases read, 0 evaluated, 5 could not be read") != std::string::npos);
    CHECK(r.err.find("continuum impact: none of 5 lines of " + toml +
                     " could be read: is it a case library (JSON Lines)?") != std::string::npos);
}

TEST_CASE("impact: a library whose line never ends is refused, not read until memory runs out",
          "[cli][impact]") {
    // /dev/zero: one line of zero bytes that never ends.
    Folders f;
    Run r = run({"impact", f.base, f.cand, "/dev/zero"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());  // no report on part of a library
    CHECK(r.err.find("continuum: line 1 of /dev/zero runs on for 64 MB with no line end") !=
          std::string::npos);
}

TEST_CASE("impact --json: the documented continuum.impact/1 shape", "[cli][impact]") {
    Folders f;
    Run r = run({"impact", f.base, f.cand, f.library, "--json"});
    REQUIRE(r.code == 1);  // one line could not be read; the JSON is written all the same
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["schema"] == "continuum.impact/1");
    CHECK(j["totals"]["lines"] == 19);
    CHECK(j["totals"]["evaluated"] == 18);
    CHECK(j["totals"]["failed"] == 1);
    CHECK(j["totals"]["outcome_changed"] == 6);
    CHECK(j["levels"]["base"][0]["id"] == "universal");
    CHECK(j["transitions"] == nlohmann::json::parse("[[3,0,3],[0,3,3],[0,0,6]]"));
    REQUIRE(j["groups"].size() == 1);
    CHECK(j["groups"][0]["kind"] == "rule");
    CHECK(j["groups"][0]["id"] == "score_high");
    CHECK(j["groups"][0]["change"] == "changed");
    CHECK(j["groups"][0]["level_moves"].size() == 2);
    REQUIRE(j["cases"].size() == 6);
    CHECK(j["cases"][0]["ref"] == "G-2");
    CHECK(j["cases"][0]["line"] == 2);
    CHECK(j["cases"][0]["level"]["before"] == "targeted");
    CHECK(j["cases"][0]["level"]["after"] == "statutory");
    CHECK(j["cases"][0]["responsible"][0]["id"] == "score_high");
    CHECK(j["errors"][0]["line"] == 19);
    CHECK(j["errors"][0]["column"] == 2);
    CHECK(j["errors"][0]["code"] == "json-syntax");
    CHECK(j["diff"][0]["fields"][0]["field"] == "when");
}

TEST_CASE("impact: exit 1 for a broken rule set, 2 for an unreadable library or bad arguments",
          "[cli][impact]") {
    Folders f;
    CHECK(run({"impact", f.broken, f.cand, f.library}).code == 1);
    // Both rule sets are read at once; their errors are still told whole, the base's first.
    Run both = run({"impact", f.broken, f.broken2, f.library});
    CHECK(both.code == 1);
    INFO(both.err);
    const auto base_said = both.err.find("the rule set in " + f.broken + " has");
    const auto cand_said = both.err.find("the rule set in " + f.broken2 + " has");
    REQUIRE(base_said != std::string::npos);
    REQUIRE(cand_said != std::string::npos);
    CHECK(base_said < cand_said);
    CHECK(both.err.find("bad") < base_said);
    CHECK(both.err.find("worse") > base_said);
    Run missing = run({"impact", f.base, f.cand, (f.root / "nope.jsonl").string()});
    CHECK(missing.code == 2);
    CHECK(missing.err.find("cannot open") != std::string::npos);
    CHECK(run({"impact", f.base, f.cand}).code == 2);
}

TEST_CASE("diff: text and continuum.diff/1 with exit 0, exit 1 for a broken rule set",
          "[cli][diff]") {
    Folders f;
    Run text = run({"diff", f.base, f.cand});
    CHECK(text.code == 0);
    CHECK(text.out.find("0 new, 0 removed, 1 changed") != std::string::npos);
    CHECK(text.out.find("    old: score >= 8\n    new: score >= 5\n") != std::string::npos);
    Run json = run({"diff", f.base, f.cand, "--json"});
    CHECK(json.code == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["schema"] == "continuum.diff/1");
    CHECK(j["entries"][0]["id"] == "score_high");
    CHECK(run({"diff", f.base, f.broken}).code == 1);
}

TEST_CASE("cases generate: deterministic by seed, written whole, exit codes", "[cli][generator]") {
    Folders f;
    fs::path out1 = f.root / "lib1.jsonl", out2 = f.root / "lib2.jsonl";
    Run r = run(
        {"cases", "generate", f.base, "--count", "50", "--seed", "3", "--output", out1.string()});
    CHECK(r.code == 0);
    CHECK(run({"cases", "generate", f.base, "--count", "50", "--seed", "3", "-o", out2.string()})
              .code == 0);
    std::string a = slurp(out1);
    CHECK(a == slurp(out2));
    CHECK(std::count(a.begin(), a.end(), '\n') == 50);
    CHECK(a.rfind("{\"answers\":", 0) == 0);
    CHECK_FALSE(fs::exists(out1.string() + ".part"));
    Run stdout_run = run({"cases", "generate", f.base, "--count", "50", "--seed", "3"});
    CHECK(stdout_run.out == a);
    // The library just written runs through impact with nothing unreadable.
    Run impact = run({"impact", f.base, f.cand, out1.string(), "--json"});
    CHECK(nlohmann::json::parse(impact.out)["totals"]["failed"] == 0);

    CHECK(run({"cases", "generate", f.base, "--seed", "3"}).code == 2);  // no --count
    CHECK(run({"cases", "generate", f.broken, "--count", "5", "--seed", "3"}).code == 1);
    CHECK(run({"cases", "generate", f.base, "--count", "5", "--seed", "3", "-o",
               (f.root / "no-such-dir" / "x.jsonl").string()})
              .code == 2);
}
