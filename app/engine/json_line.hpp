// One line of a JSON Lines file (a case library) read strictly, with each fault at its line
// and column. nlohmann::json alone would say only that the line failed, call a number too
// large for a double (1e400) the same, and keep the last of two equal keys without a word:
// a case that said "ref" twice would silently lose one.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "diagnostics.hpp"

namespace continuum::engine {

// The line as one JSON object; or nothing, with one positioned error in `d`:
//   json-syntax     not JSON (at the character where it goes wrong), or JSON but not an object
//   json-number     a number too large to hold (beyond about 1.8e308)
//   duplicate-key   a key given twice in one object (at the second, naming the first)
std::optional<nlohmann::json> parse_json_line(std::string_view text, const std::string& file,
                                              std::uint32_t line, Diagnostics& d);

// The 1-based column, in characters, of byte `offset` of a line.
std::uint32_t column_of(std::string_view line, std::size_t offset);

}  // namespace continuum::engine
