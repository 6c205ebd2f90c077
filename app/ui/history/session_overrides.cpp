// The Overrides view's side of the session: the figures are worked out on a worker with its own
// read-only handle on the audit store when the view opens or its period changes, collected
// when ready, and a bar or cell clicked opens History on the decisions behind it.
#include <fmt/format.h>

#include "ui/triage/session.hpp"

namespace continuum::ui {

void Session::on_overrides(const intent::OpenOverrides&) {
    state_.overrides.open = true;
    state_.history.open = false;  // one view at a time
    start_overrides();
}

void Session::on_overrides(const intent::CloseOverrides&) {
    state_.overrides.open = false;
}

void Session::on_overrides(const intent::OverridesPeriod& p) {
    OverridesState& o = state_.overrides;
    o.period_problem.clear();
    for (const auto& [date, which] : {std::pair{&p.from, "'from'"}, std::pair{&p.to, "'to'"}})
        if (!date->empty() && !audit::valid_date(*date)) {
            o.period_problem = fmt::format(
                "The {} date '{}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.", which,
                *date);
            return;  // the figures shown stay those of the last good period
        }
    if (!p.from.empty() && !p.to.empty() && p.from > p.to) {
        o.period_problem = fmt::format("The period starts ({}) after it ends ({}).", p.from, p.to);
        return;
    }
    o.from = p.from;
    o.to = p.to;
    start_overrides();
}

void Session::on_overrides(const intent::ShowDecisions& s) {
    state_.overrides.open = false;
    scratch_.history.filter = s.filter;
    apply(intent::OpenHistory{});
}

void Session::start_overrides() {
    OverridesState& o = state_.overrides;
    if (overrides_job_) {  // one at a time: the newest period is worked out next
        overrides_again_ = true;
        return;
    }
    audit::StatsRequest request;
    if (!o.from.empty()) request.from = o.from;
    if (!o.to.empty()) request.to = o.to;
    const DecisionSink* sink = &sink_;  // outlives the session, and so the job
    o.working = true;
    overrides_job_ = std::make_unique<OverridesJob>(
        [sink](std::string& error) { return sink->open_reader(error); }, request, state_.rules,
        wake_);
}

void Session::poll_overrides() {
    if (!overrides_job_) return;
    std::optional<OverridesResult> r = overrides_job_->take();
    if (!r) return;
    overrides_job_.reset();
    OverridesState& o = state_.overrides;
    o.working = false;
    if (overrides_again_) {  // the period changed while these were worked out
        overrides_again_ = false;
        start_overrides();
        return;
    }
    ++o.computed;
    o.unavailable = r->error;
    o.have = r->error.empty();
    if (!o.have) return;
    o.stats = std::move(r->stats);
    o.chain = std::move(r->chain);
    o.store = std::move(r->store);
}

}  // namespace continuum::ui
