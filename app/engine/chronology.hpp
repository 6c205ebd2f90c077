// A case's chronology: the dated earlier contacts about the child (who raised each, what it was
// about, how it ended), and whether every agency has been checked. Rules read it through
// windowed aggregates, `contacts(category == "neglect", within = "12 months") >= 3` and
// `days_since(last_contact()) < 90`, counted back from the referral (expr/contact_query.hpp).
//
// A chronology that is complete counts exactly. A partial one holds only what has been found so
// far: a count is "at least" what is recorded, and the last contact may be more recent than the
// last one recorded, so a finding it leaves open stays open until the missing agencies are
// checked. A case without a chronology has not been asked about earlier contacts at all.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_time.hpp"

namespace continuum::engine {

// Sources, categories and outcomes are the rule set's own terms ([chronology] in its files);
// contacts hold their indices. Categories are a set, one bit each.
inline constexpr std::size_t kMaxChronologyTerms = 64;
// A case file with more contacts than this is refused rather than read slowly.
inline constexpr std::size_t kMaxContacts = 1000;

struct Contact {
    DayNumber day = 0;
    std::uint16_t source = 0;
    std::uint16_t outcome = 0;
    std::uint64_t categories = 0;  // bit k: the rule set's category k

    friend bool operator==(const Contact&, const Contact&) = default;
};

struct Chronology {
    bool complete = false;          // every agency checked; false: more contacts may exist
    std::vector<Contact> contacts;  // oldest first (see sort_contacts)

    friend bool operator==(const Chronology&, const Chronology&) = default;
};

// Oldest first; contacts on one day keep a fixed order, so that a chronology reads and writes
// back the same whatever order it was typed in.
void sort_contacts(std::vector<Contact>& contacts);

// How far back an aggregate looks from the referral: "12 months", "90 days", "2 years".
enum class WindowUnit : std::uint8_t { All, Days, Weeks, Months, Years };

struct Window {
    WindowUnit unit = WindowUnit::All;  // All: the whole chronology
    std::int32_t amount = 0;

    friend bool operator==(const Window&, const Window&) = default;
};

// The first day inside a window ending on the referral day: "12 months" before 15 June 2026
// starts on 15 June 2025 (month ends clamp: 6 months before 31 August is 28 or 29 February).
// Both ends count.
DayNumber window_start(DayNumber referral_day, Window w);

// Reads "12 months", "1 year", "90 days", "4 weeks". On failure returns nothing, with what is
// wrong in `problem` and the byte of `text` it concerns in `at`.
std::optional<Window> parse_window(std::string_view text, std::string& problem, std::uint32_t& at);

// "12 months", as written back.
std::string window_text(Window w);
// "in the 12 months before the referral", "in the year before the referral", "" for All.
std::string window_words(Window w);

}  // namespace continuum::engine
