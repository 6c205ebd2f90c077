// Decision records for the audit benchmarks, the same for every backend: realistic in size
// (40 answers, a 60-rule trace: about 9 KB of JSON), and whole logs of them written quickly.
#pragma once
#include <filesystem>

#include "audit/decision_record.hpp"

namespace bench {

// A temporary folder, removed with everything in it.
struct Scratch {
    std::filesystem::path dir;
    Scratch();
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
};

// The i-th synthetic decision (never a real person), recorded by "Alex Rivers".
continuum::audit::DecisionRecord realistic_record(int i);

// A log of `records` realistic decisions in a new SQLite audit file: the same canonical form and
// chain as Store::append, but all rows in one transaction (100,000 separate fsyncs would take
// many minutes). Store::verify() checking it is also the check that this matches append().
void write_sqlite_log(const std::filesystem::path& file, int records);

}  // namespace bench
