// The chronology in the condition language and the rule files: what a policy officer writes,
// and the positioned message for each way of getting it wrong.
#include <catch2/catch.hpp>

#include "chronology_rules.hpp"
#include "engine/chronology.hpp"
#include "engine/expr/parser.hpp"

using namespace continuum::engine;

namespace {

// Errors from loading the chronology terms and one rule with condition `when` (the fixture's
// unreached 'statutory' level is a warning, set aside here).
std::vector<std::string> errors_for(const std::string& when,
                                    const std::string& terms = chronology_fixture::kTerms) {
    std::string rule = "[[rule]]\nid = \"r\"\nlevel = \"targeted\"\nsays = \"x\"\nwhen = '''" +
                       when + "'''\ncites = [\"src\"]\n";
    auto loaded = load_ruleset_from_texts(
        "rs", {{"base.toml", fixture::kBase}, {"chronology.toml", terms}, {"r.toml", rule}});
    std::vector<std::string> errors;
    for (auto& m : fixture::messages(loaded.diagnostics))
        if (m.find(": error: ") != std::string::npos) errors.push_back(std::move(m));
    return errors;
}

bool has(const std::vector<std::string>& messages, const std::string& text) {
    for (const auto& m : messages)
        if (m.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("[chronology] defines the chronology question and its terms", "[chronology][load]") {
    chronology_fixture::Rules r;
    const RuleSet& rs = *r.rules;
    REQUIRE(rs.chronology.declared);
    REQUIRE(rs.chronology.question != kNone);
    const Question& q = rs.questions[rs.chronology.question];
    CHECK(q.id == "chronology");
    CHECK(q.type == AnswerType::Chronology);
    CHECK(q.domain == "e");
    CHECK(rs.chronology.source_ids == std::vector<std::string>{"police", "school", "health"});
    CHECK(rs.chronology.sources[2].label == "health");  // a bare id is its own label
    CHECK(rs.chronology.outcomes[0].label == "no further action");
}

TEST_CASE("a well-formed aggregate compiles; the forms a policy officer writes", "[chronology]") {
    for (const char* ok :
         {"contacts() >= 1", "contacts(within = \"6 months\") >= 2",
          "contacts(category in [\"neglect\", \"missing\"], within = \"1 year\") >= 3",
          "contacts(outcome == \"nfa\", within = \"90 days\") >= 2 and true",
          "contacts(source != \"police\", not category == \"missing\") == 0",
          "days_since(last_contact()) < 90",
          "days_since(last_contact(outcome == \"nfa\" or source == \"school\")) <= 365",
          "contacts(\"neglect\" == category) in [1, 2]", "known(chronology)"}) {
        INFO(ok);
        CHECK(errors_for(ok).empty());
    }
}

TEST_CASE("a malformed window says where and what was meant", "[chronology][diagnostics]") {
    // The rule's condition starts on line 5, column 11 (after `when = '''`); the message points
    // at "monts", inside the quotes.
    auto m = errors_for("contacts(within = \"12 monts\") >= 3");
    REQUIRE(m.size() == 1);
    CHECK(m[0] ==
          "rs/r.toml:5:33: error: in 'when' of rule 'r': \"12 monts\" is not a period: "
          "did you mean \"12 months\"? [bad-window]");
    CHECK(has(errors_for("contacts(within = \"twelve months\") >= 3"),
              "write a whole number and days, weeks, months or years"));
    CHECK(has(errors_for("contacts(within = \"12\") >= 3"), "has no unit"));
    CHECK(has(errors_for("contacts(within = \"0 months\") >= 3"), "holds no contact"));
    CHECK(has(errors_for("contacts(within = \"1.5 years\") >= 3"), "not a whole number"));
    CHECK(has(errors_for("contacts(within = \"200 years\") >= 3"), "longer than a child's life"));
    CHECK(has(errors_for("contacts(within = 12) >= 3"), "within takes a quoted period"));
    CHECK(has(errors_for("contacts(within = \"6 months\", within = \"1 year\") >= 3"),
              "within is given twice"));
}

TEST_CASE("unknown terms, fields and arguments are named with a suggestion",
          "[chronology][diagnostics]") {
    auto m = errors_for("contacts(category == \"neglct\") >= 3");
    REQUIRE(m.size() == 1);
    CHECK(m[0] ==
          "rs/r.toml:5:32: error: in 'when' of rule 'r': \"neglct\" is not a category of "
          "the chronology (did you mean 'neglect'?); its categories are \"neglect\", "
          "\"domestic_abuse\", \"missing\" [unknown-term]");
    CHECK(has(errors_for("contacts(outcome == \"nfa2\") >= 1"),
              "\"nfa2\" is not a outcome of the chronology (did you mean 'nfa'?)"));
    CHECK(has(errors_for("contacts(source in [\"polise\"]) >= 1"), "did you mean 'police'?"));
    CHECK(has(errors_for("contacts(categry == \"neglect\") >= 1"),
              "not 'categry' (did you mean 'category'?)"));
    CHECK(has(errors_for("contacts(category < \"neglect\") >= 1"),
              "can only be compared with '==', '!=' or 'in [...]'"));
    CHECK(has(errors_for("contacts(neglect) >= 1"), "is not a filter on a contact"));
    CHECK(has(errors_for("contacts(withn = \"6 months\") >= 1"),
              "has no argument 'withn' (did you mean 'within'?)"));
    CHECK(has(errors_for("days_since(last_contact(within = \"6 months\")) < 9"),
              "last_contact(...) takes no window"));
    CHECK(has(errors_for("last_contact() < 9"), "use it as days_since(last_contact(...))"));
    CHECK(has(errors_for("count(a = 2) >= 1"), "count(...) takes no named argument 'a'"));
    CHECK(has(errors_for("chronology"), "the chronology is read through contacts(...)"));
    CHECK(has(errors_for("contacts() >= \"3\""), "cannot compare a number with a quoted text"));
    CHECK(has(errors_for("contacts()"), "needs a yes/no condition"));
}

TEST_CASE("a lone '=' is still refused as a mistyped '=='", "[chronology][diagnostics]") {
    auto parsed = expr::parse("a = 2");
    CHECK_FALSE(parsed.ok);
    CHECK(parsed.error == "'=' is not an operator here: write '==' to compare");
    CHECK(parsed.error_offset == 2);
    CHECK(expr::parse("contacts(within = \"6 months\") >= 2").ok);
    CHECK_FALSE(expr::parse("(a = 2)").ok);
}

TEST_CASE("aggregates need a [chronology]; terms are checked", "[chronology][diagnostics]") {
    auto m = errors_for("contacts() >= 1", "");
    REQUIRE(m.size() == 1);
    CHECK(has(m,
              "contacts(...) reads the chronology of earlier contacts, but this rule set "
              "defines no [chronology] [no-chronology]"));
    // Twice in one file is a TOML error; in two files of one rule set, the loader's.
    auto twice = load_ruleset_from_texts("rs", {{"base.toml", fixture::kBase},
                                                {"chronology.toml", chronology_fixture::kTerms},
                                                {"more.toml", chronology_fixture::kTerms}});
    CHECK(has(fixture::messages(twice.diagnostics), "[chronology] is defined more than once"));
    CHECK(has(errors_for("true",
                         "[chronology]\nprompt = \"x\"\ndomain = \"e\"\ncites = [\"src\"]\n"
                         "sources = [\"Police\", \"police\", \"police\"]\ncategories = []\n"
                         "outcomes = [\"nfa\"]\n"),
              "'Police' cannot be a term id"));
    CHECK(has(errors_for("true",
                         "[chronology]\nprompt = \"x\"\ndomain = \"e\"\ncites = [\"src\"]\n"
                         "sources = [\"police\", \"police\"]\ncategories = [\"a\"]\n"
                         "outcomes = [\"nfa\"]\n"),
              "'police' appears twice in 'sources'"));
    CHECK(has(errors_for("true",
                         "[chronology]\nprompt = \"x\"\ndomain = \"e\"\ncites = [\"src\"]\n"
                         "sources = [\"police\"]\noutcomes = [\"nfa\"]\n"),
              "[chronology] needs 'categories'"));
    CHECK(has(errors_for("true",
                         "[chronology]\nprompt = \"x\"\ndomain = \"nowhere\"\ncites = "
                         "[\"src\"]\nsources = [\"a\"]\ncategories = [\"b\"]\noutcomes = "
                         "[\"c\"]\n"),
              "names domain 'nowhere'"));
}

TEST_CASE("windows are read and written in words", "[chronology]") {
    std::string problem;
    std::uint32_t at = 0;
    auto w = parse_window("12 months", problem, at);
    REQUIRE(w);
    CHECK(*w == Window{WindowUnit::Months, 12});
    CHECK(window_text(*w) == "12 months");
    CHECK(window_words(*w) == "in the 12 months before the referral");
    CHECK(window_words(*parse_window("1 year", problem, at)) == "in the year before the referral");
    CHECK(window_text(*parse_window(" 1 Weeks ", problem, at)) == "1 week");
    CHECK_FALSE(parse_window("12 monts", problem, at));
    CHECK(at == 3);
    CHECK_FALSE(parse_window("12 months ago", problem, at));
    CHECK(at == 10);
}
