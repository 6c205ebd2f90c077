// A fast reading of one case from a JSON line, for impact analysis over libraries of 100,000
// cases. It takes only lines that read_case_json_object would take without any message, and
// then gives the same case; anything else (an error, an unknown id, an unusual form) is
// refused and the caller reads the line the careful way, which says what is wrong and where.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "case.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

class FastCaseReader {
  public:
    explicit FastCaseReader(const RuleSet& rules);
    ~FastCaseReader();
    FastCaseReader(const FastCaseReader&) = delete;
    FastCaseReader& operator=(const FastCaseReader&) = delete;

    // `readable` is how many bytes from the start of `line` may be read (the parser reads a
    // little past the end of its input; a line without that room is copied first).
    // True with `out` filled, whatever it held before (it is made blank first, so one case
    // can be read into line after line), or false with `out` unspecified.
    bool read(std::string_view line, std::size_t readable, Case& out);

  private:
    struct Parser;
    std::uint32_t guessed(std::uint32_t& previous, const char* key) const;
    std::uint32_t looked_up(std::uint32_t& previous, std::string_view id);
    std::uint32_t hashed(std::string_view id) const;
    int raw_choice(std::uint32_t question, const char* text) const;
    const RuleSet& rules_;
    std::unique_ptr<Parser> parser_;
    std::vector<std::uint32_t> by_name_;   // question indices in order of id
    std::string names_text_;               // the ids one after another, in by_name_'s order
    std::vector<std::string_view> names_;  // each id in names_text_
    std::vector<std::uint32_t> hashed_;    // positions in by_name_ by hash of the id, or kNone
    // By position in by_name_ (and by_name_.size() for the start of a line): the position of
    // the id that followed it last time, at first the next in order of id. A library is
    // usually written in one order throughout, so the guess is usually right.
    std::vector<std::uint32_t> next_;
    // The choices of each choice question, compared with an answer as written: by question,
    // the first in choice_names_ (its choices in order), or kNone when one of its choices has
    // a quote or a backslash (its answers are unescaped first, the usual way).
    std::vector<std::uint32_t> choices_of_;
    std::string choices_text_;
    std::vector<std::string_view> choice_names_;
};

}  // namespace continuum::engine
