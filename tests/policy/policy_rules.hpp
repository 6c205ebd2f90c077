// Small rule-set pairs with answers worked out by hand, for impact and diff tests. Each is
// the engine tests' fixture base (three levels: universal, targeted, statutory) plus one file.
#pragma once
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/ruleset/load.hpp"
#include "fixture.hpp"

namespace policy {

// Questions a, b (yes/no) and score (0..10); a points to targeted, score >= 8 to statutory;
// route r1 is met when score >= 8.
inline std::string base_rules(const std::string& score_threshold = "8",
                              const std::string& extra = "",
                              const std::string& route_test = "score >= 8") {
    return fixture::yes_no("a") + fixture::yes_no("b") +
           fixture::number("score", "min = 0\nmax = 10") +
           "[[rule]]\nid = \"a_targeted\"\nlevel = \"targeted\"\ndomain = \"d\"\nsays = "
           "\"a\"\nwhen = \"a\"\n"
           "cites = [\"src\"]\n\n"
           "[[rule]]\nid = \"score_high\"\nlevel = \"statutory\"\ndomain = \"d\"\nsays = \"High "
           "score\"\n"
           "when = \"score >= " +
           score_threshold +
           "\"\ncites = [\"src#para 1\"]\n\n"
           "[[route]]\nid = \"r1\"\ntitle = \"Route one\"\nsection = \"s1\"\nstandard = "
           "\"suspect\"\n"
           "test = \"" +
           route_test + "\"\ncites = [\"src\"]\n\n" + extra;
}

inline std::shared_ptr<const continuum::engine::RuleSet> load(const std::string& text) {
    auto loaded = fixture::load(text);
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    return loaded.rules;
}

// Every combination of a in {yes, no}, b in {yes, no, unknown}, score in {2, 5, 9}: 18 cases,
// one JSON line each, in that order (a slowest).
inline std::string grid_library() {
    std::string out;
    int n = 0;
    for (const char* a : {"true", "false"})
        for (const char* b : {"true", "false", "unknown"})
            for (int score : {2, 5, 9}) {
                std::string answers =
                    std::string("\"a\": ") + a + ", \"score\": " + std::to_string(score);
                std::string unknown = "[]";
                if (std::string(b) == "unknown")
                    unknown = "[\"b\"]";
                else
                    answers += std::string(", \"b\": ") + b;
                out += "{\"ref\": \"G-" + std::to_string(++n) +
                       "\", \"referred_at\": \"2026-03-02T10:00:00\", "
                       "\"answers\": {" +
                       answers + "}, \"unknown\": " + unknown + "}\n";
            }
    return out;
}

}  // namespace policy
