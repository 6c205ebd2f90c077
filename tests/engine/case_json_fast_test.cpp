// The fast JSON case reader used by impact analysis: on every line it takes, it gives exactly
// the case the careful reader gives; every line the careful reader would question, it refuses
// (so the careful reader runs and says what is wrong).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "engine/ruleset/load.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {

std::optional<Case> careful(const RuleSet& rules, const std::string& line, Diagnostics& d) {
    return read_case_json(rules, line, "cases.jsonl", 1, d);
}

void require_same(const RuleSet& rules, const Case& a, const Case& b) {
    CHECK(a.ref == b.ref);
    CHECK(format_date_time(a.referred_at) == format_date_time(b.referred_at));
    REQUIRE(a.answers.size() == b.answers.size());
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
        INFO("question " << rules.questions[i].id);
        CHECK(a.answers[i].state == b.answers[i].state);
        CHECK(a.answers[i].value.truth == b.answers[i].value.truth);
        CHECK(a.answers[i].value.known == b.answers[i].value.known);
        CHECK(a.answers[i].value.choice == b.answers[i].value.choice);
        CHECK(a.answers[i].value.lo == b.answers[i].value.lo);
        CHECK(a.answers[i].value.hi == b.answers[i].value.hi);
        CHECK(a.answers[i].text() == b.answers[i].text());
    }
}

// Reads with no room after the line, so the reader must copy it.
bool fast_read(FastCaseReader& reader, const std::string& line, Case& out) {
    return reader.read(line, line.size(), out);
}

}  // namespace

TEST_CASE("fast reader gives the careful reader's case for well-formed lines", "[case][fast]") {
    mini::Fixture f;
    FastCaseReader reader(*f.rules);
    const std::vector<std::string> lines = {
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":5,"bruising":true,"dv":"conflict"},"unknown":["mobile"]})",
        R"({"unknown":["mobile","support"],"referred_at":"2026-01-02T00:00:00","ref":"C-2","answers":{"bruising":false}})",
        R"({"ref":"C-\u0033","referred_at":"2026-11-23T09:40:00","answers":{"age_months":5.5}})",
        R"(  {"ref":"C-4","referred_at":"2026-11-23T09:40:00"}  )",
        "{\"ref\":\"C-4\",\"referred_at\":\"2026-11-23T09:40:00\"} \t\r",
        R"({"ref":"C-6","referred_at":"2026-11-23T09:40:00","unknown":["mobile","mobile"]})",
        // Answers out of the rule set's order: ids are guessed from the order, then looked up.
        R"({"ref":"C-7","referred_at":"2026-11-23T09:40:00","answers":{"dv":"conflict","bruising":true,"age_months":5}})",
        // An id written with an escape: not taken for the guessed id as written, but looked up.
        R"({"ref":"C-11","referred_at":"2026-11-23T09:40:00","answers":{"age_months":5,"bru\u0069sing":true,"d\u0076":"none"}})",
        // Numbers known only by their bounds.
        R"({"ref":"C-8","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_least":12}}})",
        R"({"ref":"C-9","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_most":5.5,"at_least":2}}})",
        R"({"ref":"C-10","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_least":7,"at_most":7}}})",
    };
    for (const auto& line : lines) {
        INFO(line);
        Diagnostics d;
        auto expected = careful(*f.rules, line, d);
        REQUIRE(expected);
        REQUIRE(d.empty());
        Case got;
        REQUIRE(fast_read(reader, line, got));
        require_same(*f.rules, *expected, got);
    }
}

TEST_CASE("fast reader refuses every line the careful reader questions", "[case][fast]") {
    mini::Fixture f;
    FastCaseReader reader(*f.rules);
    const std::vector<std::string> lines = {
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"brusing":true}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":"yes"}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"dv":"conflcit"}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":300}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":true},"unknown":["bruising"]})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","unknown":["nope"]})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","unknown":[3]})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answer":{}})",
        R"({"ref":"C-1","referred_at":"23/11/2026"})",
        R"({"referred_at":"2026-11-23T09:40:00"})",
        R"({"ref":1,"referred_at":"2026-11-23T09:40:00"})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":[]})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":null}})",
        // Faults nlohmann::json alone lets through or cannot place: an answer given twice
        // (it would keep the last), a number beyond a double, a reference with an escape.
        R"({"ref":"C-5","referred_at":"2026-11-23T09:40:00","answers":{"bruising":true,"bruising":false}})",
        R"({"ref":"C-5","referred_at":"2026-11-23T09:40:00","answers":{"age_months":1e400}})",
        R"({"ref":"C-5\u001b[2J","referred_at":"2026-11-23T09:40:00"})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_leest":12}}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{}}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_least":20,"at_most":5}}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_least":"1"}}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"age_months":{"at_least":300}}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":{"at_least":1}}})",
        R"(["ref","C-1"])",
        // Anything after the object but spaces, tabs and returns.
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"} x)",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"}})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"} {})",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"},)",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"} 5)",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00"} "x")",
        "{\"ref\":\"C-1\",\"referred_at\":\"2026-11-23T09:40:00\"}\f",
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00")",
        "",
    };
    for (const auto& line : lines) {
        INFO(line);
        Diagnostics d;
        auto expected = careful(*f.rules, line, d);
        CHECK((!expected || !d.empty()));  // the careful reader has something to say
        Case got;
        CHECK_FALSE(fast_read(reader, line, got));
    }
    // A top-level key given twice: the careful reader refuses it (and names both places), so
    // the fast one leaves it to the careful one rather than merging the two.
    const std::string twice =
        R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"bruising":true},"answers":{"dv":"none"}})";
    Case got;
    CHECK_FALSE(fast_read(reader, twice, got));
    Diagnostics d;
    CHECK_FALSE(careful(*f.rules, twice, d));
}

