// Store::verify: recompute every hash from the stored fields, check that sequence numbers run
// 1, 2, 3 ... without a gap and that each record names its predecessor's hash. The first
// fault found is reported in plain words, naming the record.
#include <unordered_map>

#include <fmt/format.h>

#include "canonical.hpp"
#include "rows.hpp"
#include "sqlite.hpp"
#include "store.hpp"

namespace continuum::audit {

namespace {

VerifyReport fault(VerifyReport r, Fault kind, std::int64_t record, std::string problem) {
    r.ok = false;
    r.fault = kind;
    r.first_bad = record;
    r.problem = std::move(problem);
    return r;
}

// hash -> previous_hash of every row: read only once a fault is found, to tell a record out
// of place from one changed or one whose predecessor is missing.
std::unordered_map<std::string, std::string> links(sqlite3* db) {
    std::unordered_map<std::string, std::string> out;
    sql::Statement s(db, "SELECT hash, previous_hash FROM decision");
    while (s.ok() && s.step() == SQLITE_ROW)
        out.emplace(s.text(0), s.text(1));
    return out;
}

// The sequence a record was written with, found by following previous hashes back to the
// start of the chain; 0 when the trail breaks.
std::int64_t original_sequence(const std::unordered_map<std::string, std::string>& links,
                               const std::string& previous_hash) {
    std::int64_t steps = 0;
    std::string h = previous_hash;
    while (h != kGenesisHash) {
        auto it = links.find(h);
        if (it == links.end() || steps > static_cast<std::int64_t>(links.size())) return 0;
        h = it->second;
        ++steps;
    }
    return steps + 1;
}

// The row at `seq` does not name the hash of the row before it.
VerifyReport broken_link(sqlite3* db, VerifyReport r, std::int64_t seq, FieldTexts texts,
                         const std::string& stored_hash, bool self_consistent) {
    auto map = links(db);
    const std::string& previous = texts[2];
    if (std::int64_t original = original_sequence(map, previous);
        original != 0 && original != seq) {
        texts[0] = std::to_string(original);
        if (sha256_hex(canonical_form(texts)) == stored_hash)
            return fault(std::move(r), Fault::reordered, seq,
                         fmt::format("record {} is out of order: it was written as record {}, so "
                                     "records have been moved.",
                                     seq, original));
    }
    if (!self_consistent) {
        // Written under a later number, with nothing in the file before it: records before
        // it were removed and the rest renumbered.
        auto limit = seq + static_cast<std::int64_t>(map.size());
        for (auto candidate = seq + 1; candidate <= limit; ++candidate) {
            texts[0] = std::to_string(candidate);
            if (sha256_hex(canonical_form(texts)) == stored_hash)
                return fault(std::move(r), Fault::missing, seq,
                             fmt::format("record {} was written as record {}: the records before "
                                         "it are missing and the rest renumbered.",
                                         seq, candidate));
        }
        return fault(std::move(r), Fault::changed, seq,
                     fmt::format("record {} has been changed: its stored contents no longer match "
                                 "its hash.",
                                 seq));
    }
    if (seq == 1)
        return fault(std::move(r), Fault::missing, 1,
                     "record 1 does not start the chain: the records before it are missing.");
    return fault(std::move(r), Fault::changed, seq - 1,
                 fmt::format("record {} has been changed and its hash rewritten, or a record "
                             "between it and record {} is missing: record {} no longer links "
                             "to it.",
                             seq - 1, seq, seq));
}

VerifyReport check_head(sqlite3* db, VerifyReport r, const std::string& expected) {
    if (expected == r.head) return r;
    auto map = links(db);
    if (map.count(expected)) {
        std::int64_t at = original_sequence(map, map[expected]);
        std::string problem = fmt::format(
            "the expected head is record {}, but the file goes on to record {}: the head does "
            "not match.",
            at, r.records);
        return fault(std::move(r), Fault::head_mismatch, at + 1, std::move(problem));
    }
    std::string problem = fmt::format(
        "the file ends at record {} with head {}, which does not match the expected head {}: "
        "records after record {} are missing (the file was truncated) or the chain was "
        "rewritten.",
        r.records, r.head, expected, r.records);
    std::int64_t first_bad = r.records + 1;
    return fault(std::move(r), Fault::head_mismatch, first_bad, std::move(problem));
}

}  // namespace

VerifyReport Store::verify(const std::optional<std::string>& expected_head) const {
    VerifyReport r;
    r.head = kGenesisHash;
    sql::Statement s(db_, "SELECT " + rows::columns() + " FROM decision ORDER BY sequence");
    if (!s.ok())
        return fault(std::move(r), Fault::unreadable, 1,
                     fmt::format("the file cannot be read: {}.", sqlite3_errmsg(db_)));
    std::int64_t expected = 1;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        std::int64_t seq = s.integer(0);
        if (seq > expected)
            return fault(std::move(r), Fault::missing, expected,
                         seq == expected + 1
                             ? fmt::format("record {} is missing: the chain goes from record {} "
                                           "to record {}.",
                                           expected, expected - 1, seq)
                             : fmt::format("records {} to {} are missing: the chain goes from "
                                           "record {} to record {}.",
                                           expected, seq - 1, expected - 1, seq));
        if (seq < expected)
            return fault(std::move(r), Fault::changed, expected,
                         fmt::format("a record has the impossible sequence number {}.", seq));
        FieldTexts texts = rows::texts(s);
        std::string stored_hash = rows::hash(s);
        bool self_consistent = sha256_hex(canonical_form(texts)) == stored_hash;
        if (texts[2] != r.head)
            return broken_link(db_, std::move(r), seq, std::move(texts), stored_hash,
                               self_consistent);
        if (!self_consistent)
            return fault(std::move(r), Fault::changed, seq,
                         fmt::format("record {} has been changed: its stored contents no longer "
                                     "match its hash.",
                                     seq));
        r.head = stored_hash;
        r.records = seq;
        ++expected;
    }
    if (rc != SQLITE_DONE)
        return fault(std::move(r), Fault::unreadable, expected,
                     fmt::format("the file cannot be read from record {} on: {}.", expected,
                                 sqlite3_errmsg(db_)));
    if (expected_head) return check_head(db_, std::move(r), *expected_head);
    return r;
}

}  // namespace continuum::audit
