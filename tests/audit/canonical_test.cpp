// The canonical form is what the hash covers; its exact bytes are documented in
// app/audit/README.md so a chain can be checked without continuum. These tests pin them.
#include <sstream>

#include <catch2/catch.hpp>

#include "audit/canonical.hpp"
#include "audit/export.hpp"
#include "audit_fixture.hpp"
#include "engine/csv.hpp"

using namespace continuum::audit;

namespace {
DecisionRecord tiny() {
    DecisionRecord r;
    r.sequence = 2;
    r.recorded_at = "2026-11-24T09:41:07Z";
    r.previous_hash = std::string(64, '0');
    r.case_ref = "C-1";
    r.practitioner = "Zoë";
    r.routes = {{"s47", "met", "met"}};
    r.agreed = false;
    r.override_category = "policy";
    r.reason = "a\nb";
    r.answers = {{"b", 1}, {"a", nullptr}};
    r.evaluation = nlohmann::json::object();
    return r;
}
}  // namespace

TEST_CASE("canonical form: header, fields in order, byte lengths, compact sorted JSON") {
    std::string expected =
        "continuum.audit/1\n"
        "sequence:1:2\n"
        "recorded_at:20:2026-11-24T09:41:07Z\n"
        "previous_hash:64:" +
        std::string(64, '0') +
        "\n"
        "case_ref:3:C-1\n"
        "referred_at:0:\n"
        "practitioner:4:Zoë\n"  // 4 bytes: ë is two in UTF-8
        "role:0:\n"
        "ruleset_id:0:\n"
        "ruleset_version:0:\n"
        "ruleset_digest:0:\n"
        "suggested_level:0:\n"
        "decided_level:0:\n"
        "routes:51:[{\"decided\":\"met\",\"route\":\"s47\",\"suggested\":\"met\"}]\n"
        "agreed:1:0\n"
        "override_category:6:policy\n"
        "reason:3:a\nb\n"
        "service_consent:0:\n"
        "sharing_basis:0:\n"
        "family_informed:1:0\n"
        "consent_note:0:\n"
        "answers:16:{\"a\":null,\"b\":1}\n"
        "evaluation:2:{}\n";
    CHECK(canonical_form(tiny()) == expected);
}

TEST_CASE("the hash covers every field but itself") {
    auto base = tiny();
    std::string h = sha256_hex(canonical_form(base));
    auto changed = base;
    changed.hash = "anything";
    CHECK(sha256_hex(canonical_form(changed)) == h);
    std::vector<std::function<void(DecisionRecord&)>> edits = {
        [](auto& r) { r.sequence = 3; },
        [](auto& r) { r.previous_hash[0] = '1'; },
        [](auto& r) { r.recorded_at += " "; },
        [](auto& r) { r.agreed = true; },
        [](auto& r) { r.family_informed = true; },
        [](auto& r) { r.routes[0].decided = "not_met"; },
        [](auto& r) { r.answers["a"] = false; },
        [](auto& r) { r.evaluation["x"] = 1; },
        [](auto& r) { r.role = "x"; },
        [](auto& r) { r.consent_note = "x"; },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        auto r = base;
        edits[i](r);
        INFO("edit " << i);
        CHECK(sha256_hex(canonical_form(r)) != h);
    }
    // Field boundaries are unambiguous: moving text between fields changes the form.
    auto a = base, b = base;
    a.role = "ab";
    b.role = "a";
    b.ruleset_id = "b";
    CHECK(canonical_form(a) != canonical_form(b));
}

TEST_CASE("SHA-256 is the standard one") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("CSV fields are quoted when they must be, with quotes doubled") {
    using continuum::engine::csv_text;
    CHECK(csv_text("plain") == "plain");
    CHECK(csv_text("") == "");
    CHECK(csv_text("a,b") == "\"a,b\"");
    CHECK(csv_text("say \"no\"") == "\"say \"\"no\"\"\"");
    CHECK(csv_text("two\nlines") == "\"two\nlines\"");
    CHECK(csv_text("cr\rhere") == "\"cr\rhere\"");
    CHECK(csv_text(" padded") == "\" padded\"");
    CHECK(csv_text("Zoë") == "Zoë");
}

TEST_CASE("CSV export: a header and one quoted row per record") {
    auto r = audit_test::sample_record(1);
    r.sequence = 1;
    r.reason = "Said \"fine\", then left";
    std::ostringstream out;
    write_csv(out, {r});
    std::string text = out.str();
    auto first_end = text.find("\r\n");
    REQUIRE(first_end != std::string::npos);
    CHECK(text.substr(0, first_end).rfind("sequence,recorded_at,case_ref,", 0) == 0);
    CHECK(text.find("\"Said \"\"fine\"\", then left\"") != std::string::npos);
    CHECK(text.find(
              "s47: suggested cannot_rule_out, decided not_met; s17: suggested met, decided met") !=
          std::string::npos);
    CHECK(text.size() >= 2);
    CHECK(text.substr(text.size() - 2) == "\r\n");
}

TEST_CASE("CSV export: text a spreadsheet would run as a formula is neutralised") {
    // CWE-1236: a case reference or reason typed as a formula must open as text.
    auto r = audit_test::sample_record(1);
    r.sequence = 1;
    r.case_ref = "=HYPERLINK(\"http://x\",\"y\")";
    r.reason = "+1+cmd|' /C calc'!A0";
    r.practitioner = "@SUM(1+1)";
    r.consent_note = "-2+3";
    r.role = "\tTab";
    std::ostringstream out;
    write_csv(out, {r});
    const std::string text = out.str();
    CHECK(text.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",") != std::string::npos);
    CHECK(text.find(",\"'+1+cmd|' /C calc'!A0\",") != std::string::npos);
    CHECK(text.find(",\"'@SUM(1+1)\",") != std::string::npos);
    CHECK(text.find(",\"'-2+3\",") != std::string::npos);
    CHECK(text.find(",\"'\tTab\",") != std::string::npos);
}

TEST_CASE("JSONL export: one complete record per line, invalid UTF-8 replaced") {
    auto a = audit_test::sample_record(1), b = audit_test::sample_record(2);
    b.reason = "bad \xff byte";
    std::ostringstream out;
    write_jsonl(out, {a, b});
    std::istringstream lines(out.str());
    std::string line;
    std::vector<nlohmann::json> parsed;
    while (std::getline(lines, line))
        parsed.push_back(nlohmann::json::parse(line));
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["schema"] == "continuum.audit/1");
    CHECK(parsed[0]["case_ref"] == a.case_ref);
    CHECK(parsed[0]["answers"] == a.answers);
    CHECK(parsed[0]["routes"][0]["route"] == "s47");
    CHECK(parsed[1]["reason"] == "bad \xef\xbf\xbd byte");
}
