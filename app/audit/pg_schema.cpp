#include "pg_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "canonical.hpp"

namespace continuum::audit::pg_schema {

namespace {

// The functions the triggers run. Their text is kept here once: migration 1 creates them
// from it, and protection_problems() compares what the server holds with it, so a function
// replaced by a superuser with one that lets changes through is reported.

// The canonical form of canonical.hpp, computed by the server from the stored columns.
const char* const kCanonicalField = R"sql(
    SELECT name || ':' || octet_length(value) || ':' || value || E'\n'
)sql";

const char* const kCanonicalHash = R"sql(
    SELECT encode(sha256(convert_to('continuum.audit/1' || E'\n'
        || continuum.canonical_field('sequence', d.sequence::text)
        || continuum.canonical_field('recorded_at', d.recorded_at)
        || continuum.canonical_field('previous_hash', d.previous_hash)
        || continuum.canonical_field('case_ref', d.case_ref)
        || continuum.canonical_field('referred_at', d.referred_at)
        || continuum.canonical_field('practitioner', d.practitioner)
        || continuum.canonical_field('role', d.role)
        || continuum.canonical_field('ruleset_id', d.ruleset_id)
        || continuum.canonical_field('ruleset_version', d.ruleset_version)
        || continuum.canonical_field('ruleset_digest', d.ruleset_digest)
        || continuum.canonical_field('suggested_level', d.suggested_level)
        || continuum.canonical_field('decided_level', d.decided_level)
        || continuum.canonical_field('routes', d.routes)
        || continuum.canonical_field('agreed', d.agreed::text)
        || continuum.canonical_field('override_category', d.override_category)
        || continuum.canonical_field('reason', d.reason)
        || continuum.canonical_field('service_consent', d.service_consent)
        || continuum.canonical_field('sharing_basis', d.sharing_basis)
        || continuum.canonical_field('family_informed', d.family_informed::text)
        || continuum.canonical_field('consent_note', d.consent_note)
        || continuum.canonical_field('answers', d.answers)
        || continuum.canonical_field('evaluation', d.evaluation), 'UTF8')), 'hex')
)sql";

// Every insert: takes the chain lock (so appends wait for each other until the one before
// commits), puts the record at the end of the chain, records who is signed in, and refuses a
// practitioner name that is not the login's registered one.
const char* const kChainFunction = R"sql(
DECLARE
    last_sequence bigint;
    last_hash text;
    registered record;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'decisions are appended in READ COMMITTED transactions, not %',
            current_setting('transaction_isolation') USING ERRCODE = 'invalid_transaction_state';
    END IF;
    PERFORM pg_advisory_xact_lock(1131312245, 1);
    SELECT d.sequence, d.hash INTO last_sequence, last_hash
        FROM continuum.decision d ORDER BY d.sequence DESC LIMIT 1;
    IF NOT FOUND THEN
        last_sequence := 0;
        last_hash := repeat('0', 64);
    END IF;
    NEW.login := session_user;
    IF NEW.origin = 'migrated' THEN
        IF NOT pg_has_role(session_user, 'continuum_manager', 'USAGE') THEN
            RAISE EXCEPTION 'only a manager may copy decisions from another log into the team store'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.sequence IS DISTINCT FROM last_sequence + 1
           OR NEW.previous_hash IS DISTINCT FROM last_hash THEN
            RAISE EXCEPTION 'record % does not continue the team chain, which ends at record %',
                NEW.sequence, last_sequence USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF NEW.hash IS DISTINCT FROM continuum.canonical_hash(NEW) THEN
            RAISE EXCEPTION 'record % does not hash to its stored hash', NEW.sequence
                USING ERRCODE = 'data_exception';
        END IF;
        RETURN NEW;
    END IF;
    SELECT p.display_name, p.job_title INTO registered
        FROM continuum.practitioner p WHERE p.login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the login "%" is not registered to record decisions in this team store',
            session_user USING ERRCODE = 'insufficient_privilege',
            HINT = 'The administrator registers it with: continuum server user add';
    END IF;
    IF NEW.practitioner IS DISTINCT FROM registered.display_name
       OR NEW.role IS DISTINCT FROM registered.job_title THEN
        RAISE EXCEPTION 'decisions from the login "%" are recorded as % (%), not as %',
            session_user, registered.display_name, registered.job_title,
            coalesce(NEW.practitioner, '(no name)') USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.sequence := last_sequence + 1;
    NEW.previous_hash := last_hash;
    NEW.recorded_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    NEW.hash := continuum.canonical_hash(NEW);
    RETURN NEW;