// The reader guesses each id from the one that followed the previous id on earlier lines; a
// wrong guess must cost only time, whatever order and whichever answers the next line has.
TEST_CASE("fast reader reads ids in any order, changing from line to line", "[case][fast]") {
    mini::Fixture f;
    FastCaseReader reader(*f.rules);
    const std::vector<std::string> answers = {
        R"("a":true,"b":false,"bruising":true,"dv":"none","school":false,"support":true)",
        R"("a":true,"b":false,"bruising":true,"dv":"none","school":false,"support":true)",
        R"("support":true,"school":false,"dv":"none","bruising":true,"b":false,"a":true)",
        R"("b":true,"dv":"incidents","support":false)",
        R"("support":false,"a":false)",
        R"("a":false,"b":true,"bruising":false,"dv":"persistent","school":true,"support":false)",
        R"("dv":"conflict")",
        R"("bruising":true,"a":true,"support":true,"b":true,"school":true,"dv":"none")",
        R"("a":true,"b":false,"bruising":true,"dv":"none","school":false,"support":true)",
    };
    int refused = 0;
    for (int round = 0; round < 3; ++round) {
        for (std::size_t k = 0; k < answers.size(); ++k) {
            const std::string line = R"({"ref":"C-)" + std::to_string(k) +
                                     R"(","referred_at":"2026-11-23T09:40:00","answers":{)" +
                                     answers[k] + "}}";
            INFO(line);
            Diagnostics d;
            auto expected = careful(*f.rules, line, d);
            REQUIRE(expected);
            Case got;
            if (!fast_read(reader, line, got)) {
                ++refused;
                continue;
            }
            require_same(*f.rules, *expected, got);
        }
    }
    CHECK(refused == 0);
}

// A choice is compared with the answer as written, without unescaping it: that is only the
// same when the answer has no escape and the choice no character a JSON text would escape.
TEST_CASE("fast reader takes a choice as written only when that is the choice", "[case][fast]") {
    auto loaded = fixture::load(R"(
[[question]]
id = "where"
prompt = "Where?"
type = "choice"
choices = ["home", "a\\nb", "say \"hi\"", "home_away"]
domain = "d"
cites = ["src"]
)");
    REQUIRE(loaded.ok());
    const RuleSet& rules = *loaded.rules;
    FastCaseReader reader(rules);
    auto line = [](const std::string& answer) {
        return R"({"ref":"C-1","referred_at":"2026-11-23T09:40:00","answers":{"where":)" + answer +
               "}}";
    };
    // Each gives the careful reader's case, or is left to it; never another case.
    const std::vector<std::string> answers = {
        R"("home")",       R"("home_away")", R"("hom\u0065")", R"("a\\nb")", R"("a\nb")",
        R"("say \"hi\"")", R"("hom")",       R"("home_")",     R"("")",      R"(3)",
        R"(["home"])",
    };
    int taken = 0;
    for (const auto& a : answers) {
        INFO(line(a));
        Diagnostics d;
        auto expected = careful(rules, line(a), d);
        Case got;
        if (!fast_read(reader, line(a), got)) continue;
        ++taken;
        REQUIRE(expected);
        CHECK(d.empty());
        require_same(rules, *expected, got);
    }
    CHECK(taken >= 4);  // home, home_away, and the two with escaped choices, the usual way
}

TEST_CASE("fast reader agrees with the careful reader on the whole Surrey library",
          "[case][fast]") {
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(CONTINUUM_SOURCE_DIR) / "rules" / "surrey";
    LoadResult loaded = load_ruleset(folder);
    REQUIRE(loaded.ok());
    const RuleSet& rules = *loaded.rules;
    std::ifstream in(folder / "cases" / "library.jsonl", std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    FastCaseReader reader(rules);
    std::size_t lines = 0, start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        Diagnostics d;
        auto expected = careful(rules, std::string(line), d);
        REQUIRE(expected);
        REQUIRE(d.empty());
        Case got;
        // Read in place, with the rest of the library after it (the last line is copied).
        REQUIRE(reader.read(line, text.size() - start, got));
        require_same(rules, *expected, got);
        ++lines;
        start = end + 1;
    }
    CHECK(lines == 500);
}
