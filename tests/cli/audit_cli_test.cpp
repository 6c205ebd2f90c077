// continuum audit verify|export|head, run as a user would run them: exit codes and output.
#include <catch2/catch.hpp>

#include "audit_fixture.hpp"
#include "run_command.hpp"

using namespace audit_test;

namespace {

// `continuum` alone would also name the namespace.
clitest::Run run(const std::vector<std::string>& args) {
    return clitest::continuum(args);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("cli: audit verify on an intact log prints the count and head, exit 0") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string head = fill(file, 4);
    auto r = run({"audit", "verify", file.string()});
    CHECK(r.code == 0);
    CHECK(r.out == "OK: 4 records, chain intact\nhead: " + head + "\n");
    r = run({"audit", "verify", file.string(), "--head", head});
    CHECK(r.code == 0);
}

TEST_CASE("cli: audit verify names the first bad record, exit 1") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 5);
    tamper_behind_triggers(file, "UPDATE decision SET decided_level = 'level1' WHERE sequence = 3");
    auto r = run({"audit", "verify", file.string()});
    CHECK(r.code == 1);
    CHECK(r.out ==
          "BROKEN at record 3: record 3 has been changed: its stored contents no longer match its "
          "hash.\n");
}

TEST_CASE("cli: audit verify --head reports a truncated log, exit 1") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string head = fill(file, 5);
    tamper_behind_triggers(file, "DELETE FROM decision WHERE sequence = 5");
    CHECK(run({"audit", "verify", file.string()}).code == 0);
    auto r = run({"audit", "verify", file.string(), "--head", head});
    CHECK(r.code == 1);
    CHECK(r.out.rfind("BROKEN at record 5: the file ends at record 4", 0) == 0);
}

TEST_CASE("cli: audit verify reports damaged protection apart from an intact chain, exit 1") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string head = fill(file, 3);
    REQUIRE(raw_exec(file, "DROP TRIGGER decision_no_delete") == "");
    auto r = run({"audit", "verify", file.string()});
    CHECK(r.code == 1);
    CHECK(r.out ==
          "PROTECTION DAMAGED: The trigger decision_no_delete, which refuses the removal of "
          "recorded decisions, is missing (dropped): recorded decisions could be changed or "
          "removed.\nOK: 3 records, chain intact\nhead: " +
              head + "\n");
}

TEST_CASE("cli: audit verify --head takes a hash or nothing: anything else is exit 2") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string head = fill(file, 2);
    for (const std::string& bad : std::vector<std::string>{"zz", "", std::string(63, 'a'),
                                                           std::string(64, 'g'), head + "0"}) {
        INFO("--head '" << bad << "'");
        auto r = run({"audit", "verify", file.string(), "--head", bad});
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("is not a hash") != std::string::npos);
    }
    // Upper case is the same hash.
    std::string upper = head;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(run({"audit", "verify", file.string(), "--head", upper}).code == 0);
}

TEST_CASE("cli: an unreadable, foreign or missing file is exit 2 with a clear message") {
    TempDir dir;
    auto junk = dir / "junk.sqlite";
    write_bytes(junk, "this is a note, not a database\n");
    for (auto args : std::vector<std::vector<std::string>>{
             {"audit", "verify"}, {"audit", "head"}, {"audit", "export", "--format", "csv"}}) {
        INFO(args[1]);
        args.push_back(junk.string());
        auto r = run(args);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "error: " + junk.string() +
                           " is not a continuum audit file: it is not an SQLite database (damaged, "
                           "or another kind of file). It has been left untouched.\n");
    }
    auto missing = dir / "missing.sqlite";
    auto r = run({"audit", "verify", missing.string()});
    CHECK(r.code == 2);
    CHECK(r.err == "error: " + missing.string() + ": no such file.\n");
    CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("cli: audit head prints the last record's hash") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 0);
    CHECK(run({"audit", "head", file.string()}).out == std::string(64, '0') + "\n");
    std::string head = fill(file, 2);
    auto r = run({"audit", "head", file.string()});
    CHECK(r.code == 0);
    CHECK(r.out == head + "\n");
}

TEST_CASE("cli: audit export as JSON Lines and CSV, by date, to a new file") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 3);
    auto r = run({"audit", "export", file.string(), "--format", "jsonl"});
    CHECK(r.code == 0);
    auto lines = lines_of(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(nlohmann::json::parse(lines[2])["sequence"] == 3);

    r = run({"audit", "export", file.string(), "--format", "csv", "--from", "2000-01-01", "--to",
             "2999-12-31"});
    CHECK(r.code == 0);
    CHECK(lines_of(r.out).size() == 4);  // header + 3
    r = run({"audit", "export", file.string(), "--format", "csv", "--from", "2999-01-01"});
    CHECK(lines_of(r.out).size() == 1);  // header only

    auto out = dir / "export.csv";
    r = run({"audit", "export", file.string(), "--format", "csv", "--output", out.string()});
    CHECK(r.code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "3 records written to " + out.string() + "\n");
    CHECK(mode_of(out) == 0600);
    CHECK(lines_of(read_bytes(out)).size() == 4);
    r = run({"audit", "export", file.string(), "--format", "csv", "--output", out.string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("an export never overwrites a file") != std::string::npos);
}

TEST_CASE("cli: audit export rejects a bad date or format, exit 2") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 1);
    auto r = run({"audit", "export", file.string(), "--format", "jsonl", "--from", "2026-02-30"});
    CHECK(r.code == 2);
    CHECK(r.err == "error: '2026-02-30' is not a date; write it YYYY-MM-DD.\n");
    CHECK(run({"audit", "export", file.string(), "--format", "xml"}).code == 2);
}
