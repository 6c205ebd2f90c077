// continuum server init|add-user LOCATION: setting up the PostgreSQL team store. `init` creates
// the roles, schema, triggers and privileges (idempotent, by schema version); `add-user` gives
// a database login its access and the name and job title its decisions are recorded under.
#include <cstdlib>
#include <iostream>

#include "audit/team_admin.hpp"
#include "cli.hpp"
#include "commands.hpp"

namespace continuum::cli {

namespace {

struct ServerOptions {
    std::string location;
    audit::TeamUser user;
    std::string password_env;
};

int run_init(const ServerOptions& opt) {
    audit::ServerInitResult r = audit::init_team_store(opt.location);
    for (const auto& line : r.done)
        std::cout << "  " << line << "\n";
    if (!r.ok) {
        std::cerr << "error: " << r.error << "\n";
        return kUsage;
    }
    if (r.version_before == r.version_after)
        std::cout << "The team store is already at schema version " << r.version_after
                  << ": nothing to do.\n";
    else
        std::cout << "The team store is at schema version " << r.version_after << " (was "
                  << r.version_before << ").\n";
    for (const auto& p : r.protection_problems)
        std::cout << "PROTECTION DAMAGED: " << p << "\n";
    return r.protection_problems.empty() ? kOk : kFindings;
}

int run_add_user(ServerOptions opt) {
    if (!opt.password_env.empty()) {
        const char* p = std::getenv(opt.password_env.c_str());
        if (!p) {
            std::cerr << "error: the environment variable " << opt.password_env << " is not set.\n";
            return kUsage;
        }
        opt.user.password = p;
    }
    std::vector<std::string> done;
    std::string error;
    bool ok = audit::add_team_user(opt.location, opt.user, done, error);
    for (const auto& line : done)
        std::cout << "  " << line << "\n";
    if (!ok) {
        std::cerr << "error: " << error << "\n";
        return kUsage;
    }
    return kOk;
}

}  // namespace

void add_server(CLI::App& app, Action& run) {
    auto* server = app.add_subcommand("server", "Set up the PostgreSQL team store");
    server->require_subcommand(1);
    auto opt = std::make_shared<ServerOptions>();

    auto* init = server->add_subcommand(
        "init", "Create or migrate the team store's schema, roles and privileges (idempotent)");
    init->add_option("LOCATION", opt->location,
                     "postgresql://ADMIN@HOST/DB or a libpq connection string")
        ->required();
    init->callback([&run, opt] { run = [opt] { return run_init(*opt); }; });

    auto* add = server->add_subcommand(
        "add-user", "Give a database login access, and the name its decisions are recorded under");
    add->add_option("LOCATION", opt->location, "The team store, as an administrator")->required();
    add->add_option("--login", opt->user.login, "The database login")->required();
    add->add_option("--name", opt->user.name, "The display name recorded on their decisions")
        ->required();
    add->add_option("--title", opt->user.title, "The job title recorded on their decisions");
    add->add_option("--access", opt->user.access, "practitioner, manager, policy, auditor")
        ->required()
        ->check(CLI::IsMember({"practitioner", "manager", "policy", "auditor"}));
    add->add_option("--password-env", opt->password_env,
                    "Set the login's password from this environment variable (never typed on "
                    "the command line)");
    add->callback([&run, opt] { run = [opt] { return run_add_user(*opt); }; });
}

}  // namespace continuum::cli
