// Triage: the steps down the left and the current step's questions in the centre. Only
// questions that apply are shown; Y / N / U answer the question that has keyboard focus.
#include <fmt/format.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "engine/case_io.hpp"
#include "ui/shell/keys.hpp"
#include "ui/shell/theme.hpp"
#include "ui/shell/views.hpp"
#include "ui/shell/widgets.hpp"

namespace continuum::ui {

using namespace engine;

namespace {

struct StepCounts {
    int shown = 0, answered = 0, waiting = 0;
};

StepCounts count_step(const AppState& s, std::uint32_t domain) {
    StepCounts c;
    for (std::uint32_t q = 0; q < s.rules->questions.size(); ++q) {
        if (s.rules->questions[q].domain_index != domain) continue;
        if (s.applies[q] == Applies::Yes) {
            ++c.shown;
            if (s.kase.answers[q].state != AnswerState::NotAsked) ++c.answered;
        } else if (s.applies[q] == Applies::NotYet) {
            ++c.waiting;
        }
    }
    return c;
}

Answer answered(Value v) {
    Answer a;
    a.state = AnswerState::Answered;
    a.value = v;
    return a;
}

Answer unknown_answer() {
    Answer a;
    a.state = AnswerState::Unknown;
    return a;
}

// What the field shows for an answer already given: the number or date as typed, no unit.
std::string typed_text(const Question& q, const Answer& a) {
    if (q.type == AnswerType::Number) {
        if (a.value.lo == a.value.hi) return fmt::format("{}", a.value.lo);
        StatedBounds b = stated_bounds(q, a.value);
        if (b.lower && b.upper) return fmt::format("{} to {}", b.at_least, b.at_most);
        return b.lower ? fmt::format("at least {}", b.at_least)
                       : fmt::format("at most {}", b.at_most);
    }
    if (q.type == AnswerType::Date) return format_date(static_cast<DayNumber>(a.value.lo));
    return a.text();
}

// Number, date and text answers are typed, then committed when the field is left.
void typed_answer(const QuestionContext& c, std::uint32_t qi, bool& focused, Intents& out) {
    const Question& q = c.rules.questions[qi];
    const Answer& a = c.kase.answers[qi];
    auto it = c.text.find(q.id);
    if (it == c.text.end())
        it = c.text.emplace(q.id, a.state == AnswerState::Answered ? typed_text(q, a) : "").first;
    const float width = q.type == AnswerType::Text     ? 24.0f
                        : q.type == AnswerType::Number ? 12.0f
                                                       : 9.0f;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width);
    const char* hint = q.type == AnswerType::Date     ? "YYYY-MM-DD"
                       : q.type == AnswerType::Number ? "e.g. 3, or at least 1"
                                                      : "";
    ImGui::InputTextWithHint("##value", hint, &it->second);
    widgets::register_item("answer/" + q.id + "/value");
    focused = focused || ImGui::IsItemFocused() || ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        const std::string& text = it->second;
        if (text.empty()) {
            out.push_back(intent::SetAnswer{qi, Answer{}});
        } else {
            RawAnswer raw;
            if (q.type == AnswerType::Number) {
                // "at least 1" when only a bound is known: comparisons it leaves open stay
                // "cannot rule out" rather than being guessed.
                std::string problem = parse_number_text(text, raw);
                if (!problem.empty()) {
                    out.push_back(intent::Notice{problem});
                    return;
                }
            } else if (q.type == AnswerType::Date) {
                auto day = parse_date(text);
                if (!day) {
                    out.push_back(intent::Notice{
                        fmt::format("'{}' is not a date: type it as YYYY-MM-DD", text)});
                    return;
                }
                raw.kind = RawAnswer::Kind::Date;
                raw.day = *day;
            } else {
                raw.kind = RawAnswer::Kind::String;
                raw.text = text;
            }
            Answer next;
            std::string problem = set_answer(q, raw, next);
            if (!problem.empty())
                out.push_back(intent::Notice{q.prompt + ": " + problem});
            else
                out.push_back(intent::SetAnswer{qi, next});
        }
    }
    if (!q.unit.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(q.unit.c_str());
    }
}

// Places the next button on this line if it fits, else on the next.
void flow(float width) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width < right)
        ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

}  // namespace

