// Reading cases: one case as TOML (continuum eval), one as a JSON object (a line of a case
// library), and the answers in them checked against their questions. Writing them back is in
// case_write.cpp.
#include "case_io.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronology_io.hpp"
#include "json_line.hpp"
#include "printable.hpp"

namespace continuum::engine {

namespace {

// "At least 1, perhaps more": the interval the bounds leave open, within the question's own
// min and max. Bounds that meet make an ordinary number.
std::string set_range(const Question& q, const RawAnswer& raw, Answer& out) {
    if (!raw.has_at_least && !raw.has_at_most)
        return "is answered with an empty range: give at_least, at_most or both";
    for (auto [given, value, key] : {std::tuple{raw.has_at_least, raw.at_least, kAtLeast},
                                     std::tuple{raw.has_at_most, raw.at_most, kAtMost}}) {
        if (!given) continue;
        if (!std::isfinite(value)) return fmt::format("needs a finite number for {}", key);
        if (q.min && value < *q.min)
            return fmt::format("must be at least {} ({} is {})", *q.min, key, value);
        if (q.max && value > *q.max)
            return fmt::format("must be at most {} ({} is {})", *q.max, key, value);
    }
    if (raw.has_at_least && raw.has_at_most && raw.at_least > raw.at_most)
        return fmt::format("has at_least {} above at_most {}: nothing lies between", raw.at_least,
                           raw.at_most);
    const double lo = raw.has_at_least ? raw.at_least : q.min.value_or(-Value::kInf);
    const double hi = raw.has_at_most ? raw.at_most : q.max.value_or(Value::kInf);
    out.value = lo == hi ? Value::number(lo) : Value::range(lo, hi);
    return {};
}

}  // namespace

namespace {

const char* const kChronologyNotUnknown =
    "the chronology cannot be listed as unknown: record the contacts found so far with "
    "complete = false";

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

std::optional<double> whole_number(std::string_view s) {
    std::string text(trimmed(s));
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double n = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(n)) return std::nullopt;
    return n;
}

bool take_prefix(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) return false;
    s.remove_prefix(prefix.size());
    return true;
}

bool take_suffix(std::string_view& s, std::string_view suffix) {
    if (s.size() < suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
    s.remove_suffix(suffix.size());
    return true;
}

}  // namespace

std::string parse_number_text(std::string_view input, RawAnswer& out) {
    std::string lower(trimmed(input));
    for (char& ch : lower)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::string_view s = lower;
    out = RawAnswer{};
    const std::string kHelp = "type a number (14), or a range: at least 1, at most 2, 1 to 5";
    if (auto n = whole_number(s)) {
        out.kind = RawAnswer::Kind::Float;
        out.number = *n;
        return {};
    }
    out.kind = RawAnswer::Kind::Range;
    auto bound = [&](std::string_view rest, bool lower_bound) -> std::string {
        auto n = whole_number(rest);
        if (!n) return fmt::format("'{}' is not a number or a range: {}", trimmed(input), kHelp);
        (lower_bound ? out.has_at_least : out.has_at_most) = true;
        (lower_bound ? out.at_least : out.at_most) = *n;
        return {};
    };
    if (take_prefix(s, "at least") || take_prefix(s, ">=") || take_suffix(s, "or more") ||
        take_suffix(s, "+"))
        return bound(s, true);
    if (take_prefix(s, "at most") || take_prefix(s, "<=") || take_prefix(s, "up to") ||
        take_suffix(s, "or fewer") || take_suffix(s, "or less"))
        return bound(s, false);
    take_prefix(s, "between");
    for (std::string_view separator :
         {std::string_view(" to "), std::string_view(" and "), std::string_view("-")}) {
        std::size_t at = s.find(separator, 1);  // not a leading minus sign
        if (at == std::string_view::npos) continue;
        std::string problem = bound(s.substr(0, at), true);
        if (problem.empty()) problem = bound(s.substr(at + separator.size()), false);
        return problem;
    }
    return fmt::format("'{}' is not a number or a range: {}", trimmed(input), kHelp);
}

