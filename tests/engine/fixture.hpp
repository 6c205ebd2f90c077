// Small rule sets written inline for engine tests: a fixed base file (ruleset, source, levels,
// domain) plus the file under test, so positions in the file under test are stable.
#pragma once
#include <string>
#include <vector>

#include "engine/case.hpp"
#include "engine/ruleset/load.hpp"

namespace fixture {

inline const char* kBase = R"(
[ruleset]
id = "fixture"
name = "Fixture"
version = "1"

[calendar]
region = "England and Wales"
bank_holidays = [2026-01-01, 2026-04-03, 2026-04-06, 2026-05-04, 2026-05-25, 2026-08-31, 2026-12-25, 2026-12-28]
cites = ["src"]

[[source]]
id = "src"
title = "Source"
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
id = "d"
title = "Domain"

[[domain]]
id = "e"
title = "Other domain"
)";

inline continuum::engine::LoadResult load(const std::string& file_text, const std::string& name = "x.toml") {
    return continuum::engine::load_ruleset_from_texts("rs", {{"base.toml", kBase}, {name, file_text}});
}

// A yes/no question block, for brevity.
inline std::string yes_no(const std::string& id, const std::string& extra = "") {
    return "[[question]]\nid = \"" + id + "\"\nprompt = \"" + id + "?\"\ntype = \"yes_no\"\ndomain = \"d\"\ncites = [\"src\"]\n" + extra + "\n";
}

inline std::string number(const std::string& id, const std::string& extra = "") {
    return "[[question]]\nid = \"" + id + "\"\nprompt = \"" + id + "?\"\ntype = \"number\"\ndomain = \"d\"\ncites = [\"src\"]\n" + extra + "\n";
}

// Sets an answer by question id.
inline void answer(const continuum::engine::RuleSet& rs, continuum::engine::Case& c, const std::string& id,
                   continuum::engine::Value v) {
    auto qi = rs.question_index(id);
    c.answers[qi].state = continuum::engine::AnswerState::Answered;
    c.answers[qi].value = v;
}

inline void unknown(const continuum::engine::RuleSet& rs, continuum::engine::Case& c, const std::string& id) {
    auto qi = rs.question_index(id);
    c.answers[qi].state = continuum::engine::AnswerState::Unknown;
    c.answers[qi].value = continuum::engine::Value::unknown();
}

// "FILE:LINE:COL: severity: message [code]" of every diagnostic, for assertions and messages.
inline std::vector<std::string> messages(const continuum::engine::Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& item : d.items()) out.push_back(continuum::engine::format_diagnostic(item));
    return out;
}

}  // namespace fixture
