// The outcome panel in words: no rule or question id in what the practitioner reads (ids only
// in the closed "Technical detail"), urgent first, and an open level shown as open.
#include <catch2/catch.hpp>

#include "harness.hpp"
#include "id_search.hpp"

using namespace ui_test;

namespace {

const std::string kSurrey = std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A Surrey harness with a demo case open and every practitioner explanation expanded.
void open_demo(Harness& h, const std::string& name) {
    std::string error;
    REQUIRE(h.session.open_case(kSurrey + "/cases/" + name + ".toml", error));
    h.session.set_expand_explanations(true);
    h.frames(3);
}

}  // namespace

TEST_CASE("the outcome panel shows no id, only words, for the demo cases", "[ui][words]") {
    for (const char* name :
         {"bruised-baby", "cumulative-neglect", "early-help-refused", "homeless-16"}) {
        Harness h{kSurrey};
        open_demo(h, name);
        INFO(name);
        const auto& rules = *h.state().rules;
        CHECK(id_search::joined(id_search::leaked_ids(rules, h.text)) == "");
        // The ids are a click away for policy officers, not in the practitioner's text.
        CHECK(contains(h.text, "Technical detail"));
        CHECK_FALSE(contains(h.text, "Test: "));
    }
}

TEST_CASE("the outcome panel reads urgent first, then the level, then the routes", "[ui][urgent]") {
    Harness h{kSurrey};
    open_demo(h, "bruised-baby");
    auto trigger = h.text.find("Always refer: Bruising or injury in a child who is not");
    auto deadline = h.text.find("First deadline: Hold a strategy discussion");
    auto level = h.text.find("SUGGESTED LEVEL");
    auto routes = h.text.find("STATUTORY ROUTES");
    REQUIRE(trigger != std::string::npos);
    REQUIRE(deadline != std::string::npos);
    CHECK(trigger < deadline);
    CHECK(deadline < level);
    CHECK(level < routes);
    // Why, in words.
    CHECK(contains(h.text, "Met, because there is reasonable cause to suspect significant harm"));
    CHECK(contains(h.text, "It turns on whether the harm has been corroborated"));
}

TEST_CASE("an open level says so as prominently as the band, with links to settle it",
          "[ui][open]") {
    Harness h{kSurrey};
    h.frames(3);
    CHECK(contains(h.text,
                   "? Not yet settled: at least Universal or Community support, could "
                   "be Statutory Services"));
    REQUIRE(h.shown("settle/concern"));
    h.activate("settle/harm");
    const auto& step = h.state().steps[h.state().step];
    CHECK(h.state().rules->domains[step.domain].id == "harm");
    // Once the case is settled, nothing says it is open.
    Harness settled{kSurrey};
    open_demo(settled, "bruised-baby");
    CHECK_FALSE(contains(settled.text, "Not yet settled"));
}
