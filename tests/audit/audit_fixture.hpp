// Shared by the audit tests: a scratch folder, realistic synthetic records, and raw SQLite
// access for the tests that tamper with a file the way an attacker with the file would.
#pragma once
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "audit/decision_record.hpp"
#include "audit/store.hpp"

namespace audit_test {

namespace fs = std::filesystem;
using continuum::audit::DecisionRecord;
using continuum::audit::Store;

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "continuum-audit-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
    fs::path operator/(const char* name) const { return path / name; }
};

// A synthetic decision (never a real person): an override on odd numbers, agreement on even.
inline DecisionRecord sample_record(int i) {
    DecisionRecord r;
    r.case_ref = "C-2026-" + std::to_string(1000 + i);
    r.referred_at = "2026-11-23T09:40:00";
    r.practitioner = i % 3 == 0 ? "Sam Okafor" : "Alex Rivers";
    r.role = "Social worker, MASH";
    r.ruleset_id = "surrey";
    r.ruleset_version = "2026.1";
    r.ruleset_digest = std::string(64, 'a');
    r.suggested_level = "level4";
    r.decided_level = i % 2 ? "level3" : "level4";
    r.routes = {{"s47", "cannot_rule_out", i % 2 ? "not_met" : "cannot_rule_out"},
                {"s17", "met", "met"}};
    r.agreed = i % 2 == 0;
    r.override_category = r.agreed ? "" : "discretionary";
    r.reason = r.agreed ? "" : "Grandmother now living in; bruising explained by the GP.";
    r.service_consent = "not_sought";
    r.sharing_basis = "public task / safeguarding (no consent needed)";
    r.family_informed = i % 2 == 1;
    r.consent_note = "Seeking consent could increase the risk to the child.";
    r.answers = {{"answers", {{"child_age_months", 5}, {"bruising_seen", true}}},
                 {"unknown", {"explanation_consistent"}}};
    r.evaluation = {{"schema", "continuum.eval/1"}, {"level", {{"id", "level4"}}}, {"n", i}};
    return r;
}

inline std::unique_ptr<Store> open_store(const fs::path& file) {
    std::string error;
    auto store = Store::open(file, error);
    if (!store) throw std::runtime_error("open failed: " + error);
    return store;
}

// Appends n sample records and returns the head after them.
inline std::string fill(const fs::path& file, int n) {
    auto store = open_store(file);
    for (int i = 1; i <= n; ++i) {
        auto r = sample_record(i);
        std::string error;
        if (!store->append(r, error)) throw std::runtime_error("append failed: " + error);
    }
    return store->head();
}

// Runs SQL on the file directly; returns SQLite's error message, or "" on success.
inline std::string raw_exec(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    char* message = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    std::string out = rc == SQLITE_OK ? "" : (message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    sqlite3_close(db);
    return out;
}

inline void drop_triggers(const fs::path& file) {
    std::string e =
        raw_exec(file, "DROP TRIGGER decision_no_update; DROP TRIGGER decision_no_delete;");
    if (!e.empty()) throw std::runtime_error("drop triggers: " + e);
}

// What an attacker who knows the schema would do: lift the append-only triggers, run `sql`,
// and put the triggers back exactly as they were, so only the hash chain can tell.
inline void tamper_behind_triggers(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::string recreate;
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger'", -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
        recreate += reinterpret_cast<const char*>(sqlite3_column_text(s, 0)) + std::string(";");
    sqlite3_finalize(s);
    sqlite3_close(db);
    drop_triggers(file);
    std::string e = raw_exec(file, sql);
    if (!e.empty()) throw std::runtime_error("tamper: " + e);
    e = raw_exec(file, recreate);
    if (!e.empty()) throw std::runtime_error("put triggers back: " + e);
}

inline std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

inline unsigned mode_of(const fs::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

// Runs `body` in a child process as an ordinary user (root ignores file permissions, so a
// read-only test run as root would prove nothing) and returns what it reports. `folder` is
// handed to that user first.
inline std::string as_unprivileged(const fs::path& folder,
                                   const std::function<std::string()>& body) {
    const uid_t nobody = 65534;
    if (::geteuid() == 0 && ::chown(folder.c_str(), nobody, nobody) != 0)
        throw std::runtime_error("chown failed");
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::string out;
        if (::geteuid() == 0 && (::setgid(nobody) != 0 || ::setuid(nobody) != 0))
            out = "setuid failed";
        else {
            try {
                out = body();
            } catch (const std::exception& e) {
                out = std::string("exception: ") + e.what();
            }
        }
        ssize_t ignored = ::write(fds[1], out.data(), out.size());
        (void)ignored;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return out;
}

}  // namespace audit_test
