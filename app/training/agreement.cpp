#include "agreement.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace continuum::report {

namespace {

// Below this, 1 - p_e is taken as zero: chance agreement is certain and kappa undefined.
constexpr double kCertain = 1e-12;

std::vector<int> tally(const std::vector<std::string>& ratings, std::map<std::string, int>& index) {
    std::vector<int> counts(index.size(), 0);
    for (const auto& r : ratings) {
        auto [it, added] = index.emplace(r, static_cast<int>(index.size()));
        if (added) counts.push_back(0);
        ++counts[static_cast<std::size_t>(it->second)];
    }
    return counts;
}

}  // namespace

std::optional<double> percent_agreement(const std::vector<std::string>& a,
                                        const std::vector<std::string>& b) {
    std::size_t n = std::min(a.size(), b.size());
    if (n == 0) return std::nullopt;
    std::size_t same = 0;
    for (std::size_t i = 0; i < n; ++i)
        same += a[i] == b[i];
    return static_cast<double>(same) / static_cast<double>(n);
}

std::optional<double> cohen_kappa(const std::vector<std::vector<double>>& table) {
    std::size_t k = table.size();
    double total = 0, agree = 0;
    std::vector<double> rows(k, 0), cols(k, 0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k && j < table[i].size(); ++j) {
            total += table[i][j];
            rows[i] += table[i][j];
            cols[j] += table[i][j];
            if (i == j) agree += table[i][j];
        }
    if (total <= 0) return std::nullopt;
    double po = agree / total, pe = 0;
    for (std::size_t i = 0; i < k; ++i)
        pe += (rows[i] / total) * (cols[i] / total);
    if (1 - pe < kCertain) return std::nullopt;
    return (po - pe) / (1 - pe);
}

std::optional<double> cohen_kappa(const std::vector<std::string>& a,
                                  const std::vector<std::string>& b) {
    std::size_t n = std::min(a.size(), b.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) {
        index.emplace(a[i], index.size());
        index.emplace(b[i], index.size());
    }
    std::vector<std::vector<double>> table(index.size(), std::vector<double>(index.size(), 0));
    for (std::size_t i = 0; i < n; ++i)
        table[index[a[i]]][index[b[i]]] += 1;
    return cohen_kappa(table);
}

std::optional<double> fleiss_kappa(const std::vector<std::vector<int>>& counts) {
    double p_bar = 0, items = 0, ratings = 0;
    std::vector<double> shares;
    for (const auto& row : counts) {
        double n = 0, pairs = 0;
        for (int c : row) {
            n += c;
            pairs += static_cast<double>(c) * (c - 1);
        }
        if (n < 2) continue;
        p_bar += pairs / (n * (n - 1));
        items += 1;
        ratings += n;
        if (shares.size() < row.size()) shares.resize(row.size(), 0);
        for (std::size_t j = 0; j < row.size(); ++j)
            shares[j] += row[j];
    }
    if (items == 0) return std::nullopt;
    p_bar /= items;
    double p_e = 0;
    for (double s : shares)
        p_e += (s / ratings) * (s / ratings);
    if (1 - p_e < kCertain) return std::nullopt;
    return (p_bar - p_e) / (1 - p_e);
}

std::optional<double> fleiss_kappa(const std::vector<std::vector<std::string>>& ratings) {
    std::map<std::string, int> index;
    std::vector<std::vector<int>> counts;
    for (const auto& item : ratings)
        counts.push_back(tally(item, index));
    for (auto& row : counts)
        row.resize(index.size(), 0);
    return fleiss_kappa(counts);
}

std::optional<double> pairwise_agreement(const std::vector<std::string>& ratings) {
    if (ratings.size() < 2) return std::nullopt;
    std::map<std::string, int> index;
    std::vector<int> counts = tally(ratings, index);
    double n = static_cast<double>(ratings.size()), pairs = 0;
    for (int c : counts)
        pairs += static_cast<double>(c) * (c - 1);
    return pairs / (n * (n - 1));
}

}  // namespace continuum::report
