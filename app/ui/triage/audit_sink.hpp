// Opens the audit store behind the DecisionSink interface.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "decision_sink.hpp"

namespace continuum::ui {

// `path` empty: the store's default file. A team store (a postgresql:// URI or a libpq
// connection string) gives a TeamSink holding decisions in `outbox` (empty: the default
// outbox file) when the server cannot be reached; it connects on first use, not here. When no
// file store can be opened, a sink that refuses every append with the reason, so nothing is
// ever shown as recorded that was not.
std::unique_ptr<DecisionSink> open_audit_sink(const std::string& path,
                                              const std::filesystem::path& outbox = {});

}  // namespace continuum::ui
