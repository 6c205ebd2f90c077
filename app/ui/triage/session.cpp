#include "session.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>
#include <fstream>

#include "decision.hpp"
#include "engine/case_io.hpp"
#include "engine/ruleset/load.hpp"
#include "engine/trace.hpp"
#include "report/decision_report.hpp"
#include "ui/history/history.hpp"
#include "ui/rules/rules_tools.hpp"
#include "ui/shell/write_file.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

// The referral time a new case starts with: now, on the local clock (the practitioner changes
// it when the referral came in earlier).
DateTime now_local() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return {day_number(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                       static_cast<unsigned>(tm.tm_mday)),
            tm.tm_hour * 3600 + tm.tm_min * 60};
}

// Answering a question must feel instant: the what-could-change search gets a tenth of the
// command line's budget (measured: about 0.5 s of CPU for an empty Surrey case at the default
// 20,000 evaluations). When the budget runs out the panel says more answers may matter.
const ChangeLimits kGuiChangeLimits{3, 2000, 6};

}  // namespace

Session::Session(DecisionSink& sink, Settings settings) : sink_(sink) {
    state_.settings = std::move(settings);
    state_.sink = sink_.status();
    scratch_.settings_edit = state_.settings;
    start_store();
}

bool Session::load_rules(const std::filesystem::path& folder) {
    LoadResult loaded = load_ruleset(folder);
    state_.rules_status.folder = folder.string();
    state_.rules_status.diagnostics = loaded.diagnostics;
    state_.rules_status.last_load_failed = !loaded.ok();
    if (!loaded.ok()) return false;

    // Carry the answers over by question id, so a reload never loses what was typed.
    Case next = blank_case(*loaded.rules);
    if (state_.rules) {
        next.ref = state_.kase.ref;
        next.referred_at = state_.kase.referred_at;
        for (std::size_t i = 0; i < state_.rules->questions.size(); ++i) {
            std::uint32_t qi = loaded.rules->question_index(state_.rules->questions[i].id);
            if (qi != kNone && state_.rules->questions[i].type == loaded.rules->questions[qi].type)
                next.answers[qi] = state_.kase.answers[i];
        }
    } else {
        next.referred_at = now_local();
    }
    state_.rules = loaded.rules;
    if (!start_rules_) start_rules_ = loaded.rules;
    state_.rules_view.catalogue = build_catalogue(*loaded.rules);
    state_.kase = std::move(next);
    rebuild_steps();
    reevaluate();
    reset_draft();
    load_training(folder);
    return true;
}

bool Session::open_case(const std::filesystem::path& file, std::string& error) {
    if (!state_.rules) {
        error = "no rule set is loaded, so the case cannot be read";
        return false;
    }
    Diagnostics d;
    std::optional<Case> c = read_case_file(*state_.rules, file.string(), d);
    if (!c || d.has_errors()) {
        for (const auto& m : d.items())
            if (m.severity == Severity::Error) error += format_diagnostic(m) + "\n";
        return false;
    }
    state_.kase = std::move(*c);
    scratch_.text.erase("ref");
    scratch_.text.erase("referred_at");
    state_.unsaved = false;
    reevaluate();
    reset_draft();
    return true;
}

void Session::rebuild_steps() {
    const RuleSet& rules = *state_.rules;
    std::string current = state_.step < state_.steps.size() ? state_.steps[state_.step].title : "";
    state_.steps.clear();
    for (std::uint32_t d = 0; d < rules.domains.size(); ++d) {
        bool has = false;
        for (const auto& q : rules.questions)
            has = has || q.domain_index == d;
        if (has) state_.steps.push_back({rules.domains[d].title, d, false});
    }
    state_.steps.push_back({"Review and record", kNoQuestion, true});
    state_.step = 0;
    for (std::size_t i = 0; i < state_.steps.size(); ++i)
        if (state_.steps[i].title == current) state_.step = i;
}

void Session::reevaluate() {
    const RuleSet& rules = *state_.rules;
    state_.evaluation = report::evaluate_fully(rules, state_.kase, kGuiChangeLimits);
    ++evaluations_;
    state_.applies.resize(rules.questions.size());
    engine::Tracer tracer(rules);
    for (std::uint32_t q = 0; q < rules.questions.size(); ++q)
        state_.applies[q] = question_applies(tracer, state_.kase, state_.evaluation.outcome, q);
    state_.record.problem = draft_problem(state_, scratch_.draft);
}

