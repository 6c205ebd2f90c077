// Positioned messages about a user's input (rule files, cases, scenario tests).
// They are values, collected in one pass and sorted by position, never exceptions.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
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
    // A summary line left by Diagnostics::cap_repeats ("and 19,990 more like this") stands
    // for itself and this many more of the same code, which are counted but not listed.
    std::uint32_t more = 0;
};

// "FILE:LINE:COL: error: message [code]", one line: control characters in the file name or
// the message (from names and texts in the user's files) are written as escapes.
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
    // Of a code given more than `threshold` times (errors and warnings apart), keeps the
    // first `shown` and puts one summary line, "and N more like this", at the next one's
    // place: 20,000 references to one unknown name read as 11 lines, and still count as
    // 20,000 errors. Call after sort().
    void cap_repeats(std::size_t shown = kShownPerCode, std::size_t threshold = 2 * kShownPerCode);
    static constexpr std::size_t kShownPerCode = 10;
    // Drops every diagnostic whose code is one of `codes`; returns how many went.
    std::size_t remove_codes(std::initializer_list<std::string_view> codes);
    const std::vector<Diagnostic>& items() const { return items_; }

  private:
    std::vector<Diagnostic> items_;
};

// Closest candidate by edit distance, for "did you mean" hints; empty when nothing is close
// enough to be a typo (a third of the word, at least one edit and at most four), or when the
// word is longer than kLongestSuggestible (nobody mistypes a name of 10 MB).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
std::size_t edit_distance(std::string_view a, std::string_view b);
inline constexpr std::size_t kLongestSuggestible = 64;

// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "Did you mean" over one list of names, asked about many words (a rule set of 100,000
// definitions with thousands of mistyped references): the names are grouped by length, each
// distinct word is looked up once, and once `budget` comparisons are spent no more hints are
// given, so a hostile file cannot make checking slow. The first references, which are the
// ones shown, get their hints.
class Suggester {
  public:
    explicit Suggester(std::vector<std::string> names, std::size_t budget = 4'000'000);
    std::string did_you_mean(std::string_view word);

  private:
    std::vector<std::string> names_;
    std::vector<std::vector<std::uint32_t>> by_length_;   // indices into names_
    std::unordered_map<std::string, std::string> asked_;  // word -> hint
    std::size_t budget_;
};

}  // namespace continuum::engine
