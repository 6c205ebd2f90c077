// The session's part of the Rules view: reloading when the folder changes, running impact off
// the UI thread and collecting it, opening a changed case under both rule sets, and the diff.
#include <fmt/format.h>

#include <filesystem>

#include "engine/ruleset/load.hpp"
#include "rules_tools.hpp"
#include "ui/triage/session.hpp"

namespace continuum::ui {

void Session::on_rules(const intent::OpenRules&) {
    state_.rules_view.open = true;
}

void Session::on_rules(const intent::CloseRules&) {
    state_.rules_view.open = false;
}

void Session::on_rules(const intent::SelectRulesTab& i) {
    state_.rules_view.tab = i.tab;
}

void Session::on_rules(const intent::RulesChangedOnDisk&) {
    if (state_.rules_status.folder.empty()) return;
    auto before = state_.rules;
    bool ok = load_rules(state_.rules_status.folder);
    state_.notice = ok ? "Rule files changed on disk: reloaded."
                       : "Rule files changed on disk but have errors: still using the last good "
                         "rules (see Rules, F6).";
    // The impact shown follows the rules in use: run it again against the same base.
    ImpactState& im = state_.rules_view.impact;
    if (ok && state_.rules != before && (im.report || im.running) && !im.library.empty())
        start_impact(im.library, impact_base_folder_);
}

void Session::start_impact(const std::string& library, const std::string& base_folder) {
    ImpactState& im = state_.rules_view.impact;
    im.error.clear();
    im.library = library;
    impact_base_folder_ = base_folder;
    if (!state_.rules) {
        im.error = "No rule set is loaded.";
        return;
    }
    std::shared_ptr<const engine::RuleSet> base = start_rules_;
    if (!base_folder.empty()) {
        engine::LoadResult other = engine::load_ruleset(base_folder);
        if (!other.ok()) {
            im.error = fmt::format("The base rule set in {} has errors:", base_folder);
            for (const auto& m : other.diagnostics.items())
                if (m.severity == engine::Severity::Error)
                    im.error += "\n" + engine::format_diagnostic(m);
            return;
        }
        base = other.rules;
        im.base_label = fmt::format("{} {} in {}", base->info.id, base->info.version, base_folder);
    } else {
        im.base_label = fmt::format("the rules as they were at start ({} {}, {})", base->info.id,
                                    base->info.version, base->digest.substr(0, 12));
    }
    if (impact_job_)
        impact_job_->wait();  // a run already going finishes first; its result is dropped
    impact_job_.reset();
    pending_base_ = base;
    pending_candidate_ = state_.rules;
    im.running = true;
    impact_job_ = std::make_unique<ImpactJob>(base, state_.rules, library, wake_);
}

void Session::on_rules(const intent::RunImpact& i) {
    start_impact(i.library, i.base_folder);
}

void Session::poll_jobs() {
    poll_store();
    if (!impact_job_) return;
    std::optional<ImpactResult> r = impact_job_->take();
    if (!r) return;
    impact_job_.reset();
    ImpactState& im = state_.rules_view.impact;
    im.running = false;
    im.opened.reset();
    if (!r->error.empty()) {
        im.error = r->error;
        im.report.reset();
        return;
    }
    im.report = std::move(r->report);
    im.seconds = r->seconds;
    ++im.runs;
    impact_library_text_ = std::move(r->library_text);
    impact_base_ = std::move(pending_base_);
    impact_candidate_ = std::move(pending_candidate_);
    scratch_.rules_view.group_filter = -1;
    scratch_.rules_view.cell.reset();
}

void Session::wait_for_jobs() {
    if (impact_job_) impact_job_->wait();
    if (overrides_job_) overrides_job_->wait();
    poll_overrides();
    poll_jobs();
}

void Session::on_rules(const intent::OpenImpactCase& i) {
    ImpactState& im = state_.rules_view.impact;
    if (!im.report || !impact_base_ || !impact_candidate_) return;
    im.opened = open_impact_case(*impact_base_, *impact_candidate_, *im.report, i.change,
                                 impact_library_text_);
}

void Session::on_rules(const intent::CloseImpactCase&) {
    state_.rules_view.impact.opened.reset();
}

void Session::on_rules(const intent::DiffAgainst& i) {
    if (!state_.rules) return;
    state_.rules_view.diff = diff_against(*state_.rules, i.folder);
}

}  // namespace continuum::ui