void Session::reset_draft() {
    RecordDraft& d = scratch_.draft;
    d.agree = true;
    d.level = state_.evaluation.outcome.level;
    d.routes = state_.evaluation.outcome.routes;
    d.category = OverrideCategory::None;
    d.reason.clear();
    state_.record.problem = draft_problem(state_, d);
}

bool Session::select_step(const std::string& name) {
    for (std::size_t i = 0; i < state_.steps.size(); ++i) {
        const Step& s = state_.steps[i];
        bool match = s.title == name || std::to_string(i + 1) == name ||
                     (s.is_record && name == "record") ||
                     (!s.is_record && state_.rules->domains[s.domain].id == name);
        if (match) {
            state_.step = i;
            return true;
        }
    }
    return false;
}

std::optional<std::string> Session::take_clipboard() {
    auto out = std::move(clipboard_);
    clipboard_.reset();
    return out;
}

void Session::apply_all(Intents& intents) {
    for (const auto& i : intents)
        apply(i);
    intents.clear();
    poll_jobs();
    poll_overrides();
}

void Session::apply(const Intent& intent) {
    if (apply_training(intent)) return;
    std::visit(
        [this](const auto& i) {
            using T = std::decay_t<decltype(i)>;
            bool case_changed = false;
            if constexpr (std::is_same_v<T, intent::SetAnswer>) {
                if (state_.rules && i.question < state_.kase.answers.size()) {
                    state_.kase.answers[i.question] = i.answer;
                    case_changed = true;
                }
            } else if constexpr (std::is_same_v<T, intent::SetCaseRef>) {
                state_.kase.ref = i.ref;
                case_changed = true;
            } else if constexpr (std::is_same_v<T, intent::SetReferredAt>) {
                state_.kase.referred_at = i.at;
                case_changed = true;
            } else if constexpr (std::is_same_v<T, intent::GoToStep>) {
                if (i.step < state_.steps.size()) state_.step = i.step;
            } else if constexpr (std::is_same_v<T, intent::JumpToQuestion>) {
                if (state_.rules && i.question < state_.rules->questions.size()) {
                    std::uint32_t d = state_.rules->questions[i.question].domain_index;
                    for (std::size_t s = 0; s < state_.steps.size(); ++s)
                        if (state_.steps[s].domain == d) state_.step = s;
                    state_.focus_question = i.question;
                    ++state_.focus_serial;
                }
            } else if constexpr (std::is_same_v<T, intent::FocusDone>) {
                if (i.serial == state_.focus_serial) state_.focus_question = kNoQuestion;
            } else if constexpr (std::is_same_v<T, intent::Record>) {
                if (state_.steps.empty() || state_.steps[state_.step].is_record) {
                    record();
                } else {
                    // From a question step, Ctrl+Enter first shows what would be recorded.
                    state_.step = state_.steps.size() - 1;
                    state_.focus_question = kFocusRecord;
                    ++state_.focus_serial;
                }
            } else if constexpr (std::is_same_v<T, intent::CopyReport>) {
                clipboard_ = report_text();
                state_.notice = "Decision report copied to the clipboard as plain text.";
            } else if constexpr (std::is_same_v<T, intent::SaveReport>) {
                save_report(i.format);
            } else if constexpr (std::is_same_v<T, intent::CopyFamilySummary>) {
                copy_family_summary(i.young_person);
            } else if constexpr (std::is_same_v<T, intent::SaveFamilySummary>) {
                save_family_summary(i.young_person);
            } else if constexpr (std::is_same_v<T, intent::NewCase>) {
                if (state_.record.phase == RecordPhase::Sending) {
                    // Its outcome is shown on this case's record step: stay until it is known.
                    state_.notice =
                        "The decision is still being sent: a new case can be started "
                        "once it is recorded or held.";
                } else if (state_.rules) {
                    state_.kase = blank_case(*state_.rules);
                    state_.kase.referred_at = now_local();
                    scratch_.text.clear();
                    state_.record = {};
                    state_.unsaved = false;
                    state_.step = 0;
                    reevaluate();
                    reset_draft();
                    scratch_.draft.service_consent = scratch_.draft.sharing_basis = -1;
                    scratch_.draft.family_informed = false;
                    scratch_.draft.consent_note.clear();
                }
            } else if constexpr (std::is_same_v<T, intent::OpenSettings>) {
                scratch_.settings_edit = state_.settings;
                state_.settings_open = true;
            } else if constexpr (std::is_same_v<T, intent::ApplySettings>) {
                state_.settings = i.settings;
                state_.settings_open = false;
                if (state_.rules) state_.record.problem = draft_problem(state_, scratch_.draft);
            } else if constexpr (std::is_same_v<T, intent::CloseSettings>) {
                state_.settings_open = false;
            } else if constexpr (std::is_same_v<T, intent::ReloadRules>) {
                if (!state_.rules_status.folder.empty()) {
                    bool ok = load_rules(state_.rules_status.folder);
                    state_.notice =
                        ok ? "Rules reloaded."
                           : "The edited rules have errors: still using the last good rules.";
                }
            } else if constexpr (std::is_same_v<T, intent::RequestClose>) {
                if (state_.unsaved || state_.record.phase == RecordPhase::Sending)
                    state_.confirm_close = true;
                else
                    state_.close_now = true;
            } else if constexpr (std::is_same_v<T, intent::ConfirmClose>) {
                state_.close_now = true;
            } else if constexpr (std::is_same_v<T, intent::CancelClose>) {
                state_.confirm_close = false;
                state_.close_after_send = false;
            } else if constexpr (std::is_same_v<T, intent::Notice>) {
                state_.notice = i.text;
            } else if constexpr (std::is_same_v<T, intent::OpenHistory>) {
                state_.history.open = true;
                state_.history.export_message.clear();
                refresh_history(scratch_.history.filter, true);
            } else if constexpr (std::is_same_v<T, intent::CloseHistory>) {
                state_.history.open = false;
            } else if constexpr (std::is_same_v<T, intent::FilterHistory>) {
                refresh_history(i.filter, false);
            } else if constexpr (std::is_same_v<T, intent::SelectHistory>) {
                state_.history.selected = i.sequence;
            } else if constexpr (std::is_same_v<T, intent::ExportHistory>) {
                export_history(state_.history, i.path, i.format);
            } else if constexpr (requires { this->on_rules(i); }) {
                on_rules(i);
            } else if constexpr (requires { this->on_store(i); }) {
                on_store(i);
            } else if constexpr (requires { this->on_overrides(i); }) {
                on_overrides(i);
            }
            if (case_changed) {
                ++case_revision_;
                state_.unsaved = true;
                if (state_.record.phase == RecordPhase::Recorded ||
                    state_.record.phase == RecordPhase::Held)
                    state_.record.phase = RecordPhase::Editing;
                std::uint32_t old_level = state_.evaluation.outcome.level;
                auto old_routes = state_.evaluation.outcome.routes;
                reevaluate();
                // The override draft follows the suggestion until the practitioner overrides.
                if (scratch_.draft.agree ||
                    (old_level == scratch_.draft.level && old_routes == scratch_.draft.routes))
                    reset_draft();
            }
        },
        intent);
    if (state_.rules) state_.record.problem = draft_problem(state_, scratch_.draft);
}