END
)sql";

// UPDATE, DELETE and TRUNCATE of an append-only table, whoever asks (the same words as the
// SQLite store's triggers).
const char* const kRefuseFunction = R"sql(
BEGIN
    RAISE EXCEPTION 'audit records cannot be %',
        CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END
        USING ERRCODE = 'insufficient_privilege';
END
)sql";

struct Function {
    const char* name;
    const char* body;
};
const std::array<Function, 4> kFunctions = {{{"canonical_field", kCanonicalField},
                                             {"canonical_hash", kCanonicalHash},
                                             {"decision_chain", kChainFunction},
                                             {"refuse_change", kRefuseFunction}}};

struct Trigger {
    const char* table;
    const char* name;
    const char* function;
    const char* what;  // what it does, for the report when it is gone
};
const Trigger kTriggers[] = {
    {"decision", "decision_chain", "decision_chain",
     "puts each new decision at the end of the chain under the signed-in login"},
    {"decision", "decision_no_update", "refuse_change", "refuses changes to recorded decisions"},
    {"decision", "decision_no_delete", "refuse_change", "refuses deleting recorded decisions"},
    {"decision", "decision_no_truncate", "refuse_change",
     "refuses emptying the table of recorded decisions"},
    {"migration", "migration_no_update", "refuse_change", "refuses changes to the migration log"},
    {"migration", "migration_no_delete", "refuse_change",
     "refuses deleting from the migration log"},
    {"ruleset_publication", "publication_no_update", "refuse_change",
     "refuses changes to the rule set publications"},
    {"ruleset_publication", "publication_no_delete", "refuse_change",
     "refuses deleting rule set publications"},
};

// Tables whose rows, once written, nobody may change or remove.
const char* const kAppendOnly[] = {"decision", "migration", "ruleset_publication"};

// The decision table's columns and types as migration 1 makes them.
const std::pair<const char*, const char*> kDecisionColumns[] = {
    {"sequence", "bigint"},
    {"recorded_at", "text"},
    {"previous_hash", "text"},
    {"case_ref", "text"},
    {"referred_at", "text"},
    {"practitioner", "text"},
    {"role", "text"},
    {"ruleset_id", "text"},
    {"ruleset_version", "text"},
    {"ruleset_digest", "text"},
    {"suggested_level", "text"},
    {"decided_level", "text"},
    {"routes", "text"},
    {"agreed", "smallint"},
    {"override_category", "text"},
    {"reason", "text"},
    {"service_consent", "text"},
    {"sharing_basis", "text"},
    {"family_informed", "smallint"},
    {"consent_note", "text"},
    {"answers", "text"},
    {"evaluation", "text"},
    {"hash", "text"},
    {"login", "name"},
    {"origin", "text"},
    {"submission_id", "text"},
    {"submitted_at", "text"},
    {"routes_json", "jsonb"},
};

