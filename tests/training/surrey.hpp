// The shipped Surrey rule set and its training pack, loaded once for the training tests.
#pragma once
#include <catch2/catch.hpp>

#include "engine/ruleset/load.hpp"
#include "training/training_pack.hpp"

namespace training_test {

inline const continuum::engine::RuleSet& surrey() {
    static auto loaded = continuum::engine::load_ruleset(CONTINUUM_SOURCE_DIR "/rules/surrey");
    REQUIRE(loaded.ok());
    return *loaded.rules;
}

inline std::vector<std::string> messages(const continuum::engine::Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& item : d.items())
        out.push_back(continuum::engine::format_diagnostic(item));
    return out;
}

}  // namespace training_test
