// Plain text that pastes into a case record: lines of at most 100 characters (counted as
// characters, not bytes), wrapped at spaces with a hanging indent, no Markdown marks.
#pragma once
#include <string>
#include <string_view>

namespace continuum::report {

inline constexpr std::size_t kTextWidth = 100;

// Appends `text` as lines of at most `width` characters: the first indented by `indent`
// spaces, the rest by `hang`. A word longer than a line (a hash, an address) is cut.
void append_wrapped(std::string& out, std::string_view text, std::size_t indent, std::size_t hang,
                    std::size_t width = kTextWidth);

// Characters (UTF-8 code points) in `s`.
std::size_t text_length(std::string_view s);

}  // namespace continuum::report
