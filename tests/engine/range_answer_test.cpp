// Numbers answered with a range ("at least one incident, perhaps more"): read from case files
// and libraries, written back unchanged, compared in three values (never coerced to false),
// kept open in the trace and offered only inside the range by "what could change this".
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/case_io.hpp"
#include "engine/case_json_fast.hpp"
#include "engine/evaluate.hpp"
#include "engine/trace.hpp"
#include "engine/what_could_change.hpp"
#include "fixture.hpp"

using namespace continuum::engine;

namespace {

const char* kRules = R"TOML(
[[question]]
id = "incidents"
prompt = "Incidents in the last 12 months"
type = "number"
unit = "incidents"
min = 1
max = 100
domain = "d"
cites = ["src"]

[[question]]
id = "attendance"
prompt = "Attendance"
type = "number"
unit = "%"
min = 0
max = 100
domain = "d"
cites = ["src"]

[[fact]]
id = "one_or_two"
label = "One or two incidents"
when = "incidents in [1, 2]"
cites = ["src"]

[[fact]]
id = "count_known"
label = "The number of incidents is known"
when = "known(incidents)"
cites = ["src"]

[[rule]]
id = "repeated"
level = "statutory"
says = "Three or more incidents"
when = "incidents >= 3"
cites = ["src"]

[[rule]]
id = "few"
level = "targeted"
says = "Fewer than three incidents"
when = "incidents < 3"
cites = ["src"]

[[route]]
id = "s47"
title = "Enquiries"
section = "s47"
standard = "suspect"
test = "incidents >= 3"
cites = ["src"]
)TOML";

struct Rules {
    std::shared_ptr<const RuleSet> rules;
    Rules() {
        auto loaded = fixture::load(kRules);
        for (const auto& m : fixture::messages(loaded.diagnostics))
            INFO(m);
        REQUIRE(loaded.ok());
        rules = loaded.rules;
    }
    std::optional<Case> read(const std::string& answers, Diagnostics& d) const {
        return read_case_toml(*rules, "case.toml",
                              "[case]\nref = \"R-1\"\nreferred_at = 2026-11-23T09:40:00\n\n"
                              "[answers]\n" +
                                  answers + "\n",
                              d);
    }
    Case must_read(const std::string& answers) const {
        Diagnostics d;
        auto c = read(answers, d);
        for (const auto& m : fixture::messages(d))
            INFO(m);
        REQUIRE(c);
        return *c;
    }
    Tri status(const Outcome& o, const char* id) const {
        return o.slots[rules->symbol(id)->slot].status;
    }
    const Answer& answer(const Case& c, const char* id) const {
        return c.answers[rules->question_index(id)];
    }
};

}  // namespace

TEST_CASE("a range answer is read within the question's own limits", "[case][range]") {
    Rules r;
    Case c =
        r.must_read("incidents = { at_least = 1 }\nattendance = { at_least = 40, at_most = 60 }");
    const Answer& incidents = r.answer(c, "incidents");
    CHECK(incidents.state == AnswerState::Answered);
    CHECK(incidents.value.lo == 1);
    CHECK(incidents.value.hi == 100);  // the question's max: nothing above it is possible
    CHECK_FALSE(incidents.value.known);
    CHECK(r.answer(c, "attendance").value.lo == 40);
    CHECK(r.answer(c, "attendance").value.hi == 60);
    // Bounds that meet are an ordinary number.
    Case point = r.must_read("incidents = { at_least = 4, at_most = 4 }");
    CHECK(r.answer(point, "incidents").value.known);
    CHECK(r.answer(point, "incidents").value.lo == 4);
}

TEST_CASE("a range answer gone wrong says what and where", "[case][range]") {
    Rules r;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"incidents = {}",
         "case.toml:6:13: error: question 'incidents' is answered with an empty range"},
        {"incidents = { at_leest = 1 }",
         "case.toml:6:13: error: question 'incidents' has a range with an unknown key 'at_leest' "
         "(did you mean 'at_least'?)"},
        {"incidents = { at_least = 5, at_most = 2 }",
         "case.toml:6:13: error: question 'incidents' has at_least 5 above at_most 2"},
        {"incidents = { at_least = 0 }",
         "case.toml:6:13: error: question 'incidents' must be at least 1 (at_least is 0)"},
        {"attendance = { at_most = 120 }",
         "case.toml:6:14: error: question 'attendance' must be at most 100 (at_most is 120)"},
        {"incidents = { at_least = \"one\" }",
         "case.toml:6:13: error: question 'incidents' has a range whose at_least is not a number"},
    };
    for (const auto& [answers, expected] : cases) {
        INFO(answers);
        Diagnostics d;
        CHECK_FALSE(r.read(answers, d));
        auto lines = fixture::messages(d);
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0], Catch::StartsWith(expected));
    }
}