std::string set_answer(const Question& q, const RawAnswer& raw, Answer& out) {
    using K = RawAnswer::Kind;
    switch (q.type) {
        case AnswerType::YesNo:
            if (raw.kind != K::Bool) return "is a yes/no question: answer true or false";
            out.value = Value::boolean(tri(raw.boolean));
            break;
        case AnswerType::Number: {
            if (raw.kind == K::Range) {
                std::string problem = set_range(q, raw, out);
                if (!problem.empty()) return problem;
                break;
            }
            if (raw.kind != K::Integer && raw.kind != K::Float)
                return "is a number question: answer a number, or a range like { at_least = 1 }";
            if (!std::isfinite(raw.number)) return "needs a finite number";
            if (q.min && raw.number < *q.min)
                return fmt::format("must be at least {} (answered {})", *q.min, raw.number);
            if (q.max && raw.number > *q.max)
                return fmt::format("must be at most {} (answered {})", *q.max, raw.number);
            out.value = Value::number(raw.number);
            break;
        }
        case AnswerType::Choice: {
            if (raw.kind != K::String)
                return "is a choice question: answer one of its choices in quotes";
            auto it = std::find(q.choice_ids.begin(), q.choice_ids.end(), raw.text);
            if (it == q.choice_ids.end()) {
                std::string list;
                for (const auto& c : q.choice_ids)
                    list += (list.empty() ? "" : ", ") + ("\"" + c + "\"");
                return fmt::format("has no choice \"{}\"{}; its choices are {}", raw.text,
                                   did_you_mean(raw.text, q.choice_ids), list);
            }
            out.value = Value::option(static_cast<std::int32_t>(it - q.choice_ids.begin()));
            break;
        }
        case AnswerType::Date: {
            DayNumber day = raw.day;
            if (raw.kind == K::String) {
                auto parsed = parse_date(raw.text);
                if (!parsed) return "is a date question: answer a date like 2026-11-23";
                day = *parsed;
            } else if (raw.kind != K::Date) {
                return "is a date question: answer a date like 2026-11-23";
            }
            out.value = Value::number(day);
            break;
        }
        case AnswerType::Text:
            if (raw.kind != K::String) return "is a free-text question: answer in quotes";
            if (auto c = find_control(raw.text))
                return fmt::format("holds the control character {} at character {}: remove it",
                                   describe(*c), c->offset + 1);
            out.value = Value::text_present();
            out.set_text(raw.text);
            break;
        case AnswerType::Chronology:
            return "is the chronology of earlier contacts: write it as its own table, "
                   "[chronology] with complete and contacts, not as an answer";
    }
    out.state = AnswerState::Answered;
    return {};
}

namespace {

// One key of a range answer into `raw`; "" or what is wrong.
std::string range_key(std::string_view key, std::optional<double> number, RawAnswer& raw) {
    if (key != kAtLeast && key != kAtMost)
        return fmt::format(
            "has a range with an unknown key '{}'{}: a range is written "
            "{{ at_least = 1 }}, {{ at_most = 2 }} or both",
            key, did_you_mean(std::string(key), {kAtLeast, kAtMost}));
    if (!number) return fmt::format("has a range whose {} is not a number", key);
    (key == kAtLeast ? raw.has_at_least : raw.has_at_most) = true;
    (key == kAtLeast ? raw.at_least : raw.at_most) = *number;
    return {};
}

// `n` as a RawAnswer; "" or what is wrong.
std::string raw_from_toml(const toml::node& n, RawAnswer& r) {
    if (auto b = n.as_boolean()) {
        r.kind = RawAnswer::Kind::Bool;
        r.boolean = b->get();
    } else if (auto i = n.as_integer()) {
        r.kind = RawAnswer::Kind::Integer;
        r.number = static_cast<double>(i->get());
    } else if (auto f = n.as_floating_point()) {
        r.kind = RawAnswer::Kind::Float;
        r.number = f->get();
    } else if (auto s = n.as_string()) {
        r.kind = RawAnswer::Kind::String;
        r.text = s->get();
    } else if (auto d = n.as_date()) {
        r.kind = RawAnswer::Kind::Date;
        auto v = d->get();
        if (!valid_date(v.year, v.month, v.day)) return "has a date that does not exist";
        r.day = day_number(v.year, v.month, v.day);
    } else if (auto t = n.as_table()) {
        r.kind = RawAnswer::Kind::Range;
        for (const auto& [key, value] : *t) {
            std::optional<double> number = value.value<double>();
            if (value.is_boolean() || value.is_string()) number.reset();
            std::string problem = range_key(key.str(), number, r);
            if (!problem.empty()) return problem;
        }
    } else {
        return "has an answer of a kind continuum does not read";
    }
    return {};
}

std::vector<std::string> question_ids(const RuleSet& rules) {
    std::vector<std::string> ids;
    for (const auto& q : rules.questions)
        ids.push_back(q.id);
    return ids;
}

std::string unknown_question(const RuleSet& rules, const std::string& id) {
    std::string hint = did_you_mean(id, question_ids(rules));
    if (rules.symbol(id) && rules.symbol(id)->kind != expr::SymbolKind::Question)
        hint = fmt::format(" ('{}' is worked out by the rules, not answered)", id);
    return fmt::format("unknown question '{}'{}", id, hint);
}

}  // namespace

