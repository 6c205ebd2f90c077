// Runs an impact analysis off the UI thread: the library is read and both rule sets evaluated
// on a worker (the engine splits the cases across threads again), and the frame loop collects
// the report when it is ready. The rule sets are shared, so a reload meanwhile is harmless.
#pragma once
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "policy/impact.hpp"

namespace continuum::ui {

struct ImpactResult {
    std::string error;  // the library could not be read
    engine::ImpactReport report;
    std::string library_text;  // kept to re-read a case for the drill-down
    double seconds = 0;
};

class ImpactJob {
  public:
    // `wake` is called on the worker when the report is ready (the GUI posts an empty event
    // so that a sleeping frame loop collects it).
    ImpactJob(std::shared_ptr<const engine::RuleSet> base,
              std::shared_ptr<const engine::RuleSet> candidate, std::string library,
              std::function<void()> wake);
    ~ImpactJob();  // waits for the worker
    ImpactJob(const ImpactJob&) = delete;
    ImpactJob& operator=(const ImpactJob&) = delete;

    // The result once, when ready; nullopt while running.
    std::optional<ImpactResult> take();
    void wait() const { result_.wait(); }

  private:
    std::future<ImpactResult> result_;
    std::thread worker_;
};

}  // namespace continuum::ui
