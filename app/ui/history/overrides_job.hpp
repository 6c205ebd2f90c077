// Works out the override figures off the frame loop: a worker opens its own read-only handle
// on the audit store, reads every decision once and checks the chain; the frame loop collects
// the result when it is ready (the worker wakes it).
#pragma once
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "audit/decision_stats.hpp"
#include "engine/ruleset/schema.hpp"

namespace continuum::ui {

struct OverridesResult {
    std::string error;  // the store could not be opened or read: no figures
    audit::DecisionStats stats;
    audit::VerifyReport chain;
    std::string store;
};

class OverridesJob {
  public:
    using OpenStore = std::function<std::unique_ptr<audit::Store>(std::string& error)>;
    // `open` runs on the worker; `rules` names and orders the levels of its own rule set where
    // the records do not; `wake` runs on the worker once the result is ready.
    OverridesJob(OpenStore open, audit::StatsRequest request,
                 std::shared_ptr<const engine::RuleSet> rules, std::function<void()> wake);
    ~OverridesJob();  // waits for the worker
    OverridesJob(const OverridesJob&) = delete;
    OverridesJob& operator=(const OverridesJob&) = delete;

    std::optional<OverridesResult> take();  // once, when ready
    void wait() const { result_.wait(); }

  private:
    std::future<OverridesResult> result_;
    std::thread worker_;
};

}  // namespace continuum::ui
