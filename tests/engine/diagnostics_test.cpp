// Every kind of rule-set fault gives its exact file, line and column, with a message that says
// what to do, and all faults are collected in one pass.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/lint.hpp"
#include "engine/scenario.hpp"
#include "fixture.hpp"

using namespace continuum::engine;

namespace {

// The one diagnostic with this code; fails the test when there is not exactly one.
Diagnostic only(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> found;
    for (const auto& item : d.items())
        if (item.code == code) found.push_back(item);
    INFO("code " << code);
    for (const auto& m : fixture::messages(d))
        INFO(m);
    REQUIRE(found.size() == 1);
    return found[0];
}

void at(const Diagnostic& d, std::uint32_t line, std::uint32_t column) {
    INFO(format_diagnostic(d));
    CHECK(d.file == "rs/x.toml");
    CHECK(d.pos.line == line);
    CHECK(d.pos.column == column);
}

}  // namespace

TEST_CASE("TOML syntax error: position from the TOML parser", "[diagnostics]") {
    auto r = fixture::load("[[question]]\nid = \"a\"\nprompt = \n");
    Diagnostic d = only(r.diagnostics, "toml-syntax");
    at(d, 3, 10);
    CHECK(d.severity == Severity::Error);
    CHECK_FALSE(r.ok());
}

TEST_CASE("unknown key: at the key, with did you mean", "[diagnostics]") {
    auto r = fixture::load(
        fixture::yes_no("a") +
        "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"s\"\ncites = [\"src\"]\n"
        "when = \"a\"\n  unles = \"a\"\n");
    // lines: 1-7 question, 8 [[rule]] ... 14 `  unles`
    Diagnostic d = only(r.diagnostics, "unknown-key");
    at(d, 14, 3);
    CHECK_THAT(d.message,
               Catch::Contains("unknown key 'unles' in rule 'r' (did you mean 'unless'?)"));
}

TEST_CASE("unknown section at the top of a file", "[diagnostics]") {
    auto r = fixture::load("[[rules]]\nid = \"x\"\n");
    Diagnostic d = only(r.diagnostics, "unknown-key");
    at(d, 1, 3);
    CHECK_THAT(d.message, Catch::Contains("did you mean 'rule'?"));
}

TEST_CASE("wrong type: at the value, naming what was expected", "[diagnostics]") {
    auto r = fixture::load(
        "[[question]]\nid = \"a\"\nprompt = 3\ntype = \"yes_no\"\ndomain = \"d\"\ncites = "
        "[\"src\"]\n");
    Diagnostic d = only(r.diagnostics, "wrong-type");
    at(d, 3, 10);
    CHECK_THAT(
        d.message,
        Catch::Contains("'prompt' in question 'a' must be a quoted text, not a whole number"));
}

TEST_CASE("a single text where a list is expected says how to write the list", "[diagnostics]") {
    auto r = fixture::load(
        "[[question]]\nid = \"a\"\nprompt = \"a\"\ntype = \"yes_no\"\ndomain = \"d\"\ncites = "
        "\"src\"\n");
    Diagnostic d = only(r.diagnostics, "wrong-type");
    at(d, 6, 9);
    CHECK_THAT(d.message, Catch::Contains("[\"src\"]"));
}

TEST_CASE("duplicate id: at the second definition, naming the first", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("a") + fixture::yes_no("a"));
    Diagnostic d = only(r.diagnostics, "duplicate-id");
    at(d, 8, 1);
    CHECK_THAT(d.message, Catch::Contains("'a' is already defined at rs/x.toml:1"));
}

TEST_CASE("unknown identifier: the column points inside the condition", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("bruising") +
                           "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = "
                           "\"bruising and not mobil\"\n");
    // line 12: when = "bruising and not mobil"  -> 'mobil' starts at column 26
    Diagnostic d = only(r.diagnostics, "unknown-identifier");
    at(d, 12, 26);
    CHECK_THAT(d.message, Catch::Contains("unknown name 'mobil'"));
}

