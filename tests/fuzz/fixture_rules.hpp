// The small rule set the fuzz targets load around their input (tests/cli/data/mini), read once.
#pragma once
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "engine/ruleset/load.hpp"

namespace fuzzing {

inline std::string read_fixture(const char* name) {
    std::ifstream in(std::string(CONTINUUM_SOURCE_DIR) + "/tests/cli/data/mini/" + name,
                     std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline const std::string& base_text() {
    static const std::string text = read_fixture("base.toml");
    return text;
}

inline const std::string& rules_text() {
    static const std::string text = read_fixture("rules.toml");
    return text;
}

// A chronology of earlier contacts for the mini rule set, so conditions may read it through
// contacts(...) and days_since(last_contact(...)) and cases may carry one.
inline const std::string& chronology_text() {
    static const std::string text = R"TOML(
[chronology]
prompt = "Earlier contacts"
domain = "e"
cites = ["src"]
sources = ["police", "school", { id = "health", label = "health visitor" }]
categories = ["neglect", { id = "domestic_abuse", label = "domestic abuse" }, "missing"]
outcomes = [{ id = "nfa", label = "no further action" }, "advice", "s47"]
)TOML";
    return text;
}

// The mini rule set with its chronology, loaded once; it must load cleanly or the target is
// pointless.
inline const continuum::engine::RuleSet& mini_rules() {
    static const auto loaded = continuum::engine::load_ruleset_from_texts(
        "mini", {{"base.toml", base_text()},
                 {"rules.toml", rules_text()},
                 {"chronology.toml", chronology_text()}});
    if (!loaded.ok()) std::abort();
    return *loaded.rules;
}

}  // namespace fuzzing
