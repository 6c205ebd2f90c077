#include "team_admin.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "location.hpp"
#include "pg.hpp"
#include "pg_schema.hpp"

namespace continuum::audit {

namespace {

std::unique_ptr<pg::Connection> connect(const std::string& location, std::string& error) {
    std::string why;
    auto c = pg::Connection::open(location, {}, why);
    if (!c) error = fmt::format("cannot reach {}: {}", redact(location), why);
    return c;
}

std::string literal(PGconn* conn, const std::string& text) {
    char* quoted = PQescapeLiteral(conn, text.c_str(), text.size());
    if (!quoted) return "''";
    std::string out = quoted;
    PQfreemem(quoted);
    return out;
}

}  // namespace

ServerInitResult init_team_store(const std::string& location) {
    ServerInitResult out;
    if (!is_team_location(location)) {
        out.error = fmt::format(
            "'{}' is not a PostgreSQL connection (postgresql://... or "
            "host=... dbname=...)",
            location);
        return out;
    }
    auto c = connect(location, out.error);
    if (!c) return out;
    pg_schema::InitReport r = pg_schema::init(*c);
    out.version_before = r.version_before;
    out.version_after = r.version_after;
    out.done = r.done;
    if (!r.ok) {
        out.error = r.error;
        return out;
    }
    if (c->broken()) c = connect(location, out.error);
    if (!c) return out;
    out.protection_problems = pg_schema::protection_problems(*c);
    out.ok = true;
    return out;
}

bool add_team_user(const std::string& location, const TeamUser& user,
                   std::vector<std::string>& done, std::string& error) {
    if (user.login.empty() || user.name.empty()) {
        error = "a login and the name its decisions are recorded under are both needed";
        return false;
    }
    for (const auto& a : user.access)
        if (std::find_if(std::begin(kTeamAccess), std::end(kTeamAccess),
                         [&](const char* k) { return a == k; }) == std::end(kTeamAccess)) {
            error = fmt::format(
                "'{}' is not an access: use practitioner, manager, policy or "
                "auditor",
                a);
            return false;
        }
    if (user.access.empty()) {
        error = "give at least one access: practitioner, manager, policy or auditor";
        return false;
    }
    auto c = connect(location, error);
    if (!c) return false;
    std::string why;
    if (pg_schema::version(*c, why) != pg_schema::kVersion) {
        error = why.empty() ? fmt::format(
                                  "{} has no continuum team store at schema version {}: "
                                  "run continuum server init first",
                                  redact(location), pg_schema::kVersion)
                            : why;
        return false;
    }
    const std::string ident = pg::quote_identifier(c->raw(), user.login);
    auto run = [&](const std::string& sql, const pg::Params& params = {}) {
        pg::Result r = c->exec(sql, params);
        if (!r.ok()) error = r.message;
        return r;
    };
    if (!run("BEGIN").ok()) return false;
    auto fail = [&] {
        if (!c->broken()) c->exec("ROLLBACK");
        return false;
    };
    pg::Result exists = run("SELECT count(*) FROM pg_roles WHERE rolname = $1", {user.login});
    if (!exists.ok()) return fail();
    if (exists.text(0, 0) == "0") {
        if (!run("CREATE ROLE " + ident + " LOGIN").ok()) return fail();
        done.push_back(fmt::format("created the login {}", user.login));
    }
    for (const char* access : kTeamAccess) {
        bool wanted =
            std::find(user.access.begin(), user.access.end(), access) != user.access.end();
        std::string role = pg_schema::group_role(access);
        if (!run(fmt::format("{} {} {} {}", wanted ? "GRANT" : "REVOKE", role,
                             wanted ? "TO" : "FROM", ident))
                 .ok())
            return fail();
    }
    std::string access_list;
    for (const auto& a : user.access)
        access_list += (access_list.empty() ? "" : ",") + a;
    if (!run("INSERT INTO continuum.practitioner (login, display_name, job_title, access) "
             "VALUES ($1, $2, $3, $4) ON CONFLICT (login) DO UPDATE SET display_name = "
             "EXCLUDED.display_name, job_title = EXCLUDED.job_title, access = EXCLUDED.access",
             {user.login, user.name, user.title, access_list})
             .ok())
        return fail();
    done.push_back(fmt::format("registered {} as {}{} ({})", user.login, user.name,
                               user.title.empty() ? "" : ", " + user.title, access_list));
    if (user.password) {
        char* verifier = PQencryptPasswordConn(c->raw(), user.password->c_str(), user.login.c_str(),
                                               "scram-sha-256");
        if (!verifier) {
            error = PQerrorMessage(c->raw());
            return fail();
        }
        std::string sql = "ALTER ROLE " + ident + " PASSWORD " + literal(c->raw(), verifier);
        PQfreemem(verifier);
        if (!run(sql).ok()) return fail();
        done.push_back(fmt::format("set the password of {}", user.login));
    }
    if (!run("COMMIT").ok()) return fail();
    return true;
}

bool publish_ruleset(const std::string& location, const std::string& id, const std::string& version,
                     const std::string& digest, const std::string& note, std::string& error) {
    auto c = connect(location, error);
    if (!c) return false;
    pg::Result r = c->exec(
        "INSERT INTO continuum.ruleset_publication (ruleset_id, ruleset_version, ruleset_digest, "
        "note) VALUES ($1, $2, $3, $4)",
        {id, version, digest, note});
    if (!r.ok()) error = r.message;
    return r.ok();
}

}  // namespace continuum::audit
