// The fixed answers of the record step: consent to a service, the lawful basis for sharing
// information, and the override categories. Ids go into the audit record; labels are shown.
#pragma once
#include <array>
#include <string_view>

namespace continuum::ui {

struct RecordOption {
    std::string_view id;
    std::string_view label;
};

inline constexpr std::array<RecordOption, 4> kServiceConsent{{
    {"given", "Given by the family"},
    {"refused", "Refused by the family"},
    {"not_sought", "Not sought (seeking it would increase the risk)"},
    {"not_needed", "Not needed for this decision"},
}};

inline constexpr std::array<RecordOption, 4> kSharingBasis{{
    {"consent", "Consent"},
    {"public_task_safeguarding", "Public task / safeguarding (no consent needed)"},
    {"vital_interests", "Vital interests (immediate risk to life)"},
    {"none", "No information shared"},
}};

inline constexpr std::array<RecordOption, 2> kOverrideCategory{{
    {"policy", "Policy (a local policy requires a different level or route)"},
    {"discretionary", "Discretionary (my professional judgement)"},
}};

}  // namespace continuum::ui