std::optional<DateTime> referral_time_from_toml(const toml::node& n) {
    if (auto dt = n.as_date_time()) {
        auto v = dt->get();
        if (!valid_date(v.date.year, v.date.month, v.date.day)) return std::nullopt;
        DateTime written{day_number(v.date.year, v.date.month, v.date.day),
                         v.time.hour * 3600 + v.time.minute * 60 + v.time.second};
        // An offset from UTC makes it an instant: converted, never dropped (date_time.hpp).
        if (v.offset) return england_local_time(written, v.offset->minutes);
        return written;
    }
    if (auto d = n.as_date()) {
        auto v = d->get();
        if (!valid_date(v.year, v.month, v.day)) return std::nullopt;
        return DateTime{day_number(v.year, v.month, v.day), 9 * 3600};
    }
    if (auto s = n.as_string()) return parse_referral_time(s->get());
    return std::nullopt;
}

namespace {

// A case file gone wrong (thousands of mistyped ids, say) would bury its first faults under
// the rest and take seconds to describe every one: after this many problems the remaining
// entries are counted, not checked.
constexpr std::size_t kShownCaseErrors = 50;

struct ErrorRoom {
    explicit ErrorRoom(Diagnostics& diagnostics)
        : d(diagnostics), before(diagnostics.error_count()) {}

    Diagnostics& d;
    std::size_t before;
    std::size_t unchecked = 0;
    SourcePos first_unchecked;

    // False once the case has its fill of problems: the entry at `at` is then only counted.
    bool check(SourcePos at) {
        if (d.error_count() - before < kShownCaseErrors) return true;
        if (unchecked++ == 0) first_unchecked = at;
        return false;
    }
    void close(const std::string& file) {
        if (unchecked > 0)
            d.error(file, first_unchecked, "too-many-errors",
                    fmt::format("stopped after {} problems: {} more entries were not checked",
                                kShownCaseErrors, unchecked));
    }
};

}  // namespace

void read_answers(const RuleSet& rules, const toml::table* answers, const toml::node* unknown,
                  const SourceFile& file, Diagnostics& d, Case& c) {
    ErrorRoom room(d);
    if (answers) {
        for (const auto& [key, node] : *answers) {
            if (!room.check(file.pos(key.source().begin))) continue;
            std::string id(key.str());
            std::uint32_t qi = rules.question_index(id);
            if (qi == kNone) {
                d.error(file.path(), file.pos(key.source().begin), "unknown-question",
                        unknown_question(rules, id));
                continue;
            }
            const Question& q = rules.questions[qi];
            RawAnswer raw;
            std::string problem = raw_from_toml(node, raw);
            if (problem.empty()) problem = set_answer(q, raw, c.answers[qi]);
            if (!problem.empty())
                d.error(file.path(), file.pos(node), "bad-answer",
                        fmt::format("question '{}' {}", id, problem));
        }
    }
    if (!unknown) return room.close(file.path());
    const toml::array* list = unknown->as_array();
    if (!list) {
        d.error(file.path(), file.pos(*unknown), "wrong-type",
                "'unknown' must be a list of question ids, e.g. [\"explanation_consistent\"]");
        return room.close(file.path());
    }
    for (const auto& item : *list) {
        if (!room.check(file.pos(item))) continue;
        if (!item.is_string()) {
            d.error(file.path(), file.pos(item), "wrong-type",
                    "'unknown' lists question ids in quotes");
            continue;
        }
        std::string id = *item.value<std::string>();
        std::uint32_t qi = rules.question_index(id);
        if (qi == kNone) {
            d.error(file.path(), file.pos(item), "unknown-question", unknown_question(rules, id));
            continue;
        }
        if (c.answers[qi].state == AnswerState::Answered) {
            d.error(file.path(), file.pos(item), "answered-and-unknown",
                    fmt::format("question '{}' is both answered and listed as unknown", id));
            continue;
        }
        if (rules.questions[qi].type == AnswerType::Chronology) {
            d.error(file.path(), file.pos(item), "bad-answer", kChronologyNotUnknown);
            continue;
        }
        c.answers[qi] = Answer{AnswerState::Unknown, Value::unknown(), {}, {}};
    }
    room.close(file.path());
}

