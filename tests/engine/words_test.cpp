// The words a rule set gives its questions and facts for explanations, and the family
// summary's wording: read where written, wrong ones rejected at their position, missing ones
// warned about by lint, and golden rule 5 enforced on what chooses the family's paragraphs.
#include <catch2/catch.hpp>

#include "engine/ruleset/family.hpp"
#include "engine/ruleset/words.hpp"
#include "fixture.hpp"

using namespace continuum::engine;

namespace {

std::vector<Diagnostic> with_code(const Diagnostics& d, const std::string& code) {
    std::vector<Diagnostic> out;
    for (const auto& item : d.items())
        if (item.code == code) out.push_back(item);
    return out;
}

bool mentions(const std::vector<Diagnostic>& ds, const std::string& part) {
    for (const auto& d : ds)
        if (d.message.find(part) != std::string::npos) return true;
    return false;
}

const char* kWorded = R"([[question]]
id = "harm_corroborated"
prompt = "Is the harm corroborated?"
yes_says = "the harm has been corroborated"
no_says = "the harm has not been corroborated"
open_says = "whether the harm has been corroborated"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "age"
prompt = "Age?"
answer_says = "the child is {answer} old"
open_says = "the child's age"
type = "number"
unit = "years"
domain = "d"
cites = ["src"]

[[fact]]
id = "corroborated"
label = "The harm is corroborated"
yes_says = "the harm is corroborated"
no_says = "the harm is not corroborated"
open_says = "whether the harm is corroborated"
guard = true
when = "harm_corroborated"
cites = ["src"]
)";

}  // namespace

TEST_CASE("words are read from questions and facts", "[words]") {
    auto r = fixture::load(kWorded);
    INFO(fixture::messages(r.diagnostics).size());
    REQUIRE(r.ok());
    const RuleSet& rs = *r.rules;
    const Question& q = rs.questions[rs.question_index("harm_corroborated")];
    CHECK(q.words.yes == "the harm has been corroborated");
    CHECK(q.words.no == "the harm has not been corroborated");
    CHECK(q.words.open == "whether the harm has been corroborated");
    CHECK(rs.questions[rs.question_index("age")].words.answer == "the child is {answer} old");
    CHECK(rs.facts[0].words.open == "whether the harm is corroborated");
    CHECK(rs.facts[0].guard);
    Diagnostics d;
    check_words(rs, d);
    check_family(rs, d);
    CHECK(with_code(d, "missing-words").empty());
    // No family summary in this rule set: lint says so.
    CHECK(with_code(d, "no-family-summary").size() == 1);
}

TEST_CASE("lint warns where a question or fact has no words, at its position", "[words]") {
    auto r =
        fixture::load(fixture::yes_no("bare") + fixture::number("visits") +
                      "[[fact]]\nid = \"f\"\nlabel = \"F\"\nwhen = \"bare\"\ncites = [\"src\"]\n");
    REQUIRE(r.ok());
    Diagnostics d;
    check_words(*r.rules, d);
    auto missing = with_code(d, "missing-words");
    REQUIRE(missing.size() == 3);
    CHECK(mentions(missing, "question 'bare' has no yes_says, no_says, open_says"));
    CHECK(mentions(missing, "question 'visits' has no answer_says, open_says"));
    CHECK(mentions(missing, "fact 'f' has no yes_says, no_says, open_says"));
    for (const auto& m : missing) {
        CHECK(m.severity == Severity::Warning);
        CHECK(m.file == "rs/x.toml");
        CHECK(m.pos.line > 0);
    }
}

TEST_CASE("wrong words are errors at the key", "[words]") {
    SECTION("answer_says without {answer}") {
        auto r = fixture::load(fixture::number("n", "answer_says = \"the number\""));
        auto e = with_code(r.diagnostics, "bad-value");
        REQUIRE(e.size() == 1);
        CHECK(mentions(e, "must say where the answer goes with {answer}"));
        CHECK(e[0].pos.line == 7);
    }
    SECTION("yes_says on a number question") {
        auto r = fixture::load(fixture::number("n", "yes_says = \"it holds\""));
        CHECK(mentions(with_code(r.diagnostics, "bad-value"), "is not a yes/no question"));
    }
    SECTION("answer_says on a yes/no question") {
        auto r = fixture::load(fixture::yes_no("y", "answer_says = \"{answer}\""));
        CHECK(mentions(with_code(r.diagnostics, "bad-value"), "write yes_says and no_says"));
    }
    SECTION("a flag that is not true or false") {
        auto r = fixture::load(fixture::yes_no("y", "protected_source = \"yes\""));
        CHECK(mentions(with_code(r.diagnostics, "wrong-type"), "must be true or false"));
    }
}

namespace {

const char* kLetter = R"(
[family_letter]
title = "T"
opening = "O"
concern_heading = "C"
no_concern = "N"
next_heading = "X"
nothing_next = "Z"
choice_heading = "H"
contact_heading = "K"
contact = "Talk to {contact}."
closing = "Bye."
)";

std::string family_text(const std::string& if_any) {
    return "[[family_text]]\nid = \"t\"\npart = \"concern\"\nif_any = [" + if_any +
           "]\nto_parents = \"Words.\"\n";
}

}  // namespace

TEST_CASE("family texts are chosen by what holds, never by an answer or who told us",
          "[words][family]") {
    const std::string rules =
        fixture::yes_no("told_by_child", "protected_source = true") + fixture::yes_no("hurt") +
        "[[fact]]\nid = \"only_by_telling\"\nlabel = \"L\"\nwhen = \"told_by_child and hurt\"\n"
        "cites = [\"src\"]\n"
        "[[fact]]\nid = \"one_way_of_many\"\nlabel = \"L\"\nwhen = \"told_by_child or hurt\"\n"
        "cites = [\"src\"]\n" +
        std::string(kLetter);
    SECTION("a question's answer") {
        auto r = fixture::load(rules + family_text("\"hurt\""));
        CHECK(mentions(with_code(r.diagnostics, "family-reads-answer"), "choose it by a fact"));
    }
    SECTION("a fact that holds only when a protected answer is given") {
        auto r = fixture::load(rules + family_text("\"only_by_telling\""));
        auto e = with_code(r.diagnostics, "protected-source");
        REQUIRE(e.size() == 1);
        CHECK(mentions(e, "golden rule 5"));
        CHECK(mentions(e, "'told_by_child'"));
    }
    SECTION("a fact the protected answer is only one way to") {
        auto r = fixture::load(rules + family_text("\"one_way_of_many\""));
        CHECK(with_code(r.diagnostics, "protected-source").empty());
        REQUIRE(r.ok());
        CHECK(r.rules->family_texts[0].slots.size() == 1);
    }
    SECTION("an unknown id") {
        auto r = fixture::load(rules + family_text("\"nothing_like_this\""));
        CHECK(mentions(with_code(r.diagnostics, "unknown-identifier"), "nothing_like_this"));
    }
}