TEST_CASE("a range is only for number questions", "[case][range]") {
    auto loaded = fixture::load(fixture::yes_no("seen"));
    REQUIRE(loaded.ok());
    Diagnostics d;
    auto c = read_case_toml(*loaded.rules, "case.toml",
                            "[case]\nref = \"R\"\nreferred_at = 2026-11-23T09:40:00\n\n[answers]\n"
                            "seen = { at_least = 1 }\n",
                            d);
    CHECK_FALSE(c);
    REQUIRE(d.error_count() == 1);
    CHECK_THAT(fixture::messages(d)[0],
               Catch::Contains("question 'seen' is a yes/no question: answer true or false"));
}

TEST_CASE("comparisons over a range are three-valued, never coerced to false", "[eval][range]") {
    Rules r;
    struct Row {
        const char* answer;
        Tri at_least_3, below_3, one_or_two, known;
    };
    const Tri T = Tri::True, F = Tri::False, U = Tri::Unknown;
    const Row rows[] = {
        {"{ at_least = 1 }", U, U, U, F},
        {"{ at_least = 3 }", T, F, F, F},
        {"{ at_most = 2 }", F, T, U, F},
        {"{ at_least = 2, at_most = 3 }", U, U, U, F},
        {"2", F, T, T, T},
        {"{ at_least = 5, at_most = 9 }", T, F, F, F},
    };
    for (const Row& row : rows) {
        INFO("incidents = " << row.answer);
        Case c = r.must_read(std::string("incidents = ") + row.answer);
        Outcome o = evaluate(*r.rules, c);
        CHECK(r.status(o, "repeated") == row.at_least_3);
        CHECK(r.status(o, "few") == row.below_3);
        CHECK(r.status(o, "one_or_two") == row.one_or_two);
        CHECK(r.status(o, "count_known") == row.known);
        const Finding expected = row.at_least_3 == T   ? Finding::Met
                                 : row.at_least_3 == F ? Finding::NotMet
                                                       : Finding::CannotRuleOut;
        CHECK(o.routes[0] == expected);
    }
    // "At least 1" leaves three or more open: the higher level cannot be ruled out.
    Outcome open = evaluate(*r.rules, r.must_read("incidents = { at_least = 1 }"));
    CHECK(open.higher_level_possible);
}

TEST_CASE("the trace keeps a range answer open and says what was given", "[trace][range]") {
    Rules r;
    Case c = r.must_read("incidents = { at_least = 1 }\nattendance = 95");
    Outcome o = evaluate(*r.rules, c);
    TraceEntry route = trace_entry(*r.rules, c, o, r.rules->routes[0].slot);
    CHECK(route.status == Tri::Unknown);
    CHECK(route.blocking == std::vector<std::string>{"incidents"});
    REQUIRE(route.values.size() == 1);
    CHECK(route.values[0].value == "at least 1 incidents");
    // Settled by the range: nothing blocks it and the value read says so.
    Case settled = r.must_read("incidents = { at_least = 4 }");
    Outcome so = evaluate(*r.rules, settled);
    TraceEntry fired = trace_entry(*r.rules, settled, so, r.rules->routes[0].slot);
    CHECK(fired.status == Tri::True);
    CHECK(fired.blocking.empty());
    REQUIRE(fired.values.size() == 1);
    CHECK(fired.values[0].value == "at least 4 incidents");
}

TEST_CASE("what could change a range answer stays inside the range", "[wcc][range]") {
    Rules r;
    Case c = r.must_read("incidents = { at_least = 2 }");
    Outcome o = evaluate(*r.rules, c);
    REQUIRE(o.routes[0] == Finding::CannotRuleOut);
    auto targets = what_could_change(*r.rules, c, o);
    const ChangeTarget& route = targets[1];
    REQUIRE_FALSE(route.sets.empty());
    CHECK(route.sets[0].questions ==
          std::vector<std::uint32_t>{r.rules->question_index("incidents")});
    bool found_not_met = false;
    for (const ChangeSet& set : route.sets)
        for (const ChangeOption& option : set.options)
            for (const HypotheticalAnswer& h : option.answers) {
                CHECK(h.value.lo >= 2);  // never below what the practitioner said
                found_not_met = found_not_met || option.becomes == "not_met";
            }
    CHECK(found_not_met);  // exactly 2 settles it as not met
}

