// The store keeps every field of every decision exactly, in one chain, privately.
#include <regex>

#include <catch2/catch.hpp>

#include "audit/canonical.hpp"
#include "audit_fixture.hpp"

using namespace audit_test;
using namespace continuum::audit;

TEST_CASE("a recorded decision reads back with every field, unicode and unknown answers included") {
    TempDir dir;
    auto store = open_store(dir / "audit.sqlite");
    DecisionRecord r = sample_record(1);
    r.case_ref = "C-2026-0142";
    r.practitioner = "Zoë Ångström-Nakamura 子供 🧒";
    r.reason = "Line one,\nline \"two\"; tab\there — and a trailing space ";
    r.consent_note = "";
    r.answers = {{"answers", {{"name_of_school", "École Saint-Ñ"}, {"age_years", 12.5}}},
                 {"unknown", {"explanation_consistent", "parent_aware"}}};
    DecisionRecord sent = r;
    std::string error;
    REQUIRE(store->append(r, error));
    CHECK(error.empty());

    auto back = store->get(1);
    REQUIRE(back);
    CHECK(back->sequence == 1);
    CHECK(back->recorded_at == r.recorded_at);
    CHECK(back->previous_hash == kGenesisHash);
    CHECK(back->hash == r.hash);
    CHECK(back->case_ref == sent.case_ref);
    CHECK(back->referred_at == sent.referred_at);
    CHECK(back->practitioner == sent.practitioner);
    CHECK(back->role == sent.role);
    CHECK(back->ruleset_id == sent.ruleset_id);
    CHECK(back->ruleset_version == sent.ruleset_version);
    CHECK(back->ruleset_digest == sent.ruleset_digest);
    CHECK(back->suggested_level == sent.suggested_level);
    CHECK(back->decided_level == sent.decided_level);
    REQUIRE(back->routes.size() == 2);
    CHECK(back->routes[0].route == "s47");
    CHECK(back->routes[0].suggested == "cannot_rule_out");
    CHECK(back->routes[0].decided == "not_met");
    CHECK(back->routes[1].route == "s17");
    CHECK(back->agreed == sent.agreed);
    CHECK(back->override_category == sent.override_category);
    CHECK(back->reason == sent.reason);
    CHECK(back->service_consent == sent.service_consent);
    CHECK(back->sharing_basis == sent.sharing_basis);
    CHECK(back->family_informed == sent.family_informed);
    CHECK(back->consent_note == "");
    CHECK(back->answers == sent.answers);
    CHECK(back->answers["unknown"][1] == "parent_aware");
    CHECK(back->evaluation == sent.evaluation);

    auto all = store->list();
    REQUIRE(all.size() == 1);
    CHECK(all[0].hash == r.hash);
    CHECK_FALSE(store->get(2));
}

