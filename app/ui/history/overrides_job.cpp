#include "overrides_job.hpp"

#include <chrono>

namespace continuum::ui {

namespace {

OverridesResult run(const OverridesJob::OpenStore& open, audit::StatsRequest request,
                    const std::shared_ptr<const engine::RuleSet>& rules) {
    OverridesResult out;
    std::unique_ptr<audit::Store> store = open(out.error);
    if (!store) return out;
    out.store = store->location();
    request.rules = rules.get();
    request.keep_sequences = true;  // a bar or a cell opens its decisions in History
    std::string error;
    if (!audit::compute_stats(*store, request, out.stats, error)) {
        out.error = "Cannot read the decisions in " + out.store + ": " + error;
        return out;
    }
    out.chain = store->verify();
    return out;
}

}  // namespace

OverridesJob::OverridesJob(OpenStore open, audit::StatsRequest request,
                           std::shared_ptr<const engine::RuleSet> rules,
                           std::function<void()> wake) {
    std::promise<OverridesResult> promise;
    result_ = promise.get_future();
    // The result is set before the loop is woken, so the wake always finds it ready.
    worker_ = std::thread([promise = std::move(promise), open = std::move(open),
                           request = std::move(request), rules = std::move(rules),
                           wake = std::move(wake)]() mutable {
        OverridesResult result;
        try {
            result = run(open, std::move(request), rules);
        } catch (const std::exception& e) {  // never take the window down with the worker
            result = {};
            result.error = std::string("The figures could not be worked out: ") + e.what();
        }
        promise.set_value(std::move(result));
        if (wake) wake();
    });
}

OverridesJob::~OverridesJob() {
    if (worker_.joinable()) worker_.join();
}

std::optional<OverridesResult> OverridesJob::take() {
    if (!result_.valid() || result_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return std::nullopt;
    return result_.get();
}

}  // namespace continuum::ui