// Migration 1: the whole team store. Never edit a migration that has shipped; add one.
std::string migration_1() {
    std::string sql = R"sql(
CREATE TABLE continuum.schema_version (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT session_user
);
CREATE TABLE continuum.store_info (
    store_id   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO continuum.store_info DEFAULT VALUES;
CREATE TABLE continuum.practitioner (
    login        name PRIMARY KEY,
    display_name text NOT NULL CHECK (display_name <> ''),
    job_title    text NOT NULL,
    access       text NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now(),
    added_by     name NOT NULL DEFAULT session_user
);
CREATE TABLE continuum.decision (
    sequence          bigint PRIMARY KEY CHECK (sequence > 0),
    recorded_at       text COLLATE "C" NOT NULL,
    previous_hash     text COLLATE "C" NOT NULL UNIQUE,
    case_ref          text NOT NULL,
    referred_at       text NOT NULL,
    practitioner      text NOT NULL,
    role              text NOT NULL,
    ruleset_id        text NOT NULL,
    ruleset_version   text NOT NULL,
    ruleset_digest    text NOT NULL,
    suggested_level   text NOT NULL,
    decided_level     text NOT NULL,
    routes            text NOT NULL,
    agreed            smallint NOT NULL CHECK (agreed IN (0, 1)),
    override_category text NOT NULL,
    reason            text NOT NULL,
    service_consent   text NOT NULL,
    sharing_basis     text NOT NULL,
    family_informed   smallint NOT NULL CHECK (family_informed IN (0, 1)),
    consent_note      text NOT NULL,
    answers           text NOT NULL,
    evaluation        text NOT NULL,
    hash              text COLLATE "C" NOT NULL UNIQUE,
    login             name NOT NULL DEFAULT session_user,
    origin            text NOT NULL DEFAULT 'recorded' CHECK (origin IN ('recorded', 'migrated')),
    submission_id     text UNIQUE,
    submitted_at      text,
    routes_json       jsonb GENERATED ALWAYS AS (routes::jsonb) STORED
);
CREATE INDEX decision_recorded_at ON continuum.decision (recorded_at);
CREATE INDEX decision_practitioner ON continuum.decision (practitioner);
CREATE INDEX decision_decided_level ON continuum.decision (decided_level);
CREATE INDEX decision_routes ON continuum.decision USING gin (routes_json jsonb_path_ops);
CREATE TABLE continuum.migration (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source        text NOT NULL,
    source_head   text NOT NULL,
    first_sequence bigint NOT NULL,
    last_sequence bigint NOT NULL,
    copied        bigint NOT NULL,
    migrated_at   timestamptz NOT NULL DEFAULT now(),
    migrated_by   name NOT NULL DEFAULT session_user
);
CREATE TABLE continuum.ruleset_publication (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ruleset_id      text NOT NULL,
    ruleset_version text NOT NULL,
    ruleset_digest  text NOT NULL,
    note            text NOT NULL DEFAULT '',
    published_at    timestamptz NOT NULL DEFAULT now(),
    published_by    name NOT NULL DEFAULT session_user
);
CREATE FUNCTION continuum.canonical_field(name text, value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT AS $body$@canonical_field@$body$;
CREATE FUNCTION continuum.canonical_hash(d continuum.decision) RETURNS text
    LANGUAGE sql STABLE AS $body$@canonical_hash@$body$;
CREATE FUNCTION continuum.decision_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $body$@decision_chain@$body$;
CREATE FUNCTION continuum.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $body$@refuse_change@$body$;
)sql";
    for (const auto& f : kFunctions) {
        std::string marker = std::string("@") + f.name + "@";
        sql.replace(sql.find(marker), marker.size(), f.body);
    }
    for (const auto& t : kTriggers) {
        std::string table = t.table;
        std::string name = t.name;
        bool chain = name == "decision_chain";
        bool truncate = name.find("truncate") != std::string::npos;
        const char* event = chain                                      ? "INSERT"
                            : truncate                                 ? "TRUNCATE"
                            : name.find("update") != std::string::npos ? "UPDATE"
                                                                       : "DELETE";
        sql += fmt::format(
            "CREATE TRIGGER {} BEFORE {} ON continuum.{} FOR EACH {} EXECUTE FUNCTION "
            "continuum.{}();\n"
            // ALWAYS: they fire even under session_replication_role = replica.
            "ALTER TABLE continuum.{} ENABLE ALWAYS TRIGGER {};\n",
            name, event, table, chain ? "ROW" : "STATEMENT", t.function, table, name);
    }
    return sql;
}

// Privileges, applied by every init (GRANT and REVOKE are idempotent).
std::string privileges() {
    return R"sql(
REVOKE ALL ON SCHEMA continuum FROM PUBLIC;
GRANT USAGE ON SCHEMA continuum
    TO continuum_practitioner, continuum_manager, continuum_policy, continuum_auditor;
REVOKE ALL ON ALL TABLES IN SCHEMA continuum FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE
    ON continuum.decision, continuum.migration, continuum.ruleset_publication
    FROM continuum_owner;
GRANT SELECT ON continuum.schema_version, continuum.store_info, continuum.practitioner,
    continuum.ruleset_publication
    TO continuum_practitioner, continuum_manager, continuum_policy, continuum_auditor;
GRANT SELECT ON continuum.decision
    TO continuum_practitioner, continuum_manager, continuum_auditor;
GRANT INSERT (case_ref, referred_at, practitioner, role, ruleset_id, ruleset_version,
    ruleset_digest, suggested_level, decided_level, routes, agreed, override_category, reason,
    service_consent, sharing_basis, family_informed, consent_note, answers, evaluation,
    submission_id, submitted_at) ON continuum.decision TO continuum_practitioner;
GRANT INSERT ON continuum.decision TO continuum_manager;
GRANT SELECT, INSERT ON continuum.migration TO continuum_manager;
GRANT SELECT ON continuum.migration TO continuum_auditor;
GRANT INSERT (ruleset_id, ruleset_version, ruleset_digest, note)
    ON continuum.ruleset_publication TO continuum_policy;
DO $do$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO continuum_practitioner, continuum_manager, '
                   'continuum_policy, continuum_auditor', current_database());
END
$do$;
)sql";
}