TEST_CASE("did you mean for a misspelt identifier", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("independently_mobile") +
                           "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"not "
                           "independantly_mobile\"\n");
    Diagnostic d = only(r.diagnostics, "unknown-identifier");
    at(d, 12, 13);
    CHECK_THAT(d.message, Catch::Contains("did you mean 'independently_mobile'?"));
}

TEST_CASE("columns inside multi-line strings and after escapes", "[diagnostics]") {
    SECTION("multi-line literal string") {
        auto r = fixture::load(fixture::yes_no("a") +
                               "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = "
                               "'''\na and\n  zzz'''\n");
        at(only(r.diagnostics, "unknown-identifier"), 14, 3);
    }
    SECTION("basic string with escapes before the fault") {
        auto r = fixture::load(
            "[[question]]\nid = \"s\"\nprompt = \"s\"\ntype = \"choice\"\nchoices = [\"a "
            "b\"]\ndomain = \"d\"\ncites = [\"src\"]\n\n"
            "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"s == \\\"a b\\\" and "
            "qq\"\n");
        // when = "s == \"a b\" and qq"   -> qq at column 26 of line 13
        at(only(r.diagnostics, "unknown-identifier"), 13, 26);
    }
}

TEST_CASE("a choice compared with a value it does not have", "[diagnostics]") {
    auto r = fixture::load(
        "[[question]]\nid = \"severity\"\nprompt = \"s\"\ntype = \"choice\"\nchoices = "
        "[\"emerging\", \"significant\"]\ndomain = \"d\"\ncites = [\"src\"]\n\n"
        "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"severity == "
        "'signficant'\"\n");
    Diagnostic d = only(r.diagnostics, "unknown-choice");
    at(d, 13, 21);
    CHECK_THAT(d.message, Catch::Contains("did you mean 'significant'?"));
}

TEST_CASE("type errors in conditions", "[diagnostics]") {
    auto r = fixture::load(
        fixture::number("age") + fixture::yes_no("a") +
        "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"a and age\"\n");
    Diagnostic d = only(r.diagnostics, "type-mismatch");
    at(d, 19, 15);
    CHECK_THAT(d.message, Catch::Contains("'and' needs a yes/no condition, but 'age' is a number"));
}

TEST_CASE("syntax error inside a condition", "[diagnostics]") {
    auto r =
        fixture::load(fixture::yes_no("a") +
                      "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"a & a\"\n");
    Diagnostic d = only(r.diagnostics, "syntax-error");
    at(d, 12, 11);
    CHECK_THAT(d.message, Catch::Contains("write 'and'"));
}

TEST_CASE("cycle among facts names the path", "[diagnostics]") {
    auto r = fixture::load(
        "[[fact]]\nid = \"p\"\nlabel = \"p\"\ncites = [\"src\"]\nwhen = \"q\"\n\n"
        "[[fact]]\nid = \"q\"\nlabel = \"q\"\ncites = [\"src\"]\nwhen = \"r\"\n\n"
        "[[fact]]\nid = \"r\"\nlabel = \"r\"\ncites = [\"src\"]\nwhen = \"p\"\n");
    Diagnostic d = only(r.diagnostics, "cycle");
    CHECK(d.file == "rs/x.toml");
    CHECK(d.pos.column == 1);
    CHECK_THAT(d.message, Catch::Contains("p -> q -> r -> p"));
}

TEST_CASE("a citation that points nowhere: at the citation", "[diagnostics]") {
    auto r = fixture::load(
        "[[question]]\nid = \"a\"\nprompt = \"a\"\ntype = \"yes_no\"\ndomain = \"d\"\ncites = "
        "[\"src\", \"scr2\"]\n");
    Diagnostic d = only(r.diagnostics, "dangling-citation");
    at(d, 6, 17);
    CHECK_THAT(d.message,
               Catch::Contains("question 'a' cites 'scr2', but no [[source]] has that id"));
}