void draw_question(const QuestionContext& c, std::uint32_t qi, Intents& out) {
    const RuleSet& rules = c.rules;
    const Question& q = rules.questions[qi];
    const Answer& a = c.kase.answers[qi];
    ImGui::PushID(q.id.c_str());
    bool focused = false;
    bool want_focus = c.focus_question == qi;

    ImVec2 row_start = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(0.0f);
    widgets::bold_text(q.prompt.c_str());
    ImGui::PopTextWrapPos();
    std::string cites = widgets::citations(rules, q.cites);
    widgets::explain_on_hover(q.help, cites);
    if (!q.help.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        ImGui::TextWrapped("%s", q.help.c_str());
        ImGui::PopStyleColor();
        widgets::explain_on_hover("", cites);
    }

    bool first = true;
    auto after_button = [&] {
        focused = focused || ImGui::IsItemFocused();
        if (first && want_focus) {
            // Bring the question into view with keyboard focus on its first answer.
            ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
            ImGui::GetCurrentContext()->NavDisableHighlight = false;
            ImGui::SetScrollHereY(0.3f);
            out.push_back(intent::FocusDone{c.focus_serial});
        }
        first = false;
    };
    bool is_answered = a.state == AnswerState::Answered;
    switch (q.type) {
        case AnswerType::YesNo: {
            if (widgets::choice_button("Yes", is_answered && a.value.truth == Tri::True))
                out.push_back(intent::SetAnswer{qi, answered(Value::boolean(Tri::True))});
            widgets::register_item("answer/" + q.id + "/yes");
            after_button();
            ImGui::SameLine();
            if (widgets::choice_button("No", is_answered && a.value.truth == Tri::False))
                out.push_back(intent::SetAnswer{qi, answered(Value::boolean(Tri::False))});
            widgets::register_item("answer/" + q.id + "/no");
            after_button();
            ImGui::SameLine();
            break;
        }
        case AnswerType::Choice: {
            for (std::size_t ci = 0; ci < q.choices.size(); ++ci) {
                const char* label = q.choices[ci].label.c_str();
                if (ci > 0) flow(button_width(label));
                if (widgets::choice_button(label,
                                           is_answered && a.value.choice == static_cast<int>(ci)))
                    out.push_back(intent::SetAnswer{
                        qi, answered(Value::option(static_cast<std::int32_t>(ci)))});
                widgets::register_item("answer/" + q.id + "/" + q.choices[ci].id);
                after_button();
            }
            flow(button_width("Unknown"));
            break;
        }
        case AnswerType::Chronology:
            // A table of contacts rather than one answer: no Unknown (a partial chronology is
            // how "not everything is known" is said) and no Clear (rows are removed one by one).
            if (want_focus) {
                ImGui::SetKeyboardFocusHere();
                ImGui::SetScrollHereY(0.3f);
                out.push_back(intent::FocusDone{c.focus_serial});
            }
            draw_chronology(c, qi, focused, out);
            break;
        default:
            typed_answer(c, qi, focused, out);
            if (first && want_focus) {
                ImGui::SetKeyboardFocusHere(-1);
                out.push_back(intent::FocusDone{c.focus_serial});
            }
            first = false;
            ImGui::SameLine();
            break;
    }
    const bool table = q.type == AnswerType::Chronology;
    if (!table && widgets::choice_button("Unknown", a.state == AnswerState::Unknown))
        out.push_back(intent::SetAnswer{qi, unknown_answer()});
    if (!table) {
        widgets::register_item("answer/" + q.id + "/unknown");
        after_button();
        widgets::explain_on_hover(
            "The answer is not known, or the family declined to say. "
            "The rules treat it as open, never as 'no'.",
            "");
    }
    if (!table && a.state != AnswerState::NotAsked) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        if (ImGui::SmallButton("Clear")) {
            c.text.erase(q.id);
            out.push_back(intent::SetAnswer{qi, Answer{}});
        }
        ImGui::PopStyleColor();
        focused = focused || ImGui::IsItemFocused();
    }
    ImGui::EndGroup();

    // Y / N / U answer the question holding keyboard focus (never while typing).
    if (focused && !ImGui::GetIO().WantTextInput && !ImGui::GetIO().KeyCtrl) {
        if (q.type == AnswerType::YesNo && ImGui::IsKeyPressed(keys::Y, false))
            out.push_back(intent::SetAnswer{qi, answered(Value::boolean(Tri::True))});
        if (q.type == AnswerType::YesNo && ImGui::IsKeyPressed(keys::N, false))
            out.push_back(intent::SetAnswer{qi, answered(Value::boolean(Tri::False))});
        if (!table && ImGui::IsKeyPressed(keys::U, false))
            out.push_back(intent::SetAnswer{qi, unknown_answer()});
    }
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(0);
    if (focused) {
        ImVec2 pad = ImGui::GetStyle().ItemSpacing;
        ImVec2 min(row_start.x - pad.x * 0.5f, row_start.y - pad.y * 0.5f);
        ImVec2 max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x,
                   ImGui::GetItemRectMax().y + pad.y * 0.5f);
        ImGui::GetWindowDrawList()->AddRectFilled(
            min, max, ImGui::GetColorU32(palette().focus_background), 4.0f);
    }
    ImGui::GetWindowDrawList()->ChannelsMerge();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, ImGui::GetStyle().ItemSpacing.y));
}

