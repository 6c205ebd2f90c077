#include "pinpoint.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "../diagnostics.hpp"
#include "../printable.hpp"

namespace continuum::engine {

namespace {

bool same_letter(char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
}

bool starts_with(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (!same_letter(text[i], prefix[i])) return false;
    return true;
}

// What a section's name starts with before its first digit: "s" for "s47(1)(b)", "rule " for
// "rule 3", "" for "1. Introduction".
std::string_view stem(std::string_view section) {
    std::size_t i = 0;
    while (i < section.size() && !std::isdigit(static_cast<unsigned char>(section[i])))
        ++i;
    return section.substr(0, i);
}

// The parts a pinpoint lists: "s20(1)(a)-(c), s20(3), s20(6)", "s1 and s3".
std::vector<std::string_view> parts(std::string_view pinpoint) {
    std::vector<std::string_view> out;
    while (true) {
        std::size_t cut = std::string_view::npos, width = 0;
        for (std::string_view sep : {", ", "; ", " and ", " or "}) {
            std::size_t at = pinpoint.find(sep);
            if (at < cut) cut = at, width = sep.size();
        }
        out.push_back(pinpoint.substr(0, cut));
        if (cut == std::string_view::npos) return out;
        pinpoint.remove_prefix(cut + width);
    }
}

// Whether `part` reads as a reference to a section like those listed: one of their stems,
// then a digit. Words quoted from the source do not.
bool names_a_section(const std::vector<std::string>& sections, std::string_view part) {
    for (const auto& s : sections) {
        std::string_view st = stem(s);
        if (st.size() < part.size() && starts_with(part, st) &&
            std::isdigit(static_cast<unsigned char>(part[st.size()])))
            return true;
    }
    return false;
}

// Whether `part` begins with a listed section and then stops: "s47(1)(a) and (b)" begins with
// s47(1)(a); "s47(1)(c)" does not begin with s47(1), since "(c)" would name a further part.
bool begins_with_listed(const std::vector<std::string>& sections, std::string_view part) {
    for (const auto& s : sections) {
        if (!starts_with(part, s)) continue;
        if (part.size() == s.size()) return true;
        const auto next = static_cast<unsigned char>(part[s.size()]);
        if (!std::isalnum(next) && next != '(') return true;
    }
    return false;
}

}  // namespace

std::string pinpoint_problem(const Source& source, std::string_view pinpoint) {
    if (source.sections.empty() || pinpoint.empty()) return {};
    for (std::string_view part : parts(pinpoint)) {
        if (!names_a_section(source.sections, part) || begins_with_listed(source.sections, part))
            continue;
        std::string listed;
        for (std::size_t i = 0; i < source.sections.size() && i < 12; ++i)
            listed += (i ? ", " : "") + source.sections[i];
        if (source.sections.size() > 12)
            listed += fmt::format(" and {} more", source.sections.size() - 12);
        std::size_t end = part.find(' ');
        std::string_view named = part.substr(0, end);
        return fmt::format(
            "'{}', a section that source '{}' does not list{}; its sections are "
            "{} (if the document has it, add it to the source's 'sections')",
            excerpt(named), source.id, did_you_mean(named, source.sections), listed);
    }
    return {};
}

}  // namespace continuum::engine
