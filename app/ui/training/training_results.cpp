#include "training_results.hpp"

#include <filesystem>

#include "audit/location.hpp"

namespace continuum::ui {

namespace {

class StoreResults final : public TrainingResults {
  public:
    explicit StoreResults(std::unique_ptr<audit::TrainingStore> store) : store_(std::move(store)) {}
    bool commit(audit::TrainingResult& r, std::string& error) override {
        return store_->commit(r, error);
    }
    bool reveal(std::int64_t id, std::string& error) override { return store_->reveal(id, error); }
    std::vector<audit::TrainingResult> list(const audit::TrainingQuery& q) const override {
        return store_->list(q);
    }
    std::string describe() const override {
        return "Training results saved to " + store_->path().string();
    }

  private:
    std::unique_ptr<audit::TrainingStore> store_;
};

class UnavailableResults final : public TrainingResults {
  public:
    explicit UnavailableResults(std::string why) : why_(std::move(why)) {}
    bool commit(audit::TrainingResult&, std::string& error) override {
        error = "the training results file is not available: " + why_ +
                ". Your judgement has not been saved.";
        return false;
    }
    bool reveal(std::int64_t, std::string& error) override {
        error = "the training results file is not available: " + why_;
        return false;
    }
    std::vector<audit::TrainingResult> list(const audit::TrainingQuery&) const override {
        return {};
    }
    std::string describe() const override { return "Training results not available: " + why_; }
    bool available() const override { return false; }

  private:
    std::string why_;
};

}  // namespace

std::unique_ptr<TrainingResults> open_training_results(const std::string& path) {
    std::filesystem::path file =
        path.empty() ? audit::default_training_path() : std::filesystem::path(path);
    std::string error;
    auto store = audit::TrainingStore::open(file, error);
    if (!store) return std::make_unique<UnavailableResults>(file.string() + ": " + error);
    return std::make_unique<StoreResults>(std::move(store));
}

std::unique_ptr<TrainingResults> unavailable_training_results(std::string why) {
    return std::make_unique<UnavailableResults>(std::move(why));
}

std::string training_path_beside(const std::string& audit_path) {
    // A team store is no folder: the results stay in the default file on this computer.
    if (audit_path.empty() || audit::is_team_location(audit_path)) return {};
    return (std::filesystem::path(audit_path).parent_path() / "training.sqlite").string();
}

}  // namespace continuum::ui
