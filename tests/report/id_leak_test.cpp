// No rule or question id reaches what a practitioner, a manager or a family reads: the demo
// cases' text report, decision report (text and HTML), eval text and family summaries are
// searched for every id the rule set defines (id_search.hpp).
#include <catch2/catch.hpp>

#include "demo_cases.hpp"
#include "id_search.hpp"
#include "report/decision_report.hpp"
#include "report/evaluation_text.hpp"
#include "report/family_summary.hpp"

using namespace continuum;
using id_search::joined;
using id_search::leaked_ids;
using id_search::searchable_ids;

TEST_CASE("the id search finds an id, so that a leak would fail these tests", "[report][ids]") {
    const auto& rs = *demo::surrey();
    // Nearly every id is searchable: only ordinary words ("harm", "consent") are not.
    CHECK(searchable_ids(rs).size() > 300);
    CHECK(leaked_ids(rs, "open: the answers to harm_corroborated, harm_cause would settle it") ==
          std::vector<std::string>{"harm_cause", "harm_corroborated"});
    // "born" is also an ordinary word of the wording, so only the two others count.
    CHECK(joined(leaked_ids(rs, "why: born and (disabled_child or any_intensive_indicator)")) ==
          "any_intensive_indicator, disabled_child");
    CHECK(leaked_ids(rs, "Met, because the harm has been corroborated.").empty());
}

TEST_CASE("no id in the demo cases' reports, eval text or family summaries", "[report][ids]") {
    const auto& rs = *demo::surrey();
    for (const auto& name : demo::case_names()) {
        report::Evaluation e = demo::evaluate(name);
        audit::DecisionRecord r = demo::decision(e);
        const std::pair<const char*, std::string> outputs[] = {
            {"eval text", report::to_text(e, report::Detail::Summary)},
            {"decision text", report::decision_text(e, r, std::string(64, 'b'))},
            {"decision HTML", report::decision_html(e, r, std::string(64, 'b'))},
            {"family (parents)",
             report::family_text(report::family_summary(e, report::FamilyAudience::Parents,
                                                        "Sam Patel, social worker"))},
            {"family (young person)",
             report::family_text(report::family_summary(e, report::FamilyAudience::YoungPerson,
                                                        "Sam Patel, social worker"))},
            {"family HTML",
             report::family_html(report::family_summary(e, report::FamilyAudience::Parents, ""))},
        };
        for (const auto& [what, text] : outputs) {
            INFO(name << ", " << what);
            CHECK(joined(leaked_ids(rs, text)) == "");
        }
        // The technical detail, asked for with --full, keeps them: that is where they belong.
        CHECK_FALSE(leaked_ids(rs, report::to_text(e, report::Detail::Full)).empty());
    }
    report::Evaluation blank = demo::evaluate_blank();
    CHECK(joined(leaked_ids(rs, report::to_text(blank, report::Detail::Summary))) == "");
}
