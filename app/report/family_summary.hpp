// The family summary: a short letter in plain English for the child's parents or carers, or
// for a young person, in the rule set's own words ([family_letter], [[family_text]]): what the
// concern is, what happens next and by when, what they can agree to or refuse and what happens
// without their agreement, and who to contact. It is built only from that wording, the due
// dates and the contact's name: never from answers, notes or who made the referral (golden
// rule 5).
#pragma once
#include <string>
#include <vector>

#include "evaluation.hpp"

namespace continuum::report {

enum class FamilyAudience { Parents, YoungPerson };

struct FamilySection {
    std::string heading;
    std::vector<std::string> paragraphs;
};

struct FamilySummary {
    bool available = false;
    std::string why_not;  // for the practitioner when not available
    std::string title;
    std::vector<std::string> opening;
    std::vector<FamilySection> sections;
    std::vector<std::string> closing;
};

// `contact` is who the family should contact ("Sam Patel, social worker"); empty: the rule
// set's words stand alone.
FamilySummary family_summary(const Evaluation& e, FamilyAudience who, const std::string& contact);

// As plain text (lines of at most 100 characters) or as a standalone accessible HTML page.
std::string family_text(const FamilySummary& s);
std::string family_html(const FamilySummary& s);

// Every sentence the family reads (headings left out), for readability figures and tests.
std::string family_body(const FamilySummary& s);

// Flesch reading ease of English prose: 206.835 - 1.015 (words / sentences) - 84.6 (syllables
// / words). 90-100 very easy (about age 11), 80-90 easy, 70-80 fairly easy.
double flesch_reading_ease(const std::string& text);

}  // namespace continuum::report
