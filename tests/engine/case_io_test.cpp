// Reading cases: every fault positioned and named, nothing guessed; writing and reading back
// gives the same case.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/case_io.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

TEST_CASE("a well-formed case file", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    auto c = read_case_toml(
        *f.rules, "case.toml",
        "[case]\nref = \"C-1\"\nreferred_at = 2026-11-23T09:40:00\nunknown = [\"mobile\"]\n\n"
        "[answers]\nage_months = 5\nbruising = true\ndv = \"conflict\"\n",
        d);
    REQUIRE(c);
    CHECK(d.empty());
    CHECK(c->ref == "C-1");
    CHECK(format_date_time(c->referred_at) == "2026-11-23T09:40:00");
    const auto& q = [&](const char* id) -> const Answer& {
        return c->answers[f.rules->question_index(id)];
    };
    CHECK(q("age_months").state == AnswerState::Answered);
    CHECK(q("age_months").value.lo == 5);
    CHECK(q("bruising").value.truth == Tri::True);
    CHECK(q("dv").value.choice == 1);
    CHECK(q("mobile").state == AnswerState::Unknown);
    CHECK(q("support").state == AnswerState::NotAsked);
}

TEST_CASE("case faults: each positioned, all reported together", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    auto c = read_case_toml(*f.rules, "case.toml",
                            "[case]\nref = \"C-1\"\nreferred_at = 2026-11-23T09:40:00\nunknown = "
                            "[\"bruising\", \"nope\"]\n\n"
                            "[answers]\nage_months = \"five\"\nbruising = true\ndv = "
                            "\"conflcit\"\nbruisng = true\nage_month = 3\n"
                            "support = 1\n",
                            d);
    CHECK_FALSE(c);
    d.sort();
    auto lines = fixture::messages(d);
    for (const auto& l : lines)
        INFO(l);
    REQUIRE(lines.size() == 7);
    CHECK_THAT(
        lines[0],
        Catch::StartsWith(
            "case.toml:4:12: error: question 'bruising' is both answered and listed as unknown"));
    CHECK_THAT(lines[1], Catch::StartsWith("case.toml:4:24: error: unknown question 'nope'"));
    CHECK_THAT(lines[2], Catch::StartsWith(
                             "case.toml:7:14: error: question 'age_months' is a number question"));
    CHECK_THAT(lines[3], Catch::StartsWith("case.toml:9:6: error: question 'dv' has no choice "
                                           "\"conflcit\" (did you mean 'conflict'?)"));
    CHECK_THAT(lines[4],
               Catch::StartsWith(
                   "case.toml:10:1: error: unknown question 'bruisng' (did you mean 'bruising'?)"));
    CHECK_THAT(
        lines[5],
        Catch::StartsWith(
            "case.toml:11:1: error: unknown question 'age_month' (did you mean 'age_months'?)"));
    CHECK_THAT(lines[6], Catch::StartsWith(
                             "case.toml:12:11: error: question 'support' is a yes/no question"));
}

TEST_CASE("numbers outside a question's range are refused", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    auto c = read_case_toml(
        *f.rules, "c.toml",
        "[case]\nref = \"x\"\nreferred_at = 2026-11-23T09:40:00\n[answers]\nage_months = 300\n", d);
    CHECK_FALSE(c);
    CHECK_THAT(fixture::messages(d).at(0), Catch::Contains("must be at most 216"));
}

TEST_CASE("a case without its referral time, or not TOML at all", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    CHECK_FALSE(read_case_toml(*f.rules, "c.toml", "[case]\nref = \"x\"\n", d));
    CHECK_THAT(fixture::messages(d).at(0), Catch::Contains("needs 'referred_at'"));
    Diagnostics d2;
    CHECK_FALSE(read_case_toml(*f.rules, "c.toml", "[case\nref = 1", d2));
    CHECK_THAT(fixture::messages(d2).at(0), Catch::StartsWith("c.toml:1:"));
    CHECK(d2.items().at(0).code == "toml-syntax");
    Diagnostics d3;
    CHECK_FALSE(read_case_toml(*f.rules, "c.toml", "", d3));
    CHECK_THAT(fixture::messages(d3).at(0), Catch::Contains("needs a [case] table"));
}

