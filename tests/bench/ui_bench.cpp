// The GUI's costs without a display: a frame of the views (ImGui's CPU side, the whole of what
// the app does per frame besides the GL upload), an answer change (re-evaluation with what
// could change), and what happens before the first frame (rules, evaluation, font atlas).
// Time to the first frame on screen, GL included: `continuum --screenshot X --timing` (README).
#if __has_include(<imgui.h>)
#include <benchmark/benchmark.h>
#include <imgui.h>

#include "ui/shell/fonts.hpp"
#include "ui/shell/views.hpp"
#include "ui/triage/decision_sink.hpp"
#include "ui/triage/session.hpp"

namespace {

using namespace continuum;

const std::string kRules = std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey";
const std::string kCase = kRules + "/cases/bruised-baby.toml";

struct Headless {
    ui::UnavailableSink sink{"benchmark"};
    ui::Session session{sink, ui::Settings{}};
    ImGuiContext* ctx = ImGui::CreateContext();
    Headless(bool expand) {
        ImGui::SetCurrentContext(ctx);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1440, 900);
        io.DeltaTime = 1.0f / 60.0f;
        ui::load_fonts(1.0f);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        session.load_rules(kRules);
        std::string error;
        session.open_case(kCase, error);
        session.set_expand_explanations(expand);
    }
    ~Headless() { ImGui::DestroyContext(ctx); }
    void frame(ui::Intents& intents) {
        ImGui::NewFrame();
        ui::draw_main(session.state(), session.scratch(), intents);
        ImGui::Render();
        session.apply_all(intents);
    }
};

void BM_ui_frame(benchmark::State& st) {
    Headless h(st.range(0) != 0);
    ui::Intents intents;
    for (auto _ : st)
        h.frame(intents);
    st.SetLabel(st.range(0) ? "every explanation open" : "explanations closed");
}
BENCHMARK(BM_ui_frame)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_ui_answer_change(benchmark::State& st) {
    Headless h(false);
    std::uint32_t q = 0;  // flip the first yes/no question that applies
    const auto& rules = *h.session.state().rules;
    while (q < rules.questions.size() && rules.questions[q].type != engine::AnswerType::YesNo)
        ++q;
    bool yes = true;
    for (auto _ : st) {
        engine::Answer a{engine::AnswerState::Answered, engine::Value::boolean(engine::tri(yes)),
                         ""};
        h.session.apply(ui::intent::SetAnswer{q, a});
        yes = !yes;
    }
}
BENCHMARK(BM_ui_answer_change)->Unit(benchmark::kMillisecond);

void BM_ui_before_first_frame(benchmark::State& st) {
    for (auto _ : st) {
        ImGuiContext* ctx = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx);
        ui::UnavailableSink sink{"benchmark"};
        ui::Session session{sink, ui::Settings{}};
        session.load_rules(kRules);
        ui::load_fonts(1.0f);
        unsigned char* px;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&px, &w, &h);
        benchmark::DoNotOptimize(px);
        ImGui::DestroyContext(ctx);
    }
}
BENCHMARK(BM_ui_before_first_frame)->Unit(benchmark::kMillisecond);

}  // namespace
#endif
