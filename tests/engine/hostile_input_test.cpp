// Rule sets and cases written to break the program: huge names, floods of the same mistake,
// control characters, folders and looping links where files should be, JSON that a lax
// parser would quietly accept. Each gets one clear positioned message, and nothing hangs.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "engine/case_io.hpp"
#include "engine/lint.hpp"
#include "fixture.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;
namespace fs = std::filesystem;

namespace {

std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> out;
    for (const auto& item : d.items())
        if (item.code == code) out.push_back(item);
    return out;
}

std::string rule(const std::string& id, const std::string& when) {
    return "[[rule]]\nid = \"" + id + "\"\nlevel = \"targeted\"\nsays = \"s\"\nwhen = \"" + when +
           "\"\ncites = [\"src\"]\n";
}

// A scratch rule-set folder holding the fixture's base file and `x.toml`.
struct Folder {
    fs::path path;
    explicit Folder(const std::string& x_toml) {
        std::string pattern = (fs::temp_directory_path() / "continuum-hostile-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()));
        path = pattern;
        std::ofstream(path / "base.toml") << fixture::kBase;
        std::ofstream(path / "x.toml") << x_toml;
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

// [SECTION] Size

TEST_CASE("a 10 MB name in a condition gives one short message", "[hostile]") {
    // The "did you mean" search compared it with every name, a table of 10 MB by each name's
    // length at a time: minutes. Now names that long are not matched at all.
    const std::string huge(10'000'000, 'q');
    std::string names;  // a rule set of a realistic size: 300 names to compare with
    for (int i = 0; i < 300; ++i)
        names += rule("indicator_" + std::to_string(i), "a");
    auto r = fixture::load(fixture::yes_no("a") + rule("r", "a and " + huge) + names);
    auto unknown = with_code(r.diagnostics, "unknown-identifier");
    REQUIRE(unknown.size() == 1);
    const std::string text = format_diagnostic(unknown[0]);
    CHECK(text.size() < 300);
    CHECK_THAT(text, Catch::Contains("unknown name 'qqqq"));
    CHECK_THAT(text, Catch::Contains("(10,000,000 characters in all)"));
    CHECK(unknown[0].pos.line == 12);
    CHECK(unknown[0].pos.column == 15);
}

TEST_CASE("the same mistake 20,000 times reads as ten lines and a count", "[hostile]") {
    std::string file = fixture::yes_no("a");
    for (int i = 0; i < 20000; ++i)
        file += rule("r" + std::to_string(i), "a and mising");
    auto r = fixture::load(file);
    Diagnostics d = r.diagnostics;
    auto unknown = with_code(d, "unknown-identifier");
    REQUIRE(unknown.size() == 11);
    for (std::size_t i = 0; i < 10; ++i)
        CHECK(unknown[i].more == 0);
    CHECK(unknown[10].message == "and 19,990 more like this");
    CHECK(unknown[10].more == 19989);
    CHECK(unknown[10].pos.line == unknown[9].pos.line + 6);  // where the eleventh is written
    CHECK(d.error_count() == 20000);
    // Fewer than twenty are all listed.
    auto few = fixture::load(fixture::yes_no("a") + rule("r1", "a and mising") +
                             rule("r2", "a and mising"));
    CHECK(with_code(few.diagnostics, "unknown-identifier").size() == 2);
}

TEST_CASE("thousands of different mistakes keep their hints only while they are cheap",
          "[hostile]") {
    std::string file = fixture::yes_no("alpha_question");
    for (int i = 0; i < 3000; ++i)
        file += rule("r" + std::to_string(i), "alpha_questio and unknown_" + std::to_string(i));
    auto r = fixture::load(file);
    auto unknown = with_code(r.diagnostics, "unknown-identifier");
    REQUIRE_FALSE(unknown.empty());
    CHECK_THAT(unknown[0].message, Catch::Contains("did you mean 'alpha_question'?"));
    CHECK(r.diagnostics.error_count() == 6000);
}

TEST_CASE("a loop through hundreds of facts is named by its ends", "[hostile]") {
    std::string file = fixture::yes_no("a");
    const int n = 300;
    for (int i = 0; i < n; ++i)
        file += "[[fact]]\nid = \"f" + std::to_string(i) + "\"\nlabel = \"l\"\nwhen = \"a and f" +
                std::to_string((i + 1) % n) + "\"\ncites = [\"src\"]\n";
    auto r = fixture::load(file);
    auto cycles = with_code(r.diagnostics, "cycle");
    REQUIRE(cycles.size() == 1);
    CHECK(cycles[0].message.size() < 300);
    CHECK_THAT(cycles[0].message, Catch::Contains("... (290 more) ->"));
}

// [SECTION] Lint's "can it ever be true?" when definitions are tried together

TEST_CASE("definitions tried together are judged each on its own questions", "[hostile]") {
    // Overlapping questions in every way: only f_never and r_never can never be true.
    auto r = fixture::load(
        fixture::yes_no("q1") + fixture::yes_no("q2") + fixture::yes_no("q3") +
        fixture::yes_no("q4", "ask_when = \"q1 and not q1\"") +
        "[[fact]]\nid = \"f1\"\nlabel = \"l\"\nwhen = \"q1 and q2\"\ncites = [\"src\"]\n"
        "[[fact]]\nid = \"f2\"\nlabel = \"l\"\nwhen = \"q2 and not q3\"\ncites = [\"src\"]\n"
        "[[fact]]\nid = \"f3\"\nlabel = \"l\"\nwhen = \"q3\"\ncites = [\"src\"]\n"
        "[[fact]]\nid = \"f_never\"\nlabel = \"l\"\nwhen = \"q1 and not q1\"\ncites = [\"src\"]\n" +
        rule("r_both", "f1 and f2") + rule("r_never", "f1 and not q2") + rule("r_q4", "q1 or q4"));
    REQUIRE(r.ok());
    Diagnostics d;
    check_unreachable_questions(*r.rules, d);
    d.sort();
    auto never = with_code(d, "never-fires");
    REQUIRE(never.size() == 2);
    CHECK_THAT(never[0].message, Catch::Contains("fact 'f_never'"));
    CHECK_THAT(never[1].message, Catch::Contains("rule 'r_never'"));
    auto unreachable = with_code(d, "unreachable-question");
    REQUIRE(unreachable.size() == 1);
    CHECK_THAT(unreachable[0].message, Catch::Contains("'q4' is never asked"));
}

TEST_CASE("trials cut short by the work budget are counted, never taken as 'never fires'",
          "[hostile]") {
    // Fifty facts that each share q0 with all the others: fifty rounds of trials.
    std::string file = fixture::yes_no("q0");
    for (int i = 1; i <= 50; ++i) {
        file += fixture::yes_no("q" + std::to_string(i));
        file += "[[fact]]\nid = \"f" + std::to_string(i) + "\"\nlabel = \"l\"\nwhen = \"q0 and q" +
                std::to_string(i) + "\"\ncites = [\"src\"]\n";
    }
    auto r = fixture::load(file);
    REQUIRE(r.ok());
    Diagnostics whole;
    check_unreachable_questions(*r.rules, whole);
    CHECK(whole.empty());
    Diagnostics cut;
    check_unreachable_questions(*r.rules, cut, 20.0 * r.rules->slot_count);
    CHECK(with_code(cut, "never-fires").empty());
    auto incomplete = with_code(cut, "check-incomplete");
    REQUIRE(incomplete.size() == 1);
    CHECK_THAT(incomplete[0].message,
               Catch::EndsWith("definitions were not checked for whether they can ever be true: "
                               "they share questions in too many different ways to try them all "
                               "in reasonable time"));
}

// [SECTION] Control characters

TEST_CASE("a control character in a rule's text is an error at the character", "[hostile]") {
    auto r = fixture::load(fixture::yes_no("a") +
                           "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"Bruise\\u0000d "
                           "baby\"\nwhen = \"a\"\ncites = [\"src\"]\n");
    auto found = with_code(r.diagnostics, "control-character");
    REQUIRE(found.size() == 1);
    CHECK(found[0].pos.line == 11);
    CHECK(found[0].pos.column == 15);  // the backslash of \u0000
    CHECK_THAT(found[0].message, Catch::Contains("'says' in rule 'r' holds the control character "
                                                 "U+0000"));
    CHECK_FALSE(r.ok());
    // Line breaks and tabs in longer texts are ordinary.
    auto fine = fixture::load(fixture::yes_no("a", "help = \"one\\n\\ttwo\""));
    CHECK(with_code(fine.diagnostics, "control-character").empty());
}

TEST_CASE("an escape sequence in a condition is named, not echoed", "[hostile]") {
    auto r = fixture::load(fixture::yes_no("a") + rule("r", "a and \\u001b[2J"));
    auto syntax = with_code(r.diagnostics, "syntax-error");
    REQUIRE(syntax.size() == 1);
    CHECK_THAT(syntax[0].message,
               Catch::Contains("unexpected character U+001B (a control character)"));
    CHECK(format_diagnostic(syntax[0]).find('\x1b') == std::string::npos);
}

TEST_CASE("messages print control characters from the files as escapes", "[hostile]") {
    Diagnostic d{
        "rs/x\x07.toml", {3, 4}, Severity::Error, "unknown-key", "unknown key 'a\x1b[31mred\r\nb'"};
    CHECK(format_diagnostic(d) ==
          "rs/x\\x07.toml:3:4: error: unknown key 'a\\x1b[31mred\\x0d\\x0ab' [unknown-key]");
}

TEST_CASE("a case reference with a control character is refused where it is", "[hostile]") {
    mini::Fixture f;
    Diagnostics dt;
    CHECK_FALSE(
        read_case_toml(*f.rules, "case.toml",
                       "[case]\nref = \"C-1\\u001b[2J\"\nreferred_at = 2026-11-23T09:40:00\n", dt));
    auto t = with_code(dt, "control-character");
    REQUIRE(t.size() == 1);
    CHECK(t[0].pos.line == 2);
    CHECK(t[0].pos.column == 11);
    Diagnostics tab;
    CHECK_FALSE(read_case_toml(*f.rules, "case.toml",
                               "[case]\nref = \"C-1\\tC-2\"\nreferred_at = 2026-11-23T09:40:00\n",
                               tab));
    CHECK(with_code(tab, "control-character").size() == 1);
    Diagnostics dj;
    CHECK_FALSE(read_case_json(*f.rules,
                               R"({"ref":"C-1\u0007","referred_at":"2026-11-23T09:40:00"})",
                               "lib.jsonl", 3, dj));
    auto j = with_code(dj, "control-character");
    REQUIRE(j.size() == 1);
    CHECK(j[0].message ==
          "\"ref\" holds the control character U+0007 at character 4 of the "
          "reference: a reference is one line of visible text");
}

// [SECTION] Files that are not files

TEST_CASE("a rule file that is a folder or a looping link is named, once", "[hostile]") {
    Folder folder(fixture::yes_no("a") + rule("r", "a"));
    std::string expected;
    SECTION("a folder") {
        fs::create_directory(folder.path / "routes.toml");
        expected = "is a folder, not a file: it must be a file of TOML text";
    }
    SECTION("a symbolic link to itself") {
        fs::create_symlink("routes.toml", folder.path / "routes.toml");
        expected =
            "is a symbolic link that leads round in a loop (it points, in the end, back "
            "to itself), so it cannot be read";
    }
    SECTION("a symbolic link to nothing") {
        fs::create_symlink("gone.toml", folder.path / "routes.toml");
        expected = "is a symbolic link to gone.toml, which does not exist";
    }
    LoadResult r = load_ruleset(folder.path);
    REQUIRE(r.diagnostics.items().size() == 1);
    const Diagnostic& d = r.diagnostics.items()[0];
    CHECK(d.code == "unreadable-file");
    CHECK(d.file == (folder.path / "routes.toml").string());
    CHECK(d.message == expected);
}

TEST_CASE("a scenario test file that is a folder is named by lint", "[hostile]") {
    Folder folder(fixture::yes_no("a") + rule("r", "a"));
    fs::create_directories(folder.path / "tests" / "more.toml");
    Diagnostics d = lint_ruleset(folder.path);
    auto unreadable = with_code(d, "unreadable-file");
    REQUIRE(unreadable.size() == 1);
    CHECK(unreadable[0].file == (folder.path / "tests" / "more.toml").string());
    CHECK(unreadable[0].message == "is a folder, not a file: it must be a file of TOML text");
}

TEST_CASE("a case path that is a folder says so", "[hostile]") {
    mini::Fixture f;
    Folder folder("");
    Diagnostics d;
    CHECK_FALSE(read_case_file(*f.rules, folder.path.string(), d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].message ==
          "is a folder, not a case file: give the path of one case's .toml file");
}

// [SECTION] JSON that a lax reader would take

TEST_CASE("a number too large for a double is named at its column", "[hostile]") {
    mini::Fixture f;
    Diagnostics d;
    CHECK_FALSE(read_case_json(
        *f.rules,
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":1e400}})",
        "lib.jsonl", 9, d));
    REQUIRE(d.items().size() == 1);
    CHECK(format_diagnostic(d.items()[0]) ==
          "lib.jsonl:9:74: error: the number 1e400 is too large: numbers must be below about "
          "1.8e308 [json-number]");
}

TEST_CASE("a key given twice is refused at the second, naming the first", "[hostile]") {
    mini::Fixture f;
    Diagnostics d;
    CHECK_FALSE(read_case_json(
        *f.rules,
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":true,"bruising":false}})",
        "lib.jsonl", 4, d));
    REQUIRE(d.items().size() == 1);
    CHECK(format_diagnostic(d.items()[0]) ==
          "lib.jsonl:4:77: error: \"bruising\" is given twice in one object (first at column "
          "61): say each thing once, or it is unclear which one counts [duplicate-key]");
    Diagnostics escaped;  // "\u0072ef" is "ref"
    CHECK_FALSE(read_case_json(*f.rules,
                               R"({"ref":"C-1","\u0072ef":"C-2","referred_at":"2026-11-23"})",
                               "lib.jsonl", 1, escaped));
    CHECK(with_code(escaped, "duplicate-key").size() == 1);
}

TEST_CASE("a syntax error is placed at the token that breaks it", "[hostile]") {
    mini::Fixture f;
    Diagnostics d;
    CHECK_FALSE(
        read_case_json(*f.rules, R"({"ref":"C-1", "referred_at": tru})", "lib.jsonl", 2, d));
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].pos.column == 30);
    CHECK(d.items()[0].code == "json-syntax");
    Diagnostics list;
    CHECK_FALSE(read_case_json(*f.rules, "[1, 2]", "lib.jsonl", 2, list));
    CHECK_THAT(list.items().at(0).message, Catch::StartsWith("this line is a list, not a JSON "
                                                             "object"));
}

// [SECTION] Referral times with an offset from UTC

TEST_CASE("a referral time with a UTC offset is converted to local time in England", "[hostile]") {
    mini::Fixture f;
    auto read_toml = [&](const std::string& when) {
        Diagnostics d;
        auto c = read_case_toml(*f.rules, "case.toml",
                                "[case]\nref = \"C-1\"\nreferred_at = " + when + "\n", d);
        INFO(when);
        REQUIRE(c);
        return format_date_time(c->referred_at);
    };
    auto read_json = [&](const std::string& when) {
        Diagnostics d;
        auto c = read_case_json(*f.rules, R"({"ref":"C-1","referred_at":")" + when + "\"}",
                                "lib.jsonl", 1, d);
        INFO(when);
        REQUIRE(c);
        return format_date_time(c->referred_at);
    };
    // Winter: GMT is UTC.
    CHECK(read_toml("2026-11-23T09:40:00Z") == "2026-11-23T09:40:00");
    CHECK(read_toml("2026-11-23T09:40:00-05:00") == "2026-11-23T14:40:00");
    CHECK(read_json("2026-11-23T23:30:00-01:00") == "2026-11-24T00:30:00");
    // Summer: British Summer Time, an hour ahead of UTC.
    CHECK(read_toml("2026-06-01T08:40:00Z") == "2026-06-01T09:40:00");
    CHECK(read_toml("2026-06-01T09:40:00+01:00") == "2026-06-01T09:40:00");
    CHECK(read_json("2026-06-01T08:40Z") == "2026-06-01T09:40:00");
    // The changes: 01:00 UTC on the last Sundays of March (29th) and October (25th) 2026.
    CHECK(read_json("2026-03-29T00:59:59Z") == "2026-03-29T00:59:59");
    CHECK(read_json("2026-03-29T01:00:00Z") == "2026-03-29T02:00:00");
    CHECK(read_json("2026-10-25T00:59:59Z") == "2026-10-25T01:59:59");
    CHECK(read_json("2026-10-25T01:00:00Z") == "2026-10-25T01:00:00");
    // Without an offset it is local time already.
    CHECK(read_toml("2026-06-01T09:40:00") == "2026-06-01T09:40:00");
    // An offset that is not one is refused, not dropped.
    Diagnostics d;
    CHECK_FALSE(read_case_json(*f.rules, R"({"ref":"C-1","referred_at":"2026-06-01T09:40:00+1"})",
                               "lib.jsonl", 1, d));
}

