#include "diagnostics.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "printable.hpp"

namespace continuum::engine {

std::string format_diagnostic(const Diagnostic& d) {
    const char* sev = d.severity == Severity::Error ? "error" : "warning";
    std::string where = printable(d.file, LineBreaks::Refused);
    if (d.pos.line > 0)
        where += fmt::format(":{}:{}", d.pos.line, std::max<std::uint32_t>(1, d.pos.column));
    return fmt::format("{}: {}: {} [{}]", where, sev, printable(d.message, LineBreaks::Refused),
                       d.code);
}

void Diagnostics::error(std::string file, SourcePos pos, std::string code, std::string message) {
    items_.push_back({std::move(file), pos, Severity::Error, std::move(code), std::move(message)});
}

void Diagnostics::warning(std::string file, SourcePos pos, std::string code, std::string message) {
    items_.push_back(
        {std::move(file), pos, Severity::Warning, std::move(code), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::error_count() const {
    std::size_t n = 0;
    for (const auto& d : items_)
        if (d.severity == Severity::Error) n += 1 + d.more;
    return n;
}

std::size_t Diagnostics::warning_count() const {
    std::size_t n = 0;
    for (const auto& d : items_)
        if (d.severity == Severity::Warning) n += 1 + d.more;
    return n;
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        if (a.file != b.file) return a.file < b.file;
        if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
        if (a.pos.column != b.pos.column) return a.pos.column < b.pos.column;
        return a.severity < b.severity;
    });
    // The same fault reported twice (e.g. through two paths) is noise.
    items_.erase(std::unique(items_.begin(), items_.end(),
                             [](const Diagnostic& a, const Diagnostic& b) {
                                 return a.file == b.file && a.pos.line == b.pos.line &&
                                        a.pos.column == b.pos.column && a.message == b.message;
                             }),
                 items_.end());
}

void Diagnostics::cap_repeats(std::size_t shown, std::size_t threshold) {
    using Key = std::pair<std::string, Severity>;
    std::map<Key, std::size_t> total;
    for (const auto& d : items_)
        total[{d.code, d.severity}] += 1 + d.more;
    if (std::none_of(total.begin(), total.end(),
                     [&](const auto& t) { return t.second > threshold; }))
        return;
    std::map<Key, std::size_t> listed, hidden, summary_at;
    std::vector<Diagnostic> out;
    for (auto& d : items_) {
        Key key{d.code, d.severity};
        const bool capped = total[key] > threshold;
        if (capped && (d.more > 0 || listed[key] >= shown)) {
            hidden[key] += 1 + d.more;
            // The first one not listed gives the summary its place.
            if (summary_at.emplace(key, out.size()).second) out.push_back(std::move(d));
            continue;
        }
        if (capped) ++listed[key];
        out.push_back(std::move(d));
    }
    for (const auto& [key, index] : summary_at) {
        Diagnostic& s = out[index];
        s.more = static_cast<std::uint32_t>(hidden[key] - 1);
        s.message = fmt::format("and {} more like this", thousands(hidden[key]));
    }
    items_ = std::move(out);
}

std::size_t Diagnostics::remove_codes(std::initializer_list<std::string_view> codes) {
    auto before = items_.size();
    std::erase_if(items_, [&](const Diagnostic& d) {
        return std::find(codes.begin(), codes.end(), d.code) != codes.end();
    });
    return before - items_.size();
}

namespace {

// Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`: two
// rows of the table, and the work stops when a whole row is over the limit.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    if (longer - shorter > limit) return limit + 1;
    thread_local std::vector<std::size_t> before, row, next;
    before.assign(b.size() + 1, 0);
    row.assign(b.size() + 1, 0);
    next.assign(b.size() + 1, 0);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        next[0] = i;
        std::size_t best_in_row = next[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, before[j - 2] + 1);
            next[j] = v;
            best_in_row = std::min(best_in_row, v);
        }
        if (best_in_row > limit) return limit + 1;
        std::swap(before, row);
        std::swap(row, next);
    }
    return std::min(row[b.size()], limit + 1);
}

std::size_t typo_limit(std::string_view word) {
    return std::clamp<std::size_t>(word.size() / 3, 1, 4);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    return bounded_distance(a, b, std::max(a.size(), b.size()));
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > kLongestSuggestible) return {};
    const std::size_t limit = typo_limit(word);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        std::size_t d = bounded_distance(word, c, std::min(limit, best_distance));
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    if (best_distance == 0 || best_distance > limit) return {};
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string m = closest_match(word, candidates);
    return m.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", m);
}

Suggester::Suggester(std::vector<std::string> names, std::size_t budget)
    : names_(std::move(names)), budget_(budget) {
    for (std::uint32_t i = 0; i < names_.size(); ++i) {
        const std::size_t n = names_[i].size();
        if (n > kLongestSuggestible + 4) continue;
        if (by_length_.size() <= n) by_length_.resize(n + 1);
        by_length_[n].push_back(i);
    }
}

std::string Suggester::did_you_mean(std::string_view word) {
    if (word.size() > kLongestSuggestible || budget_ == 0) return {};
    if (auto it = asked_.find(std::string(word)); it != asked_.end()) return it->second;
    const std::size_t limit = typo_limit(word);
    std::uint32_t best = 0;
    std::size_t best_distance = limit + 1;
    const std::size_t from = word.size() > limit ? word.size() - limit : 0;
    for (std::size_t len = from; len <= word.size() + limit && len < by_length_.size(); ++len) {
        for (std::uint32_t index : by_length_[len]) {
            // Each comparison costs about one row per letter; a spent budget stops the search
            // (and all later ones) rather than let a hostile file make checking slow.
            const std::size_t cost = word.size() + 1;
            if (budget_ < cost) {
                budget_ = 0;
                return {};
            }
            budget_ -= cost;
            std::size_t d = bounded_distance(word, names_[index], std::min(limit, best_distance));
            // Ties go to the name listed first, as closest_match does.
            if (d < best_distance || (d == best_distance && index < best))
                best_distance = d, best = index;
        }
    }
    std::string hint;
    if (best_distance > 0 && best_distance <= limit)
        hint = fmt::format(" (did you mean '{}'?)", names_[best]);
    asked_.emplace(word, hint);
    return hint;
}

}  // namespace continuum::engine