const char* const kCreateRoles = R"sql(
DO $do$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['continuum_owner', 'continuum_practitioner', 'continuum_manager',
                             'continuum_policy', 'continuum_auditor'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$do$;
)sql";

bool run(pg::Connection& c, const std::string& sql, InitReport& report) {
    pg::Result r = c.exec(sql);
    if (r.ok()) return true;
    report.error = r.message;
    return false;
}

}  // namespace

std::string group_role(const std::string& access) {
    return "continuum_" + access;
}

int version(pg::Connection& conn, std::string& error) {
    // Two statements: a query naming a table that does not exist fails when it is parsed,
    // whatever a CASE around it says.
    pg::Result exists = conn.exec("SELECT to_regclass('continuum.schema_version') IS NOT NULL");
    if (!exists.ok()) {
        error = exists.message;
        return -1;
    }
    if (exists.text(0, 0) != "t") return 0;
    pg::Result r = conn.exec("SELECT coalesce(max(version), 0) FROM continuum.schema_version");
    if (!r.ok()) {
        error = r.message;
        return -1;
    }
    return std::stoi(r.text(0, 0));
}

InitReport init(pg::Connection& admin) {
    InitReport report;
    pg::Result enc = admin.exec(
        "SELECT current_setting('server_encoding'), "
        "current_setting('server_version_num')::int");
    if (!enc.ok()) {
        report.error = enc.message;
        return report;
    }
    if (enc.text(0, 0) != "UTF8") {
        report.error = fmt::format(
            "the database's encoding is {}, not UTF8: decisions hold any UTF-8 text and their "
            "hashes cover it byte for byte. Create the database with ENCODING 'UTF8'",
            enc.text(0, 0));
        return report;
    }
    if (std::stoi(enc.text(0, 1)) < 130000) {
        report.error = "the team store needs PostgreSQL 13 or later (15 is tested)";
        return report;
    }
    if (!run(admin, "BEGIN", report)) return report;
    auto fail = [&]() {
        admin.exec("ROLLBACK");
        return report;
    };
    if (!run(admin, fmt::format("SELECT pg_advisory_xact_lock({}, {})", kLockSpace, kInitLock),
             report))
        return fail();
    report.version_before = version(admin, report.error);
    if (report.version_before < 0) return fail();
    if (report.version_before > kVersion) {
        report.error = fmt::format(
            "the team store is at schema version {}, newer than this version of continuum "
            "knows ({}); it has been left untouched: use the newer version",
            report.version_before, kVersion);
        return fail();
    }
    pg::Result roles = admin.exec(
        "SELECT count(*) FROM pg_roles WHERE rolname IN ('continuum_owner', "
        "'continuum_practitioner', 'continuum_manager', 'continuum_policy', 'continuum_auditor')");
    if (!roles.ok()) {
        report.error = roles.message;
        return fail();
    }
    if (roles.text(0, 0) != "5") report.done.push_back("created the group roles");
    if (!run(admin, kCreateRoles, report) ||
        !run(admin, "CREATE SCHEMA IF NOT EXISTS continuum AUTHORIZATION continuum_owner", report))
        return fail();
    // Everything in the schema belongs to the owner role, which nobody signs in as.
    if (!run(admin, "SET LOCAL ROLE continuum_owner", report)) {
        report.error = "cannot act as continuum_owner (" + report.error +
                       "): run server init as a superuser, or as a login that is a member of "
                       "continuum_owner";
        return fail();
    }
    const std::string migrations[] = {migration_1()};
    static_assert(std::size(migrations) == kVersion);
    for (int v = report.version_before; v < kVersion; ++v) {
        if (!run(admin, migrations[v], report) ||
            !run(admin,
                 fmt::format("INSERT INTO continuum.schema_version (version) VALUES ({})", v + 1),
                 report)) {
            report.error =
                fmt::format("migration to schema version {} failed: {}", v + 1, report.error);
            return fail();
        }
        report.done.push_back(v == 0 ? "created the schema (version 1)"
                                     : fmt::format("migrated to schema version {}", v + 1));
    }
    if (!run(admin, "RESET ROLE", report) || !run(admin, privileges(), report) ||
        !run(admin, "COMMIT", report))
        return fail();
    report.version_after = kVersion;
    report.ok = true;
    return report;
}