// [SECTION] Citations to sections

TEST_CASE("a pinpoint to a section its source does not list is an error", "[hostile]") {
    const std::string source =
        "[[source]]\nid = \"act\"\ntitle = \"An Act\"\nurl = \"https://example.org\"\n"
        "sections = [\"s47(1)\", \"s47(1)(a)\", \"s47(1)(b)\", \"rule 1\", \"rule 2\"]\n";
    auto cite = [&](const std::string& pinpoint) {
        return fixture::load(source + fixture::yes_no("a") +
                             "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"s\"\nwhen = "
                             "\"a\"\ncites = [\"act#" +
                             pinpoint + "\"]\n");
    };
    for (const char* fine : {"s47(1)(b)", "s47(1)(a) and (b)", "s47(1)(a)-(b), s47(1)", "rule 2",
                             "is likely to suffer significant harm",
                             "s47(1)(b): reasonable cause to suspect", "Section 47"}) {
        INFO(fine);
        CHECK(with_code(cite(fine).diagnostics, "unknown-section").empty());
    }
    auto r = cite("s47(1)(c)");
    auto bad = with_code(r.diagnostics, "unknown-section");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].pos.line == 18);
    CHECK(bad[0].message ==
          "rule 'r' cites 's47(1)(c)', a section that source 'act' does not list (did you mean "
          "'s47(1)(a)'?); its sections are s47(1), s47(1)(a), s47(1)(b), rule 1, rule 2 (if the "
          "document has it, add it to the source's 'sections')");
    CHECK(with_code(cite("rule 9").diagnostics, "unknown-section").size() == 1);
    CHECK(with_code(cite("s47(1)(a), s48(2)").diagnostics, "unknown-section").size() == 1);
}
