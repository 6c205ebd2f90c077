#include "store.hpp"

#include <openssl/rand.h>

#include <chrono>
#include <stdexcept>

#include <fmt/format.h>

#include "files.hpp"
#include "location.hpp"
#include "pg_store.hpp"
#include "sqlite_store.hpp"

namespace continuum::audit {

std::filesystem::path default_audit_path() {
    return data_file("audit.sqlite");
}

bool valid_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)),
        d = std::stoi(date.substr(8, 2));
    using namespace std::chrono;
    return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}
        .ok();
}

std::unique_ptr<Store> Store::open(const std::string& location, std::string& error) {
    if (is_team_location(location)) return PgStore::open(location, error);
    return SqliteStore::open(location, error);
}

std::unique_ptr<Store> Store::open_existing(const std::string& location, std::string& error) {
    if (is_team_location(location)) return PgStore::open_existing(location, error);
    return SqliteStore::open_existing(location, error);
}

std::string new_submission_id() {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw std::runtime_error("no random numbers from OpenSSL");
    std::string out;
    for (unsigned char b : bytes)
        out += fmt::format("{:02x}", b);
    return out;
}

bool Store::append(DecisionRecord& record, std::string& error) {
    AppendFailure ignored;
    return append(record, error, ignored);
}

std::vector<DecisionRecord> Store::list(const Query& q, std::string* error) const {
    std::vector<DecisionRecord> out;
    std::string why;
    if (!scan(
            q,
            [&](DecisionRecord&& r) {
                out.push_back(std::move(r));
                return true;
            },
            why) &&
        error)
        *error = why;
    return out;
}

}  // namespace continuum::audit