TEST_CASE("missing citation", "[diagnostics]") {
    auto r = fixture::load(
        "[[question]]\nid = \"a\"\nprompt = \"a\"\ntype = \"yes_no\"\ndomain = \"d\"\n");
    Diagnostic d = only(r.diagnostics, "missing-citation");
    at(d, 1, 1);  // the [[question]] header
}

TEST_CASE("a level referenced but not defined", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("a") +
                           "[[rule]]\nid = \"r\"\nlevel = \"targetted\"\nsays = \"s\"\nwhen = "
                           "\"a\"\ncites = [\"src\"]\n");
    Diagnostic d = only(r.diagnostics, "unknown-level");
    at(d, 8, 1);
    CHECK_THAT(d.message, Catch::Contains("level 'targetted'"));
    CHECK_THAT(d.message, Catch::Contains("did you mean 'targeted'?"));
}

TEST_CASE("a court test must not be worded as met", "[diagnostics]") {
    auto r =
        fixture::load(fixture::yes_no("a") +
                      "[[route]]\nid = \"s31\"\ntitle = \"s31\"\nsection = \"s31(2)\"\nstandard = "
                      "\"court_satisfied\"\ntest = \"a\"\ncites = [\"src\"]\n");
    Diagnostic d = only(r.diagnostics, "court-test-wording");
    at(d, 8, 1);
}

TEST_CASE("all errors are collected in one pass, sorted by position", "[diagnostics]") {
    auto r =
        fixture::load(fixture::yes_no("a") +
                      "[[rule]]\nid = \"r\"\nlevel = \"nope\"\nsays = \"s\"\nwhen = \"a and "
                      "zz\"\ncites = [\"none\"]\n"
                      "[[fact]]\nid = \"a\"\nlabel = \"dup\"\nwhen = \"a\"\ncites = [\"src\"]\n");
    std::vector<std::string> codes;
    for (const auto& d : r.diagnostics.items())
        codes.push_back(d.code);
    CHECK(r.diagnostics.error_count() >= 4);
    for (const char* code :
         {"unknown-level", "unknown-identifier", "dangling-citation", "duplicate-id"})
        CHECK(std::find(codes.begin(), codes.end(), code) != codes.end());
    const auto& items = r.diagnostics.items();
    CHECK(std::is_sorted(items.begin(), items.end(), [](const Diagnostic& x, const Diagnostic& y) {
        return std::tie(x.file, x.pos.line, x.pos.column) <
               std::tie(y.file, y.pos.line, y.pos.column);
    }));
}

TEST_CASE("warnings: a question nothing reads, a level nothing points to", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("a") + fixture::yes_no("unused") +
                           "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"s\"\nwhen = "
                           "\"a\"\ncites = [\"src\"]\n");
    REQUIRE(r.ok());
    Diagnostic q = only(r.diagnostics, "unused-question");
    at(q, 8, 1);
    CHECK(q.severity == Severity::Warning);
    Diagnostic l = only(r.diagnostics, "unreached-level");
    CHECK(l.file == "rs/base.toml");
    CHECK_THAT(l.message, Catch::Contains("'statutory'"));
}

TEST_CASE("unreachable question and a rule that can never fire", "[diagnostics]") {
    auto r = fixture::load(fixture::number("age") +
                           fixture::yes_no("mobile", "ask_when = \"age < 2 and age > 5\"") +
                           "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"s\"\nwhen = "
                           "\"mobile and age < 1 and age > 3\"\ncites = [\"src\"]\n");
    REQUIRE(r.ok());
    Diagnostics d = r.diagnostics;
    check_unreachable_questions(*r.rules, d);
    Diagnostic q = only(d, "unreachable-question");
    at(q, 8, 1);
    CHECK_THAT(q.message, Catch::Contains("'mobile' is never asked"));
    Diagnostic n = only(d, "never-fires");
    at(n, 15, 1);
}

