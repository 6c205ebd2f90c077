// The chain check both backends share: recompute every hash from the stored fields, check that
// sequence numbers run 1, 2, 3 ... without a gap and that each record names its predecessor's
// hash. The first fault found is reported in plain words, naming the record. Because the same
// code reads an SQLite file and the team store, the two report the same head and the same
// faults in the same words.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>

#include "canonical.hpp"
#include "store.hpp"

namespace continuum::audit {

// One stored row as the chain check sees it: the canonical field texts exactly as stored and
// the stored hash.
struct StoredRow {
    FieldTexts texts;
    std::string hash;
};

// A backend's rows, in sequence order.
class ChainSource {
  public:
    virtual ~ChainSource() = default;
    // The next row; false at the end, or on a read error (then `error` says why).
    virtual bool next(StoredRow& row, std::string& error) = 0;
    // hash -> previous_hash of every row: read only once a fault is found, to tell a record
    // out of place from one changed or one whose predecessor is missing.
    virtual std::unordered_map<std::string, std::string> links() = 0;
};

// `what` names the store in messages ("the file", "the team store").
VerifyReport check_chain(ChainSource& rows, const std::optional<std::string>& expected_head,
                         const std::string& what);

}  // namespace continuum::audit