TEST_CASE("append fills the sequence, UTC time and chain links, and the hash covers the record") {
    TempDir dir;
    auto store = open_store(dir / "audit.sqlite");
    CHECK(store->head() == kGenesisHash);
    std::vector<DecisionRecord> sent;
    for (int i = 1; i <= 3; ++i) {
        auto r = sample_record(i);
        r.sequence = 99;  // the caller's values are ignored: the store decides these
        r.hash = "forged";
        std::string error;
        REQUIRE(store->append(r, error));
        sent.push_back(r);
    }
    for (int i = 0; i < 3; ++i) {
        CHECK(sent[i].sequence == i + 1);
        CHECK(std::regex_match(sent[i].recorded_at,
                               std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
        CHECK(sent[i].previous_hash == (i == 0 ? kGenesisHash : sent[i - 1].hash));
        CHECK(sent[i].hash == sha256_hex(canonical_form(sent[i])));
    }
    CHECK(store->head() == sent[2].hash);
    CHECK(store->count() == 3);
    auto report = store->verify();
    CHECK(report.ok);
    CHECK(report.records == 3);
    CHECK(report.head == sent[2].hash);
    CHECK(report.fault == Fault::none);
    CHECK(store->verify(sent[2].hash).ok);
}

TEST_CASE("the chain continues across closing and reopening the file") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    std::string first_head = fill(file, 5);
    auto store = open_store(file);
    CHECK(store->head() == first_head);
    auto r = sample_record(6);
    std::string error;
    REQUIRE(store->append(r, error));
    CHECK(r.sequence == 6);
    CHECK(r.previous_hash == first_head);
    CHECK(store->verify().ok);
    CHECK(store->verify().records == 6);
}

TEST_CASE("an empty log verifies, with 64 zeros as its head") {
    TempDir dir;
    auto store = open_store(dir / "audit.sqlite");
    auto report = store->verify();
    CHECK(report.ok);
    CHECK(report.records == 0);
    CHECK(report.head == kGenesisHash);
}

TEST_CASE("list filters by date, practitioner, decided level, route and text") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 6);
    auto store = open_store(file);
    std::string today = store->get(1)->recorded_at.substr(0, 10);

    CHECK(store->list().size() == 6);
    CHECK(store->list({.from = today, .to = today}).size() == 6);
    CHECK(store->list({.from = "2999-01-01"}).empty());
    CHECK(store->list({.to = "2000-01-01"}).empty());
    // sample_record: practitioner "Sam Okafor" for 3 and 6
    auto sam = store->list({.practitioner = "Sam Okafor"});
    REQUIRE(sam.size() == 2);
    CHECK(sam[0].sequence == 3);
    CHECK(sam[1].sequence == 6);
    // odd records were overridden to level3
    CHECK(store->list({.level = "level3"}).size() == 3);
    // s47 decided "cannot rule out" on even records only; s17 met on all; s20 on none
    CHECK(store->list({.route = "s47"}).size() == 3);
    CHECK(store->list({.route = "s17"}).size() == 6);
    CHECK(store->list({.route = "s20"}).empty());
    // text: case reference, practitioner, reason, case-insensitive
    CHECK(store->list({.text = "c-2026-1004"}).size() == 1);
    CHECK(store->list({.text = "GRANDMOTHER"}).size() == 3);
    CHECK(store->list({.text = "okafor"}).size() == 2);
    CHECK(store->list({.text = "100%"}).empty());  // % is a character here, not a wildcard
    CHECK(store->list({.practitioner = "Alex Rivers", .level = "level4"}).size() == 2);
}

TEST_CASE("valid_date accepts real YYYY-MM-DD dates only") {
    CHECK(valid_date("2026-11-23"));
    CHECK(valid_date("2024-02-29"));
    CHECK_FALSE(valid_date("2026-02-29"));
    CHECK_FALSE(valid_date("2026-13-01"));
    CHECK_FALSE(valid_date("23/11/2026"));
    CHECK_FALSE(valid_date("2026-1-1"));
    CHECK_FALSE(valid_date(""));
}

TEST_CASE("triggers reject UPDATE and DELETE of recorded decisions") {
    TempDir dir;
    auto file = dir / "audit.sqlite";
    fill(file, 3);
    CHECK(raw_exec(file, "UPDATE decision SET reason = 'x' WHERE sequence = 2") ==
          "audit records cannot be changed");
    CHECK(raw_exec(file, "DELETE FROM decision WHERE sequence = 3") ==
          "audit records cannot be deleted");
    CHECK(raw_exec(file, "DELETE FROM decision") == "audit records cannot be deleted");
    auto store = open_store(file);
    CHECK(store->count() == 3);
    CHECK(store->verify().ok);
}

TEST_CASE("a new audit file and any folder made for it are private to their owner") {
    TempDir dir;
    auto file = dir.path / "nested" / "deeper" / "audit.sqlite";
    {
        auto store = open_store(file);
        auto r = sample_record(1);
        std::string error;
        REQUIRE(store->append(r, error));
        CHECK(mode_of(file) == 0600);
        fs::path wal = file;
        wal += "-wal";
        REQUIRE(fs::exists(wal));
        CHECK(mode_of(wal) == 0600);
    }
    CHECK(mode_of(file.parent_path()) == 0700);
    CHECK(mode_of(file.parent_path().parent_path()) == 0700);
}

TEST_CASE("the default audit file is in the XDG data folder") {
    const char* saved_xdg = std::getenv("XDG_DATA_HOME");
    const char* saved_home = std::getenv("HOME");
    std::string xdg = saved_xdg ? saved_xdg : "", home = saved_home ? saved_home : "";
    ::setenv("XDG_DATA_HOME", "/srv/data", 1);
    CHECK(default_audit_path() == "/srv/data/continuum/audit.sqlite");
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("HOME", "/home/sam", 1);
    CHECK(default_audit_path() == "/home/sam/.local/share/continuum/audit.sqlite");
    ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
    CHECK(default_audit_path() == "/home/sam/.local/share/continuum/audit.sqlite");
    if (saved_xdg)
        ::setenv("XDG_DATA_HOME", xdg.c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
    if (saved_home) ::setenv("HOME", home.c_str(), 1);
}
