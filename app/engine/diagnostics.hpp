// Positioned messages about a user's input (rule files, cases, scenario tests).
// They are values, collected in one pass and sorted by position, never exceptions.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace continuum::engine {

struct SourcePos {
    std::uint32_t line = 0;    // 1-based; 0 when the fault has no place in a file
    std::uint32_t column = 0;  // 1-based, in Unicode code points as toml++ counts them
};

enum class Severity : std::uint8_t { Error, Warning };

struct Diagnostic {
    std::string file;
    SourcePos pos;
    Severity severity = Severity::Error;
    std::string code;  // stable kebab-case name, e.g. "unknown-identifier"
    std::string message;
};

// "FILE:LINE:COL: error: message [code]"
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
  public:
    void error(std::string file, SourcePos pos, std::string code, std::string message);
    void warning(std::string file, SourcePos pos, std::string code, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool empty() const { return items_.empty(); }

    // Stable order: by file, line, column, then errors before warnings.
    void sort();
    // Drops every diagnostic whose code is one of `codes`; returns how many went.
    std::size_t remove_codes(std::initializer_list<std::string_view> codes);
    const std::vector<Diagnostic>& items() const { return items_; }

  private:
    std::vector<Diagnostic> items_;
};

// Closest candidate by edit distance, for "did you mean" hints; empty when nothing is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
std::size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace continuum::engine
