// The decision report: what the practitioner pastes into the case system or files. One
// model of sections rendered as plain text, Markdown or a standalone HTML page, so the three
// never say different things.
#pragma once
#include <string>
#include <vector>

#include "audit/decision_record.hpp"
#include "evaluation.hpp"

namespace continuum::report {

struct ReportSection {
    std::string heading;
    std::vector<std::string> lines;
};

// `chain_head` is the audit chain's head after this record (printed so a truncated log can be
// noticed from outside); empty when the store could not say.
std::vector<ReportSection> decision_sections(const Evaluation& e, const audit::DecisionRecord& r,
                                             const std::string& chain_head);

std::string decision_text(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head);
std::string decision_markdown(const Evaluation& e, const audit::DecisionRecord& r,
                              const std::string& chain_head);
std::string decision_html(const Evaluation& e, const audit::DecisionRecord& r,
                          const std::string& chain_head);

std::string html_escape(const std::string& s);

}  // namespace continuum::report
