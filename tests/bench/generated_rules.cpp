#include "generated_rules.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <random>

namespace bench {

namespace eng = continuum::engine;

namespace {

// Our own draw, not std::uniform_int_distribution: the same seed gives the same rule set on
// every standard library.
struct Draw {
    std::mt19937_64 g;
    explicit Draw(std::uint64_t seed) : g(seed) {}
    int below(int n) { return static_cast<int>(g() % static_cast<std::uint64_t>(n)); }
};

}  // namespace

std::shared_ptr<const eng::RuleSet> must_load(eng::LoadResult loaded, const std::string& what) {
    if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics.items())
            std::cerr << eng::format_diagnostic(d) << "\n";
        std::cerr << what << " did not load\n";
        std::exit(1);
    }
    return loaded.rules;
}

std::string generated_rules_text(int rules, std::uint64_t seed) {
    Draw draw(seed);
    const int questions = std::max(4, rules / 2);
    std::string t = R"([ruleset]
id = "generated"
name = "Generated benchmark rules"
version = "1"

[calendar]
region = "England and Wales"
bank_holidays = [2026-12-25, 2026-12-28]
cites = ["src"]

[[source]]
id = "src"
title = "Synthetic source"
url = "https://example.org"

[[level]]
id = "universal"
name = "Universal"
colour = "#009e73"
cites = ["src"]

[[level]]
id = "targeted"
name = "Targeted"
colour = "#e69f00"
cites = ["src"]

[[level]]
id = "statutory"
name = "Statutory"
colour = "#d55e00"
cites = ["src"]

[[domain]]
id = "a"
title = "Domain A"

[[domain]]
id = "b"
title = "Domain B"
)";
    for (int q = 0; q < questions; ++q) {
        if (q % 5 == 4)
            t += fmt::format(
                "\n[[question]]\nid = \"q{}\"\nprompt = \"Graded {}\"\ntype = \"choice\"\n"
                "choices = [\"none\", \"some\", \"serious\"]\ndomain = \"{}\"\ncites = [\"src\"]\n",
                q, q, q % 2 ? "a" : "b");
        else
            t += fmt::format(
                "\n[[question]]\nid = \"q{}\"\nprompt = \"Question {}?\"\ntype = \"yes_no\"\n"
                "domain = \"{}\"\ncites = [\"src\"]\n",
                q, q, q % 2 ? "a" : "b");
    }
    auto atom = [&](int avoid) {
        int q = draw.below(questions);
        if (q == avoid) q = (q + 1) % questions;
        if (q % 5 == 4) return fmt::format("q{} == \"{}\"", q, draw.below(2) ? "some" : "serious");
        return fmt::format("{}q{}", draw.below(4) == 0 ? "not " : "", q);
    };
    for (int r = 0; r < rules; ++r) {
        int first = draw.below(questions);
        std::string when =
            first % 5 == 4 ? fmt::format("q{} == \"serious\"", first) : fmt::format("q{}", first);
        int terms = 1 + draw.below(3);
        for (int k = 0; k < terms; ++k)
            when = draw.below(2) ? fmt::format("{} and {}", when, atom(first))
                                 : fmt::format("({} or {})", when, atom(first));
        const char* level = r % 3 == 0 ? "statutory" : "targeted";
        t += fmt::format(
            "\n[[rule]]\nid = \"r{}\"\nlevel = \"{}\"\ndomain = \"{}\"\nsays = \"Rule {}\"\n"
            "when = '{}'\n{}cites = [\"src\"]\n",
            r, level, r % 2 ? "a" : "b", r, when,
            r % 4 == 0 ? fmt::format("unless = '{}'\n", atom(first)) : "");
    }
    t += R"(
[[combination]]
id = "several_targeted"
level = "statutory"
says = "Several targeted indicators across domains"
counts_level = "targeted"
at_least = 3
across_domains = 2
cites = ["src"]

[[route]]
id = "s17"
title = "Child in need"
section = "s17"
standard = "likely"
test = "r1 or r2 or several_targeted"
cites = ["src"]

[[route]]
id = "s47"
title = "Significant harm enquiry"
section = "s47"
standard = "suspect"
test = "r0 or r3"
cites = ["src"]
)";
    return t;
}

eng::Case generated_case(const eng::RuleSet& rs, std::uint64_t seed) {
    Draw draw(seed);
    eng::Case c = eng::blank_case(rs);
    c.ref = "BENCH";
    c.referred_at = {eng::day_number(2026, 11, 23), 9 * 3600};
    for (std::size_t i = 0; i < rs.questions.size(); ++i) {
        int roll = draw.below(10);
        if (roll >= 8) continue;  // not asked
        auto& a = c.answers[i];
        if (roll == 7) {
            a.state = eng::AnswerState::Unknown;
            a.value = eng::Value::unknown();
            continue;
        }
        a.state = eng::AnswerState::Answered;
        if (rs.questions[i].choice_ids.empty())
            a.value = eng::Value::boolean(draw.below(3) == 0 ? eng::Tri::True : eng::Tri::False);
        else
            a.value = eng::Value::option(draw.below(3));
    }
    return c;
}

}  // namespace bench
