// Headless tests of the Training and Trainer views: the trainee commits their own judgement
// before anything of the answer is in the state or on screen (the reveal is refused until it
// is saved), then sees theirs, the expected and the engine's side by side with the score; a
// failed save loses nothing; the trainer's figures are training/agreement's on the results.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "../audit/audit_fixture.hpp"
#include "engine/ruleset/load.hpp"
#include "harness.hpp"
#include "training/agreement.hpp"
#include "training/training_pack.hpp"
#include "training/training_score.hpp"
#include "ui/training/training.hpp"
#include "ui/training/training_results.hpp"

using namespace continuum;
using audit_test::TempDir;
using ui_test::Harness;

namespace {

const std::string kSurrey = std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey";

// Keeps results in memory; can be told to fail, as a full or read-only disk would.
class MemoryResults final : public ui::TrainingResults {
  public:
    bool commit(audit::TrainingResult& r, std::string& error) override {
        if (fail) {
            error = "disk full";
            return false;
        }
        r.id = static_cast<std::int64_t>(results.size() + 1);
        r.committed_at = "2026-11-23T10:00:00.000Z";
        results.push_back(r);
        return true;
    }
    bool reveal(std::int64_t id, std::string& error) override {
        if (id < 1 || id > static_cast<std::int64_t>(results.size())) {
            error = "no such result";
            return false;
        }
        results[static_cast<std::size_t>(id - 1)].revealed_at = "2026-11-23T10:01:00.000Z";
        return true;
    }
    std::vector<audit::TrainingResult> list(const audit::TrainingQuery& q) const override {
        std::vector<audit::TrainingResult> out;
        for (const auto& r : results)
            if ((!q.cohort || r.cohort == *q.cohort) &&
                (!q.scenario || r.scenario_id == *q.scenario))
                out.push_back(r);
        return out;
    }
    std::string describe() const override { return "Training results kept in memory"; }
    std::vector<audit::TrainingResult> results;
    bool fail = false;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A harness on the Surrey rules with results in memory; `results` stays owned by the session.
struct TrainingHarness {
    Harness h{kSurrey};
    MemoryResults* results = nullptr;
    TrainingHarness() {
        auto r = std::make_unique<MemoryResults>();
        results = r.get();
        h.session.set_training_results(std::move(r));
        h.frame();
    }
    const ui::TrainingState& t() const { return h.state().training; }
    std::uint32_t q(const char* id) const { return h.question(id); }
};

const engine::TrainingScenario& bruised_baby() {
    static engine::TrainingPack pack = [] {
        auto loaded = engine::load_ruleset(kSurrey);
        engine::Diagnostics d;
        return engine::load_training_pack(*loaded.rules, kSurrey, d);
    }();
    const engine::TrainingScenario* s = pack.find("bruised-baby");
    REQUIRE(s);
    return *s;
}

// The trainee reads "bruised-baby", answers its three questions as the narrative supports and
// forms a judgement by clicking: Intensive (the expected is Statutory), s17 and s47 met, the
// other routes not met (the expected has s31 cannot rule out), and no trigger ticked (the
// expected has the non-mobile bruising one).
void answer_and_judge(TrainingHarness& th) {
    Harness& h = th.h;
    h.session.scratch().training.trainee = "Trainee One";
    h.session.scratch().training.cohort = "Cohort A";
    h.frame();
    h.click("training/scenario/bruised-baby");
    REQUIRE(th.t().phase == ui::TrainingPhase::Answering);
    h.click("answer/independently_mobile/no");
    h.click("answer/injury_seen/yes");
    h.click("answer/injury_explained/yes");
    h.activate("training/level/intensive");
    for (const char* route : {"s17", "s47"})
        h.activate(std::string("training/route/") + route + "/met");
    for (const char* route : {"s20", "s20_4", "s31", "s44", "s46"})
        h.activate(std::string("training/route/") + route + "/not_met");
}

// F7, then the frames the popup takes to appear and lay out.
void open_training(Harness& h) {
    h.press(ui::keys::F7);
    REQUIRE(h.state().training.open);
    h.frames(2);
}

}  // namespace

TEST_CASE("F7 and the status bar open Training, F8 and its button open Trainer", "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    CHECK(contains(h.text, "A bruise on a five-month-old"));
    CHECK(th.t().scenarios.size() >= 12);
    h.press(ui::keys::F8);
    CHECK(h.state().trainer.open);
    CHECK_FALSE(th.t().open);
    h.frames(2);
    h.click("trainer/close");
    CHECK_FALSE(h.state().trainer.open);
    h.click("open_training");
    CHECK(th.t().open);
    // The Trainer view is a button away from Training (F8 from anywhere).
    h.click("training/trainer");
    CHECK(h.state().trainer.open);
    CHECK_FALSE(th.t().open);
    h.frames(2);
    h.click("trainer/training");
    CHECK(th.t().open);
    h.frames(2);
    h.click("training/close");
    CHECK_FALSE(th.t().open);
}

TEST_CASE("nothing of the answer is shown, or held, before the trainee commits", "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    // Reveal refused with nothing chosen.
    h.session.apply(ui::intent::RevealTraining{});
    CHECK_FALSE(th.t().reveal);
    CHECK(contains(th.t().problem, "Commit your own judgement first"));

    answer_and_judge(th);
    h.frames(2);
    // The narrative is there; the expected outcome and the engine's suggestion are not.
    CHECK(contains(h.text, "Baby Oscar is five months old"));
    CHECK_FALSE(contains(h.text, "Expected"));
    CHECK_FALSE(contains(h.text, "Engine: what the rules give"));
    CHECK_FALSE(contains(h.text, "Score:"));
    CHECK_FALSE(contains(h.text, "Teaching points"));
    CHECK_FALSE(th.t().reveal);
    CHECK(th.t().committed == engine::Judgement{});

    // Asked for early, the reveal is refused and the trainee is told why.
    h.session.apply(ui::intent::RevealTraining{});
    h.frame();
    CHECK_FALSE(th.t().reveal);
    CHECK(th.t().phase == ui::TrainingPhase::Answering);
    CHECK(contains(h.text, "Commit your own judgement first"));
    CHECK(th.results->results.empty());

    // Questions the scenario prefilled are the scenario's facts, not the trainee's to change.
    engine::Answer yes{engine::AnswerState::Answered, engine::Value::boolean(engine::Tri::True),
                       ""};
    std::uint32_t prefilled = th.q("fgm");
    engine::Answer before = th.t().kase.answers[prefilled];
    h.session.apply(ui::intent::TrainingAnswer{prefilled, yes});
    CHECK(th.t().kase.answers[prefilled].state == before.state);
}

TEST_CASE("the scenario list shows titles only until that scenario is committed",
          "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    // bruised-baby is tagged "statutory" and "trigger" in the pack: its expected answer.
    const std::string tags = "statutory \u00B7 trigger";
    CHECK(contains(h.text, "A bruise on a five-month-old"));
    CHECK_FALSE(contains(h.text, tags));
    for (const auto& sc : th.t().scenarios)
        CHECK(sc.tags.empty());  // not even held where the view could draw them

    answer_and_judge(th);
    h.frames(2);
    CHECK_FALSE(contains(h.text, tags));
    h.activate("training/commit");
    REQUIRE(th.t().phase == ui::TrainingPhase::Committed);
    h.frames(2);
    CHECK(contains(h.text, tags));
    // Only the committed scenario: the others still show their titles alone.
    for (const auto& sc : th.t().scenarios)
        CHECK(sc.tags.empty() == (sc.id != "bruised-baby"));
}

TEST_CASE("a commit is refused until the trainee has said who they are and judged everything",
          "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    h.click("training/scenario/bruised-baby");
    h.activate("training/commit");
    CHECK(contains(th.t().problem, "Type your name"));
    h.session.scratch().training.trainee = "Trainee One";
    h.session.scratch().training.cohort = "Cohort A";
    h.activate("training/commit");
    CHECK(contains(th.t().problem, "Answer every question from the narrative first"));
    h.click("answer/independently_mobile/no");
    h.click("answer/injury_seen/yes");
    h.click("answer/injury_explained/unknown");
    h.activate("training/commit");
    CHECK(th.t().problem == "Choose the level you would give.");
    h.activate("training/level/statutory");
    h.activate("training/commit");
    CHECK(contains(th.t().problem, "Give your finding for"));
    CHECK(th.results->results.empty());
    CHECK(th.t().phase == ui::TrainingPhase::Answering);
    CHECK_FALSE(th.t().reveal);
}

TEST_CASE("after commit and reveal: trainee, expected and engine side by side, with the score",
          "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    answer_and_judge(th);
    h.activate("training/commit");
    REQUIRE(th.t().phase == ui::TrainingPhase::Committed);
    // Saved at commit, with the expected and the engine's judgement fixed beside it.
    REQUIRE(th.results->results.size() == 1);
    const audit::TrainingResult& saved = th.results->results[0];
    const engine::TrainingScenario& sc = bruised_baby();
    CHECK(saved.trainee == "Trainee One");
    CHECK(saved.cohort == "Cohort A");
    CHECK(saved.scenario_id == "bruised-baby");
    CHECK(saved.committed.level == "intensive");
    CHECK(saved.committed.routes.at("s47") == "met");
    CHECK(saved.committed.triggers.empty());
    CHECK(saved.expected == sc.expect);
    CHECK(saved.revealed_at.empty());
    CHECK(contains(saved.answers, "\"injury_explained\":true"));
    // Still nothing revealed until asked; the judgement can no longer be changed.
    CHECK_FALSE(th.t().reveal);
    CHECK_FALSE(h.shown("training/commit"));
    h.frames(2);
    CHECK(contains(h.text, "Saved for Trainee One (Cohort A). It can no longer be changed."));
    h.session.apply(
        ui::intent::CommitTraining{"Trainee One", "Cohort A", h.session.scratch().training.draft});
    CHECK(contains(th.t().problem, "already committed"));
    CHECK(th.results->results.size() == 1);

    h.activate("training/reveal");
    REQUIRE(th.t().phase == ui::TrainingPhase::Revealed);
    REQUIRE(th.t().reveal);
    CHECK_FALSE(th.results->results[0].revealed_at.empty());
    const ui::TrainingReveal& r = *th.t().reveal;
    report::TrainingFeedback expected_score =
        report::score_judgement(*h.state().rules, saved.committed, sc.expect);
    CHECK(r.matched == expected_score.matched);
    CHECK(r.criteria == expected_score.criteria.size());
    CHECK(r.matched == static_cast<std::size_t>(saved.matched));
    // The level, s31 (expected: cannot rule out) and the trigger differ; the other routes match.
    CHECK(r.criteria - r.matched == 3);
    const ui::RevealRow& level = r.rows.front();
    CHECK(level.id == "level");
    CHECK_FALSE(level.you_agree);
    CHECK(level.yours == "Intensive Support");
    CHECK(level.expected == "Statutory Services");
    CHECK(level.engine_agrees);  // the trainee answered as the narrative supports
    CHECK_FALSE(level.why.empty());
    CHECK_FALSE(level.cites.empty());
    CHECK_FALSE(level.engine_reasons.empty());
    const ui::RevealRow& triggers = r.rows.back();
    CHECK(triggers.id == "triggers");
    CHECK_FALSE(triggers.you_agree);
    CHECK(contains(triggers.why, "Missed:"));
    CHECK(r.teaching.size() == sc.teaching.size());
    CHECK(r.answers.empty());

    h.frames(2);
    CHECK(contains(h.text, fmt::format("Score: {} of {} criteria", r.matched, r.criteria)));
    CHECK(contains(h.text, "Engine: what the rules give"));
    CHECK(contains(h.text, "Where you differ, and why the rules say so"));
    CHECK(contains(h.text, "Teaching points"));
    CHECK(contains(h.text, "Source: "));
}

TEST_CASE("a failed save reveals nothing, keeps the judgement, and can be retried",
          "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    open_training(h);
    answer_and_judge(th);
    ui::JudgementDraft draft = h.session.scratch().training.draft;
    th.results->fail = true;
    h.activate("training/commit");
    CHECK(th.t().phase == ui::TrainingPhase::SaveFailed);
    CHECK(th.results->results.empty());
    h.frames(2);
    CHECK(contains(h.text, "could not be saved"));
    CHECK(contains(h.text, "disk full"));
    CHECK(h.session.scratch().training.draft == draft);
    h.session.apply(ui::intent::RevealTraining{});
    CHECK_FALSE(th.t().reveal);
    // Choosing another scenario would lose it: refused.
    h.click("training/scenario/sixteen-asked-to-leave");
    CHECK(th.t().phase == ui::TrainingPhase::SaveFailed);

    th.results->fail = false;
    h.activate("training/commit");  // "Retry saving"
    CHECK(th.t().phase == ui::TrainingPhase::Committed);
    REQUIRE(th.results->results.size() == 1);
    CHECK(th.results->results[0].committed.level == "intensive");
}

TEST_CASE("the Trainer view's figures are training/agreement's on the cohort's results",
          "[ui][training]") {
    TrainingHarness th;
    Harness& h = th.h;
    // Four trainees in cohort A and one in cohort B on two scenarios, with known levels.
    auto add = [&](const char* trainee, const char* cohort, const char* scenario, const char* level,
                   const char* expected_level) {
        audit::TrainingResult r;
        r.trainee = trainee;
        r.cohort = cohort;
        r.scenario_id = scenario;
        r.committed = {level, {{"s17", "met"}}, {}};
        r.expected = {expected_level, {{"s17", "met"}}, {}};
        r.engine = r.expected;
        std::string error;
        REQUIRE(th.results->commit(r, error));
    };
    const char* trainees[] = {"T1", "T2", "T3", "T4"};
    const char* levels_a[] = {"statutory", "statutory", "intensive", "targeted"};
    const char* levels_b[] = {"targeted", "emerging", "targeted", "targeted"};
    for (int i = 0; i < 4; ++i) {
        add(trainees[i], "Cohort A", "bruised-baby", levels_a[i], "statutory");
        add(trainees[i], "Cohort A", "sixteen-asked-to-leave", levels_b[i], "targeted");
    }
    add("T9", "Cohort B", "bruised-baby", "thriving", "statutory");

    h.session.scratch().training.cohort_filter = "Cohort A";
    h.press(ui::keys::F8);
    const ui::TrainerState& t = h.state().trainer;
    REQUIRE(t.open);
    REQUIRE(t.results == 8);
    CHECK(t.cohorts == std::vector<std::string>{"Cohort A", "Cohort B"});

    std::vector<std::string> given, expected;
    for (int i = 0; i < 4; ++i) {
        given.push_back(levels_a[i]);
        expected.push_back("statutory");
    }
    for (int i = 0; i < 4; ++i) {
        given.push_back(levels_b[i]);
        expected.push_back("targeted");
    }
    const report::CriterionAgreement& level = t.report.criteria.front();
    REQUIRE(level.criterion == "level");
    CHECK(level.percent == report::percent_agreement(given, expected));
    CHECK(*level.percent == Approx(5.0 / 8.0));
    CHECK(level.cohen == report::cohen_kappa(given, expected));
    std::vector<std::vector<std::string>> items{{given.begin(), given.begin() + 4},
                                                {given.begin() + 4, given.end()}};
    CHECK(level.fleiss == report::fleiss_kappa(items));
    REQUIRE(level.fleiss);
    // Bruised baby divides them most: 1 pair of 6 agrees (statutory twice).
    REQUIRE_FALSE(t.report.divisions.empty());
    CHECK(t.report.divisions.front().scenario == "bruised-baby");
    CHECK(t.report.divisions.front().agreement == Approx(1.0 / 6.0));

    h.frames(2);
    CHECK(contains(h.text, "8 judgements by 4 trainees on 2 scenarios"));
    CHECK(contains(h.text, fmt::format("{:.0f}%", *level.percent * 100)));
    CHECK(contains(h.text, fmt::format("{:.2f}", *level.cohen)));
    CHECK(contains(h.text, fmt::format("{:.2f}", *level.fleiss)));
    CHECK(contains(h.text, "Where trainees divide most"));
    CHECK(contains(h.text, "A bruise on a five-month-old"));

    // The other cohort, then a file export that is the command line's CSV.
    h.session.apply(ui::intent::FilterTrainer{"Cohort B", ""});
    CHECK(t.results == 1);
    TempDir dir;
    std::string file = (dir / "cohort.csv").string();
    h.session.apply(ui::intent::ExportTrainer{file, false});
    CHECK_FALSE(t.export_failed);
    std::ifstream in(file);
    std::stringstream got;
    got << in.rdbuf();
    std::ostringstream want;
    report::write_report_csv(want, t.report);
    CHECK(got.str() == want.str());
    CHECK_FALSE(std::filesystem::exists(file + ".part"));
    h.session.apply(ui::intent::ExportTrainer{(dir / "no-such-folder" / "x.csv").string(), true});
    CHECK(t.export_failed);
    CHECK(contains(t.export_message, "Could not write"));
}

TEST_CASE("committed judgements go to the training results file and back to the Trainer view",
          "[ui][training]") {
    TempDir dir;
    std::string file = (dir / "training.sqlite").string();
    Harness h(kSurrey);
    h.session.set_training_results(ui::open_training_results(file));
    open_training(h);
    h.session.scratch().training.trainee = "Trainee Two";
    h.session.scratch().training.cohort = "Cohort C";
    h.click("training/scenario/bruised-baby");
    h.click("answer/independently_mobile/no");
    h.click("answer/injury_seen/yes");
    h.click("answer/injury_explained/no");
    h.activate("training/level/statutory");
    for (const char* route : {"s17", "s47"})
        h.activate(std::string("training/route/") + route + "/met");
    h.activate("training/route/s31/cannot_rule_out");
    for (const char* route : {"s20", "s20_4", "s44", "s46"})
        h.activate(std::string("training/route/") + route + "/not_met");
    h.activate("training/trigger/non_mobile_bruising");
    h.activate("training/commit");
    REQUIRE(h.state().training.phase == ui::TrainingPhase::Committed);
    h.activate("training/reveal");
    REQUIRE(h.state().training.reveal);
    CHECK(h.state().training.reveal->matched == h.state().training.reveal->criteria);
    // The trainee said the explanation did not fit, the narrative says it seemed to.
    REQUIRE(h.state().training.reveal->answers.size() == 1);

    std::string error;
    auto store = audit::TrainingStore::open_existing(file, error);
    REQUIRE(store);
    auto saved = store->list();
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].trainee == "Trainee Two");
    CHECK_FALSE(saved[0].revealed_at.empty());
    CHECK(saved[0].matched == saved[0].criteria);

    h.press(ui::keys::F8);
    CHECK(h.state().trainer.results == 1);
    CHECK(h.state().trainer.cohorts == std::vector<std::string>{"Cohort C"});
}
