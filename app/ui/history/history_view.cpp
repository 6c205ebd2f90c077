// History: the decisions recorded in the audit log, newest first, with filters and a search;
// one opened read-only (answers, outcome, trace, override, consent); whether the chain holds;
// export of what is listed. Drawn only from AppState::history, which the session loads from
// the store when the view opens, a filter changes or a decision is recorded.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"
#include "ui/triage/record_options.hpp"

namespace continuum::ui {

namespace {

const char* kPopup = "History";

// "2026-11-24T09:41:07Z" as "2026-11-24 09:41".
std::string short_time(const std::string& utc) {
    if (utc.size() < 16) return utc;
    return utc.substr(0, 10) + " " + utc.substr(11, 5);
}

// The level's name when the record was made under the rule set now loaded, else its id.
std::string level_name(const AppState& s, const audit::DecisionRecord& r, const std::string& id) {
    if (s.rules && s.rules->info.id == r.ruleset_id) {
        std::uint32_t li = s.rules->level_index(id);
        if (li != engine::kNone) return s.rules->levels[li].name;
    }
    return id;
}

// "s47 Enquiries: significant harm" when the loaded rule set has the route, else its id.
std::string route_name(const AppState& s, const audit::DecisionRecord& r, const std::string& id) {
    if (s.rules && s.rules->info.id == r.ruleset_id) {
        std::uint32_t ri = s.rules->route_index(id);
        if (ri != engine::kNone) return id + " " + s.rules->routes[ri].title;
    }
    return id;
}

std::string finding_words(const std::string& finding) {
    if (finding == "met") return "met";
    if (finding == "not_met") return "not met";
    if (finding == "cannot_rule_out") return "? cannot rule out";
    return finding;
}

// The routes the practitioner found met or could not rule out, e.g. "s17, s47 ?".
std::string routes_decided(const audit::DecisionRecord& r) {
    std::string out;
    for (const auto& d : r.routes) {
        if (d.decided == "not_met") continue;
        if (!out.empty()) out += ", ";
        out += d.route + (d.decided == "cannot_rule_out" ? " ?" : "");
    }
    return out.empty() ? "none" : out;
}

template <std::size_t N>
std::string option_label(const std::array<RecordOption, N>& options, const std::string& id) {
    for (const auto& o : options)
        if (o.id == id) return std::string(o.label);
    return id.empty() ? "not recorded" : id;
}

std::string json_value_text(const nlohmann::json& v) {
    if (v.is_boolean()) return v.get<bool>() ? "Yes" : "No";
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

// The question's prompt when the loaded rule set has it, else its id.
std::string question_text(const AppState& s, const audit::DecisionRecord& r,
                          const std::string& id) {
    if (s.rules && s.rules->info.id == r.ruleset_id) {
        std::uint32_t qi = s.rules->question_index(id);
        if (qi != engine::kNone) return s.rules->questions[qi].prompt;
    }
    return id;
}

// A two-column line: a muted label, then wrapped text.
void field(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::TextWrapped("%s", label);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

bool begin_fields(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 11.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

// Listing the decisions behind a figure of the Overrides view: say which, and the ways out.
void draw_figure_selection(const AppState& s, HistoryFilter& f, Intents& out) {
    if (s.history.applied.about.empty()) return;
    ImGui::AlignTextToFramePadding();
    widgets::bold_text(("Showing the decisions behind: " + s.history.applied.about + ".").c_str());
    if (ImGui::Button("Show all decisions")) {
        f.sequences.clear();
        f.about.clear();
    }
    widgets::register_item("history/all_decisions");
    ImGui::SameLine();
    if (ImGui::Button("Back to the figures")) out.push_back(intent::OpenOverrides{});
    widgets::register_item("history/back_to_figures");
}

void draw_filters(const AppState& s, HistoryScratch& hs, Intents& out) {
    HistoryFilter& f = hs.filter;
    float em = ImGui::GetFontSize();
    auto date = [&](const char* label, const char* id, std::string& value) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 6.5f);
        ImGui::InputTextWithHint(id, "YYYY-MM-DD", &value);
        widgets::register_item(std::string("history/") + (id + 2));
        ImGui::SameLine();
    };
    // A combo of "Any" and the given (id, shown) pairs.
    auto combo = [&](const char* label, const char* id, std::string& value,
                     const std::vector<std::pair<std::string, std::string>>& items, float width) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(width);
        std::string preview = "Any";
        for (const auto& [key, shown] : items)
            if (key == value) preview = shown;
        if (!value.empty() && preview == "Any") preview = value;
        if (ImGui::BeginCombo(id, preview.c_str())) {
            if (ImGui::Selectable("Any", value.empty())) value.clear();
            for (const auto& [key, shown] : items)
                if (ImGui::Selectable(shown.c_str(), key == value)) value = key;
            ImGui::EndCombo();
        }
        widgets::register_item(std::string("history/") + (id + 2));
        ImGui::SameLine();
    };
    date("From", "##from", f.from);
    date("to", "##to", f.to);
    std::vector<std::pair<std::string, std::string>> people, levels, routes;
    for (const auto& p : s.history.practitioners)
        people.emplace_back(p, p);
    if (s.rules) {
        for (const auto& l : s.rules->levels)
            levels.emplace_back(l.id, l.name);
        for (const auto& r : s.rules->routes)
            routes.emplace_back(r.id, r.id + ": " + r.title);
    }
    combo("Practitioner", "##practitioner", f.practitioner, people, em * 10.0f);
    combo("Level", "##level", f.level, levels, em * 10.0f);
    combo("Route", "##route", f.route, routes, em * 9.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Search");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em * 8.0f, ImGui::GetContentRegionAvail().x - em * 6.0f));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##search", "case, practitioner, reason or note", &f.text);
    widgets::register_item("history/search");
    ImGui::SameLine();
    if (ImGui::Button("Clear")) f = {};
    widgets::register_item("history/clear");
    // The list is reloaded only when the filter changed, never every frame.
    if (!(f == s.history.applied)) out.push_back(intent::FilterHistory{f});
    if (!s.history.filter_problem.empty())
        widgets::wrapped_coloured(palette().warning, s.history.filter_problem);
    draw_figure_selection(s, f, out);
}

void draw_list(const AppState& s, Intents& out) {
    const HistoryState& h = s.history;
    if (h.records.empty()) {
        ImGui::TextWrapped("%s", h.total == 0 ? "No decisions have been recorded in this log yet."
                                              : "No recorded decision matches these filters.");
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                            ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("history_list", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Recorded (UTC)", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Case", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Practitioner", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Level", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Routes", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Decision", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(h.records.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const audit::DecisionRecord& r = h.records[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool selected = r.sequence == h.selected;
            std::string label = fmt::format("{}##row{}", short_time(r.recorded_at), r.sequence);
            if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                out.push_back(intent::SelectHistory{r.sequence});
            // Arrow keys browse: the focused row is the one shown.
            if (ImGui::IsItemFocused() && !selected)
                out.push_back(intent::SelectHistory{r.sequence});
            widgets::register_item(fmt::format("history/row/{}", r.sequence));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.case_ref.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.practitioner.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(level_name(s, r, r.decided_level).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(routes_decided(r).c_str());
            ImGui::TableNextColumn();
            if (r.agreed) {
                ImGui::TextUnformatted("Agreed");
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, palette().warning);
                ImGui::TextUnformatted("! Overridden");
                ImGui::PopStyleColor();
            }
        }
    }
    ImGui::EndTable();
}

void draw_trace(const audit::DecisionRecord& r, HistoryScratch& hs) {
    ImGui::Checkbox("Show what did not fire too", &hs.show_not_fired);
    widgets::register_item("history/show_not_fired");
    const nlohmann::json* trace = nullptr;
    if (r.evaluation.is_object() && r.evaluation.contains("trace") &&
        r.evaluation["trace"].is_array())
        trace = &r.evaluation["trace"];
    if (!trace || trace->empty()) {
        ImGui::TextWrapped("The stored evaluation has no trace.");
        return;
    }
    if (!ImGui::BeginTable("trace", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg))
        return;
    float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthFixed, em * 7.5f);
    ImGui::TableSetupColumn("kind", ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn("says", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& t : *trace) {
        std::string status = t.value("status", "");
        if (status == "not_fired" && !hs.show_not_fired) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImVec4 colour = status == "fired"          ? palette().met
                        : status == "undetermined" ? palette().cannot_rule_out
                                                   : palette().text_muted;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(status == "fired"          ? "\u2713 fired"
                               : status == "undetermined" ? "? undetermined"
                                                          : "\u2717 not fired");
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.value("kind", "").c_str());
        ImGui::TableNextColumn();
        std::string says = t.value("says", "");
        std::string id = t.value("id", "");
        ImGui::TextWrapped("%s", says.empty() ? id.c_str() : (says + "  (" + id + ")").c_str());
    }
    ImGui::EndTable();
}

void draw_record(const AppState& s, const audit::DecisionRecord& r, HistoryScratch& hs) {
    widgets::heading(fmt::format("Record {}: case {}", r.sequence, r.case_ref).c_str());
    ImGui::TextDisabled("Read only: a recorded decision is never changed.");
    if (begin_fields("who")) {
        field("Recorded", short_time(r.recorded_at) + " UTC");
        std::string referred = r.referred_at;
        if (referred.size() > 10 && referred[10] == 'T') referred[10] = ' ';
        field("Referral received", referred);
        field("Practitioner", r.role.empty() ? r.practitioner : r.practitioner + ", " + r.role);
        field("Rule set", fmt::format("{} {} \u00B7 {}", r.ruleset_id, r.ruleset_version,
                                      r.ruleset_digest.substr(0, 12)));
        ImGui::EndTable();
    }
    ImGui::Spacing();
    widgets::bold_text("Outcome");
    if (begin_fields("outcome")) {
        field("Suggested level", level_name(s, r, r.suggested_level));
        field("Decided level", level_name(s, r, r.decided_level));
        if (r.agreed) {
            field("Decision", "Agreed with the suggestion");
        } else {
            field("Decision", "Overridden (" + r.override_category + ")");
            field("Reason", r.reason);
        }
        if (r.agreed && !r.reason.empty()) field("Note", r.reason);
        for (const auto& d : r.routes)
            field(route_name(s, r, d.route).c_str(), "suggested " + finding_words(d.suggested) +
                                                         "; decided " + finding_words(d.decided));
        ImGui::EndTable();
    }
    ImGui::Spacing();
    widgets::bold_text("Consent and information sharing");
    if (begin_fields("consent")) {
        field("Consent to a service", option_label(kServiceConsent, r.service_consent));
        field("Basis for sharing", option_label(kSharingBasis, r.sharing_basis));
        field("Family told", r.family_informed ? "Yes, told what is shared and why" : "No");
        if (!r.consent_note.empty()) field("Note", r.consent_note);
        ImGui::EndTable();
    }
    ImGui::Spacing();
    widgets::bold_text("Answers");
    if (begin_fields("answers")) {
        const nlohmann::json& a = r.answers;
        if (a.is_object() && a.contains("answers") && a["answers"].is_object())
            for (const auto& [id, value] : a["answers"].items())
                field(question_text(s, r, id).c_str(), json_value_text(value));
        if (a.is_object() && a.contains("unknown") && a["unknown"].is_array())
            for (const auto& id : a["unknown"])
                if (id.is_string())
                    field(question_text(s, r, id.get<std::string>()).c_str(), "? Unknown");
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Trace: what fired and why")) draw_trace(r, hs);
    widgets::register_item("history/trace");
    if (ImGui::CollapsingHeader("Hashes")) {
        ImGui::TextWrapped("Previous: %s", r.previous_hash.c_str());
        ImGui::TextWrapped("This record: %s", r.hash.c_str());
    }
}

// Where the list comes from, and whether the chain holds (checked on History's thread: until
// it has answered, the view says it is checking).
void draw_source(const AppState& s) {
    const HistoryState& h = s.history;
    if (!h.chain_checked || h.verifying) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        widgets::bold_text(
            h.chain_checked
                ? ("Checking the chain again\u2026 (last: " + h.chain_status + ")").c_str()
                : "Checking the chain\u2026");
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, h.chain_ok ? palette().success : palette().error);
        ImGui::PushTextWrapPos(0.0f);
        widgets::bold_text(((h.chain_ok ? "\u2713 " : "\u2717 ") + h.chain_status).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (h.team) {
        ImGui::TextWrapped("%s: the decisions of everyone who records there.", h.source.c_str());
        if (s.sink.held > 0)
            widgets::wrapped_coloured(
                palette().warning,
                fmt::format("{} decision{} held on this computer {} not in this list until the "
                            "team store records {}.",
                            s.sink.held, s.sink.held == 1 ? "" : "s",
                            s.sink.held == 1 ? "is" : "are", s.sink.held == 1 ? "it" : "them"));
    }
}

void draw_export(const AppState& s, HistoryScratch& hs, Intents& out) {
    float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(fmt::format("Export the {} listed record{} to", s.history.records.size(),
                                       s.history.records.size() == 1 ? "" : "s")
                               .c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 22.0f);
    bool enter = ImGui::InputTextWithHint("##export_path", "file path, e.g. /tmp/decisions.csv",
                                          &hs.export_path, ImGuiInputTextFlags_EnterReturnsTrue);
    widgets::register_item("history/export_path");
    ImGui::SameLine();
    if (ImGui::RadioButton("JSON Lines", hs.export_format == ExportFormat::Jsonl))
        hs.export_format = ExportFormat::Jsonl;
    ImGui::SameLine();
    if (ImGui::RadioButton("CSV", hs.export_format == ExportFormat::Csv))
        hs.export_format = ExportFormat::Csv;
    widgets::register_item("history/csv");
    ImGui::SameLine();
    if (ImGui::Button("Export") || enter)
        out.push_back(intent::ExportHistory{hs.export_path, hs.export_format});
    widgets::register_item("history/export");
    if (!s.history.export_message.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text,
                              s.history.export_failed ? palette().error : palette().success);
        ImGui::TextUnformatted(s.history.export_message.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_history_view(const AppState& s, Scratch& scratch, Intents& out) {
    const HistoryState& h = s.history;
    if (!widgets::begin_view_popup(kPopup, h.open)) return;
    widgets::capture_begin();
    HistoryScratch& hs = scratch.history;
    const float em = ImGui::GetFontSize();

    if (!h.unavailable.empty()) {
        widgets::wrapped_coloured(palette().error, h.unavailable);
        if (ImGui::Button("Try again")) out.push_back(intent::RefreshHistory{});
        widgets::register_item("history/retry");
    }
    if (h.loads > 0) {
        draw_source(s);
        draw_filters(s, hs, out);
        ImGui::Separator();

        const ImGuiStyle& st = ImGui::GetStyle();
        float footer = ImGui::GetFrameHeightWithSpacing() * 2 + st.ItemSpacing.y * 2;
        float body_h = std::max(em * 6.0f, ImGui::GetContentRegionAvail().y - footer);
        float list_w = std::max(em * 30.0f, ImGui::GetContentRegionAvail().x * 0.58f);
        ImGui::BeginChild("history_records", ImVec2(list_w, body_h), false,
                          ImGuiWindowFlags_NavFlattened);
        if (h.more_match)
            ImGui::TextDisabled(
                "The newest %zu matching of %lld recorded decisions: narrow the filters to see "
                "older ones%s",
                h.records.size(), static_cast<long long>(h.total),
                h.loading ? " (reading\u2026)" : "");
        else
            ImGui::TextDisabled("%zu of %lld recorded decisions, newest first%s", h.records.size(),
                                static_cast<long long>(h.total),
                                h.loading ? " (reading\u2026)" : "");
        draw_list(s, out);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().panel_background);
        ImGui::BeginChild("history_record", ImVec2(0, body_h), true, ImGuiWindowFlags_NavFlattened);
        auto shown = std::find_if(h.records.begin(), h.records.end(),
                                  [&](const auto& r) { return r.sequence == h.selected; });
        if (shown != h.records.end())
            draw_record(s, *shown, hs);
        else
            ImGui::TextWrapped("Choose a decision on the left to read it.");
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::Separator();
        draw_export(s, hs, out);
    } else if (h.unavailable.empty()) {
        ImGui::TextDisabled("Reading the recorded decisions\u2026");
    }
    if (widgets::close_view_button("history/close")) out.push_back(intent::CloseHistory{});
    ImGui::SameLine();
    if (ImGui::Button("Override figures")) out.push_back(intent::OpenOverrides{});
    widgets::register_item("history/override_figures");
    widgets::capture_end();
    ImGui::EndPopup();
}

}  // namespace continuum::ui
