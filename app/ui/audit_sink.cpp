#include "audit_sink.hpp"

#include "audit/store.hpp"

namespace continuum::ui {

namespace {

class StoreSink final : public DecisionSink {
  public:
    explicit StoreSink(std::unique_ptr<audit::Store> store) : store_(std::move(store)) {}
    bool append(audit::DecisionRecord& record, std::string& error) override {
        return store_->append(record, error);
    }
    std::string head() const override { return store_->head(); }
    const audit::Store* store() const override { return store_.get(); }
    std::string describe() const override {
        return (store_->writable() ? "Recording to " : "Read-only audit log ") + store_->location();
    }

  private:
    std::unique_ptr<audit::Store> store_;
};

}  // namespace

std::unique_ptr<DecisionSink> open_audit_sink(const std::string& path) {
    std::filesystem::path file =
        path.empty() ? audit::default_audit_path() : std::filesystem::path(path);
    std::string error;
    std::unique_ptr<audit::Store> store = audit::Store::open(file, error);
    if (!store) return std::make_unique<UnavailableSink>(file.string() + ": " + error);
    return std::make_unique<StoreSink>(std::move(store));
}

}  // namespace continuum::ui
