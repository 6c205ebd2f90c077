// The filters History uses, on the SQLite file: only the newest N of what matches, in chain
// order (the team store's are tested in tests/pg).
#include <catch2/catch.hpp>

#include "audit_fixture.hpp"

using namespace continuum::audit;

TEST_CASE("a query can ask for only the newest matching records, still in chain order",
          "[audit][query]") {
    audit_test::TempDir dir;
    audit_test::fill(dir / "audit.sqlite", 7);
    auto store = audit_test::open_store(dir / "audit.sqlite");
    // Overrides (decided level3) are the odd records: 1, 3, 5, 7.
    auto newest = store->list(Query{.level = "level3", .newest = 2});
    REQUIRE(newest.size() == 2);
    CHECK(newest[0].sequence == 5);
    CHECK(newest[1].sequence == 7);
    CHECK(store->list(Query{.newest = 100}).size() == 7);
    CHECK(store->list(Query{.newest = 0}).empty());
}
