// Strong Kleene three-valued truth: the logic every condition in a rule set is evaluated in.
// Unknown is a value of its own and is never coerced to false.
#pragma once
#include <cstdint>
#include <string_view>

namespace continuum::engine {

enum class Tri : std::uint8_t { False = 0, True = 1, Unknown = 2 };

constexpr Tri tri(bool b) {
    return b ? Tri::True : Tri::False;
}

// The connectives are table look-ups rather than branches: evaluation applies them to every
// node of every rule, and which way a branch on a truth value goes cannot be predicted.
namespace tri_tables {
inline constexpr Tri F = Tri::False, T = Tri::True, U = Tri::Unknown;
inline constexpr Tri kNot[3] = {T, F, U};
// false dominates and; unknown otherwise propagates.
inline constexpr Tri kAnd[3][3] = {{F, F, F}, {F, T, U}, {F, U, U}};
// true dominates or; unknown otherwise propagates.
inline constexpr Tri kOr[3][3] = {{F, T, U}, {T, T, T}, {U, T, U}};
}  // namespace tri_tables

constexpr Tri tri_not(Tri a) {
    return tri_tables::kNot[static_cast<std::uint8_t>(a)];
}

constexpr Tri tri_and(Tri a, Tri b) {
    return tri_tables::kAnd[static_cast<std::uint8_t>(a)][static_cast<std::uint8_t>(b)];
}

constexpr Tri tri_or(Tri a, Tri b) {
    return tri_tables::kOr[static_cast<std::uint8_t>(a)][static_cast<std::uint8_t>(b)];
}

constexpr std::string_view to_string(Tri t) {
    switch (t) {
        case Tri::False:
            return "false";
        case Tri::True:
            return "true";
        default:
            return "unknown";
    }
}

}  // namespace continuum::engine
