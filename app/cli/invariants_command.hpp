// The invariant check behind `continuum test RULESET --invariants N`.
#pragma once
#include <cstdint>
#include <string>

namespace continuum::cli {

// Prints each invariant as held or broken (with its count and a minimal example, written to
// `examples` as <invariant>.toml when a folder is given); returns the exit code.
int run_invariants_check(const std::string& folder, std::size_t count, std::uint64_t seed,
                         const std::string& examples);

}  // namespace continuum::cli
