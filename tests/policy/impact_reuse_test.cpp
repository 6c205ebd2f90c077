// Impact analysis reads every line of a library into the same two cases (one per rule set), to
// save allocating them line by line: a line's result must be what that line alone gives, after
// a line answering nearly everything, through the fast reader, the careful one, and a line
// both refuse; whether the candidate's answers are carried over or read again.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/case_json_fast.hpp"
#include "policy/impact.hpp"
#include "policy/impact_render.hpp"
#include "reuse_library.hpp"

using namespace continuum::engine;

namespace {

std::shared_ptr<const RuleSet> rules(const std::string& neglect_threshold,
                                     const std::string& siblings_max) {
    std::string text = chronology_fixture::kRules;
    const std::string at = R"(within = "12 months") >= 3""")";
    text.replace(text.find(at), at.size(),
                 R"(within = "12 months") >= )" + neglect_threshold + R"(""")");
    auto loaded = load_ruleset_from_texts(
        "rs", {{"base.toml", fixture::kBase},
               {"chronology.toml", chronology_fixture::kTerms},
               {"rules.toml", text + reuse::kQuestions + reuse::siblings_question(siblings_max)}});
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    return loaded.rules;
}

// The case's entry in the report's JSON (null when it did not change), without its line.
nlohmann::json entry(const ImpactReport& r, const std::string& ref) {
    const nlohmann::json report = continuum::report::to_json(r);
    for (auto c : report["cases"]) {
        if (c["ref"] != ref) continue;
        c.erase("line");
        return c;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("impact gives each line the result of that line alone", "[impact][reuse]") {
    auto base = rules("3", "10");
    // Neglect needs two earlier contacts instead of three: the full lines (two contacts) move.
    // With `siblings` up to 12 the candidate's answers are read again, not carried over.
    const std::string max = GENERATE("10", "12");
    auto cand = rules("2", max);
    INFO("siblings up to " << max);
    std::string library;
    for (const auto& line : reuse::lines())
        library += line + "\n";
    ImpactReport all = analyse_impact(*base, *cand, library, {"cases.jsonl", 1});
    CHECK(all.lines == 8);
    CHECK(all.failed == 1);  // R-5

    FastCaseReader fast(*base);
    for (const auto& line : reuse::lines()) {
        const std::string ref = nlohmann::json::parse(line)["ref"];
        INFO(line);
        ImpactReport alone = analyse_impact(*base, *cand, line + "\n", {"cases.jsonl", 1});
        CHECK(entry(all, ref) == entry(alone, ref));
        // A full line changes; a sparse one does not, so a full line's answers left over in
        // the next would show. The "Z" lines took the careful reader's way.
        if (ref[0] == 'F') CHECK_FALSE(entry(alone, ref).is_null());
        if (ref[0] == 'S') CHECK(entry(alone, ref).is_null());
        Case c;
        CHECK(fast.read(line, line.size(), c) ==
              (line.find("Z\"") == std::string::npos && ref[0] != 'R'));
    }
}
