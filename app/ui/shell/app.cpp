// The platform layer: GLFW window, OpenGL via glad, the ImGui backends, fonts and theme, and
// the frame loop. It sleeps in glfwWaitEvents when nothing happens; the engine runs only when
// an intent changes the case (in Session).
#include "app.hpp"

#include <atomic>
#include <cfloat>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "fonts.hpp"
#include "install_paths.hpp"
#include "options.hpp"
#include "screenshot.hpp"
#include "theme.hpp"
#include "ui/rules/folder_watch.hpp"
#include "ui/training/training_demo.hpp"
#include "ui/training/training_results.hpp"
#include "ui/triage/audit_sink.hpp"
#include "ui/triage/session.hpp"
#include "views.hpp"
#include "window_icon.hpp"

namespace continuum::ui {

namespace {

using Clock = std::chrono::steady_clock;

void glfw_error(int code, const char* description) {
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

// The window and its OpenGL 3.3 context. EGL first: under Mesa it makes the context in about a
// third of GLX's time, most of the time to the first frame (tests/bench/first-frame.sh); GLX
// where EGL is missing or refuses (EGL's complaint is kept quiet: GLX is the answer to it), or
// when CONTINUUM_GL_CONTEXT=glx asks for it (a driver whose EGL makes a context that fails).
GLFWwindow* create_window(int width, int height) {
    const char* asked = std::getenv("CONTINUUM_GL_CONTEXT");
    if (!asked || std::string_view(asked) != "glx") {
        glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        glfwSetErrorCallback(nullptr);
        GLFWwindow* window = glfwCreateWindow(width, height, "continuum", nullptr, nullptr);
        glfwSetErrorCallback(glfw_error);
        if (window) return window;
    }
    glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_NATIVE_CONTEXT_API);
    return glfwCreateWindow(width, height, "continuum", nullptr, nullptr);
}

struct Platform {
    GLFWwindow* window = nullptr;
    ~Platform() {
        if (window) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
            glfwDestroyWindow(window);
        }
        glfwTerminate();
    }
};

// The font and style for the current settings and the monitor's content scale. Returns ""
// or what went wrong reading the theme's colours (the colours last read stay in use). The
// fonts are left as they are when already built at this scale.
std::string apply_look(GLFWwindow* window, const Settings& s, bool rebuild_device_objects,
                       float built_scale = 0) {
    float xs = 1, ys = 1;
    glfwGetWindowContentScale(window, &xs, &ys);
    float scale = s.font_scale * xs;
    if (scale != built_scale) load_fonts(scale);
    std::string theme_error = apply_theme(s.theme, scale);
    if (rebuild_device_objects) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    return theme_error;
}

// What the window shows before anything is drawn, read from files and worked out on a third
// thread while the window and the OpenGL context open: the font atlas (its glyphs rasterised
// at the content scale most monitors have, 1) and the icon.
struct Look {
    std::unique_ptr<ImFontAtlas> atlas = std::make_unique<ImFontAtlas>();
    float scale = 0;
    std::vector<IconImage> icons;
    std::string icon_error;
};

Look prepare_look(float font_scale) {
    Look look;
    look.scale = font_scale;
    load_fonts(*look.atlas, look.scale);
    look.icons = read_window_icons(assets_folder(), look.icon_error);
    return look;
}

// The icon the window manager shows; a missing size is reported, never fatal.
std::string set_window_icon(GLFWwindow* window, std::vector<IconImage>& icons, std::string error) {
    std::vector<GLFWimage> images;
    for (auto& icon : icons)
        images.push_back({icon.width, icon.height, icon.rgba.data()});
    if (!images.empty()) glfwSetWindowIcon(window, static_cast<int>(images.size()), images.data());
    return error.empty() ? error : "The application icon is incomplete: " + error;
}

// What the second thread prepares at start: the audit log and the session on the rules.
struct Prepared {
    std::unique_ptr<DecisionSink> sink;  // before the session, which refers to it
    std::unique_ptr<Session> session;
    int exit_code = 0;  // non-zero: the case or step asked for could not be opened
};

void on_close(GLFWwindow* window) {
    // Closing is a request: the session asks first when answers are not recorded.
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    auto* intents = static_cast<Intents*>(glfwGetWindowUserPointer(window));
    intents->push_back(intent::RequestClose{});
}

// Looks at the rule set folder twice a second on its own thread and wakes the frame loop
// (which sleeps in glfwWaitEvents) only when a rule file changed: an idle window stays idle.
class RulesWatcher {
  public:
    explicit RulesWatcher(const std::filesystem::path& folder) : watch_(folder) {
        thread_ = std::thread([this] {
            std::unique_lock lock(mutex_);
            while (!stop_) {
                wake_.wait_for(lock, std::chrono::milliseconds(500));
                if (!stop_ && watch_.changed()) {
                    changed_ = true;
                    glfwPostEmptyEvent();
                }
            }
        });
    }
    ~RulesWatcher() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    bool take_change() { return changed_.exchange(false); }
    std::size_t files() {
        std::lock_guard lock(mutex_);
        return watch_.files();
    }