std::string Session::report_text() const {
    return report::decision_text(state_.evaluation, state_.record.record, state_.record.chain_head);
}

void Session::save_report(intent::ReportFormat format) {
    const RecordPhase phase = state_.record.phase;
    if (phase != RecordPhase::Recorded && phase != RecordPhase::Held) return;
    bool html = format == intent::ReportFormat::Html;
    std::filesystem::path path = scratch_.report_path;
    if (path.empty()) {
        // A held decision has no audit record number yet: its submission id names it.
        const auto& r = state_.record.record;
        std::string which = phase == RecordPhase::Held ? "held-" + r.submission_id.substr(0, 8)
                                                       : std::to_string(r.sequence);
        path = report_folder(state_.settings.report_folder) /
               fmt::format("decision-{}-{}.{}", r.case_ref, which, html ? "html" : "md");
    }
    std::string text = html ? report::decision_html(state_.evaluation, state_.record.record,
                                                    state_.record.chain_head)
                            : report::decision_markdown(state_.evaluation, state_.record.record,
                                                        state_.record.chain_head);
    std::string error;
    if (!write_whole_file(path, text, error)) {
        state_.notice = error;
        return;
    }
    state_.record.report_saved_to = path.string();
    state_.notice = "Report saved to " + path.string();
}

}  // namespace continuum::ui
