// Every cell of the strong Kleene truth tables for not, and, or.
#include <catch2/catch.hpp>

#include "engine/tri.hpp"

using continuum::engine::Tri;
using namespace continuum::engine;

namespace {
constexpr Tri F = Tri::False, T = Tri::True, U = Tri::Unknown;
}

TEST_CASE("not: false <-> true, unknown stays unknown", "[tri]") {
    CHECK(tri_not(F) == T);
    CHECK(tri_not(T) == F);
    CHECK(tri_not(U) == U);
}

TEST_CASE("and: false dominates, otherwise unknown propagates", "[tri]") {
    const Tri table[3][3] = {
        //          F  T  U
        /* F */ {F, F, F},
        /* T */ {F, T, U},
        /* U */ {F, U, U},
    };
    const Tri values[3] = {F, T, U};
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) {
            INFO(to_string(values[a]) << " and " << to_string(values[b]));
            CHECK(tri_and(values[a], values[b]) == table[a][b]);
        }
}

TEST_CASE("or: true dominates, otherwise unknown propagates", "[tri]") {
    const Tri table[3][3] = {
        //          F  T  U
        /* F */ {F, T, U},
        /* T */ {T, T, T},
        /* U */ {U, T, U},
    };
    const Tri values[3] = {F, T, U};
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) {
            INFO(to_string(values[a]) << " or " << to_string(values[b]));
            CHECK(tri_or(values[a], values[b]) == table[a][b]);
        }
}
