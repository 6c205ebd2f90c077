// Where a recorded decision goes. The audit store implements it; the GUI only sees this, so
// it can be driven in tests and says plainly when there is nowhere to record.
#pragma once
#include <string>

#include "audit/decision_record.hpp"

namespace continuum::audit {
class Store;
}

namespace continuum::ui {

class DecisionSink {
  public:
    virtual ~DecisionSink() = default;
    // Appends the record, filling its sequence, time and hashes. False with `error` when it
    // could not be written; nothing is then recorded.
    virtual bool append(audit::DecisionRecord& record, std::string& error) = 0;
    // The hash at the head of the chain ("" when unknown or empty).
    virtual std::string head() const = 0;
    // Where it writes, for the status bar.
    virtual std::string describe() const = 0;
    // The store behind it, for the History view; null when there is none to read.
    virtual const audit::Store* store() const { return nullptr; }
};

// No store could be opened: every append fails with this message, so the GUI never pretends a
// decision was recorded.
class UnavailableSink final : public DecisionSink {
  public:
    explicit UnavailableSink(std::string why) : why_(std::move(why)) {}
    bool append(audit::DecisionRecord&, std::string& error) override {
        error = "audit store not available: " + why_ + ". The decision has not been recorded.";
        return false;
    }
    std::string head() const override { return {}; }
    std::string describe() const override { return "audit store not available"; }

  private:
    std::string why_;
};

}  // namespace continuum::ui
