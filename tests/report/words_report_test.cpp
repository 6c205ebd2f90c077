// Explanations in the rule set's words, urgent first, the open level shown as open, the text
// report pasteable (lines of at most 100 characters, no Markdown marks) and the HTML report
// structured for assistive technology and print.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "demo_cases.hpp"
#include "report/decision_report.hpp"
#include "report/evaluation_json.hpp"
#include "report/evaluation_text.hpp"
#include "report/explain.hpp"
#include "report/plain_text.hpp"

using namespace continuum;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t route(const engine::RuleSet& rs, const char* id) { return rs.route_index(id); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("a met route says why in words", "[report][words]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    const auto& rs = *e.rules;
    CHECK(report::route_explanation(e, route(rs, "s47")) ==
          "Met, because there is reasonable cause to suspect significant harm: physical abuse is "
          "suspected: there is a bruise or injury on a child who is not independently mobile.");
    // A precondition nearly every case meets (the child is born) is not worth saying.
    CHECK_FALSE(contains(report::route_explanation(e, route(rs, "s47")), "born"));
}

TEST_CASE("a route that cannot be ruled out names what it turns on", "[report][words]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    CHECK(report::route_explanation(e, route(*e.rules, "s31")) ==
          "Cannot rule out: consider seeking legal planning advice. It turns on whether the harm "
          "has been corroborated and what caused the harm.");
}

TEST_CASE("a route not met says what is missing, from the answers", "[report][words]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    CHECK(report::route_explanation(e, route(*e.rules, "s20")) ==
          "Not met, because the child does not need somewhere to live.");
    report::Evaluation h = demo::evaluate("homeless-16");
    std::string s20 = report::route_explanation(h, route(*h.rules, "s20"));
    // A choice reads by its label, a number with its unit.
    CHECK(contains(s20, "the reason the child needs somewhere to live: asked to leave, or left, "
                        "the family home"));
    CHECK(contains(s20, "the child is 16 years old"));
}

TEST_CASE("what could change this names each question as asked, with the answer",
          "[report][words]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    std::string text = std::regex_replace(report::to_text(e, report::Detail::Summary),
                                          std::regex("\n +"), " ");
    CHECK(contains(text, "If \u201cIs the harm corroborated beyond the referral?\u201d is "
                         "answered \u201cNo\u201d, the finding on care or"));
    nlohmann::json j = report::to_json(e);
    bool said = false;
    for (const auto& t : j["what_could_change"])
        for (const auto& s : t["sets"])
            for (const auto& o : s["options"])
                said = said || contains(o["says"].get<std::string>(), "is answered");
    CHECK(said);
}

TEST_CASE("an open level is shown as open, with what would settle it", "[report][open]") {
    report::Evaluation e = demo::evaluate_blank();
    report::LevelStatus s = report::level_status(e);
    REQUIRE_FALSE(s.settled);
    CHECK(s.at_least == 0);
    CHECK(s.could_be == e.rules->levels.size() - 1);
    std::string headline = report::level_headline(e, s);
    CHECK(std::regex_search(headline,
                            std::regex("^Not yet settled: at least Universal or Community support, "
                                       "could be Statutory Services: answer [0-9]+ questions in "
                                       "Concern and child")));
    // In the text report, as its first line about the level (wrapped at 100 characters).
    std::string text = report::to_text(e, report::Detail::Summary);
    std::string unwrapped = std::regex_replace(text, std::regex("\n +"), " ");
    CHECK(contains(unwrapped, "SUGGESTED LEVEL " + headline));
    nlohmann::json j = report::to_json(e);
    CHECK(j["level"]["settled"] == false);
    CHECK(j["level"]["could_be"] == "statutory");
    CHECK(j["level"]["headline"] == headline);
    CHECK(j["level"]["settle_by_answering"].size() == s.questions.size());
    // A settled level says so.
    report::Evaluation bb = demo::evaluate("bruised-baby");
    CHECK(report::level_status(bb).settled);
    CHECK(report::to_json(bb)["level"]["settled"] == true);
}

