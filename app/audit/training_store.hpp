// Training results: one row per judgement a trainee committed on a training scenario, in a
// SQLite file of its own (never the decision audit log: exercises are not decisions).
//
// Commit before reveal is kept by the file itself: a result is written when the trainee
// commits, with the engine's and the expected judgements already fixed beside theirs, and
// reveal() may only add the time the answer was shown, once, no earlier than the commit.
// Nothing else in a row can be changed afterwards. Each write is one transaction (WAL,
// synchronous=FULL), created owner-only like the audit log.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "training/judgement.hpp"

struct sqlite3;

namespace continuum::audit {

// $XDG_DATA_HOME/continuum/training.sqlite, or ~/.local/share/continuum/training.sqlite.
std::filesystem::path default_training_path();

struct TrainingResult {
    std::int64_t id = 0;  // set by commit()
    std::string trainee, cohort, scenario_id;
    std::string ruleset_id, ruleset_version, ruleset_digest;
    engine::Judgement committed;  // the trainee's own judgement
    engine::Judgement expected;   // the training pack's
    engine::Judgement engine;     // the engine's on the trainee's answers
    std::string answers;          // the trainee's answers to the questions asked, as JSON
    std::int64_t matched = 0, criteria = 0;  // criteria where committed == expected
    std::string committed_at;                // UTC, milliseconds; set by commit()
    std::string revealed_at;                 // empty until reveal()

    double score() const { return criteria ? static_cast<double>(matched) / criteria : 0.0; }
};

struct TrainingQuery {
    std::optional<std::string> scenario = {}, cohort = {}, trainee = {};
};

class TrainingStore {
  public:
    // Opens or creates the file. A file that is not a continuum training results file is
    // refused, untouched, with a clear message.
    static std::unique_ptr<TrainingStore> open(const std::filesystem::path& file,
                                               std::string& error);
    // Reads an existing file only; never creates or writes.
    static std::unique_ptr<TrainingStore> open_existing(const std::filesystem::path& file,
                                                        std::string& error);
    ~TrainingStore();
    TrainingStore(const TrainingStore&) = delete;
    TrainingStore& operator=(const TrainingStore&) = delete;

    // Records a committed judgement; sets id and committed_at. false + message and nothing
    // written on failure.
    bool commit(TrainingResult& result, std::string& error);
    // Records that the engine's and expected judgements were shown; once per result.
    bool reveal(std::int64_t id, std::string& error);

    std::vector<TrainingResult> list(const TrainingQuery& q = {}) const;
    std::optional<TrainingResult> get(std::int64_t id) const;
    const std::filesystem::path& path() const { return path_; }

  private:
    TrainingStore(sqlite3* db, std::filesystem::path path, bool writable);
    sqlite3* db_;
    std::filesystem::path path_;
    bool writable_;
};

// One JSON object per line, and CSV with a header row (judgements flattened: level, each
// route as route_<id>, triggers joined by '+').
void write_training_jsonl(std::ostream& out, const std::vector<TrainingResult>& results);
void write_training_csv(std::ostream& out, const std::vector<TrainingResult>& results);

}  // namespace continuum::audit