std::optional<Case> read_case_toml(const RuleSet& rules, const std::string& path, std::string text,
                                   Diagnostics& d) {
    SourceFile file(path, std::move(text));
    std::optional<toml::table> parsed = parse_toml(file, d);
    if (!parsed) return std::nullopt;
    const toml::table& doc = *parsed;
    std::size_t errors_before = d.error_count();
    Case c = blank_case(rules);
    {
        TableReader top(doc, file, d, "the case file", {"case", "answers", "chronology"});
        const toml::table* meta = top.table("case");
        if (!meta) {
            d.error(path, {1, 1}, "missing-key",
                    "the case file needs a [case] table with ref and referred_at");
        } else {
            TableReader m(*meta, file, d, "[case]", {"ref", "referred_at", "unknown"});
            c.ref = m.line("ref", true);
            if (const toml::node* when = m.node("referred_at")) {
                if (auto t = referral_time_from_toml(*when))
                    c.referred_at = *t;
                else
                    m.error_at(*when, "bad-value",
                               "'referred_at' must be a date and time like 2026-11-23T09:40:00");
            } else {
                d.error(path, file.pos(*meta), "missing-key",
                        "[case] needs 'referred_at' (the referral's date and time): due dates "
                        "count from it");
            }
            read_answers(rules, top.table("answers"), m.node("unknown"), file, d, c);
            read_chronology_toml(rules, top.node("chronology"), file, d, c);
        }
    }
    if (d.error_count() > errors_before) return std::nullopt;
    return c;
}

std::optional<Case> read_case_file(const RuleSet& rules, const std::string& path, Diagnostics& d) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        d.error(path, {}, "unreadable-file",
                "is a folder, not a case file: give the path of one case's .toml file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        d.error(path, {}, "unreadable-file", "cannot open this case file");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return read_case_toml(rules, path, text.str(), d);
}

std::optional<Case> read_case_json(const RuleSet& rules, std::string_view json,
                                   const std::string& file, std::uint32_t line, Diagnostics& d) {
    std::optional<nlohmann::json> j = parse_json_line(json, file, line, d);
    if (!j) return std::nullopt;
    return read_case_json_object(rules, *j, file, line, d);
}