TEST_CASE("urgent first: triggers and the first deadline, then the level, then routes",
          "[report][urgent]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    audit::DecisionRecord r = demo::decision(e);
    for (const std::string& text :
         {report::to_text(e, report::Detail::Summary), report::decision_text(e, r, "")}) {
        auto trigger = text.find("Always refer: Bruising or injury in a child who is not");
        auto deadline = text.find("First deadline: Hold a strategy discussion, by 09:40 on "
                                  "Tuesday 24 November 2026");
        auto level = text.find("Statutory Services");
        auto routes = text.find("Enquiries: significant harm");
        REQUIRE(trigger != std::string::npos);
        REQUIRE(deadline != std::string::npos);
        CHECK(trigger < deadline);
        CHECK(deadline < level);
        CHECK(level < routes);
    }
    // Actions earliest first: the strategy discussion (24 hours) before the assessment.
    std::string text = report::to_text(e, report::Detail::Summary);
    CHECK(text.find("Hold a strategy discussion: by") <
          text.find("Complete the social work assessment: by"));
}

TEST_CASE("the text reports paste into a case record: 100 characters a line, no Markdown",
          "[report][text]") {
    for (const auto& name : demo::case_names()) {
        report::Evaluation e = demo::evaluate(name);
        for (const std::string& text :
             {report::to_text(e, report::Detail::Summary), report::to_text(e, report::Detail::Full),
              report::decision_text(e, demo::decision(e), std::string(64, 'b'))}) {
            for (const auto& line : lines_of(text)) {
                INFO(name << ": " << line);
                CHECK(report::text_length(line) <= 100);
                CHECK_FALSE(std::regex_search(line, std::regex("^\\s*(#|[-*] |\\|)")));
                CHECK_FALSE(contains(line, "**"));
                CHECK_FALSE(contains(line, "`"));
            }
        }
    }
}

TEST_CASE("wrapping keeps every word and cuts only what cannot fit", "[report][text]") {
    std::string out;
    report::append_wrapped(out, std::string(150, 'x') + " tail \u201cquoted\u201d", 2, 4, 40);
    for (const auto& line : lines_of(out))
        CHECK(report::text_length(line) <= 40);
    std::string joined;
    for (char c : out)
        if (c != ' ' && c != '\n') joined += c;
    CHECK(joined == std::string(150, 'x') + "tail\u201cquoted\u201d");
}

TEST_CASE("the HTML report: language, landmarks, headings in order, print, no script",
          "[report][html]") {
    report::Evaluation e = demo::evaluate("bruised-baby");
    std::string html = report::decision_html(e, demo::decision(e), "");
    CHECK(contains(html, "<html lang=\"en-GB\">"));
    CHECK(contains(html, "<header>"));
    CHECK(contains(html, "<main>"));
    CHECK(contains(html, "<footer>"));
    CHECK(contains(html, "@media print"));
    CHECK(contains(html, "prefers-color-scheme:dark"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, " on"
                               "click"));
    // One h1, then h2s only: no level skipped.
    std::regex heading("<h([1-6])");
    std::vector<int> levels;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), heading);
         it != std::sregex_iterator(); ++it)
        levels.push_back(std::stoi((*it)[1]));
    REQUIRE(levels.size() > 3);
    CHECK(levels[0] == 1);
    for (std::size_t i = 1; i < levels.size(); ++i)
        CHECK(levels[i] == 2);
    // Urgent comes first, in its own section.
    CHECK(html.find("<h2 id=\"section-1\">Urgent</h2>") != std::string::npos);
    // An open level's headline is as prominent as the level.
    std::string open = report::decision_html(demo::evaluate_blank(),
                                             demo::decision(demo::evaluate_blank()), "");
    CHECK(contains(open, "<p class=\"open\">Not yet settled: at least Universal"));
}
