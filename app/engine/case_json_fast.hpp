// A fast reading of one case from a JSON line, for impact analysis over libraries of 100,000
// cases. It takes only lines that read_case_json_object would take without any message, and
// then gives the same case; anything else (an error, an unknown id, an unusual form) is
// refused and the caller reads the line the careful way, which says what is wrong and where.
#pragma once
#include <memory>
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
    std::uint32_t question_after(std::uint32_t& previous, std::string_view id);
    std::uint32_t hashed(std::string_view id) const;
    const RuleSet& rules_;
    std::unique_ptr<Parser> parser_;
    std::vector<std::uint32_t> by_name_;   // question indices in order of id
    std::vector<std::string_view> names_;  // the ids, in by_name_'s order
    std::vector<std::uint32_t> hashed_;    // positions in by_name_ by hash of the id, or kNone
    bool guess_ = true;                    // the library seems written in order of id
};

}  // namespace continuum::engine
