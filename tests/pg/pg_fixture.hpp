// Shared by the team store tests: the throwaway cluster ctest started (pg_cluster.sh), a fresh
// database per test set up with `server init`, and the logins a front door would have.
#pragma once
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

#include "audit/audit_fixture.hpp"
#include "audit/pg.hpp"
#include "audit/store.hpp"
#include "audit/team_admin.hpp"

namespace pg_test {

using namespace continuum::audit;

// KEY=VALUE lines written by pg_cluster.sh start. No cluster is a failure, never a skip.
inline std::map<std::string, std::string> cluster_state() {
    std::ifstream in(CONTINUUM_PG_STATE);
    if (!in)
        FAIL("no PostgreSQL test cluster: " CONTINUUM_PG_STATE
             " is missing (pg.cluster_start failed or did not run)");
    std::map<std::string, std::string> out;
    for (std::string line; std::getline(in, line);) {
        auto eq = line.find('=');
        if (eq != std::string::npos) out[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return out;
}

inline std::string uri(const std::string& user, const std::string& password,
                       const std::string& db) {
    auto s = cluster_state();
    return "postgresql://" + user + ":" + password + "@127.0.0.1:" + s.at("PG_PORT") + "/" + db;
}

inline std::string superuser(const std::string& db = "postgres") {
    return uri("postgres", cluster_state().at("PG_PASSWORD"), db);
}

// Runs the cluster script (restart, kill, resume) on the test cluster.
inline void cluster(const std::string& action) {
    std::string cmd = std::string("bash '") + CONTINUUM_PG_CLUSTER + "' " + action + " '" +
                      CONTINUUM_PG_STATE + "'";
    if (std::system(cmd.c_str()) != 0)
        throw std::runtime_error("pg_cluster.sh " + action + " failed");
}

// Brings the server back when a test that stopped it ends, passed or failed.
struct ResumeServer {
    ~ResumeServer() {
        try {
            cluster("resume");
        } catch (...) {
        }
    }
};

inline std::unique_ptr<pg::Connection> connect(const std::string& location) {
    std::string error;
    auto c = pg::Connection::open(location, {}, error);
    if (!c) FAIL("cannot connect: " << error);
    return c;
}

inline void exec(pg::Connection& c, const std::string& sql) {
    pg::Result r = c.exec(sql);
    if (!r.ok()) FAIL(sql << ": " << r.message);
}

// A fresh database holding a team store, with a practitioner, a manager and an auditor.
struct TeamStore {
    std::string db;
    static constexpr const char* kPassword = "synthetic-test-password";
    TeamStore() {
        static std::atomic<int> n{0};
        db = "continuum_test_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
        recreate();
    }
    // The database made (again) from nothing: a new, empty team store under the same name.
    void recreate() {
        auto admin = connect(superuser());
        exec(*admin, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        exec(*admin, "CREATE DATABASE " + db + " ENCODING 'UTF8' TEMPLATE template0");
        ServerInitResult init = init_team_store(superuser(db));
        if (!init.ok) FAIL("server init: " << init.error);
        add("sam", "Sam Okafor", "Social worker, MASH", {"practitioner"});
        add("alex", "Alex Rivers", "Social worker, MASH", {"practitioner"});
        add("maya", "Maya Chen", "Team manager, MASH", {"manager", "practitioner"});
        add("ana", "Ana Kowalski", "Internal auditor", {"auditor"});
    }
    void add(const std::string& login, const std::string& name, const std::string& title,
             std::vector<std::string> access) {
        TeamUser u{login, name, title, std::move(access), std::string(kPassword)};
        std::vector<std::string> done;
        std::string error;
        if (!add_team_user(superuser(db), u, done, error))
            FAIL("add-user " << login << ": " << error);
    }
    std::string as(const std::string& login) const { return uri(login, kPassword, db); }
    // The same login reaching the server through another port (a FlakyNetwork relay).
    std::string via(int port, const std::string& login) const {
        return "postgresql://" + login + ":" + kPassword + "@127.0.0.1:" + std::to_string(port) +
               "/" + db;
    }
    std::string as_superuser() const { return superuser(db); }
    std::unique_ptr<Store> open(const std::string& login) const {
        std::string error;
        auto s = Store::open(as(login), error);
        if (!s) FAIL("open as " << login << ": " << error);
        return s;
    }
};

// A synthetic decision recorded under the store's signed-in identity.
inline DecisionRecord team_record(const Store& store, int i) {
    DecisionRecord r = audit_test::sample_record(i);
    r.practitioner = store.identity()->practitioner;
    r.role = store.identity()->role;
    return r;
}

}  // namespace pg_test
