#include "json_line.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "printable.hpp"

namespace continuum::engine {

namespace {

// What the structure of a line that nlohmann::json has read (or refused only for a number's
// size) holds that nlohmann::json does not report: a key given twice in one object, and the
// first number too large for a double. Both with their byte offsets.
struct Finding {
    enum class Kind : std::uint8_t { None, DuplicateKey, NumberTooLarge } kind = Kind::None;
    std::size_t offset = 0, first_offset = 0;
    std::string text;  // the key, or the number as written
};

// A JSON string starting at the quote at `i`: the index just past its closing quote.
std::size_t string_end(std::string_view s, std::size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\')
            ++i;
        else if (s[i] == '"')
            return i + 1;
    }
    return s.size();
}

Finding scan(std::string_view s) {
    struct Frame {
        bool object = false;
        bool expecting_key = false;
        std::unordered_map<std::string, std::size_t> keys;  // key -> offset
    };
    std::vector<Frame> frames;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '"') {
            const std::size_t end = string_end(s, i);
            if (!frames.empty() && frames.back().object && frames.back().expecting_key) {
                std::string_view raw = s.substr(i, end - i);
                // Escapes are decoded so that "\u0072ef" and "ref" are the same key.
                std::string key(raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0));
                if (raw.find('\\') != std::string_view::npos) {
                    try {
                        key = nlohmann::json::parse(raw).get<std::string>();
                    } catch (const nlohmann::json::exception&) {
                        // past where the parser stopped: compared as written
                    }
                }
                auto [at, inserted] = frames.back().keys.emplace(key, i);
                if (!inserted) return {Finding::Kind::DuplicateKey, i, at->second, std::move(key)};
                frames.back().expecting_key = false;
            }
            i = end;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t end = i + 1;
            while (end < s.size() &&
                   std::string_view("0123456789+-.eE").find(s[end]) != std::string_view::npos)
                ++end;
            const std::string number(s.substr(i, end - i));
            if (!std::isfinite(std::strtod(number.c_str(), nullptr)))
                return {Finding::Kind::NumberTooLarge, i, 0, number};
            i = end;
            continue;
        }
        if (c == '{') frames.push_back({true, true, {}});
        if (c == '[') frames.push_back({false, false, {}});
        if ((c == '}' || c == ']') && !frames.empty()) frames.pop_back();
        if (c == ',' && !frames.empty() && frames.back().object) frames.back().expecting_key = true;
        ++i;
    }
    return {};
}

const char* type_words(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::array:
            return "a list";
        case nlohmann::json::value_t::string:
            return "a text";
        case nlohmann::json::value_t::boolean:
            return "true/false";
        case nlohmann::json::value_t::null:
            return "null";
        default:
            return "a number";
    }
}

// nlohmann::json's own words for a syntax error, without its prefix, its position (the
// diagnostic has it) and the text it last read (which can be the whole line):
// "object key - invalid literal; expected string literal".
std::string syntax_words(const std::string& what) {
    const std::string lead = "syntax error while parsing ";
    std::size_t at = what.find(lead);
    std::string words = at == std::string::npos ? what : what.substr(at + lead.size());
    std::size_t read = words.find("; last read: '");
    if (read != std::string::npos) {
        std::size_t expected = words.find("; expected ", read);
        words.erase(read, expected == std::string::npos ? std::string::npos : expected - read);
    }
    return excerpt(words, 160);
}

// Where the word the parser choked on begins ("tru" in {"a": tru}): e.byte is the character
// at which it noticed, often the one after the word.
std::size_t error_offset(std::string_view text, const nlohmann::json::parse_error& e) {
    if (text.empty()) return 0;
    auto word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    };
    std::size_t at = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size() - 1);
    if (at > 0 && !word(text[at]) && word(text[at - 1])) --at;
    while (at > 0 && word(text[at]) && word(text[at - 1]))
        --at;
    return at;
}

}  // namespace

std::uint32_t column_of(std::string_view line, std::size_t offset) {
    std::uint32_t column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return column;
}

std::optional<nlohmann::json> parse_json_line(std::string_view text, const std::string& file,
                                              std::uint32_t line, Diagnostics& d) {
    auto at = [&](std::size_t offset) { return SourcePos{line, column_of(text, offset)}; };
    nlohmann::json j;
    bool overflow = false;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        d.error(file, at(error_offset(text, e)), "json-syntax",
                "this line is not valid JSON (" + syntax_words(e.what()) + ")");
        return std::nullopt;
    } catch (const nlohmann::json::out_of_range&) {
        overflow = true;  // "number overflow": found and placed by the scan below
    }
    Finding f = scan(text);
    if (f.kind == Finding::Kind::NumberTooLarge) {
        d.error(file, at(f.offset), "json-number",
                fmt::format("the number {} is too large: numbers must be below about 1.8e308",
                            excerpt(f.text)));
        return std::nullopt;
    }
    if (overflow) {  // the scan should have found it; never pass the line on regardless
        d.error(file, at(0), "json-number", "this line holds a number too large to read");
        return std::nullopt;
    }
    if (f.kind == Finding::Kind::DuplicateKey) {
        d.error(file, at(f.offset), "duplicate-key",
                fmt::format("\"{}\" is given twice in one object (first at column {}): say each "
                            "thing once, or it is unclear which one counts",
                            excerpt(f.text), column_of(text, f.first_offset)));
        return std::nullopt;
    }
    if (!j.is_object()) {
        d.error(file, at(text.find_first_not_of(" \t")), "json-syntax",
                fmt::format("this line is {}, not a JSON object: a case is written "
                            "{{\"ref\": ..., \"referred_at\": ..., \"answers\": {{...}}}}",
                            type_words(j)));
        return std::nullopt;
    }
    return j;
}

}  // namespace continuum::engine
