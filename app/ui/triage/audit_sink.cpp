#include "audit_sink.hpp"

#include "audit/location.hpp"
#include "audit/outbox.hpp"
#include "audit/store.hpp"
#include "team_sink.hpp"

namespace continuum::ui {

namespace {

// An SQLite file on this computer: an append is recorded or fails, there is nothing between.
class FileSink final : public DecisionSink {
  public:
    explicit FileSink(std::unique_ptr<audit::Store> store) : store_(std::move(store)) {}
    bool append(audit::DecisionRecord& record, std::string& error) override {
        return store_->append(record, error);
    }
    std::string head() const override { return store_->head(); }
    std::string describe() const override {
        return (store_->writable() ? "Recording to " : "Read-only audit log ") + store_->location();
    }
    SinkStatus status() const override {
        SinkStatus s;
        s.description = describe();
        s.location = store_->location();
        return s;
    }
    std::unique_ptr<audit::Store> open_reader(std::string& error) const override {
        return audit::Store::open_existing(store_->location(), error);
    }

  private:
    std::unique_ptr<audit::Store> store_;
};

}  // namespace

std::unique_ptr<DecisionSink> open_audit_sink(const std::string& path,
                                              const std::filesystem::path& outbox) {
    const std::string location = path.empty() ? audit::default_audit_path().string() : path;
    if (audit::is_team_location(location))
        return std::make_unique<TeamSink>(location,
                                          outbox.empty() ? audit::default_outbox_path() : outbox);
    std::string error;
    std::unique_ptr<audit::Store> store = audit::Store::open(location, error);
    if (!store) return std::make_unique<UnavailableSink>(location + ": " + error);
    return std::make_unique<FileSink>(std::move(store));
}

}  // namespace continuum::ui