  private:
    FolderWatch watch_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::atomic<bool> changed_ = false;
    std::thread thread_;
};

}  // namespace

int run(int argc, char** argv) {
    const auto started = Clock::now();
    Options opt;
    if (auto code = parse_options(argc, argv, opt)) return *code;
    const bool scripted = !opt.screenshot.empty();
    auto mark = [&](const char* what) {
        if (opt.timing)
            std::printf("%s: %.1f ms after start\n", what,
                        std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    };

    // Scripted screenshots use fixed settings so they look the same on every machine.
    std::string settings_error;
    Settings settings = scripted ? Settings{} : load_settings(settings_path(), settings_error);
    if (scripted) {
        settings.practitioner = "A. Practitioner (example)";
        settings.role = "MASH social worker";
    }
    if (opt.theme) settings.theme = *opt.theme;
    if (opt.font_scale) settings.font_scale = *opt.font_scale;
    if (opt.width > 0) settings.window_width = opt.width;
    if (opt.height > 0) settings.window_height = opt.height;

    // The rules are read and the case evaluated on a second thread while this one opens the
    // window, the OpenGL context and compiles the shaders: the two take about as long, and
    // the first frame waits only for the slower.
    const std::filesystem::path rules_folder = default_rules_folder(opt.rules);
    auto prepared = std::async(std::launch::async, [&opt, settings, rules_folder] {
        Prepared p;
        std::string audit_path = !opt.audit.empty() ? opt.audit : settings.audit_file;
        p.sink = open_audit_sink(audit_path, opt.outbox);
        p.session = std::make_unique<Session>(*p.sink, settings);
        Session& session = *p.session;
        if (!session.load_rules(rules_folder))
            std::fprintf(stderr, "continuum: the rule set in %s has errors (shown in the window)\n",
                         rules_folder.c_str());
        if (!opt.case_file.empty()) {
            std::string error;
            if (!session.open_case(opt.case_file, error)) {
                std::fprintf(stderr, "continuum: cannot open the case %s:\n%s",
                             opt.case_file.c_str(), error.c_str());
                p.exit_code = 2;
                return p;
            }
        }
        if (!opt.step.empty() && session.state().rules && !session.select_step(opt.step)) {
            std::fprintf(stderr, "continuum: no step called '%s'\n", opt.step.c_str());
            p.exit_code = 2;
            return p;
        }
        if (opt.record_demo && session.state().rules) {
            // As a practitioner would: consent not sought, shared on a safeguarding basis.
            session.select_step("record");
            RecordDraft& d = session.scratch().draft;
            d.service_consent = 2;
            d.sharing_basis = 1;
            d.consent_note = "Seeking consent could alert the adult thought to be causing harm.";
            session.apply(intent::Record{});
        }
        session.set_expand_explanations(opt.expand);
        if (opt.view == "history") session.apply(intent::OpenHistory{});
        if (opt.view == "overrides") {
            session.apply(intent::OpenOverrides{});
            session.wait_for_jobs();  // the screenshot shows the figures, not "working"
        }
        session.set_training_results(open_training_results(!opt.training_results.empty()
                                                               ? opt.training_results
                                                               : training_path_beside(audit_path)));
        if (!opt.training_demo.empty()) {
            std::string error;
            DemoTrainee demo{"Jo Example (demo)", "Demo cohort", -1, false, true, false};
            if (!run_training_demo(session, demo, opt.training_demo, true, error)) {
                std::fprintf(stderr, "continuum: --training-demo: %s\n", error.c_str());
                p.exit_code = 2;
                return p;
            }
        }
        if (opt.view == "rules" || opt.view == "impact" || opt.view == "diff") {
            session.apply(intent::OpenRules{});
            std::string base = opt.impact_base;
            if (opt.view == "impact") {
                session.apply(intent::SelectRulesTab{RulesTab::Impact});
                std::string library = (rules_folder / "cases" / "library.jsonl").string();
                session.scratch().rules_view.library = library;
                session.scratch().rules_view.base_is_start = base.empty();
                session.scratch().rules_view.base_folder = base;
                session.apply(intent::RunImpact{library, base});
                session.wait_for_jobs();  // the screenshot shows the finished report
                const auto& report = session.state().rules_view.impact.report;
                if (!opt.impact_case.empty() && report) {
                    std::size_t i = 0;
                    while (i < report->changes.size() && report->changes[i].ref != opt.impact_case)
                        ++i;
                    if (i == report->changes.size()) {
                        std::fprintf(stderr, "continuum: %s is not among the changed cases\n",
                                     opt.impact_case.c_str());
                        p.exit_code = 2;
                        return p;
                    }
                    session.apply(intent::OpenImpactCase{i});
                }
            } else if (opt.view == "diff") {
                session.apply(intent::SelectRulesTab{RulesTab::Diff});
                session.scratch().rules_view.diff_folder = base;
                session.apply(intent::DiffAgainst{base});
            }
        }
        if (opt.view == "training") session.apply(intent::OpenTraining{});
        if (opt.view == "trainer") session.apply(intent::OpenTrainer{});
        // The screenshot shows the decision recorded or held, and History read and checked.
        if (!opt.screenshot.empty()) session.wait_for_store();
        return p;
    });

    auto look = std::async(std::launch::async, prepare_look, settings.font_scale);

    // A case or step that cannot be opened is the first thing to report, window or not.
    auto stop = [&prepared](int code) {
        Prepared p = prepared.get();
        return p.exit_code != 0 ? p.exit_code : code;
    };

    glfwSetErrorCallback(glfw_error);
    std::unique_ptr<ImFontAtlas> atlas;  // shared with the ImGui context: outlives it
    Platform platform;
    if (!glfwInit()) {
        std::fprintf(stderr, "continuum: no display available (use a subcommand, or xvfb-run)\n");
        return stop(1);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    if (scripted) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    platform.window = create_window(settings.window_width, settings.window_height);
    if (!platform.window) {
        return stop(1);
    }
    GLFWwindow* window = platform.window;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    if (!gladLoadGL(glfwGetProcAddress)) {
        std::fprintf(stderr, "continuum: OpenGL 3.3 is not available\n");
        return stop(1);
    }

    mark(glfwGetWindowAttrib(window, GLFW_CONTEXT_CREATION_API) == GLFW_EGL_CONTEXT_API
             ? "window and OpenGL context (EGL)"
             : "window and OpenGL context (GLX)");
    Look ready_look = look.get();
    atlas = std::move(ready_look.atlas);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext(atlas.get());
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;  // the layout is fixed; settings.json holds what is remembered
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    const std::string theme_error = apply_look(window, settings, false, ready_look.scale);
    const std::string icon_error =
        set_window_icon(window, ready_look.icons, std::move(ready_look.icon_error));
    ImGui_ImplOpenGL3_CreateDeviceObjects();  // shaders and font texture, before the first frame
    mark("fonts, theme and shaders");

    Prepared ready = prepared.get();
    if (ready.exit_code != 0) return ready.exit_code;
    Session& session = *ready.session;
    mark("rules loaded and case evaluated");
    for (const std::string* notice : {&std::as_const(settings_error), &theme_error, &icon_error})
        if (!notice->empty()) session.apply(intent::Notice{*notice});
    Settings applied = session.state().settings;

    Intents intents;
    glfwSetWindowUserPointer(window, &intents);
    session.set_wake([] { glfwPostEmptyEvent(); });
    std::optional<RulesWatcher> watcher;
    if (!scripted) {
        watcher.emplace(rules_folder);
        session.set_watch_status(
            fmt::format("Watching {} rule files in {}: saved edits are loaded automatically.",
                        watcher->files(), rules_folder.string()));
    }
    glfwSetWindowCloseCallback(window, on_close);

    // After any event keep drawing a few frames (hover, popups and navigation settle over 2-3
    // frames), then block until the next event: an idle window costs no CPU.
    int active_frames = 3;
    int frame = 0;
    const int scripted_frames = 6;
    std::vector<widgets::RegisteredItem> shown;  // --expect-visible: what the last frame drew
    if (scripted && !opt.expect_visible.empty()) widgets::set_test_registry(&shown);
    while (true) {
        if (scripted || active_frames > 0)
            glfwPollEvents();
        else
            glfwWaitEvents();
        active_frames = active_frames > 0 ? active_frames - 1 : 2;
        if (ImGui::IsAnyMouseDown()) active_frames = 3;

        if (auto text = session.take_clipboard()) ImGui::SetClipboardText(text->c_str());
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // Scripted screenshots show no hover: wherever the virtual display left the pointer.
        if (scripted) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        ImGui::NewFrame();
        shown.clear();
        draw_main(session.state(), session.scratch(), intents);
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        if (frame == 1 && opt.timing) {
            glFinish();
            mark("first frame drawn");
        }
        if (scripted && frame == scripted_frames) {
            std::string error;
            bool ok = write_screenshot(opt.screenshot, w, h, error);
            std::printf("screenshot %s: %s\n", opt.screenshot.c_str(),
                        ok ? "written" : error.c_str());
            if (!opt.expect_visible.empty()) ok = report_visible(opt.expect_visible, shown) && ok;
            return ok ? 0 : 1;
        }
        glfwSwapBuffers(window);

        if (watcher && watcher->take_change()) intents.push_back(intent::RulesChangedOnDisk{});
        if (!intents.empty()) active_frames = 3;
        session.apply_all(intents);
        if (session.state().rules_view.impact.running) active_frames = 3;  // the progress bar moves
        if (session.state().close_now) break;
        if (!(session.state().settings == applied)) {
            std::string theme_error_now = apply_look(window, session.state().settings, true);
            if (!theme_error_now.empty()) session.apply(intent::Notice{theme_error_now});
            applied = session.state().settings;
            std::string error;
            if (!scripted && !save_settings(settings_path(), applied, error))
                session.apply(intent::Notice{error});
        }
    }
    session.wait_for_jobs();  // no worker outlives the window it would wake
    if (!scripted) {
        Settings s = session.state().settings;
        glfwGetWindowSize(window, &s.window_width, &s.window_height);
        std::string error;
        if (!save_settings(settings_path(), s, error))
            std::fprintf(stderr, "continuum: %s\n", error.c_str());
    }
    return 0;
}

}  // namespace continuum::ui
