// Writes a training results file for the Trainer view's screenshot: a cohort of six synthetic
// trainees working through five Surrey scenarios in the real session, each departing from the
// expected judgement in their own way, so the charts show real spread.
// Usage: training_fixture RULES_FOLDER RESULTS_FILE (an existing file is replaced).
#include <cstdio>
#include <filesystem>
#include <string>

#include "ui/training/training_demo.hpp"
#include "ui/training/training_results.hpp"
#include "ui/triage/audit_sink.hpp"
#include "ui/triage/session.hpp"

using namespace continuum;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: training_fixture RULES_FOLDER RESULTS_FILE\n");
        return 2;
    }
    std::filesystem::path rules = argv[1], results = argv[2];
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(results.string() + suffix);
    ui::UnavailableSink no_audit("a training fixture records no decisions");
    ui::Session session(no_audit, ui::Settings{});
    if (!session.load_rules(rules)) {
        std::fprintf(stderr, "training_fixture: the rules in %s have errors\n", rules.c_str());
        return 1;
    }
    session.set_training_results(ui::open_training_results(results.string()));
    const char* cohort = "MASH induction (example)";
    // name, level shift, cautious, misses triggers, first answer unknown
    const ui::DemoTrainee trainees[] = {
        {"Trainee A", cohort, 0, false, false, false}, {"Trainee B", cohort, 1, true, false, false},
        {"Trainee C", cohort, -1, false, true, false}, {"Trainee D", cohort, 0, true, false, true},
        {"Trainee E", cohort, 0, false, false, true},  {"Trainee F", cohort, 1, false, true, false},
    };
    const char* scenarios[] = {"bruised-baby", "hungry-third-contact", "dad-drinking-in-treatment",
                               "bullied-ten-year-old", "sixteen-asked-to-leave"};
    int saved = 0;
    for (std::size_t s = 0; s < std::size(scenarios); ++s)
        for (std::size_t t = 0; t < std::size(trainees); ++t) {
            ui::DemoTrainee who = trainees[t];
            // Not everyone slips on every scenario: each trainee's habit shows on some.
            if ((s + t) % 3 == 0) who = {who.name, cohort, 0, false, false, false};
            std::string error;
            if (!ui::run_training_demo(session, who, scenarios[s], true, error)) {
                std::fprintf(stderr, "training_fixture: %s on %s: %s\n", who.name.c_str(),
                             scenarios[s], error.c_str());
                return 1;
            }
            ++saved;
        }
    std::printf("training_fixture: %d judgements saved in %s\n", saved, results.c_str());
    return 0;
}
