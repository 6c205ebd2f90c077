#include "chain_check.hpp"

#include <charconv>

#include <fmt/format.h>

namespace continuum::audit {

namespace {

VerifyReport fault(VerifyReport r, Fault kind, std::int64_t record, std::string problem) {
    r.ok = false;
    r.fault = kind;
    r.first_bad = record;
    r.problem = std::move(problem);
    return r;
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
VerifyReport broken_link(ChainSource& rows, VerifyReport r, std::int64_t seq, FieldTexts texts,
                         const std::string& stored_hash, bool self_consistent) {
    auto map = rows.links();
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

VerifyReport check_head(ChainSource& rows, VerifyReport r, const std::string& expected,
                        const std::string& what) {
    if (expected == r.head) return r;
    auto map = rows.links();
    if (map.count(expected)) {
        std::int64_t at = original_sequence(map, map[expected]);
        std::string problem = fmt::format(
            "the expected head is record {}, but {} goes on to record {}: the head does not "
            "match.",
            at, what, r.records);
        return fault(std::move(r), Fault::head_mismatch, at + 1, std::move(problem));
    }
    std::string problem = fmt::format(
        "{} ends at record {} with head {}, which does not match the expected head {}: "
        "records after record {} are missing ({} was truncated) or the chain was rewritten.",
        what, r.records, r.head, expected, r.records, what);
    std::int64_t first_bad = r.records + 1;
    return fault(std::move(r), Fault::head_mismatch, first_bad, std::move(problem));
}

// Sequence numbers are stored as integers; their text is what the hash covers.
std::int64_t sequence_of(const std::string& text) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() ? v : -1;
}

}  // namespace

VerifyReport check_chain(ChainSource& rows, const std::optional<std::string>& expected_head,
                         const std::string& what) {
    VerifyReport r;
    r.head = kGenesisHash;
    std::int64_t expected = 1;
    StoredRow row;
    std::string error;
    while (rows.next(row, error)) {
        std::int64_t seq = sequence_of(row.texts[0]);
        if (seq > expected) {
            // Records removed from the start leave no record before the gap to name.
            std::string where =
                expected == 1
                    ? fmt::format("the chain starts at record {}", seq)
                    : fmt::format("the chain goes from record {} to record {}", expected - 1, seq);
            return fault(
                std::move(r), Fault::missing, expected,
                seq == expected + 1
                    ? fmt::format("record {} is missing: {}.", expected, where)
                    : fmt::format("records {} to {} are missing: {}.", expected, seq - 1, where));
        }
        if (seq < expected)
            return fault(
                std::move(r), Fault::changed, expected,
                fmt::format("a record has the impossible sequence number {}.", row.texts[0]));
        bool self_consistent = sha256_hex(canonical_form(row.texts)) == row.hash;
        if (row.texts[2] != r.head)
            return broken_link(rows, std::move(r), seq, std::move(row.texts), row.hash,
                               self_consistent);
        if (!self_consistent)
            return fault(std::move(r), Fault::changed, seq,
                         fmt::format("record {} has been changed: its stored contents no longer "
                                     "match its hash.",
                                     seq));
        r.head = row.hash;
        r.records = seq;
        ++expected;
    }
    if (!error.empty())
        return fault(std::move(r), Fault::unreadable, expected,
                     expected == 1 ? fmt::format("{} cannot be read: {}.", what, error)
                                   : fmt::format("{} cannot be read from record {} on: {}.", what,
                                                 expected, error));
    if (expected_head) return check_head(rows, std::move(r), *expected_head, what);
    return r;
}

}  // namespace continuum::audit