std::optional<Case> read_case_json_object(const RuleSet& rules, const nlohmann::json& j,
                                          const std::string& file, std::uint32_t line,
                                          Diagnostics& d, std::vector<std::string>* set_aside) {
    SourcePos at{line, 1};
    if (!j.is_object()) {
        d.error(file, at, "json-syntax", "this line is not a JSON object");
        return std::nullopt;
    }
    std::size_t errors_before = d.error_count();
    ErrorRoom room(d);
    Case c = blank_case(rules);
    for (const auto& [key, value] : j.items())
        if (key != "ref" && key != "referred_at" && key != "answers" && key != "unknown" &&
            key != "chronology")
            d.error(file, at, "unknown-key",
                    fmt::format("unknown key '{}'{}", key,
                                did_you_mean(key, {"ref", "referred_at", "answers", "unknown",
                                                   "chronology"})));
    if (j.contains("ref") && j["ref"].is_string()) {
        c.ref = j["ref"].get<std::string>();
        if (auto ctl = find_control(c.ref, LineBreaks::Refused))
            d.error(file, at, "control-character",
                    fmt::format("\"ref\" holds the control character {} at character {} of the "
                                "reference: a reference is one line of visible text",
                                describe(*ctl), ctl->offset + 1));
    } else {
        d.error(file, at, "missing-key", "a case needs \"ref\" (a pseudonymous reference) as text");
    }
    std::optional<DateTime> when;
    if (j.contains("referred_at") && j["referred_at"].is_string())
        when = parse_referral_time(j["referred_at"].get<std::string>());
    if (when)
        c.referred_at = *when;
    else
        d.error(file, at, "bad-value",
                "a case needs \"referred_at\" like \"2026-11-23T09:40:00\" (local time in "
                "England), or with its offset from UTC, like \"2026-11-23T09:40:00Z\"");
    if (j.contains("answers")) {
        if (!j["answers"].is_object()) {
            d.error(file, at, "wrong-type", "\"answers\" must be an object of question ids");
        } else {
            for (const auto& [id, v] : j["answers"].items()) {
                if (!room.check(at)) continue;
                std::uint32_t qi = rules.question_index(id);
                if (qi == kNone && set_aside) {
                    set_aside->push_back(id);
                    continue;
                }
                if (qi == kNone) {
                    d.error(file, at, "unknown-question", unknown_question(rules, id));
                    continue;
                }
                RawAnswer raw;
                if (v.is_boolean()) {
                    raw.kind = RawAnswer::Kind::Bool;
                    raw.boolean = v.get<bool>();
                } else if (v.is_number_integer()) {
                    raw.kind = RawAnswer::Kind::Integer;
                    raw.number = v.get<double>();
                } else if (v.is_number()) {
                    raw.kind = RawAnswer::Kind::Float;
                    raw.number = v.get<double>();
                } else if (v.is_string()) {
                    raw.kind = RawAnswer::Kind::String;
                    raw.text = v.get<std::string>();
                } else if (v.is_object()) {
                    raw.kind = RawAnswer::Kind::Range;
                    std::string problem;
                    for (const auto& [key, bound] : v.items()) {
                        std::optional<double> number;
                        if (bound.is_number()) number = bound.get<double>();
                        problem = range_key(key, number, raw);
                        if (!problem.empty()) break;
                    }
                    if (!problem.empty()) {
                        d.error(file, at, "bad-answer",
                                fmt::format("question '{}' {}", id, problem));
                        continue;
                    }
                } else {
                    d.error(
                        file, at, "bad-answer",
                        fmt::format("question '{}' has an answer of a kind continuum does not read",
                                    id));
                    continue;
                }
                std::string problem = set_answer(rules.questions[qi], raw, c.answers[qi]);
                if (!problem.empty())
                    d.error(file, at, "bad-answer", fmt::format("question '{}' {}", id, problem));
            }
        }
    }
    if (j.contains("unknown")) {
        if (!j["unknown"].is_array()) {
            d.error(file, at, "wrong-type", "\"unknown\" must be a list of question ids");
        } else {
            for (const auto& v : j["unknown"]) {
                if (!room.check(at)) continue;
                if (!v.is_string()) {
                    d.error(file, at, "wrong-type", "\"unknown\" lists question ids as text");
                    continue;
                }
                std::string id = v.get<std::string>();
                std::uint32_t qi = rules.question_index(id);
                if (qi == kNone && set_aside) {
                    set_aside->push_back(id);
                } else if (qi == kNone) {
                    d.error(file, at, "unknown-question", unknown_question(rules, id));
                } else if (c.answers[qi].state == AnswerState::Answered) {
                    d.error(
                        file, at, "answered-and-unknown",
                        fmt::format("question '{}' is both answered and listed as unknown", id));
                } else if (rules.questions[qi].type == AnswerType::Chronology) {
                    d.error(file, at, "bad-answer", kChronologyNotUnknown);
                } else {
                    c.answers[qi] = Answer{AnswerState::Unknown, Value::unknown(), {}, {}};
                }
            }
        }
    }
    if (j.contains("chronology") && when)
        read_chronology_json(rules, j["chronology"], file, line, d, c, set_aside);
    room.close(file);
    if (d.error_count() > errors_before) return std::nullopt;
    return c;
}

}  // namespace continuum::engine
