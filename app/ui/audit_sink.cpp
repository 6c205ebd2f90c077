#include "audit_sink.hpp"

#include <algorithm>

#include "audit/canonical.hpp"
#include "audit/location.hpp"
#include "audit/store.hpp"

namespace continuum::ui {

namespace {

// The fields a practitioner decided, leaving out what the store fills (sequence, time, hashes).
bool same_decision(const audit::DecisionRecord& a, const audit::DecisionRecord& b) {
    audit::FieldTexts x = audit::field_texts(a), y = audit::field_texts(b);
    return std::equal(x.begin() + 3, x.end(), y.begin() + 3);
}

class StoreSink final : public DecisionSink {
  public:
    explicit StoreSink(std::unique_ptr<audit::Store> store) : store_(std::move(store)) {}
    bool append(audit::DecisionRecord& record, std::string& error) override {
        // On the team store the name and role recorded are the signed-in login's, whatever
        // Settings say (the server refuses any other).
        if (auto who = store_->identity()) {
            record.practitioner = who->practitioner;
            record.role = who->role;
        }
        // A decision sent again after its outcome was unknown (the connection lost after it
        // was sent) keeps its submission id, so the team store records it at most once; a
        // changed decision is a new submission.
        if (record.submission_id.empty()) {
            record.submission_id = in_doubt_ && same_decision(*in_doubt_, record)
                                       ? in_doubt_->submission_id
                                       : audit::new_submission_id();
        }
        audit::AppendFailure why = audit::AppendFailure::none;
        if (store_->append(record, error, why)) {
            in_doubt_.reset();
            return true;
        }
        if (why == audit::AppendFailure::unknown) in_doubt_ = record;
        return false;
    }
    std::string head() const override { return store_->head(); }
    const audit::Store* store() const override { return store_.get(); }
    std::string describe() const override {
        std::string who;
        if (auto id = store_->identity()) who = " as " + id->practitioner;
        return (store_->writable() ? "Recording to " : "Read-only audit log ") +
               store_->location() + who;
    }

  private:
    std::unique_ptr<audit::Store> store_;
    std::optional<audit::DecisionRecord> in_doubt_;
};

}  // namespace

std::unique_ptr<DecisionSink> open_audit_sink(const std::string& path) {
    const std::string location = path.empty() ? audit::default_audit_path().string() : path;
    std::string error;
    std::unique_ptr<audit::Store> store = audit::Store::open(location, error);
    if (!store) return std::make_unique<UnavailableSink>(audit::redact(location) + ": " + error);
    return std::make_unique<StoreSink>(std::move(store));
}

}  // namespace continuum::ui
