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

// The mini rule set, loaded once; it must load cleanly or the target is pointless.
inline const continuum::engine::RuleSet& mini_rules() {
    static const auto loaded = continuum::engine::load_ruleset_from_texts(
        "mini", {{"base.toml", base_text()}, {"rules.toml", rules_text()}});
    if (!loaded.ok()) std::abort();
    return *loaded.rules;
}

}  // namespace fuzzing
