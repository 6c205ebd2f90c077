// The chronology of earlier contacts as a compact table under its question: one row per contact
// (date, who raised it, what it was about, how it ended), oldest first, each editable in place,
// and a row below for the next contact. Everything is reachable with Tab, Space, Enter and the
// arrow keys; Enter in the new row's date field adds the contact. Every edit is one SetAnswer
// carrying the whole new chronology, so an edit that cannot be made (a date after the
// referral, no category) changes nothing and says why.
#include <algorithm>
#include <cfloat>
#include <string>

#include <fmt/format.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "engine/chronology_io.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

// Scratch keys for what is typed and chosen in the new row, until it is added.
const std::string kNewDate = "chronology/new/date";
const std::string kNewSource = "chronology/new/source";
const std::string kNewOutcome = "chronology/new/outcome";
const std::string kNewCategories = "chronology/new/categories";
const std::string kRowDate = "chronology/row/";  // + row index + "/date"

int scratch_int(const std::map<std::string, std::string>& text, const std::string& key, int none) {
    auto it = text.find(key);
    if (it == text.end() || it->second.empty()) return none;
    return std::stoi(it->second);
}

std::uint64_t scratch_mask(const std::map<std::string, std::string>& text) {
    auto it = text.find(kNewCategories);
    return it == text.end() || it->second.empty() ? 0 : std::stoull(it->second);
}

// A term's label without its parenthesis, for the narrow cells: "health (GP, health visitor,
// ...)" shows as "health"; the list and the tooltip give it whole.
std::string short_label(const std::string& label) {
    auto cut = label.find(" (");
    return cut == std::string::npos ? label : label.substr(0, cut);
}

// "neglect, going missing": a contact's categories in the rule set's words.
std::string category_words(const ChronologyTerms& t, std::uint64_t mask) {
    std::string out;
    for (std::size_t k = 0; k < t.categories.size(); ++k)
        if (mask & (std::uint64_t{1} << k))
            out += (out.empty() ? "" : ", ") + t.categories[k].label;
    return out;
}

// How long before the referral a contact was, as a practitioner would say it ("10 months").
std::string before_referral(DayNumber referral, DayNumber day) {
    const int days = referral - day;
    if (days < 0) return "after it: not counted";
    if (days == 0) return "same day";
    if (days < 61) return fmt::format("{} day{}", days, days == 1 ? "" : "s");
    const int months = static_cast<int>(days / 30.4375);
    if (months < 24) return fmt::format("{} months", months);
    return fmt::format("{} years", months / 12);
}

