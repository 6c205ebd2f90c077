// The decision log in one SQLite file: the embedded default for a single workstation.
// WAL with synchronous=FULL, triggers that refuse UPDATE and DELETE, owner-only permissions;
// a file that is not a continuum audit log is never written to. app/audit/README.md has the
// details.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "canonical.hpp"
#include "store.hpp"

struct sqlite3;

namespace continuum::audit {

class SqliteStore final : public Store {
  public:
    // Opens or creates (owner-only permissions, missing folders created owner-only, WAL,
    // synchronous=FULL, schema version + migrations). A corrupt or foreign file: nullptr and a
    // clear message; the file is never overwritten. A file or folder that cannot be written is
    // opened read-only: reading and verifying work, append() says why it cannot record.
    static std::unique_ptr<SqliteStore> open(const std::filesystem::path& file, std::string& error);
    // Opens an existing audit file for reading only: never creates, migrates or writes.
    static std::unique_ptr<SqliteStore> open_existing(const std::filesystem::path& file,
                                                      std::string& error);
    ~SqliteStore() override;

    using Store::append;
    // One BEGIN IMMEDIATE transaction, so two processes appending keep one chain.
    bool append(DecisionRecord& record, std::string& error, AppendFailure& why) override;
    bool import_exact(const std::vector<DecisionRecord>& records, std::string& error) override;
    bool scan(const Query& q, const std::function<bool(DecisionRecord&&)>& visit,
              std::string& error) const override;
    std::optional<DecisionRecord> get(std::int64_t sequence) const override;
    std::int64_t count() const override;
    std::vector<std::string> practitioners() const override;
    VerifyReport verify(const std::optional<std::string>& expected_head = {}) const override;
    std::string head() const override;
    Backend backend() const override { return Backend::sqlite; }
    std::string location() const override { return path_.string(); }

    const std::filesystem::path& path() const { return path_; }

  private:
    SqliteStore(sqlite3* db, std::filesystem::path path, std::string read_only_reason);
    // Inserts the record's texts and hash inside the caller's transaction.
    int insert(const FieldTexts& texts, const std::string& hash);
    // Whether the row just inserted reads back exactly as written (inside the same
    // transaction): a trigger added to the file could otherwise drop or rewrite a decision
    // while append() reported it recorded.
    bool kept_as_written(const FieldTexts& texts, const std::string& hash) const;
    sqlite3* db_;
    std::filesystem::path path_;
};

}  // namespace continuum::audit
