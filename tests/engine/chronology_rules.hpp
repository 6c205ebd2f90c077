// A small rule set with a chronology, for the chronology tests: a neglect concern now, and
// rules that read the chronology through each comparison and through days_since.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "engine/case_io.hpp"
#include "engine/chronology_io.hpp"
#include "engine/evaluate.hpp"
#include "fixture.hpp"

namespace chronology_fixture {

using namespace continuum::engine;

inline const char* kTerms = R"TOML(
[chronology]
prompt = "Earlier contacts"
help = "Every earlier contact found"
domain = "e"
cites = ["src"]
sources = [{ id = "police", label = "police" }, { id = "school", label = "school" }, "health"]
categories = [
  { id = "neglect", label = "neglect" },
  { id = "domestic_abuse", label = "domestic abuse" },
  { id = "missing", label = "going missing" },
]
outcomes = [{ id = "nfa", label = "no further action" }, { id = "advice", label = "advice" }]
)TOML";

inline const char* kRules = R"TOML(
[[question]]
id = "neglect_now"
prompt = "Neglect now?"
type = "yes_no"
domain = "d"
cites = ["src"]

[[rule]]
id = "neglect_pattern"
level = "targeted"
says = "Neglect now and three or more earlier contacts about neglect in 12 months"
when = """neglect_now and contacts(category == "neglect", within = "12 months") >= 3"""
cites = ["src"]

[[fact]]
id = "at_least_3"
label = "3 or more"
when = """contacts(category == "neglect", within = "12 months") >= 3"""
cites = ["src"]

[[fact]]
id = "more_than_2"
label = "more than 2"
when = """contacts(category == "neglect", within = "12 months") > 2"""
cites = ["src"]

[[fact]]
id = "fewer_than_3"
label = "fewer than 3"
when = """contacts(category == "neglect", within = "12 months") < 3"""
cites = ["src"]

[[fact]]
id = "at_most_2"
label = "at most 2"
when = """contacts(category == "neglect", within = "12 months") <= 2"""
cites = ["src"]

[[fact]]
id = "exactly_2"
label = "exactly 2"
when = """contacts(category == "neglect", within = "12 months") == 2"""
cites = ["src"]

[[fact]]
id = "not_2"
label = "not 2"
when = """contacts(category == "neglect", within = "12 months") != 2"""
cites = ["src"]

[[fact]]
id = "recent"
label = "last contact within 90 days"
when = "days_since(last_contact()) < 90"
cites = ["src"]

[[fact]]
id = "long_ago"
label = "no contact for more than a year"
when = "days_since(last_contact()) > 365"
cites = ["src"]

[[fact]]
id = "police_nfa"
label = "police contacts ended with no further action"
when = """contacts(source == "police", outcome == "nfa") >= 2"""
cites = ["src"]

[[fact]]
id = "not_missing_or_school"
label = "contacts not about going missing, or from school"
when = """contacts(not category in ["missing"] or source == "school", within = "2 years") >= 1"""
cites = ["src"]

[[fact]]
id = "checked"
label = "every agency checked"
when = "known(chronology)"
cites = ["src"]
)TOML";

// The referral these tests use: Monday 15 June 2026.
inline constexpr const char* kReferral = "2026-06-15T10:30:00";

struct Rules {
    std::shared_ptr<const RuleSet> rules;

    explicit Rules(const std::string& extra = "") {
        auto loaded = load_ruleset_from_texts("rs", {{"base.toml", fixture::kBase},
                                                     {"chronology.toml", kTerms},
                                                     {"rules.toml", std::string(kRules) + extra}});
        for (const auto& m : fixture::messages(loaded.diagnostics))
            INFO(m);
        REQUIRE(loaded.ok());
        rules = loaded.rules;
    }

    // A case with neglect now and the given [chronology] table ("" for none).
    Case with(const std::string& chronology_toml) const {
        Diagnostics d;
        auto c = read_case_toml(*rules, "case.toml",
                                std::string("[case]\nref = \"R-1\"\nreferred_at = ") + kReferral +
                                    "\n\n[answers]\nneglect_now = true\n\n" + chronology_toml,
                                d);
        for (const auto& m : fixture::messages(d))
            INFO(m);
        REQUIRE(c);
        return *c;
    }

    // `n` neglect contacts from police ending in no further action, dated 2026-05-01,
    // 2026-05-02, ... (the last of three is 43 days before the referral).
    static std::string neglect(int n, bool complete) {
        std::string out = std::string("[chronology]\ncomplete = ") + (complete ? "true" : "false") +
                          "\ncontacts = [\n";
        for (int i = 0; i < n; ++i)
            out += "  { date = 2026-05-" + std::string(i + 1 < 10 ? "0" : "") +
                   std::to_string(i + 1) +
                   ", source = \"police\", categories = [\"neglect\"], outcome = \"nfa\" },\n";
        return out + "]\n";
    }

    Tri status(const Outcome& o, const char* id) const {
        return o.slots[rules->symbol(id)->slot].status;
    }
};

}  // namespace chronology_fixture