// A drop-down of the rule set's terms filling its cell; returns the index chosen this frame, or
// -1. No arrow, so the narrow cells show more of the term; a shortened term ends in an
// ellipsis and shows whole in a tooltip.
// `key` names the combo and each of its terms for tests ("<key>/<term id>").
int term_combo(const char* id, const std::string& key, const std::vector<ChoiceOption>& terms,
               int current, const char* placeholder) {
    int chosen = -1;
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool chosen_before = current >= 0 && current < static_cast<int>(terms.size());
    const std::string full = chosen_before ? terms[static_cast<std::size_t>(current)].label : "";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text_room = ImGui::GetContentRegionAvail().x - style.FramePadding.x * 2;
    const std::string shown =
        widgets::fit_to_width(chosen_before ? short_label(full) : placeholder, text_room);
    const bool open = ImGui::BeginCombo(
        id, shown.c_str(), ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
    if (!open) widgets::register_item(key);  // once open, the last item is the list's
    if (!open && shown != full && chosen_before && ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", full.c_str());
    if (open) {
        for (std::size_t i = 0; i < terms.size(); ++i) {
            const bool selected = static_cast<int>(i) == current;
            if (ImGui::Selectable(terms[i].label.c_str(), selected)) chosen = static_cast<int>(i);
            widgets::register_item(key + "/" + terms[i].id);
            if (selected) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    return chosen;
}

// A button showing the chosen categories that opens a list of check boxes (Space ticks, Escape
// closes). Returns true when the mask changed.
bool category_picker(const char* id, const std::string& key, const ChronologyTerms& t,
                     std::uint64_t& mask, float width) {
    std::string words = category_words(t, mask);
    const float text_room = width - ImGui::GetStyle().FramePadding.x * 2;
    std::string label =
        widgets::fit_to_width(words.empty() ? std::string("choose...") : words, text_room) + "##" +
        id;
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (ImGui::Button(label.c_str(), ImVec2(width, 0))) ImGui::OpenPopup(id);
    ImGui::PopStyleVar();
    widgets::register_item(key);
    if (!words.empty() && ImGui::IsItemHovered() &&
        ImGui::CalcTextSize(words.c_str()).x > text_room)
        ImGui::SetTooltip("%s", words.c_str());
    bool changed = false;
    if (ImGui::BeginPopup(id)) {
        ImGui::TextDisabled("What the contact was about (tick all that apply)");
        for (std::size_t k = 0; k < t.categories.size(); ++k) {
            const std::uint64_t bit = std::uint64_t{1} << k;
            bool on = (mask & bit) != 0;
            if (ImGui::Checkbox(t.categories[k].label.c_str(), &on)) {
                mask = on ? mask | bit : mask & ~bit;
                changed = true;
            }
            widgets::register_item(key + "/" + t.categories[k].id);
        }
        if (ImGui::Button("Done")) ImGui::CloseCurrentPopup();
        widgets::register_item(key + "/done");
        ImGui::EndPopup();
    }
    return changed;
}

class Editor {
  public:
    Editor(const QuestionContext& c, std::uint32_t qi, bool& focused, Intents& out)
        : c_(c), qi_(qi), focused_(focused), out_(out), terms_(c.rules.chronology) {
        if (const Answer& a = c.kase.answers[qi]; a.chronology()) current_ = *a.chronology();
        recorded_ = c.kase.answers[qi].state == AnswerState::Answered;
    }

    void draw() {
        const float em = ImGui::GetFontSize();
        completeness();
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
        if (ImGui::BeginTable("contacts", 6, flags)) {
            ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, em * 6.2f);
            ImGui::TableSetupColumn("Raised by", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("About", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Outcome", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Before referral", ImGuiTableColumnFlags_WidthFixed,
                                    ImGui::CalcTextSize("Before referral").x);
            ImGui::TableSetupColumn(
                "", ImGuiTableColumnFlags_WidthFixed,
                ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2);
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < current_.contacts.size(); ++i)
                row(i);
            new_row();
            ImGui::EndTable();
        }
        if (current_.contacts.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
            ImGui::TextWrapped(recorded_ && current_.complete
                                   ? "Every agency checked: no earlier contacts found."
                                   : "No earlier contacts recorded yet. Type a date in the last "
                                     "row, choose who raised it, what it was about and how it "
                                     "ended, then press Enter or Add.");
            ImGui::PopStyleColor();
        }
    }

  private:
    void note_focus() { focused_ = focused_ || ImGui::IsItemFocused() || ImGui::IsItemActive(); }

    // Sorted, then one SetAnswer with the whole chronology; typed row dates start afresh, as
    // rows may have moved.
    void commit(Chronology next) {
        sort_contacts(next.contacts);
        for (auto it = c_.text.lower_bound(kRowDate);
             it != c_.text.end() && it->first.rfind(kRowDate, 0) == 0;)
            it = c_.text.erase(it);
        out_.push_back(intent::SetAnswer{qi_, chronology_answer(std::move(next))});
    }

    // The Complete / Partial marker: ticked only once every agency has been checked.
    void completeness() {
        bool complete = recorded_ && current_.complete;
        if (ImGui::Checkbox("Every agency checked", &complete)) {
            Chronology next = current_;
            next.complete = complete;
            commit(std::move(next));
        }
        widgets::register_item("answer/chronology/complete");
        note_focus();
        ImGui::SameLine();
        if (!recorded_) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
            ImGui::TextWrapped("Not recorded: every pattern over time stays open");
            ImGui::PopStyleColor();
        } else if (current_.complete) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().success);
            ImGui::TextWrapped("Complete: the chronology shows every earlier contact");
            ImGui::PopStyleColor();
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().cannot_rule_out);
            ImGui::TextWrapped("? Partial: a pattern it does not yet show cannot be ruled out");
            ImGui::PopStyleColor();
        }
    }

    void row(std::size_t i) {
        const Contact& contact = current_.contacts[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();

        ImGui::TableNextColumn();
        const std::string key = kRowDate + std::to_string(i) + "/date";
        auto it = c_.text.find(key);
        if (it == c_.text.end()) it = c_.text.emplace(key, format_date(contact.day)).first;
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##date", &it->second);
        widgets::register_item(fmt::format("answer/chronology/{}/date", i + 1));
        note_focus();
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            Contact changed = contact;
            if (auto day = parse_date(it->second)) {
                changed.day = *day;
                replace(i, changed);
            } else {
                out_.push_back(intent::Notice{
                    fmt::format("'{}' is not a date: type it as YYYY-MM-DD", it->second)});
                c_.text.erase(key);
            }
        }

        ImGui::TableNextColumn();
        const std::string row_key = fmt::format("answer/chronology/{}", i + 1);
        if (int s = term_combo("##source", row_key + "/source", terms_.sources, contact.source, "");
            s >= 0) {
            Contact changed = contact;
            changed.source = static_cast<std::uint16_t>(s);
            replace(i, changed);
        }
        note_focus();

        ImGui::TableNextColumn();
        std::uint64_t mask = contact.categories;
        if (category_picker("categories", row_key + "/categories", terms_, mask,
                            ImGui::GetContentRegionAvail().x)) {
            Contact changed = contact;
            changed.categories = mask;
            replace(i, changed);
        }
        note_focus();

        ImGui::TableNextColumn();
        if (int o =
                term_combo("##outcome", row_key + "/outcome", terms_.outcomes, contact.outcome, "");
            o >= 0) {
            Contact changed = contact;
            changed.outcome = static_cast<std::uint16_t>(o);
            replace(i, changed);
        }
        note_focus();

        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const DayNumber referral = c_.kase.referred_at.day;
        if (contact.day > referral) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
            ImGui::TextWrapped("%s", before_referral(referral, contact.day).c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::TextDisabled("%s", before_referral(referral, contact.day).c_str());
        }

        ImGui::TableNextColumn();
        if (ImGui::Button("Remove", ImVec2(-FLT_MIN, 0))) {
            Chronology next = current_;
            next.contacts.erase(next.contacts.begin() + static_cast<std::ptrdiff_t>(i));
            commit(std::move(next));
        }
        widgets::register_item(row_key + "/remove");
        note_focus();
        ImGui::PopID();
    }

    // One contact changed in place; refused, with the reason, when it is not a contact the
    // case could record.
    void replace(std::size_t i, const Contact& changed) {
        std::string problem = check_contact(changed, c_.kase.referred_at.day);
        if (!problem.empty()) {
            out_.push_back(intent::Notice{"This contact " + problem});
            return;
        }
        Chronology next = current_;
        next.contacts[i] = changed;
        commit(std::move(next));
    }

    void new_row() {
        ImGui::PushID("new");
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        std::string& date = c_.text[kNewDate];
        ImGui::SetNextItemWidth(-1);
        bool add = ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &date,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
        widgets::register_item("answer/chronology/new/date");
        note_focus();

        ImGui::TableNextColumn();
        const int source = scratch_int(c_.text, kNewSource, -1);
        if (int s = term_combo("##source", "answer/chronology/new/source", terms_.sources, source,
                               "choose...");
            s >= 0)
            c_.text[kNewSource] = std::to_string(s);
        note_focus();

        ImGui::TableNextColumn();
        std::uint64_t mask = scratch_mask(c_.text);
        if (category_picker("categories", "answer/chronology/new/categories", terms_, mask,
                            ImGui::GetContentRegionAvail().x))
            c_.text[kNewCategories] = std::to_string(mask);
        note_focus();

        ImGui::TableNextColumn();
        const int outcome = scratch_int(c_.text, kNewOutcome, -1);
        if (int o = term_combo("##outcome", "answer/chronology/new/outcome", terms_.outcomes,
                               outcome, "choose...");
            o >= 0)
            c_.text[kNewOutcome] = std::to_string(o);
        note_focus();

        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        add = ImGui::Button("Add", ImVec2(-FLT_MIN, 0)) || add;
        widgets::register_item("answer/chronology/new/add");
        note_focus();
        ImGui::PopID();
        if (add) add_contact();
    }

    // The new row becomes a contact, if it is complete; otherwise say what is missing.
    void add_contact() {
        const std::string date = c_.text[kNewDate];
        const int source = scratch_int(c_.text, kNewSource, -1);
        const int outcome = scratch_int(c_.text, kNewOutcome, -1);
        const std::uint64_t mask = scratch_mask(c_.text);
        auto day = parse_date(date);
        std::string missing;
        if (!day)
            missing = date.empty() ? "its date (YYYY-MM-DD)"
                                   : fmt::format("a date that exists ('{}' is not one)", date);
        else if (source < 0)
            missing = "who raised it";
        else if (mask == 0)
            missing = "what it was about";
        else if (outcome < 0)
            missing = "how it ended";
        if (!missing.empty()) {
            out_.push_back(intent::Notice{"To add the contact, give " + missing});
            return;
        }
        Contact contact{*day, static_cast<std::uint16_t>(source),
                        static_cast<std::uint16_t>(outcome), mask};
        if (std::string problem = check_contact(contact, c_.kase.referred_at.day);
            !problem.empty()) {
            out_.push_back(intent::Notice{"This contact " + problem});
            return;
        }
        Chronology next = current_;
        if (!recorded_) next.complete = false;  // one contact found: not yet every agency
        next.contacts.push_back(contact);
        // The draft date goes; who raised it stays, as contacts often come in runs from one
        // agency's record.
        c_.text.erase(kNewDate);
        c_.text.erase(kNewCategories);
        c_.text.erase(kNewOutcome);
        commit(std::move(next));
    }

    const QuestionContext& c_;
    std::uint32_t qi_;
    bool& focused_;
    Intents& out_;
    const ChronologyTerms& terms_;
    Chronology current_;
    bool recorded_ = false;
};

}  // namespace

void draw_chronology(const QuestionContext& c, std::uint32_t qi, bool& focused, Intents& out) {
    Editor(c, qi, focused, out).draw();
}

}  // namespace continuum::ui
