#include "audit_sink.hpp"

namespace continuum::ui {

std::unique_ptr<DecisionSink> open_audit_sink(const std::string&) {
    // The SQLite audit store is being written on its own branch; until it is merged this build
    // has nowhere durable to record, and says so.
    return std::make_unique<UnavailableSink>("this build does not include the audit store yet");
}

}  // namespace continuum::ui
