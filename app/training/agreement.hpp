// Agreement statistics for training sessions: how often raters give the same category, and
// how much of that is more than chance would give.
//
//   percent agreement  share of pairs (a_i, b_i) with a_i == b_i.
//   Cohen's kappa      two raters over the same items (Cohen 1960): (p_o - p_e) / (1 - p_e),
//                      p_e from each rater's own category shares.
//   Fleiss' kappa      many raters per item (Fleiss 1971): P-bar from the pairs of raters
//                      who agree on each item, P_e from the pooled category shares. Items
//                      rated by different numbers of raters are weighted as Fleiss' P_i is
//                      (n_ij(n_ij - 1) / n_i(n_i - 1)), with shares over all ratings; with
//                      equal numbers this is exactly Fleiss' formula.
//
// A kappa is undefined when chance agreement is already certain (everyone used one category):
// the functions then return nothing, and reports print "n/a" rather than a made-up number.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace continuum::report {

// Share of positions where a[i] == b[i]; nothing when there are no pairs.
std::optional<double> percent_agreement(const std::vector<std::string>& a,
                                        const std::vector<std::string>& b);

// Cohen's kappa of two parallel lists of categories (same length).
std::optional<double> cohen_kappa(const std::vector<std::string>& a,
                                  const std::vector<std::string>& b);
// The same from a square table: table[i][j] = items rater A put in i and rater B in j.
std::optional<double> cohen_kappa(const std::vector<std::vector<double>>& table);

// Fleiss' kappa from counts: counts[item][category] = raters who put the item in the category.
// Items with fewer than two ratings carry no agreement and are skipped.
std::optional<double> fleiss_kappa(const std::vector<std::vector<int>>& counts);

// Fleiss' kappa from each item's ratings (any category names, any number of raters each).
std::optional<double> fleiss_kappa(const std::vector<std::vector<std::string>>& ratings);

// Share of pairs of raters who agree on one item (Fleiss' P_i); nothing under two ratings.
std::optional<double> pairwise_agreement(const std::vector<std::string>& ratings);

}  // namespace continuum::report
