// An evaluation as plain text for a terminal or a case note: the suggestion first, then the
// reasons, actions, consent, what could change it, and (in full) every rule's trace.
#pragma once
#include <string>

#include "evaluation.hpp"

namespace continuum::report {

enum class Detail { Summary, Full };

std::string to_text(const Evaluation& e, Detail detail);

// One trace entry as a line: "rule 'x' fired: condition | read: a = yes".
std::string trace_line(const engine::RuleSet& rules, const engine::TraceEntry& t);

}  // namespace continuum::report