TEST_CASE("a range answer is written back as it was given", "[case][range]") {
    Rules r;
    Case c =
        r.must_read("incidents = { at_least = 1 }\nattendance = { at_least = 40, at_most = 60 }");
    const std::string toml = case_to_toml(*r.rules, c);
    CHECK_THAT(toml, Catch::Contains("incidents = { at_least = 1 }"));
    CHECK_THAT(toml, Catch::Contains("attendance = { at_least = 40, at_most = 60 }"));
    Case only_upper = r.must_read("attendance = { at_most = 50 }");
    CHECK_THAT(case_to_toml(*r.rules, only_upper),
               Catch::Contains("attendance = { at_most = 50 }"));
    CHECK(case_to_json(*r.rules, only_upper)["answers"]["attendance"] ==
          nlohmann::json{{"at_most", 50}});

    // TOML, the careful JSON reader and the fast one all read it back to the same interval.
    Diagnostics d;
    auto again = read_case_toml(*r.rules, "again.toml", toml, d);
    REQUIRE(again);
    const nlohmann::json line = case_to_json(*r.rules, c);
    CHECK(line["answers"]["incidents"] == nlohmann::json{{"at_least", 1}});
    auto careful = read_case_json_object(*r.rules, line, "lib.jsonl", 1, d);
    REQUIRE(careful);
    FastCaseReader fast(*r.rules);
    Case quick;
    const std::string text = line.dump();
    REQUIRE(fast.read(text, text.size(), quick));
    CHECK(d.empty());
    for (const Case* back : {&*again, &*careful, &quick})
        for (const char* id : {"incidents", "attendance"}) {
            INFO(id);
            CHECK(r.answer(*back, id).value.lo == r.answer(c, id).value.lo);
            CHECK(r.answer(*back, id).value.hi == r.answer(c, id).value.hi);
            CHECK(r.answer(*back, id).value.known == r.answer(c, id).value.known);
        }
    CHECK(describe_answer(r.rules->questions[r.rules->question_index("attendance")],
                          r.answer(c, "attendance")) == "40 to 60 %");
}

TEST_CASE("a number typed in the triage screen may be a range", "[case][range]") {
    struct Typed {
        const char* text;
        RawAnswer::Kind kind;
        bool lower, upper;
        double at_least, at_most, number;
    };
    using K = RawAnswer::Kind;
    const Typed ok[] = {
        {"14", K::Float, false, false, 0, 0, 14},
        {" at least 1 ", K::Range, true, false, 1, 0, 0},
        {"At Most 2", K::Range, false, true, 0, 2, 0},
        {">= 3", K::Range, true, false, 3, 0, 0},
        {"<=2", K::Range, false, true, 0, 2, 0},
        {"3+", K::Range, true, false, 3, 0, 0},
        {"3 or more", K::Range, true, false, 3, 0, 0},
        {"up to 4", K::Range, false, true, 0, 4, 0},
        {"1 to 5", K::Range, true, true, 1, 5, 0},
        {"1-5", K::Range, true, true, 1, 5, 0},
        {"between 2 and 6", K::Range, true, true, 2, 6, 0},
        {"-3", K::Float, false, false, 0, 0, -3},
    };
    for (const Typed& t : ok) {
        INFO(t.text);
        RawAnswer raw;
        REQUIRE(parse_number_text(t.text, raw).empty());
        CHECK(raw.kind == t.kind);
        CHECK(raw.has_at_least == t.lower);
        CHECK(raw.has_at_most == t.upper);
        if (t.lower) CHECK(raw.at_least == t.at_least);
        if (t.upper) CHECK(raw.at_most == t.at_most);
        if (t.kind == K::Float) CHECK(raw.number == t.number);
    }
    for (const char* bad : {"", "lots", "at least", "at least many", "1 to", "two"}) {
        INFO(bad);
        RawAnswer raw;
        CHECK_THAT(parse_number_text(bad, raw), Catch::Contains("is not a number or a range"));
    }
}