namespace {

// A muted note beside the last field, only when it fits (large text sizes leave no room).
void side_note(const std::string& text) {
    ImGui::SameLine();
    if (ImGui::CalcTextSize(text.c_str()).x <= ImGui::GetContentRegionAvail().x)
        ImGui::TextDisabled("%s", text.c_str());
    else
        ImGui::NewLine();
}

void draw_case_details(const AppState& s, Scratch& scratch, Intents& out) {
    float label_w = ImGui::GetFontSize() * 10.0f;
    auto field = [&](const char* label, const char* key, const std::string& current,
                     const char* hint) -> std::string* {
        ImGui::AlignTextToFramePadding();
        widgets::bold_text(label);
        ImGui::SameLine(label_w);
        auto it = scratch.text.find(key);
        if (it == scratch.text.end()) it = scratch.text.emplace(key, current).first;
        ImGui::SetNextItemWidth(
            std::min(ImGui::GetFontSize() * 14.0f, ImGui::GetContentRegionAvail().x));
        ImGui::InputTextWithHint((std::string("##") + key).c_str(), hint, &it->second);
        return ImGui::IsItemDeactivatedAfterEdit() ? &it->second : nullptr;
    };
    if (std::string* ref = field("Case reference", "ref", s.kase.ref, "e.g. C-2026-0142"))
        out.push_back(intent::SetCaseRef{*ref});
    side_note(std::string("pseudonymous: never a name"));
    const DateTime& t = s.kase.referred_at;
    std::string when = fmt::format("{} {:02}:{:02}", format_date(t.day), t.second_of_day / 3600,
                                   t.second_of_day / 60 % 60);
    if (std::string* typed = field("Referral received", "referred_at", when, "YYYY-MM-DD HH:MM")) {
        if (auto at = parse_date_time(*typed))
            out.push_back(intent::SetReferredAt{*at});
        else
            out.push_back(intent::Notice{
                fmt::format("'{}' is not a date and time: type it as YYYY-MM-DD HH:MM", *typed)});
    }
    side_note(std::string(format_date_long(t.day)));
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
}

}  // namespace

void draw_step_list(const AppState& s, Intents& out) {
    widgets::bold_text("Steps");
    ImGui::Spacing();
    for (std::size_t i = 0; i < s.steps.size(); ++i) {
        const Step& step = s.steps[i];
        std::string label;
        if (step.is_record) {
            label = fmt::format("{}. {}{}", i + 1, step.title,
                                s.record.phase == RecordPhase::Recorded ? "  \u2713" : "");
        } else {
            StepCounts c = count_step(s, step.domain);
            label = fmt::format("{}. {}", i + 1, step.title);
            bool done = c.shown > 0 && c.answered == c.shown;
            if (done) label += "  \u2713";
        }
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label.c_str(), s.step == i, 0,
                              ImVec2(0, ImGui::GetFontSize() * 1.6f)))
            out.push_back(intent::GoToStep{i});
        widgets::register_item("step/" + std::to_string(i + 1));
        ImGui::PopID();
        if (!step.is_record) {
            StepCounts c = count_step(s, step.domain);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(
                    "%d of %d questions answered%s", c.answered, c.shown,
                    c.waiting ? fmt::format("; {} more may appear", c.waiting).c_str() : "");
        }
    }
}

void draw_questions(const AppState& s, Scratch& scratch, Intents& out) {
    const RuleSet& rules = *s.rules;
    const Step& step = s.steps[s.step];
    widgets::heading(fmt::format("{}. {}", s.step + 1, step.title).c_str());
    const Domain& domain = rules.domains[step.domain];
    if (!domain.description.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        ImGui::TextWrapped("%s", domain.description.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (s.step == 0) draw_case_details(s, scratch, out);

    int waiting = 0;
    for (std::uint32_t qi = 0; qi < rules.questions.size(); ++qi) {
        if (rules.questions[qi].domain_index != step.domain) continue;
        if (s.applies[qi] == Applies::Yes)
            draw_question({rules, s.kase, scratch.text, s.focus_question, s.focus_serial}, qi, out);
        else if (s.applies[qi] == Applies::NotYet)
            ++waiting;
    }
    if (waiting > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
        ImGui::TextWrapped("%d more question%s may appear here as you answer.", waiting,
                           waiting == 1 ? "" : "s");
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (s.step > 0) {
        if (ImGui::Button(fmt::format("< Back: {}", s.steps[s.step - 1].title).c_str()))
            out.push_back(intent::GoToStep{s.step - 1});
        ImGui::SameLine();
    }
    if (s.step + 1 < s.steps.size()) {
        if (ImGui::Button(fmt::format("Next: {} >", s.steps[s.step + 1].title).c_str()))
            out.push_back(intent::GoToStep{s.step + 1});
    }
}

}  // namespace continuum::ui
