#include "case_json_fast.hpp"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "case_io.hpp"
#include "printable.hpp"

namespace continuum::engine {

namespace od = simdjson::ondemand;

namespace {

// Ids are short (mostly 15 to 40 bytes) and each line names about a hundred: compared inline,
// eight bytes at a time, rather than through a call to memcmp for each (5% of impact).
[[gnu::always_inline]] inline bool same_id(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (x != y) return false;
    }
    for (; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// The same, where both may be read up to seven bytes past `n`: eight bytes at a time with no
// loop over the last few. A key in the line is compared only while it matches, and ids have no
// quotes, so the reading stops within seven bytes of the key's closing quote, in the line or
// the parser's padding after it.
static_assert(std::endian::native == std::endian::little, "the mask keeps the first bytes");
[[gnu::always_inline]] inline bool same_id_padded(const char* a, const char* b, std::size_t n) {
    for (std::size_t i = 0; i < n; i += 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        const std::size_t left = n - i;
        const std::uint64_t mask =
            left >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * left)) - 1;
        if ((x ^ y) & mask) return false;
    }
    return true;
}

// `words` written one after another into `text`, with the eight spare bytes same_id_padded may
// read past the last: a view of each in `text`.
std::vector<std::string_view> padded_views(const std::vector<std::string_view>& words,
                                           std::string& text) {
    text.clear();
    for (std::string_view w : words)
        text += w;
    text.append(8, '\0');
    std::vector<std::string_view> views;
    for (std::size_t at = 0; std::string_view w : words) {
        views.push_back(std::string_view(text).substr(at, w.size()));
        at += w.size();
    }
    return views;
}

// A hash of an id from its length and its first and last eight bytes: ids of one rule set
// differ there, and a clash costs one more comparison.
[[gnu::always_inline]] inline std::size_t id_hash(std::string_view id) {
    std::uint64_t head = 0, tail = 0;
    if (id.size() >= 8) {
        std::memcpy(&head, id.data(), 8);
        std::memcpy(&tail, id.data() + id.size() - 8, 8);
    } else {
        std::memcpy(&head, id.data(), id.size());
    }
    const std::uint64_t h =
        (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ id.size();
    return static_cast<std::size_t>(((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull) >> 32);
}

}  // namespace

struct FastCaseReader::Parser {
    od::parser parser;
    std::string copy;                    // a line without room after it, with padding
    std::vector<std::uint32_t> unknown;  // applied after the answers, as the careful reader does
    RawAnswer raw;
    Chronology chronology;  // checked against the referral once the whole line is read
};

FastCaseReader::FastCaseReader(const RuleSet& rules)
    : rules_(rules), parser_(std::make_unique<Parser>()) {
    by_name_.resize(rules.questions.size());
    for (std::uint32_t q = 0; q < by_name_.size(); ++q)
        by_name_[q] = q;
    std::sort(by_name_.begin(), by_name_.end(), [&](std::uint32_t a, std::uint32_t b) {
        return rules.questions[a].id < rules.questions[b].id;
    });
    std::vector<std::string_view> ids;
    for (std::uint32_t q : by_name_)
        ids.push_back(rules.questions[q].id);
    names_ = padded_views(ids, names_text_);
    choices_of_.assign(rules.questions.size(), kNone);
    std::vector<std::string_view> choices;
    for (std::uint32_t q = 0; q < rules.questions.size(); ++q) {
        const auto& of = rules.questions[q].choice_ids;
        if (rules.questions[q].type != AnswerType::Choice ||
            std::any_of(of.begin(), of.end(), [](const std::string& id) {
                return id.find_first_of("\\\"") != std::string::npos;
            }))
            continue;
        choices_of_[q] = static_cast<std::uint32_t>(choices.size());
        choices.insert(choices.end(), of.begin(), of.end());
    }
    choice_names_ = padded_views(choices, choices_text_);
    next_.resize(by_name_.size() + 1);
    for (std::uint32_t k = 0; k < next_.size(); ++k)
        next_[k] = k == by_name_.size() ? 0 : k + 1;
    // Positions in by_name_ by hash of the id, open addressing, at most half full.
    std::size_t size = 16;
    while (size < 2 * by_name_.size())
        size *= 2;
    hashed_.assign(size, kNone);
    for (std::uint32_t k = 0; k < by_name_.size(); ++k) {
        std::size_t at = id_hash(rules.questions[by_name_[k]].id);
        while (hashed_[at & (size - 1)] != kNone)
            ++at;
        hashed_[at & (size - 1)] = k;
    }
}

FastCaseReader::~FastCaseReader() = default;

namespace {

// One answer's value as the careful reader classifies it; false for anything it would not take.
bool raw_answer(od::value v, RawAnswer& raw) {
    od::json_type type;
    if (v.type().get(type)) return false;
    switch (type) {
        case od::json_type::boolean:
            raw.kind = RawAnswer::Kind::Bool;
            return !v.get_bool().get(raw.boolean);
        case od::json_type::number: {
            od::number_type nt;
            if (v.get_number_type().get(nt)) return false;
            if (nt == od::number_type::signed_integer) {
                std::int64_t n;
                if (v.get_int64().get(n)) return false;
                raw.kind = RawAnswer::Kind::Integer;
                raw.number = static_cast<double>(n);
                return true;
            }
            if (nt == od::number_type::unsigned_integer) {
                std::uint64_t n;
                if (v.get_uint64().get(n)) return false;
                raw.kind = RawAnswer::Kind::Integer;
                raw.number = static_cast<double>(n);
                return true;
            }
            if (nt == od::number_type::floating_point_number) {
                raw.kind = RawAnswer::Kind::Float;
                return !v.get_double().get(raw.number);
            }
            return false;  // a big integer: the careful reader decides
        }
        case od::json_type::string: {
            std::string_view s;
            if (v.get_string().get(s)) return false;
            raw.kind = RawAnswer::Kind::String;
            raw.text.assign(s);
            return true;
        }
        case od::json_type::object: {
            // A range, {"at_least": 1, "at_most": 2}: only well-formed ones; a repeated key or
            // anything else goes to the careful reader, which says what is wrong.
            od::object range;
            if (v.get_object().get(range)) return false;
            raw.kind = RawAnswer::Kind::Range;
            raw.has_at_least = raw.has_at_most = false;
            for (auto bound_result : range) {
                od::field bound;
                std::string_view key;
                if (std::move(bound_result).get(bound) || bound.unescaped_key().get(key))
                    return false;
                const bool lower = key == kAtLeast;
                if (!lower && key != kAtMost) return false;
                bool& given = lower ? raw.has_at_least : raw.has_at_most;
                double& number = lower ? raw.at_least : raw.at_most;
                if (given || bound.value().get_double().get(number)) return false;
                given = true;
            }
            return true;
        }
        default:
            return false;
    }
}

// The index of `id` among a rule set's chronology terms, or -1.
int term(const std::vector<std::string>& ids, std::string_view id) {
    for (std::size_t k = 0; k < ids.size(); ++k)
        if (ids[k] == id) return static_cast<int>(k);
    return -1;
}

// One contact, {"date", "source", "categories", "outcome"} with terms the rule set defines;
// false for anything the careful reader would have to look at.
bool contact(od::value v, const ChronologyTerms& t, Contact& out) {
    od::object object;
    if (v.get_object().get(object)) return false;
    bool date = false, source = false, categories = false, outcome = false;
    out = Contact{};
    for (auto field_result : object) {
        od::field field;
        std::string_view key, text;
        if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
        if (key == "categories") {
            od::array list;
            if (categories || field.value().get_array().get(list)) return false;
            for (auto item : list) {
                if (item.get_string().get(text)) return false;
                const int k = term(t.category_ids, text);
                if (k < 0) return false;
                out.categories |= std::uint64_t{1} << k;
            }
            categories = true;
            continue;
        }
        if (field.value().get_string().get(text)) return false;
        if (key == "date" && !date) {
            auto day = parse_date(text);
            if (!day) return false;
            out.day = *day;
            date = true;
        } else if ((key == "source" && !source) || (key == "outcome" && !outcome)) {
            const int k = term(key == "source" ? t.source_ids : t.outcome_ids, text);
            if (k < 0) return false;
            (key == "source" ? out.source : out.outcome) = static_cast<std::uint16_t>(k);
            (key == "source" ? source : outcome) = true;
        } else {
            return false;
        }
    }
    return date && source && outcome && out.categories != 0;
}

bool chronology(od::value v, const ChronologyTerms& t, Chronology& out) {
    od::object object;
    if (v.get_object().get(object)) return false;
    out.contacts.clear();
    bool complete = false, contacts = false;
    for (auto field_result : object) {
        od::field field;
        std::string_view key;
        if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
        if (key == "complete" && !complete) {
            if (field.value().get_bool().get(out.complete)) return false;
            complete = true;
        } else if (key == "contacts" && !contacts) {
            od::array list;
            if (field.value().get_array().get(list)) return false;
            for (auto item : list) {
                od::value value;
                if (item.get(value) || out.contacts.size() == kMaxContacts) return false;
                if (!contact(value, t, out.contacts.emplace_back())) return false;
            }
            contacts = true;
        } else {
            return false;
        }
    }
    return complete;
}

}  // namespace

// Libraries are usually written with their answers in one order (continuum writes them in
// order of id), so the id that followed the previous one last time is compared first, with
// the key as written (ids have no escapes; a key with one is never taken for an id here), and
// the key is unescaped and hashed only when that guess is wrong. `previous` is a position in
// by_name_ (its size before the first answer); the key's text is followed by its closing quote
// and the parser's padding, so reading it never runs past the input.
[[gnu::always_inline]] inline std::uint32_t FastCaseReader::guessed(std::uint32_t& previous,
                                                                    const char* key) const {
    const std::uint32_t follows = next_[previous];
    if (follows >= names_.size()) return kNone;
    const std::string_view name = names_[follows];
    if (!same_id_padded(name.data(), key, name.size()) || key[name.size()] != '"') return kNone;
    return by_name_[previous = follows];
}

[[gnu::always_inline]] inline std::uint32_t FastCaseReader::looked_up(std::uint32_t& previous,
                                                                      std::string_view id) {
    const std::uint32_t position = hashed(id);
    if (position == kNone) return kNone;
    next_[previous] = position;
    return by_name_[previous = position];
}

// The index of the choice an answer names, written without escapes (a choice's text as
// written is the choice only then), or -1. `text` is the answer as written, after its opening
// quote, followed by its closing quote and the parser's padding.
int FastCaseReader::raw_choice(std::uint32_t question, const char* text) const {
    const std::uint32_t first = choices_of_[question];
    const auto count = static_cast<std::uint32_t>(rules_.questions[question].choice_ids.size());
    for (std::uint32_t k = 0; k < count; ++k) {
        const std::string_view name = choice_names_[first + k];
        if (same_id_padded(name.data(), text, name.size()) && text[name.size()] == '"')
            return static_cast<int>(k);
    }
    return -1;
}

// The position in by_name_ of the question with this id, or kNone.
[[gnu::always_inline]] inline std::uint32_t FastCaseReader::hashed(std::string_view id) const {
    const std::size_t mask = hashed_.size() - 1;
    for (std::size_t at = id_hash(id);; ++at) {
        const std::uint32_t position = hashed_[at & mask];
        if (position == kNone || same_id(names_[position], id)) return position;
    }
}

bool FastCaseReader::read(std::string_view line, std::size_t readable, Case& out) {
    Parser& p = *parser_;
    simdjson::padded_string_view input;
    if (readable >= line.size() + simdjson::SIMDJSON_PADDING) {
        input = simdjson::padded_string_view(line.data(), line.size(), readable);
    } else {
        p.copy.assign(line);
        p.copy.append(simdjson::SIMDJSON_PADDING, ' ');
        input = simdjson::padded_string_view(p.copy.data(), line.size(), p.copy.size());
    }
    od::document doc;
    if (p.parser.iterate(input).get(doc)) return false;
    od::object object;
    if (doc.get_object().get(object)) return false;

    make_blank(rules_, out);
    p.unknown.clear();
    bool have_ref = false, have_time = false, have_answers = false, have_unknown = false,
         have_chronology = false;
    for (auto field_result : object) {
        od::field field;
        std::string_view key;
        if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
        od::value value = field.value();
        if (key == "ref") {
            std::string_view ref;
            if (have_ref || value.get_string().get(ref)) return false;
            if (find_control(ref, LineBreaks::Refused))
                return false;  // the careful reader says why
            out.ref.assign(ref);
            have_ref = true;
        } else if (key == "referred_at") {
            std::string_view text;
            if (have_time || value.get_string().get(text)) return false;
            auto when = parse_date_time(text);
            if (!when) return false;
            out.referred_at = *when;
            have_time = true;
        } else if (key == "answers") {
            od::object answers;
            if (have_answers || value.get_object().get(answers)) return false;
            have_answers = true;
            auto previous = static_cast<std::uint32_t>(by_name_.size());
            for (auto answer_result : answers) {
                od::field answer;
                if (std::move(answer_result).get(answer)) return false;
                std::uint32_t qi = guessed(previous, answer.key().raw());
                if (qi == kNone) {
                    std::string_view id;
                    if (answer.unescaped_key().get(id)) return false;
                    qi = looked_up(previous, id);
                }
                // An id answered twice is a fault the careful reader names.
                if (qi == kNone || out.answers[qi].state != AnswerState::NotAsked) return false;
                const Question& question = rules_.questions[qi];
                if (question.type == AnswerType::YesNo) {
                    // Most answers: true or false read straight into place, as set_answer
                    // would take them (anything else is refused, and the careful reader says
                    // why).
                    bool yes = false;
                    if (answer.value().get_bool().get(yes)) return false;
                    out.answers[qi].value = Value::boolean(tri(yes));
                    out.answers[qi].state = AnswerState::Answered;
                    continue;
                }
                if (question.type == AnswerType::Choice && choices_of_[qi] != kNone) {
                    // A choice named as written, with no copy; anything else (an escape, a
                    // choice it does not have, not a text) is the careful reader's.
                    od::raw_json_string text;
                    if (answer.value().get_raw_json_string().get(text)) return false;
                    const int choice = raw_choice(qi, text.raw());
                    if (choice < 0) return false;
                    out.answers[qi].value = Value::option(choice);
                    out.answers[qi].state = AnswerState::Answered;
                    continue;
                }
                if (!raw_answer(answer.value(), p.raw) ||
                    !set_answer(question, p.raw, out.answers[qi]).empty())
                    return false;
            }
        } else if (key == "unknown") {
            od::array ids;
            if (have_unknown || value.get_array().get(ids)) return false;
            have_unknown = true;
            for (auto id_result : ids) {
                std::string_view id;
                if (id_result.get_string().get(id)) return false;
                const std::uint32_t position = hashed(id);
                if (position == kNone) return false;
                const std::uint32_t qi = by_name_[position];
                if (rules_.questions[qi].type == AnswerType::Chronology) return false;
                p.unknown.push_back(qi);
            }
        } else if (key == "chronology") {
            if (have_chronology || rules_.chronology.question == kNone ||
                !chronology(value, rules_.chronology, p.chronology))
                return false;
            have_chronology = true;
        } else {
            return false;
        }
    }
    if (!have_ref || !have_time) return false;
    // One JSON object and nothing after it, as the careful reader requires: the parser reads
    // the object field by field and stops at its end, so whatever follows is still to come.
    // Only spaces, tabs and returns are not tokens of their own.
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
    if (have_chronology) {
        for (const Contact& c : p.chronology.contacts)
            if (c.day > out.referred_at.day) return false;
        out.answers[rules_.chronology.question] = chronology_answer(p.chronology);
    }
    for (std::uint32_t qi : p.unknown) {
        if (out.answers[qi].state == AnswerState::Answered) return false;
        out.answers[qi] = Answer{AnswerState::Unknown, Value::unknown(), {}, {}};
    }
    return true;
}

}  // namespace continuum::engine
