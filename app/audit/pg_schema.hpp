// The team store's schema in PostgreSQL: the group roles, the tables, the triggers that keep
// decisions append-only and chained, the privileges, and migrations by schema version. Set
// up (idempotently) by `continuum server init`; checked by every `audit verify`.
#pragma once
#include <string>
#include <vector>

#include "pg.hpp"

namespace continuum::audit::pg_schema {

// continuum.schema_version holds every version applied; the store needs exactly this one.
inline constexpr int kVersion = 1;

// The group roles a login is given (cluster-wide, so one team store per PostgreSQL cluster
// keeps each team's decisions to its own people; app/audit/README.md).
inline constexpr const char* kOwner = "continuum_owner";
inline constexpr const char* kAccessRoles[] = {"practitioner", "manager", "policy", "auditor"};
std::string group_role(const std::string& access);  // "practitioner" -> "continuum_practitioner"

// Advisory lock keys ("Cntu" and a number): the chain lock every append takes in the insert
// trigger, and the lock `server init` holds while it sets up.
inline constexpr int kLockSpace = 0x436E7475;
inline constexpr int kChainLock = 1;
inline constexpr int kInitLock = 0;

struct InitReport {
    bool ok = false;
    std::string error;
    int version_before = 0;  // 0: a database without the continuum schema
    int version_after = 0;
    std::vector<std::string> done;  // what was created or applied, in plain words
};

// Creates the roles, schema, tables, triggers and privileges, applying each migration the
// database lacks in one transaction (holding kInitLock, so two at once apply each once).
// Safe to run again: it then changes nothing and says so. Needs a superuser, or a login
// with CREATEROLE that may create schemas in the database.
InitReport init(pg::Connection& admin);

// The schema version the database is at: 0 without the continuum schema, -1 when it cannot
// be read (error says why).
int version(pg::Connection& conn, std::string& error);

// Everything that stops a recorded decision being changed, checked against what init()
// creates: the triggers present, enabled always and calling the functions as written; no role
// with UPDATE, DELETE or TRUNCATE on the decisions; the columns and constraints as made.
// One plain sentence per problem; empty when all is in place.
std::vector<std::string> protection_problems(pg::Connection& conn);

}  // namespace continuum::audit::pg_schema
