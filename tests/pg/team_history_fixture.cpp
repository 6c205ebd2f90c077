// Sets up a team store on the test cluster for the History screenshot: a fresh database, two
// (synthetic) practitioners, and the Surrey demo cases recorded by each through the real GUI
// session from their own login. Writes a libpq service file naming the store as "sam", so the
// screenshot opens it with `--audit service=continuum_team` and PGSERVICEFILE.
// Usage: team_history_fixture CLUSTER_STATE RULES_FOLDER SERVICE_FILE OUTBOX_FOLDER
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "audit/pg.hpp"
#include "audit/team_admin.hpp"
#include "ui/demo_record.hpp"
#include "ui/triage/audit_sink.hpp"
#include "ui/triage/session.hpp"

using namespace continuum;

namespace {

constexpr const char* kDatabase = "continuum_screens";
constexpr const char* kPassword = "synthetic-screens-password";

struct Entry {
    const char* login;
    const char* file;
    const char* override_level;  // nullptr: agree with the suggestion
    const char* reason;
};

std::map<std::string, std::string> read_state(const char* file) {
    std::map<std::string, std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (auto eq = line.find('='); eq != std::string::npos)
            out[line.substr(0, eq)] = line.substr(eq + 1);
    return out;
}

int fail(const std::string& what) {
    std::fprintf(stderr, "team_history_fixture: %s\n", what.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr,
                     "usage: team_history_fixture CLUSTER_STATE RULES_FOLDER SERVICE_FILE "
                     "OUTBOX_FOLDER\n");
        return 2;
    }
    auto state = read_state(argv[1]);
    if (!state.count("PG_PORT")) return fail(std::string("no test cluster in ") + argv[1]);
    const std::filesystem::path rules = argv[2], outboxes = argv[4];
    const std::string server =
        "postgresql://postgres:" + state["PG_PASSWORD"] + "@127.0.0.1:" + state["PG_PORT"] + "/";
    std::string error;
    {
        auto admin = audit::pg::Connection::open(server + "postgres", {}, error);
        if (!admin) return fail(error);
        for (std::string sql :
             {std::string("DROP DATABASE IF EXISTS ") + kDatabase + " WITH (FORCE)",
              std::string("CREATE DATABASE ") + kDatabase + " ENCODING 'UTF8' TEMPLATE template0"})
            if (auto r = admin->exec(sql); !r.ok()) return fail(sql + ": " + r.message);
    }
    auto init = audit::init_team_store(server + kDatabase);
    if (!init.ok) return fail("server init: " + init.error);
    std::vector<std::string> done;
    for (auto [login, name] : {std::pair{"alex", "Alex Rivers"}, std::pair{"sam", "Sam Okafor"}})
        if (!audit::add_team_user(server + kDatabase,
                                  {login, name, "Social worker, MASH", {"practitioner"}, kPassword},
                                  done, error))
            return fail(std::string("add-user ") + login + ": " + error);

    const Entry entries[] = {
        {"alex", "bruised-baby.toml", nullptr, ""},
        {"sam", "homeless-16.toml", nullptr, ""},
        {"alex", "cumulative-neglect.toml", nullptr, ""},
        {"sam", "early-help-refused.toml", "intensive",
         "Early help refused for the third time while the concerns grow: local policy steps up "
         "to intensive support."},
    };
    for (const Entry& e : entries) {
        std::string location = "postgresql://" + std::string(e.login) + ":" + kPassword +
                               "@127.0.0.1:" + state["PG_PORT"] + "/" + kDatabase;
        auto sink = ui::open_audit_sink(location, outboxes / (std::string(e.login) + ".sqlite"));
        ui::Session session(*sink, ui::Settings{});
        if (!session.load_rules(rules)) return fail("the rules have errors");
        if (!session.open_case(rules / "cases" / e.file, error)) return fail(e.file + error);
        if (!ui_demo::record_demo_decision(session, e.override_level, e.reason))
            return fail(std::string(e.file) + " not recorded: " + session.state().record.error +
                        session.state().record.held);
    }
    std::ofstream service(argv[3], std::ios::trunc);
    service << "[continuum_team]\nhost=127.0.0.1\nport=" << state["PG_PORT"]
            << "\ndbname=" << kDatabase << "\nuser=sam\npassword=" << kPassword << "\n";
    if (!service.flush()) return fail(std::string("cannot write ") + argv[3]);
    std::printf("team_history_fixture: %zu decisions recorded in the team store %s\n",
                std::size(entries), kDatabase);
    return 0;
}
