// Opens the audit store behind the DecisionSink interface.
#pragma once
#include <memory>
#include <string>

#include "decision_sink.hpp"

namespace continuum::ui {

// `path` empty: the store's default location. When no store can be opened, a sink that
// refuses every append with the reason, so nothing is ever shown as recorded that was not.
std::unique_ptr<DecisionSink> open_audit_sink(const std::string& path);

}  // namespace continuum::ui
