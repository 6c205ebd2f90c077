// A fact's value during evaluation. Numbers and dates are closed intervals so that an
// unknown number ([-inf, +inf]) and a count over unknowns ([true, true + unknown]) compare
// with the same three-valued rules as a known number (a point).
#pragma once
#include <cstdint>
#include <limits>

#include "tri.hpp"

namespace continuum::engine {

enum class ValueType : std::uint8_t { Bool, Number, Choice, Date, Text };

struct Value {
    static constexpr double kInf = std::numeric_limits<double>::infinity();

    // Ordered so the struct packs into 24 bytes: evaluation writes one per node.
    Tri truth = Tri::Unknown;  // Bool
    bool known = false;        // answered / determined
    std::int32_t choice = -1;  // Choice: index into the question's choices
    double lo = -kInf;         // Number and Date (dates are days since 1970-01-01)
    double hi = kInf;

    static Value unknown() { return {}; }
    static Value boolean(Tri t) {
        Value v;
        v.truth = t;
        v.known = t != Tri::Unknown;
        return v;
    }
    static Value number(double n) {
        Value v;
        v.lo = v.hi = n;
        v.known = true;
        return v;
    }
    static Value range(double lo, double hi) {
        Value v;
        v.lo = lo;
        v.hi = hi;
        v.known = lo == hi;
        return v;
    }
    static Value option(std::int32_t index) {
        Value v;
        v.choice = index;
        v.known = index >= 0;
        return v;
    }
    static Value text_present() {
        Value v;
        v.known = true;
        return v;
    }
};

}  // namespace continuum::engine
