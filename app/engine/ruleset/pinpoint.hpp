// Checking a citation's pinpoint ("ca1989_s47#s47(1)(b)") against the sections its source
// lists. A source may list `sections` (the parts of the document that are cited by name:
// statute subsections, numbered rules); a pinpoint to it that names a section must name one
// listed. Pinpoints that quote or describe the source in words are not sections and are not
// checked. A source without `sections` takes any pinpoint, as before.
#pragma once
#include <string>
#include <string_view>

#include "schema.hpp"

namespace continuum::engine {

// "" when the pinpoint holds; otherwise why not, in words.
std::string pinpoint_problem(const Source& source, std::string_view pinpoint);

}  // namespace continuum::engine
