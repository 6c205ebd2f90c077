// `continuum audit migrate FROM TO`: copies a decision log into another store record for
// record, keeping every sequence number, time and hash, so the copy verifies to the same head.
// Both are verified before anything is copied and the destination again after; a destination
// that already holds the first records of the log gets only the rest, so running it again
// copies nothing twice.
#pragma once
#include <cstdint>
#include <string>

#include "store.hpp"

namespace continuum::audit {

struct MigrationReport {
    bool ok = false;
    std::string error;  // why nothing (more) was copied, in plain words
    std::int64_t source_records = 0;
    std::int64_t already = 0;  // records the destination held before
    std::int64_t copied = 0;   // records copied now
    std::string source_head, destination_head;
};

// `progress` (may be empty) is told the records copied so far after each batch.
MigrationReport migrate_log(const Store& from, Store& to,
                            const std::function<void(std::int64_t)>& progress = {});

}  // namespace continuum::audit
