#include "migrate.hpp"

#include <fmt/format.h>

#include "canonical.hpp"
#include "pg_store.hpp"

namespace continuum::audit {

namespace {
constexpr std::size_t kBatch = 500;  // records copied in one transaction
}

MigrationReport migrate_log(const Store& from, Store& to,
                            const std::function<void(std::int64_t)>& progress) {
    MigrationReport m;
    VerifyReport source = from.verify();
    if (!source.ok) {
        m.error = fmt::format("{} does not verify, so nothing was copied: {}", from.location(),
                              source.problem);
        return m;
    }
    m.source_records = source.records;
    m.source_head = source.head;
    VerifyReport before = to.verify();
    if (!before.ok) {
        m.error = fmt::format("{} does not verify, so nothing was copied into it: {}",
                              to.location(), before.problem);
        return m;
    }
    if (!before.protection_ok) {
        m.error = fmt::format("{}'s protection is damaged, so nothing was copied into it: {}",
                              to.location(), before.protection_problems.front());
        return m;
    }
    // A chain is its last hash: equal hashes at the same place mean equal records up to it.
    if (before.records > 0) {
        std::int64_t at = std::min(before.records, source.records);
        auto mine = from.get(at);
        auto theirs = to.get(at);
        if (!mine || !theirs || mine->hash != theirs->hash) {
            m.error = fmt::format(
                "{} already holds {} decision{} that are not the start of this log (its record "
                "{} differs), so this log cannot be copied into it with its hashes kept. Copy "
                "each workstation's log into its own new team store database, or copy this one "
                "first into an empty one.",
                to.location(), before.records, before.records == 1 ? "" : "s", at);
            return m;
        }
    }
    m.already = std::min(before.records, source.records);
    std::vector<DecisionRecord> batch;
    std::string error;
    bool copied_all = from.scan(
        {},
        [&](DecisionRecord&& r) {
            if (r.sequence <= m.already) return true;
            batch.push_back(std::move(r));
            if (batch.size() < kBatch) return true;
            if (!to.import_exact(batch, error)) return false;
            m.copied += static_cast<std::int64_t>(batch.size());
            batch.clear();
            if (progress) progress(m.copied);
            return true;
        },
        error);
    if (copied_all && error.empty() && !batch.empty()) {
        if (to.import_exact(batch, error)) {
            m.copied += static_cast<std::int64_t>(batch.size());
            if (progress) progress(m.copied);
        }
    }
    if (!error.empty() || !copied_all) {
        m.error = fmt::format(
            "copying stopped after {} record{} ({}); what was copied is whole and in order, and "
            "running the migration again copies the rest",
            m.copied, m.copied == 1 ? "" : "s",
            error.empty() ? "the log could not be read" : error);
        return m;
    }
    VerifyReport after = to.verify();
    auto last = to.get(source.records);
    if (!after.ok || (source.records > 0 && (!last || last->hash != source.head))) {
        m.error = fmt::format(
            "{} does not verify after copying: {}", to.location(),
            after.ok ? "its record " + std::to_string(source.records) + " is not this log's head"
                     : after.problem);
        return m;
    }
    m.destination_head = after.head;
    if (auto* team = dynamic_cast<PgStore*>(&to); team && m.copied > 0) {
        std::string why;
        if (!team->note_migration(from.location(), source.head, m.already + 1, source.records,
                                  m.copied, why)) {
            m.error =
                "the records were copied and verify, but the migration could not be noted "
                "in continuum.migration: " +
                why;
            return m;
        }
    }
    m.ok = true;
    return m;
}

}  // namespace continuum::audit
