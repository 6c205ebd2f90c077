// The family summary: plain English at a reading age of about 11, what happens next with its
// dates, what the family can agree to or refuse, who to contact; never the practitioner's
// notes, the answers, or who told us (golden rule 5); withheld when telling the family could
// put the child at more risk.
#include <catch2/catch.hpp>

#include <regex>

#include "demo_cases.hpp"
#include "engine/evaluate.hpp"
#include "report/family_summary.hpp"

using namespace continuum;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

report::FamilySummary summary(const report::Evaluation& e, report::FamilyAudience who) {
    return report::family_summary(e, who, "Sam Patel, social worker");
}

std::size_t longest_sentence(const std::string& body) {
    std::size_t longest = 0, words = 0;
    bool in_word = false;
    for (char c : body) {
        bool letter = std::isalnum(static_cast<unsigned char>(c)) || c == '\'';
        if (letter && !in_word) ++words;
        in_word = letter;
        if (c == '.' || c == '?' || c == '!' || c == '\n') {
            longest = std::max(longest, words);
            words = 0;
        }
    }
    return std::max(longest, words);
}

}  // namespace

TEST_CASE("the demo cases' family summaries are easy to read", "[family]") {
    for (const auto& name : demo::case_names())
        for (auto who : {report::FamilyAudience::Parents, report::FamilyAudience::YoungPerson}) {
            report::FamilySummary s = summary(demo::evaluate(name), who);
            REQUIRE(s.available);
            std::string body = report::family_body(s);
            double ease = report::flesch_reading_ease(body);
            INFO(name << (who == report::FamilyAudience::Parents ? " (parents)" : " (young person)")
                      << ": Flesch reading ease " << ease);
            CHECK(ease >= 80.0);  // "easy": about a reading age of 11
            CHECK(longest_sentence(body) <= 25);
            // No jargon and no section numbers in what the family reads.
            std::string all = report::family_text(s);
            CHECK_FALSE(std::regex_search(all, std::regex("\\bs ?[0-9]{2}\\b|[Ss]ection|Children "
                                                          "Act|strategy discussion|LADO|ICPC|"
                                                          "threshold|significant harm|s47|s17")));
        }
}

TEST_CASE("the Flesch figure tells easy words from hard ones", "[family]") {
    double easy = report::flesch_reading_ease("We will help you. You can say no. Talk to us.");
    double hard = report::flesch_reading_ease(
        "Notwithstanding the aforementioned considerations, the multi-agency safeguarding "
        "partnership's determination necessitates comprehensive interdisciplinary evaluation.");
    CHECK(easy > 90);
    CHECK(hard < 10);
}

TEST_CASE("the summary says what happens next and by when, and who to contact", "[family]") {
    report::FamilySummary s = summary(demo::evaluate("bruised-baby"),
                                      report::FamilyAudience::Parents);
    std::string text = report::family_body(s);  // unwrapped
    CHECK(contains(text, "A bruise or mark was seen on your baby."));
    CHECK(contains(text, "will talk together by 9:40am on Tuesday 24 November 2026"));
    CHECK(contains(text, "we must find out more even if you do not agree"));
    CHECK(contains(text, "please talk to Sam Patel, social worker"));
    // What they can refuse, and what happens without their agreement.
    std::string refused = report::family_body(
        summary(demo::evaluate("early-help-refused"), report::FamilyAudience::Parents));
    CHECK(contains(refused, "You have said no to the help. That is your choice"));
    CHECK(contains(refused, "even if you do not agree"));
    // The young person's letter speaks to them.
    std::string yp = report::family_body(
        summary(demo::evaluate("homeless-16"), report::FamilyAudience::YoungPerson));
    CHECK(contains(yp, "You need a safe place to live."));
    CHECK(contains(yp, "If you are 16 or 17, you can agree to this yourself."));
}

TEST_CASE("the summary holds nothing private and nothing that shows who told us", "[family]") {
    for (const auto& name : demo::case_names()) {
        report::Evaluation e = demo::evaluate(name);
        audit::DecisionRecord r = demo::decision(e);
        for (auto who : {report::FamilyAudience::Parents, report::FamilyAudience::YoungPerson}) {
            report::FamilySummary s = summary(e, who);
            std::string text = report::family_text(s) + report::family_html(s);
            INFO(name);
            CHECK_FALSE(contains(text, "Dorothy"));
            CHECK_FALSE(contains(text, "alleged abuser"));
            CHECK_FALSE(contains(text, e.kase.ref));
            // Neither the referrer's answer nor any other answer or prompt is repeated.
            const auto& rs = *e.rules;
            for (std::size_t q = 0; q < rs.questions.size(); ++q) {
                CHECK_FALSE(contains(text, rs.questions[q].prompt));
                for (const auto& c : rs.questions[q].choices)
                    if (c.label.size() > 12) CHECK_FALSE(contains(text, c.label));
            }
            CHECK_FALSE(contains(text, "referrer"));
            CHECK_FALSE(contains(text, "health visitor"));
        }
    }
}

TEST_CASE("no summary when telling the family could put the child at more risk", "[family]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    const auto& rs = *e.rules;
    engine::Case c = e.kase;
    std::uint32_t q = rs.question_index("consent_increases_risk");
    c.answers[q].state = engine::AnswerState::Answered;
    c.answers[q].value = engine::Value::boolean(engine::Tri::True);
    report::FamilySummary s =
        summary(report::evaluate_fully(rs, c), report::FamilyAudience::Parents);
    CHECK_FALSE(s.available);
    CHECK(contains(s.why_not, "would increase the risk to the child"));
    CHECK(contains(report::family_text(s), "No family summary"));
    // Not known yet whether it is safe: withheld too, saying what to settle first.
    c.answers[q].state = engine::AnswerState::Unknown;
    report::FamilySummary open =
        summary(report::evaluate_fully(rs, c), report::FamilyAudience::Parents);
    CHECK_FALSE(open.available);
    CHECK(contains(open.why_not, "whether seeking the family's consent would increase the risk"));
}
