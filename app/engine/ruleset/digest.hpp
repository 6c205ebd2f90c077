// SHA-256 of a rule set's files, so a decision names exactly the rules it was made under.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace continuum::engine {

std::string sha256_hex(std::string_view bytes);

// Hash over each file's relative path and bytes, in path order, each followed by a NUL.
struct RuleFileText;
std::string ruleset_digest(const std::vector<RuleFileText>& files);

}  // namespace continuum::engine