TEST_CASE("scenario tests naming unknown questions, rules and routes", "[diagnostics]") {
    auto r = fixture::load(fixture::yes_no("a") +
                           "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"s\"\nwhen = "
                           "\"a\"\ncites = [\"src\"]\n"
                           "[[route]]\nid = \"s17\"\ntitle = \"s17\"\nsection = "
                           "\"s17(10)\"\nstandard = \"likely\"\ntest = \"r\"\ncites = [\"src\"]\n");
    REQUIRE(r.ok());
    Diagnostics d;
    load_scenarios_from_text(*r.rules, "rs/tests/t.toml",
                             "[[test]]\nname = \"t\"\n[test.answers]\nb = true\n[test.expect]\n"
                             "level = \"targeted\"\nroutes = { s47 = \"met\" }\nfired = [\"rr\"]\n",
                             d);
    d.sort();
    std::vector<std::string> lines = fixture::messages(d);
    REQUIRE(lines.size() == 3);
    CHECK_THAT(lines[0], Catch::StartsWith("rs/tests/t.toml:4:1: error: unknown question 'b'"));
    CHECK_THAT(lines[1],
               Catch::StartsWith("rs/tests/t.toml:7:12: error: no route has the id 's47'"));
    CHECK_THAT(
        lines[2],
        Catch::StartsWith(
            "rs/tests/t.toml:8:9: error: 'fired' in the expectations of test 't' names 'rr'"));
    CHECK_THAT(lines[2], Catch::Contains("did you mean 'r'?"));
}

TEST_CASE("format: FILE:LINE:COL: error|warning: message [code]", "[diagnostics]") {
    Diagnostic d{"rules/x.toml", {3, 7}, Severity::Warning, "unused-question", "message"};
    CHECK(format_diagnostic(d) == "rules/x.toml:3:7: warning: message [unused-question]");
}

TEST_CASE(
    "did you mean: a swapped pair of letters is one typo; unrelated words get no suggestion") {
    using continuum::engine::closest_match;
    const std::vector<std::string> keys = {"id",   "level",  "domain", "says",
                                           "when", "unless", "cites"};
    CHECK(closest_match("levle", keys) == "level");
    CHECK(closest_match("lvel", keys) == "level");
    CHECK(closest_match("domian", keys) == "domain");
    CHECK(closest_match("citations", keys).empty());
    CHECK(closest_match("level", keys).empty());  // an exact key is not a typo
}

TEST_CASE("a file with a TOML error does not cascade into unknown-name errors elsewhere",
          "[diagnostics]") {
    using continuum::engine::load_ruleset_from_texts;
    auto r = load_ruleset_from_texts(
        "rs", {{"base.toml", fixture::kBase},
               {"questions.toml", fixture::yes_no("a") + "[[question\n"},
               {"rules.toml",
                "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\ndomain = \"d\"\nsays = \"s\"\n"
                "cites = [\"src\"]\nwhen = \"a and b\"\n"}});
    CHECK_FALSE(r.ok());
    auto messages = fixture::messages(r.diagnostics);
    INFO(fmt::format("{}", fmt::join(messages, "\n")));
    CHECK(r.diagnostics.error_count() == 1);
    Diagnostic syntax = only(r.diagnostics, "toml-syntax");
    CHECK(syntax.file == "rs/questions.toml");
    Diagnostic note = only(r.diagnostics, "references-not-checked");
    CHECK(note.severity == Severity::Warning);
    CHECK_THAT(note.message, Catch::Contains("questions.toml could not be read"));

    // Without the syntax error the undefined name is reported as usual.
    auto fixed = load_ruleset_from_texts(
        "rs", {{"base.toml", fixture::kBase},
               {"questions.toml", fixture::yes_no("a")},
               {"rules.toml",
                "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\ndomain = \"d\"\nsays = \"s\"\n"
                "cites = [\"src\"]\nwhen = \"a and b\"\n"}});
    CHECK(only(fixed.diagnostics, "unknown-identifier").message.find("'b'") != std::string::npos);
}
