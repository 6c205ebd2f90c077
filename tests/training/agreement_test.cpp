// Kappa and percent agreement against published worked examples.
#include <catch2/catch.hpp>

#include "training/agreement.hpp"

using namespace continuum::report;

TEST_CASE("Fleiss 1971: six psychiatrists' diagnoses of thirty patients give kappa 0.430",
          "[agreement]") {
    // Fleiss (1971), Table 1, as raw ratings (category 1-5 per rater), from the irr package's
    // `diagnoses`; kappam.fleiss gives 0.4302445.
    const int ratings[30][6] = {
        {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
        {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
        {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
        {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
        {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
        {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
        {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
        {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}};
    std::vector<std::vector<std::string>> items;
    std::vector<std::vector<int>> counts;
    std::vector<int> totals(5, 0);
    for (const auto& row : ratings) {
        std::vector<std::string> item;
        std::vector<int> c(5, 0);
        for (int r : row) {
            item.push_back(std::to_string(r));
            ++c[r - 1];
            ++totals[r - 1];
        }
        items.push_back(item);
        counts.push_back(c);
    }
    CHECK(totals == std::vector<int>{26, 26, 30, 55, 43});  // the table's column sums
    CHECK(*fleiss_kappa(counts) == Approx(0.4302445).margin(1e-7));
    CHECK(*fleiss_kappa(items) == Approx(0.4302445).margin(1e-7));
}

TEST_CASE("Wikipedia's Fleiss example: 10 subjects, 14 raters, 5 categories gives 0.210",
          "[agreement]") {
    std::vector<std::vector<int>> counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    CHECK(*fleiss_kappa(counts) == Approx(0.20993).margin(5e-5));
    // P_i of the second subject, as the worked example gives it.
    std::vector<std::string> second = {"b", "b", "c", "c", "c", "c", "c",
                                       "c", "d", "d", "d", "d", "e", "e"};
    CHECK(*pairwise_agreement(second) == Approx(0.253).margin(5e-4));
}

TEST_CASE("Wikipedia's Cohen example: 50 proposals, two readers, gives 0.4", "[agreement]") {
    // A yes / B yes 20, A yes / B no 5, A no / B yes 10, both no 15: p_o = 0.7, p_e = 0.5.
    CHECK(*cohen_kappa(std::vector<std::vector<double>>{{20, 5}, {10, 15}}) == Approx(0.4));
    std::vector<std::string> a, b;
    auto add = [&](int n, const char* x, const char* y) {
        for (int i = 0; i < n; ++i)
            a.push_back(x), b.push_back(y);
    };
    add(20, "yes", "yes");
    add(5, "yes", "no");
    add(10, "no", "yes");
    add(15, "no", "no");
    CHECK(*cohen_kappa(a, b) == Approx(0.4));
    CHECK(*percent_agreement(a, b) == Approx(0.7));
}

TEST_CASE("SAS's three-category Cohen example gives 0.4842", "[agreement]") {
    CHECK(*cohen_kappa(std::vector<std::vector<double>>{{0, 4, 1}, {0, 8, 0}, {0, 1, 5}}) ==
          Approx(0.4842).margin(5e-5));
}

TEST_CASE("kappa is undefined, not invented, when everyone used one category", "[agreement]") {
    std::vector<std::string> same(5, "met");
    CHECK_FALSE(cohen_kappa(same, same).has_value());
    CHECK(*percent_agreement(same, same) == 1.0);
    CHECK_FALSE(fleiss_kappa(std::vector<std::vector<std::string>>{same, same}).has_value());
    CHECK_FALSE(percent_agreement({}, {}).has_value());
    CHECK_FALSE(pairwise_agreement({"met"}).has_value());
}

TEST_CASE("perfect disagreement gives a negative kappa", "[agreement]") {
    CHECK(*cohen_kappa({"a", "b", "a", "b"}, {"b", "a", "b", "a"}) == Approx(-1.0));
    CHECK(*fleiss_kappa(std::vector<std::vector<std::string>>{{"a", "b"}, {"a", "b"}}) ==
          Approx(-1.0));
}
