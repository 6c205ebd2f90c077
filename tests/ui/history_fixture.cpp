// Writes a small audit log for the History screenshot: the Surrey demo cases recorded through
// the real session and store, by two (synthetic) practitioners, one of them an override.
// Usage: history_fixture RULES_FOLDER CASES_FOLDER AUDIT_FILE (an existing file is replaced).
#include <cstdio>
#include <filesystem>
#include <string>

#include "demo_record.hpp"
#include "ui/triage/audit_sink.hpp"
#include "ui/triage/session.hpp"

using namespace continuum;

namespace {

struct Entry {
    const char* file;
    const char* practitioner;
    const char* override_level;  // nullptr: agree with the suggestion
    const char* reason;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: history_fixture RULES_FOLDER CASES_FOLDER AUDIT_FILE\n");
        return 2;
    }
    std::filesystem::path rules = argv[1], cases = argv[2], audit = argv[3];
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(audit.string() + suffix);
    auto sink = ui::open_audit_sink(audit.string());
    ui::Settings settings;
    settings.role = "MASH social worker";
    ui::Session session(*sink, settings);
    if (!session.load_rules(rules)) {
        std::fprintf(stderr, "history_fixture: the rules in %s have errors\n", rules.c_str());
        return 1;
    }
    const Entry entries[] = {
        {"bruised-baby.toml", "Alex Rivers", nullptr, ""},
        {"homeless-16.toml", "Alex Rivers", nullptr, ""},
        {"cumulative-neglect.toml", "Sam Okafor", nullptr, ""},
        {"early-help-refused.toml", "Sam Okafor", "intensive",
         "Early help refused for the third time while the concerns grow: local policy steps up "
         "to intensive support."},
    };
    for (const Entry& e : entries) {
        settings.practitioner = e.practitioner;
        session.apply(ui::intent::ApplySettings{settings});
        std::string error;
        if (!session.open_case(cases / e.file, error)) {
            std::fprintf(stderr, "history_fixture: %s: %s\n", e.file, error.c_str());
            return 1;
        }
        if (!ui_demo::record_demo_decision(session, e.override_level, e.reason)) {
            std::fprintf(stderr, "history_fixture: %s not recorded: %s%s\n", e.file,
                         session.state().record.problem.c_str(),
                         session.state().record.error.c_str());
            return 1;
        }
    }
    std::printf("history_fixture: %zu decisions recorded in %s\n", std::size(entries),
                audit.c_str());
    return 0;
}