TEST_CASE("a derived id given as an answer is explained", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    read_case_toml(*f.rules, "c.toml",
                   "[case]\nref = \"x\"\nreferred_at = "
                   "2026-11-23T09:40:00\n[answers]\nnon_mobile_bruising = true\n",
                   d);
    CHECK_THAT(fixture::messages(d).at(0),
               Catch::Contains("worked out by the rules, not answered"));
}

TEST_CASE("write and read back: TOML and JSON give the same case", "[case]") {
    mini::Fixture f;
    f.num("age_months", 5)
        .yes("bruising")
        .unknown("mobile")
        .choice("dv", "persistent")
        .no("support");
    f.c.ref = "C-\"quoted\"";
    Diagnostics d;
    auto from_toml = read_case_toml(*f.rules, "c.toml", case_to_toml(*f.rules, f.c), d);
    for (const auto& m : fixture::messages(d))
        INFO(m);
    REQUIRE(from_toml);
    auto from_json =
        read_case_json(*f.rules, case_to_json(*f.rules, f.c).dump(), "lib.jsonl", 1, d);
    REQUIRE(from_json);
    for (const Case* c : {&*from_toml, &*from_json}) {
        CHECK(c->ref == f.c.ref);
        CHECK(c->referred_at == f.c.referred_at);
        for (std::size_t i = 0; i < f.c.answers.size(); ++i) {
            INFO(f.rules->questions[i].id);
            CHECK(c->answers[i].state == f.c.answers[i].state);
            CHECK(c->answers[i].value.known == f.c.answers[i].value.known);
            CHECK(c->answers[i].value.lo == f.c.answers[i].value.lo);
            CHECK(c->answers[i].value.choice == f.c.answers[i].value.choice);
            CHECK(c->answers[i].value.truth == f.c.answers[i].value.truth);
        }
    }
}

TEST_CASE("JSON case lines: faults name the line", "[case]") {
    mini::Fixture f;
    Diagnostics d;
    CHECK_FALSE(read_case_json(
        *f.rules,
        "{\"ref\": \"x\", \"referred_at\": \"2026-11-23T09:40:00\", \"answers\": {\"nope\": true}}",
        "lib.jsonl", 42, d));
    CHECK_THAT(fixture::messages(d).at(0),
               Catch::StartsWith("lib.jsonl:42:1: error: unknown question 'nope'"));
    Diagnostics d2;
    CHECK_FALSE(read_case_json(*f.rules, "not json", "lib.jsonl", 7, d2));
    CHECK_THAT(fixture::messages(d2).at(0),
               Catch::StartsWith("lib.jsonl:7:1: error: this line is not valid JSON"));
}

TEST_CASE("a case with thousands of faults reports the first 50, then how many were not checked",
          "[case]") {
    mini::Fixture f;
    std::string toml = "[case]\nref = \"C-1\"\nreferred_at = 2026-11-23T09:40:00\n\n[answers]\n";
    nlohmann::json answers = nlohmann::json::object();
    for (int i = 0; i < 5000; ++i) {
        toml += "nope_" + std::to_string(10000 + i) + " = true\n";  // sorted as written
        answers["nope_" + std::to_string(10000 + i)] = true;
    }
    auto check = [](const Diagnostics& d, std::size_t line_of_first_unchecked) {
        REQUIRE(d.items().size() == 51);
        for (std::size_t i = 0; i < 50; ++i)
            CHECK(d.items()[i].code == "unknown-question");
        const Diagnostic& last = d.items().back();
        CHECK(last.code == "too-many-errors");
        CHECK(last.message == "stopped after 50 problems: 4950 more entries were not checked");
        CHECK(last.pos.line == line_of_first_unchecked);
    };
    Diagnostics dt;
    CHECK_FALSE(read_case_toml(*f.rules, "case.toml", toml, dt));
    check(dt, 6 + 50);  // [answers] is line 5; the 51st answer is on line 56
    Diagnostics dj;
    nlohmann::json j = {
        {"ref", "C-1"}, {"referred_at", "2026-11-23T09:40:00"}, {"answers", answers}};
    CHECK_FALSE(read_case_json_object(*f.rules, j, "cases.jsonl", 7, dj));
    check(dj, 7);
}
