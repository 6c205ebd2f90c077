// Where committed training judgements go. The training store implements it; the GUI only sees
// this, so tests can drive it in memory and make saving fail, and a missing store is said
// plainly rather than pretended.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "audit/training_store.hpp"

namespace continuum::ui {

class TrainingResults {
  public:
    virtual ~TrainingResults() = default;
    // Saves a committed judgement, setting its id and time; false with `error` and nothing
    // saved when it could not be written.
    virtual bool commit(audit::TrainingResult& result, std::string& error) = 0;
    // Notes that the answer was shown for a saved result.
    virtual bool reveal(std::int64_t id, std::string& error) = 0;
    virtual std::vector<audit::TrainingResult> list(const audit::TrainingQuery& q) const = 0;
    virtual std::string describe() const = 0;
    virtual bool available() const { return true; }
};

// `path` empty: the default training results file. When it cannot be opened, results that
// refuse every commit with the reason.
std::unique_ptr<TrainingResults> open_training_results(const std::string& path);
// Results that refuse every commit, saying `why`.
std::unique_ptr<TrainingResults> unavailable_training_results(std::string why);

// The default results file for an audit log: training.sqlite beside it ("" for a team store:
// the default file in the data folder).
std::string training_path_beside(const std::string& audit_path);

}  // namespace continuum::ui
