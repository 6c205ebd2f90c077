// Setting up and staffing the PostgreSQL team store, for `continuum server ...`: the schema in
// one idempotent command, and the logins that may use it, each mapped to the display name and
// job title its decisions are recorded under.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace continuum::audit {

struct ServerInitResult {
    bool ok = false;
    std::string error;
    int version_before = 0, version_after = 0;
    std::vector<std::string> done;                 // what was created or migrated
    std::vector<std::string> protection_problems;  // checked after set-up
};

// `location`: a postgresql:// URI or libpq string for an administrator of the database.
ServerInitResult init_team_store(const std::string& location);

// The four things a login can be given; one login may have several.
inline constexpr const char* kTeamAccess[] = {"practitioner", "manager", "policy", "auditor"};

struct TeamUser {
    std::string login;
    std::string name;   // the display name recorded on their decisions
    std::string title;  // the job title recorded on their decisions (the record's role)
    std::vector<std::string> access;
    std::optional<std::string> password;  // sent as a SCRAM verifier, never in plain text
};

// Creates the login if it does not exist, grants the access roles (and revokes the others),
// and registers the name and title. Run by the administrator; safe to repeat (a new name
// applies to decisions recorded from then on; recorded ones never change).
bool add_team_user(const std::string& location, const TeamUser& user,
                   std::vector<std::string>& done, std::string& error);

// Records that a rule set version is the one in use (policy role), for everyone to see.
bool publish_ruleset(const std::string& location, const std::string& id, const std::string& version,
                     const std::string& digest, const std::string& note, std::string& error);

}  // namespace continuum::audit