std::vector<std::string> protection_problems(pg::Connection& conn) {
    std::vector<std::string> out;
    std::string error;
    int v = version(conn, error);
    if (v < 0) {
        out.push_back("The schema cannot be read: " + error + ".");
        return out;
    }
    if (v != kVersion) {
        out.push_back(fmt::format("The schema is at version {}, not {}.", v, kVersion));
        if (v == 0) return out;
    }
    // Triggers: present, enabled always, calling the function they were made with.
    pg::Result triggers = conn.exec(
        "SELECT c.relname, t.tgname, t.tgenabled, p.proname, n.nspname "
        "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace cn ON cn.oid = c.relnamespace "
        "JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE cn.nspname = 'continuum' AND NOT t.tgisinternal");
    if (!triggers.ok()) {
        out.push_back("The triggers cannot be read: " + triggers.message + ".");
        return out;
    }
    for (const auto& t : kTriggers) {
        int found = -1;
        for (int i = 0; i < triggers.rows(); ++i)
            if (triggers.view(i, 0) == t.table && triggers.view(i, 1) == t.name) found = i;
        if (found < 0) {
            out.push_back(
                fmt::format("The trigger {} on continuum.{}, which {}, is missing (dropped).",
                            t.name, t.table, t.what));
            continue;
        }
        if (triggers.view(found, 2) != "A")
            out.push_back(fmt::format(
                "The trigger {} on continuum.{}, which {}, is {}.", t.name, t.table, t.what,
                triggers.view(found, 2) == "D" ? "disabled"
                                               : "no longer enabled always (it can be skipped)"));
        if (triggers.view(found, 3) != t.function || triggers.view(found, 4) != "continuum")
            out.push_back(fmt::format(
                "The trigger {} on continuum.{} now calls {}.{}, not "
                "continuum.{}.",
                t.name, t.table, triggers.text(found, 4), triggers.text(found, 3), t.function));
    }
    // The functions, as written.
    pg::Result functions = conn.exec(
        "SELECT p.proname, p.prosrc, p.prosecdef FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'continuum'");
    for (const auto& f : kFunctions) {
        int found = -1;
        for (int i = 0; i < functions.rows(); ++i)
            if (functions.view(i, 0) == f.name) found = i;
        if (found < 0)
            out.push_back(fmt::format("The function continuum.{} is missing (dropped).", f.name));
        else if (functions.view(found, 1) != f.body)
            out.push_back(fmt::format(
                "The function continuum.{} has been altered: it is no longer the one the "
                "triggers were made with.",
                f.name));
    }
    // Nobody may change or remove what was written (superusers always can: that is what
    // the chain check is for).
    for (const char* table : kAppendOnly) {
        pg::Result grants = conn.exec(
            fmt::format("SELECT coalesce(r.rolname, 'PUBLIC'), a.privilege_type "
                        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
                        "aclexplode(c.relacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee "
                        "WHERE n.nspname = 'continuum' AND c.relname = '{}' "
                        "AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') "
                        "ORDER BY 1, 2",
                        table));
        for (int i = 0; i < grants.rows(); ++i)
            out.push_back(
                fmt::format("{} has been given {} on continuum.{}: recorded rows could "
                            "be changed or removed.",
                            grants.text(i, 0), grants.text(i, 1), table));
        // Column-level UPDATE grants count too.
        pg::Result columns = conn.exec(
            fmt::format("SELECT DISTINCT coalesce(r.rolname, 'PUBLIC') FROM pg_attribute at "
                        "JOIN pg_class c ON c.oid = at.attrelid "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace, "
                        "aclexplode(at.attacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee "
                        "WHERE n.nspname = 'continuum' AND c.relname = '{}' "
                        "AND a.privilege_type = 'UPDATE'",
                        table));
        for (int i = 0; i < columns.rows(); ++i)
            out.push_back(fmt::format("{} has been given UPDATE on columns of continuum.{}.",
                                      columns.text(i, 0), table));
    }
    // The decision table as made: its columns and the constraints that keep one chain.
    pg::Result cols = conn.exec(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
        "WHERE a.attrelid = to_regclass('continuum.decision') AND a.attnum > 0 "
        "AND NOT a.attisdropped ORDER BY a.attnum");
    std::vector<std::pair<std::string, std::string>> have;
    for (int i = 0; i < cols.rows(); ++i)
        have.emplace_back(cols.text(i, 0), cols.text(i, 1));
    for (const auto& [name, type] : kDecisionColumns) {
        auto it = std::find_if(have.begin(), have.end(), [&](auto& c) { return c.first == name; });
        if (it == have.end())
            out.push_back(fmt::format("The decision table has lost its column {}.", name));
        else if (it->second != type)
            out.push_back(fmt::format("The decision table's column {} is now {}, not {}.", name,
                                      it->second, type));
    }
    for (const auto& [name, type] : have) {
        auto known = std::find_if(std::begin(kDecisionColumns), std::end(kDecisionColumns),
                                  [&](auto& c) { return name == c.first; });
        if (known == std::end(kDecisionColumns))
            out.push_back(
                fmt::format("The decision table has a column {} it was not made with.", name));
    }
    pg::Result keys = conn.exec(
        "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass('continuum.decision')");
    for (const char* key : {"decision_pkey", "decision_previous_hash_key", "decision_hash_key",
                            "decision_submission_id_key"}) {
        bool found = false;
        for (int i = 0; i < keys.rows(); ++i)
            found = found || keys.view(i, 0) == key;
        if (!found)
            out.push_back(
                fmt::format("The decision table's constraint {} is missing: the chain "
                            "could fork or a decision be recorded twice.",
                            key));
    }
    return out;
}

}  // namespace continuum::audit::pg_schema
