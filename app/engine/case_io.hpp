// Reading and writing cases: one case as TOML (continuum eval), a case library as JSON Lines
// (impact, generated libraries). Every fault is a positioned diagnostic; nothing is guessed.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <toml++/toml.h>

#include "case.hpp"
#include "diagnostics.hpp"
#include "ruleset/toml_reader.hpp"

namespace continuum::engine {

// One answer as written in a file, before it is checked against its question. A number may be
// given as a range, `{ at_least = 1 }`, `{ at_most = 2 }` or both, when only bounds are known.
struct RawAnswer {
    enum class Kind : std::uint8_t { Bool, Integer, Float, String, Date, Range } kind = Kind::Bool;
    bool boolean = false;
    double number = 0;
    std::string text;
    DayNumber day = 0;
    bool has_at_least = false, has_at_most = false;  // Range
    double at_least = 0, at_most = 0;
};

// The keys of a range answer.
inline constexpr const char* kAtLeast = "at_least";
inline constexpr const char* kAtMost = "at_most";

// A number answer as a practitioner types it: "14", "at least 1", "at most 2", "1 to 5",
// ">= 3", "<= 2", "3+". Returns "" with `out` set, or what is wrong in words.
std::string parse_number_text(std::string_view text, RawAnswer& out);

// Checks `raw` against the question's type, choices and range; sets `out` and returns "" when
// it fits, or returns what is wrong in words.
std::string set_answer(const Question& q, const RawAnswer& raw, Answer& out);

// A referral time as written in TOML: a date and time (local time in England; one with an
// offset from UTC is converted to it, see date_time.hpp), a date (09:00 that day) or a text
// in either form; nothing when it is none of these or not a real date.
std::optional<DateTime> referral_time_from_toml(const toml::node& n);

// Reads [answers] and the `unknown` list into `c` (whose answers are already sized).
void read_answers(const RuleSet& rules, const toml::table* answers, const toml::node* unknown,
                  const SourceFile& file, Diagnostics& d, Case& c);

std::optional<Case> read_case_toml(const RuleSet& rules, const std::string& path,
                                   std::string text, Diagnostics& d);
std::optional<Case> read_case_file(const RuleSet& rules, const std::string& path, Diagnostics& d);

// One JSON object: {"ref", "referred_at", "answers": {...}, "unknown": [...]}.
// `line` places messages in a library file.
std::optional<Case> read_case_json(const RuleSet& rules, std::string_view json,
                                   const std::string& file, std::uint32_t line, Diagnostics& d);

// The same from an already parsed object. With `set_aside`, an answer or unknown naming a
// question this rule set does not define is not an error but is listed there: impact analysis
// reads one library under two rule sets that need not ask the same questions.
std::optional<Case> read_case_json_object(const RuleSet& rules, const nlohmann::json& j, const std::string& file,
                                          std::uint32_t line, Diagnostics& d,
                                          std::vector<std::string>* set_aside = nullptr);

std::string case_to_toml(const RuleSet& rules, const Case& c);
// One answered value as written under [answers]: `true`, `14`, `{ at_least = 1 }`, `"choice"`
// (the chronology, written as its own table by case_to_toml, as a quoted summary).
std::string answer_to_toml(const Question& q, const Answer& a);
// One answered value as JSON: true/false, a number, `{"at_least": 1}` for a range, a choice id,
// "YYYY-MM-DD" or the text.
nlohmann::json answer_to_json(const Question& q, const Answer& a);
// The same for any question: the chronology as {"complete": ..., "contacts": [...]} in the rule
// set's term ids (the overload without the rule set gives null for it).
nlohmann::json answer_to_json(const RuleSet& rules, const Question& q, const Answer& a);
nlohmann::json case_to_json(const RuleSet& rules, const Case& c);

}  // namespace continuum::engine
