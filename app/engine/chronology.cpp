#include "chronology.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>

#include <fmt/format.h>

#include "diagnostics.hpp"

namespace continuum::engine {

void sort_contacts(std::vector<Contact>& contacts) {
    std::sort(contacts.begin(), contacts.end(), [](const Contact& a, const Contact& b) {
        if (a.day != b.day) return a.day < b.day;
        if (a.source != b.source) return a.source < b.source;
        if (a.outcome != b.outcome) return a.outcome < b.outcome;
        return a.categories < b.categories;
    });
}

namespace {

// The day `months` calendar months before `day`, clamped to the end of a shorter month.
DayNumber months_before(DayNumber day, std::int32_t months) {
    int year;
    unsigned month, d;
    civil_date(day, year, month, d);
    std::int64_t index = static_cast<std::int64_t>(year) * 12 + (month - 1) - months;
    int y = static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12);
    auto m = static_cast<unsigned>(index - static_cast<std::int64_t>(y) * 12 + 1);
    while (d > 28 && !valid_date(y, m, d))
        --d;
    return day_number(y, m, d);
}

struct UnitName {
    const char* singular;
    const char* plural;
    WindowUnit unit;
    std::int32_t most;  // about 100 years
};

constexpr UnitName kUnits[] = {
    {"day", "days", WindowUnit::Days, 36525},
    {"week", "weeks", WindowUnit::Weeks, 5218},
    {"month", "months", WindowUnit::Months, 1200},
    {"year", "years", WindowUnit::Years, 100},
};

const UnitName& unit_name(WindowUnit u) {
    for (const auto& n : kUnits)
        if (n.unit == u) return n;
    return kUnits[0];
}

}  // namespace

DayNumber window_start(DayNumber referral_day, Window w) {
    switch (w.unit) {
        case WindowUnit::All:
            return std::numeric_limits<DayNumber>::min();
        case WindowUnit::Days:
            return referral_day - w.amount;
        case WindowUnit::Weeks:
            return referral_day - 7 * w.amount;
        case WindowUnit::Months:
            return months_before(referral_day, w.amount);
        case WindowUnit::Years:
            return months_before(referral_day, 12 * w.amount);
    }
    return referral_day;
}

std::optional<Window> parse_window(std::string_view text, std::string& problem, std::uint32_t& at) {
    const std::string example =
        "write a whole number and days, weeks, months or years, like "
        "\"12 months\"";
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
    };
    skip_space();
    const std::size_t number_at = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
        ++i;
    std::string_view digits = text.substr(number_at, i - number_at);
    at = static_cast<std::uint32_t>(number_at);
    if (digits.empty()) {
        problem = fmt::format("\"{}\" is not a period: {}", text, example);
        return std::nullopt;
    }
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        problem = fmt::format("\"{}\" is not a whole number of days, weeks, months or years: {}",
                              text, example);
        return std::nullopt;
    }
    long amount =
        digits.size() > 6 ? 10000000 : std::strtol(std::string(digits).c_str(), nullptr, 10);
    skip_space();
    const std::size_t unit_at = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
    std::string unit(text.substr(unit_at, i - unit_at));
    skip_space();
    for (char& c : unit)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    at = static_cast<std::uint32_t>(unit_at);
    if (unit.empty()) {
        problem = fmt::format(
            "\"{}\" has no unit: write \"{} months\", \"{} days\" or another "
            "period",
            text, digits, digits);
        return std::nullopt;
    }
    const UnitName* found = nullptr;
    std::vector<std::string> names;
    for (const auto& n : kUnits) {
        if (unit == n.singular || unit == n.plural) found = &n;
        names.emplace_back(n.plural);
    }
    if (!found) {
        std::string close = closest_match(unit, names);
        problem = close.empty() ? fmt::format("\"{}\" is not a period: {}", text, example)
                                : fmt::format("\"{}\" is not a period: did you mean \"{} {}\"?",
                                              text, digits, close);
        return std::nullopt;
    }
    if (i < text.size()) {
        at = static_cast<std::uint32_t>(i);
        problem = fmt::format("\"{}\" has more after the period: {}", text, example);
        return std::nullopt;
    }
    at = static_cast<std::uint32_t>(number_at);
    if (amount < 1) {
        problem = fmt::format("a window of \"{}\" holds no contact: give 1 or more", text);
        return std::nullopt;
    }
    if (amount > found->most) {
        problem = fmt::format("\"{}\" is longer than a child's life: give at most {} {}", text,
                              found->most, found->plural);
        return std::nullopt;
    }
    return Window{found->unit, static_cast<std::int32_t>(amount)};
}

std::string window_text(Window w) {
    if (w.unit == WindowUnit::All) return "";
    const UnitName& n = unit_name(w.unit);
    return fmt::format("{} {}", w.amount, w.amount == 1 ? n.singular : n.plural);
}

std::string window_words(Window w) {
    if (w.unit == WindowUnit::All) return "";
    const UnitName& n = unit_name(w.unit);
    if (w.amount == 1) return fmt::format("in the {} before the referral", n.singular);
    return fmt::format("in the {} {} before the referral", w.amount, n.plural);
}

}  // namespace continuum::engine
