// Strong Kleene three-valued truth: the logic every condition in a rule set is evaluated in.
// Unknown is a value of its own and is never coerced to false.
#pragma once
#include <cstdint>
#include <string_view>

namespace continuum::engine {

enum class Tri : std::uint8_t { False = 0, True = 1, Unknown = 2 };

constexpr Tri tri(bool b) { return b ? Tri::True : Tri::False; }

constexpr Tri tri_not(Tri a) {
    switch (a) {
        case Tri::False: return Tri::True;
        case Tri::True: return Tri::False;
        default: return Tri::Unknown;
    }
}

// false dominates and; unknown otherwise propagates.
constexpr Tri tri_and(Tri a, Tri b) {
    if (a == Tri::False || b == Tri::False) return Tri::False;
    if (a == Tri::True && b == Tri::True) return Tri::True;
    return Tri::Unknown;
}

// true dominates or; unknown otherwise propagates.
constexpr Tri tri_or(Tri a, Tri b) {
    if (a == Tri::True || b == Tri::True) return Tri::True;
    if (a == Tri::False && b == Tri::False) return Tri::False;
    return Tri::Unknown;
}

constexpr std::string_view to_string(Tri t) {
    switch (t) {
        case Tri::False: return "false";
        case Tri::True: return "true";
        default: return "unknown";
    }
}

}  // namespace continuum::engine
