#include "diagnostics.hpp"

#include <fmt/format.h>
#include <algorithm>

namespace continuum::engine {

std::string format_diagnostic(const Diagnostic& d) {
    const char* sev = d.severity == Severity::Error ? "error" : "warning";
    std::string where = d.file;
    if (d.pos.line > 0)
        where += fmt::format(":{}:{}", d.pos.line, std::max<std::uint32_t>(1, d.pos.column));
    return fmt::format("{}: {}: {} [{}]", where, sev, d.message, d.code);
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
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
    return items_.size() - error_count();
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

std::size_t Diagnostics::remove_codes(std::initializer_list<std::string_view> codes) {
    auto before = items_.size();
    std::erase_if(items_, [&](const Diagnostic& d) {
        return std::find(codes.begin(), codes.end(), d.code) != codes.end();
    });
    return before - items_.size();
}

// Optimal string alignment distance: a swapped pair of letters ("levle") is one typo, not two.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t w = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * w);
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i * w] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t best = std::min(
                {d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                best = std::min(best, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = best;
        }
    }
    return d[a.size() * w + b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // Close enough to be a typo: a third of the word, at least one edit, at most four.
    std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 4);
    if (best_distance == 0 || best_distance > limit) return {};
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string m = closest_match(word, candidates);
    return m.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", m);
}

}  // namespace continuum::engine
