// continuum audit verify|export|head FILE: checking and reading an audit log from outside the
// GUI. Opens the file read-only: these commands never create, migrate or write an audit file.
#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <fstream>
#include <iostream>

#include "audit/export.hpp"
#include "audit/migrate.hpp"
#include "audit/store.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "engine/printable.hpp"
#include "terminal_text.hpp"

namespace continuum::cli {

namespace {

struct AuditOptions {
    std::string file;
    std::string head;  // verify --head
    bool head_given = false;
    std::string format, from, to, output;
    std::string destination;  // migrate
};

std::unique_ptr<audit::Store> open_or_report(const std::string& file) {
    std::string error;
    auto store = audit::Store::open_existing(file, error);
    if (!store) std::cerr << "error: " << error << "\n";
    return store;
}

// A head is the hex SHA-256 of a record: 64 hex digits (either case). Anything else is a
// mistyped argument, not evidence that the log was truncated.
std::optional<std::string> head_hash(const std::string& text) {
    if (text.size() != 64) return std::nullopt;
    std::string lower;
    for (char c : text) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

int run_verify(const AuditOptions& opt) {
    std::optional<std::string> expected;
    if (opt.head_given) {
        expected = head_hash(opt.head);
        if (!expected) {
            std::cerr << "error: --head '" << engine::excerpt(opt.head)
                      << "' is not a hash: give the 64 hexadecimal digits of the head noted "
                         "earlier (every decision report prints it).\n";
            return kUsage;
        }
    }
    auto store = open_or_report(opt.file);
    if (!store) return kUsage;
    audit::VerifyReport r = store->verify(expected);
    // The protection is reported apart from the chain: either can fail without the other.
    for (const auto& p : r.protection_problems)
        std::cout << "PROTECTION DAMAGED: " << p << "\n";
    if (!r.ok) {
        std::cout << "BROKEN at record " << r.first_bad << ": " << r.problem << "\n";
        return kFindings;
    }
    std::cout << "OK: " << r.records << " record" << (r.records == 1 ? "" : "s")
              << ", chain intact\nhead: " << r.head << "\n";
    return r.protection_ok ? kOk : kFindings;
}

// Verifies the source and the destination, copies what the destination lacks keeping every
// hash, and verifies the destination again (migrate.hpp).
int run_migrate(const AuditOptions& opt) {
    auto from = open_or_report(opt.file);
    if (!from) return kUsage;
    std::string error;
    auto to = audit::Store::open(opt.destination, error);
    if (!to) {
        std::cerr << "error: " << error << "\n";
        return kUsage;
    }
    audit::MigrationReport m = audit::migrate_log(*from, *to);
    if (!m.ok) {
        std::cerr << "error: " << m.error << "\n";
        return kFindings;
    }
    std::cout << "Copied " << m.copied << " of " << m.source_records << " record"
              << (m.source_records == 1 ? "" : "s") << " (" << m.already
              << " were there already); both verify.\nhead: " << m.destination_head << "\n";
    return kOk;
}

int run_head(const AuditOptions& opt) {
    auto store = open_or_report(opt.file);
    if (!store) return kUsage;
    std::string head = store->head();
    if (head.empty()) {
        std::cerr << "error: " << store->location() << " could not be read\n";
        return kUsage;
    }
    std::cout << head << "\n";
    return kOk;
}

// Writes to a new file only (owner-only, as the log itself holds personal data): an export
// never overwrites anything.
int run_export(const AuditOptions& opt) {
    for (const auto* date : {&opt.from, &opt.to})
        if (!date->empty() && !audit::valid_date(*date)) {
            std::cerr << "error: '" << *date << "' is not a date; write it YYYY-MM-DD.\n";
            return kUsage;
        }
    auto store = open_or_report(opt.file);
    if (!store) return kUsage;
    audit::Query q;
    if (!opt.from.empty()) q.from = opt.from;
    if (!opt.to.empty()) q.to = opt.to;
    auto records = store->list(q);

    std::ofstream file;
    std::ostream* out = &raw_stdout();  // the exact data, not text for the screen
    if (!opt.output.empty()) {
        int fd = ::open(opt.output.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            std::cerr << "error: cannot create " << opt.output << ": "
                      << std::error_code(errno, std::generic_category()).message()
                      << (errno == EEXIST ? " (an export never overwrites a file)" : "") << ".\n";
            return kUsage;
        }
        ::close(fd);
        file.open(opt.output, std::ios::binary | std::ios::trunc);
        out = &file;
    }
    if (opt.format == "csv")
        audit::write_csv(*out, records);
    else
        audit::write_jsonl(*out, records);
    out->flush();
    if (!*out) {
        std::cerr << "error: writing the export failed (is the disk full?).\n";
        return kUsage;
    }
    if (!opt.output.empty())
        std::cerr << records.size() << " record" << (records.size() == 1 ? "" : "s")
                  << " written to " << opt.output << "\n";
    return kOk;
}

}  // namespace

void add_audit(CLI::App& app, Action& run) {
    auto* audit = app.add_subcommand("audit", "Check and read a decision audit log");
    audit->require_subcommand(1);
    auto opt = std::make_shared<AuditOptions>();

    auto* verify = audit->add_subcommand(
        "verify", "Recompute the hash chain: exit 0 if intact, 1 naming the first bad record");
    verify->add_option("FILE", opt->file, "Audit file (SQLite) or postgresql://...")->required();
    auto* head_option =
        verify->add_option("--head", opt->head,
                           "The head hash noted earlier (e.g. from a decision report); a file "
                           "that does not end there is reported");
    verify->callback([&run, opt, head_option] {
        opt->head_given = head_option->count() > 0;
        run = [opt] { return run_verify(*opt); };
    });

    auto* exp = audit->add_subcommand("export", "Write recorded decisions as JSON Lines or CSV");
    exp->add_option("FILE", opt->file, "Audit file (SQLite) or postgresql://...")->required();
    exp->add_option("--format", opt->format, "jsonl or csv")
        ->required()
        ->check(CLI::IsMember({"jsonl", "csv"}));
    exp->add_option("--from", opt->from, "First date recorded (YYYY-MM-DD, UTC), inclusive");
    exp->add_option("--to", opt->to, "Last date recorded (YYYY-MM-DD, UTC), inclusive");
    exp->add_option("--output", opt->output, "Write to this new file instead of standard output");
    exp->callback([&run, opt] { run = [opt] { return run_export(*opt); }; });

    auto* migrate = audit->add_subcommand(
        "migrate", "Copy a decision log into another store (e.g. the team store), keeping hashes");
    migrate->add_option("FROM", opt->file, "The log to copy (SQLite file or team store)")
        ->required();
    migrate->add_option("TO", opt->destination, "postgresql://... (or another file)")->required();
    migrate->callback([&run, opt] { run = [opt] { return run_migrate(*opt); }; });

    auto* head = audit->add_subcommand("head", "Print the hash of the last record");
    head->add_option("FILE", opt->file, "Audit file (SQLite) or postgresql://...")->required();
    head->callback([&run, opt] { run = [opt] { return run_head(*opt); }; });

    add_audit_stats(*audit, run);
}

}  // namespace continuum::cli
