// The domain invariants: a rule set with one fault of each kind is caught, with a minimal example
// case that reproduces it; a sound rule set passes over generated cases; [invariants] ids that
// name nothing are positioned errors.
#include <catch2/catch.hpp>

#include "engine/case_io.hpp"
#include "fixture.hpp"
#include "policy/invariants.hpp"

using namespace continuum::engine;

namespace {

// Questions and routes shared by the faulty and the sound rule sets.
const std::string kQuestions = fixture::yes_no("harm") + fixture::yes_no("disabled") +
                               fixture::yes_no("worker") + fixture::yes_no("need") +
                               fixture::yes_no("corroborated", "ask_when = \"harm\"");

const std::string kInvariants = R"TOML(
[invariants]
route_levels = { s47 = "statutory" }
child_in_need_level = "targeted"
referral_level = "targeted"
)TOML";

// Each definition here breaks one invariant.
const std::string kFaulty = kQuestions + kInvariants + R"TOML(
[[rule]]
id = "some_need"
level = "targeted"
says = "A need"
when = "need"
cites = ["src"]

[[route]]
id = "s47"
title = "Enquiries"
section = "s47"
standard = "suspect"
test = "harm"
cites = ["src"]

[[route]]
id = "s17"
title = "Child in need"
section = "s17"
standard = "likely"
test = "disabled"
cites = ["src"]

[[route]]
id = "s31"
title = "Care order"
section = "s31"
standard = "court_satisfied"
test = "corroborated"
wording = { met = "Threshold likely met: seek legal planning advice" }
cites = ["src"]

[[trigger]]
id = "lado"
title = "Allegation against a worker"
says = "Refer to the LADO"
when = "worker"
cites = ["src"]
)TOML";

// The same routes written soundly; the LADO trigger calls for its own referral.
const std::string kSound =
    kQuestions + kInvariants + "referral_actions = [\"lado_referral\"]\n" + R"TOML(
[[action]]
id = "lado_referral"
title = "Refer to the LADO"
cites = ["src"]

[[rule]]
id = "some_need"
level = "targeted"
says = "A need"
when = "need"
cites = ["src"]

[[rule]]
id = "harm_rule"
level = "statutory"
says = "Significant harm suspected"
when = "harm"
cites = ["src"]

[[route]]
id = "s47"
title = "Enquiries"
section = "s47"
standard = "suspect"
test = "harm"
cites = ["src"]

[[route]]
id = "s17"
title = "Child in need"
section = "s17"
standard = "likely"
test = "disabled or s47 or need"
cites = ["src"]

[[route]]
id = "s31"
title = "Care order"
section = "s31"
standard = "court_satisfied"
test = "s47 and harm and corroborated"
wording = { met = "Threshold likely met: seek legal planning advice" }
cites = ["src"]

[[trigger]]
id = "lado"
title = "Allegation against a worker"
says = "Refer to the LADO"
when = "worker"
actions = ["lado_referral"]
cites = ["src"]
)TOML";

struct Loaded {
    std::shared_ptr<const RuleSet> rules;
    explicit Loaded(const std::string& text) {
        auto loaded = fixture::load(text);
        for (const auto& m : fixture::messages(loaded.diagnostics))
            INFO(m);
        REQUIRE(loaded.ok());
        rules = loaded.rules;
    }
    Case with(std::initializer_list<std::pair<const char*, bool>> answers,
              std::initializer_list<const char*> unknown = {}) const {
        Case c = blank_case(*rules);
        c.ref = "T";
        c.referred_at = {day_number(2026, 11, 23), 9 * 3600};
        for (auto [id, yes] : answers)
            fixture::answer(*rules, c, id, Value::boolean(tri(yes)));
        for (const char* id : unknown)
            fixture::unknown(*rules, c, id);
        return c;
    }
    bool breaks(InvariantChecker& checker, const Case& c, InvariantKind kind,
                std::string* how = nullptr) const {
        for (const InvariantBreach& b : checker.check(c))
            if (b.kind == kind) {
                if (how) *how = b.how;
                return true;
            }
        return false;
    }
};

}  // namespace

TEST_CASE("each kind of fault breaks its invariant", "[invariants]") {
    Loaded faulty(kFaulty);
    InvariantChecker checker(*faulty.rules, 7);
    std::string how;

    // s47 met, nothing points to Statutory; s17 not met beside it.
    Case harmed = faulty.with({{"harm", true},
                               {"disabled", false},
                               {"worker", false},
                               {"need", false},
                               {"corroborated", false}});
    CHECK(faulty.breaks(checker, harmed, InvariantKind::RouteLevel, &how));
    CHECK(how == "s47 is met, but the level is Universal, below Statutory");
    CHECK(faulty.breaks(checker, harmed, InvariantKind::ChildInNeedFollows, &how));
    CHECK(how == "s47 is met, but s17 is not met");

    // A need at s17's level while s17 is not met.
    Case needy =
        faulty.with({{"harm", false}, {"disabled", false}, {"worker", false}, {"need", true}});
    CHECK(faulty.breaks(checker, needy, InvariantKind::ChildInNeedLevel, &how));
    CHECK(how == "s17 is not met, but the level is Targeted");

    // s31 read without s47's guard: met while s47 is open.
    Case court = faulty.with(
        {{"corroborated", true}, {"disabled", false}, {"worker", false}, {"need", false}},
        {"harm"});
    CHECK(faulty.breaks(checker, court, InvariantKind::CourtWithinEnquiry, &how));
    CHECK(how == "s31 is met, but s47 is cannot be ruled out");
    // ... and learning there is no harm sets the answer aside: settled became open.
    Outcome before = evaluate(*faulty.rules, court);
    REQUIRE(before.routes[faulty.rules->route_index("s31")] == Finding::Met);
    auto overturned =
        checker.recheck(court, InvariantKind::SettledStaysSettled,
                        {{faulty.rules->question_index("harm"), Value::boolean(Tri::False), "no"}});
    REQUIRE(overturned);
    CHECK(overturned->how == "s31 was met; with more answers it is cannot be ruled out");

    // Harm known absent, corroboration answered anyway: s31 reads a question that does not
    // apply, so no answer can settle it.
    Case aside = faulty.with({{"harm", false},
                              {"corroborated", true},
                              {"disabled", false},
                              {"worker", false},
                              {"need", false}});
    CHECK(faulty.breaks(checker, aside, InvariantKind::OpenCanChange, &how));
    CHECK(how == "s31 cannot be ruled out, but no answer to an open question would settle it");
    CHECK_FALSE(faulty.breaks(checker, aside, InvariantKind::OpenHasQuestions));

    // A trigger that fires with no referral behind it.
    Case lado =
        faulty.with({{"harm", false}, {"disabled", false}, {"worker", true}, {"need", false}});
    CHECK(faulty.breaks(checker, lado, InvariantKind::TriggerRefers, &how));
    CHECK(how == "trigger 'lado' fired, but the level is Universal and no referral is called for");
}

TEST_CASE("a sound rule set keeps every invariant over generated cases", "[invariants]") {
    Loaded sound(kSound);
    InvariantRun run = run_invariants(*sound.rules, 400, 11);
    for (const InvariantFinding& f : run.findings) {
        INFO(describe(f.kind).id << ": " << f.example_breach.how);
        CHECK(f.cases == 0);
    }
    CHECK(run.all_held());
    for (const std::string& why : run.not_checked)
        CHECK(why.empty());
}

TEST_CASE("a broken invariant comes with a minimal example that reproduces it", "[invariants]") {
    Loaded faulty(kFaulty);
    InvariantRun run = run_invariants(*faulty.rules, 400, 3);
    const InvariantFinding& court =
        run.findings[static_cast<std::size_t>(InvariantKind::CourtWithinEnquiry)];
    REQUIRE(court.cases > 0);
    REQUIRE(court.example);
    // Cut down to what breaks it: no harm and corroboration not asked (s31 open, s47 not met), or
    // corroboration answered while harm is open (s31 met, s47 open). Nothing else is left.
    const Case& c = *court.example;
    CHECK(c.answers[faulty.rules->question_index("worker")].state == AnswerState::NotAsked);
    CHECK(c.answers[faulty.rules->question_index("need")].state == AnswerState::NotAsked);
    CHECK(c.answers[faulty.rules->question_index("disabled")].state == AnswerState::NotAsked);

    // The case file reads back and still breaks the same invariant.
    const std::string file = example_case_file(*faulty.rules, court);
    CHECK_THAT(file, Catch::StartsWith("# Breaks the invariant 'court-within-enquiry'"));
    Diagnostics d;
    auto back = read_case_toml(*faulty.rules, "example.toml", file, d);
    REQUIRE(back);
    InvariantChecker checker(*faulty.rules, 1);
    CHECK(checker.recheck(*back, InvariantKind::CourtWithinEnquiry, {}));

    const InvariantFinding& settled =
        run.findings[static_cast<std::size_t>(InvariantKind::SettledStaysSettled)];
    REQUIRE(settled.cases > 0);
    REQUIRE(settled.example);
    CHECK_THAT(example_case_file(*faulty.rules, settled),
               Catch::Contains("# It is overturned when these answers are added under [answers]:"));
    CHECK(checker.recheck(*settled.example, InvariantKind::SettledStaysSettled,
                          settled.example_breach.added));
}

TEST_CASE("an invariant the rule set does not declare is said not to be checked", "[invariants]") {
    Loaded bare(kQuestions + R"TOML(
[[route]]
id = "s47"
title = "Enquiries"
section = "s47"
standard = "suspect"
test = "harm"
cites = ["src"]
)TOML");
    InvariantChecker checker(*bare.rules, 1);
    const auto& why = checker.unchecked();
    auto of = [&](InvariantKind k) { return why[static_cast<std::size_t>(k)]; };
    CHECK(of(InvariantKind::ChildInNeedFollows) ==
          "the rule set has no route s17, or neither s47 nor s20");
    CHECK(of(InvariantKind::CourtWithinEnquiry) == "the rule set has no route s31 or s47");
    CHECK_THAT(of(InvariantKind::ChildInNeedLevel), Catch::StartsWith("[invariants] names no"));
    CHECK_THAT(of(InvariantKind::TriggerRefers), Catch::StartsWith("[invariants] does not say"));
    CHECK(of(InvariantKind::RouteLevel).empty());
    CHECK(of(InvariantKind::SettledStaysSettled).empty());
    // Undeclared, s47 still ties to the top level.
    std::string how;
    Case c = bare.with({{"harm", true}});
    CHECK(bare.breaks(checker, c, InvariantKind::RouteLevel, &how));
    CHECK(how == "s47 is met, but the level is Universal, below Statutory");
}

TEST_CASE("[invariants] names that point nowhere are positioned errors", "[invariants][load]") {
    const std::string text = kQuestions + R"TOML(
[[route]]
id = "s47"
title = "Enquiries"
section = "s47"
standard = "suspect"
test = "harm"
cites = ["src"]

[invariants]
route_levels = { s74 = "statutory", s47 = "statutry" }
child_in_need_level = "targetted"
referral_actions = ["refer"]
colour = "red"
)TOML";
    auto loaded = fixture::load(text);
    CHECK_FALSE(loaded.ok());
    auto lines = fixture::messages(loaded.diagnostics);
    std::string all;
    for (const auto& l : lines)
        all += l + "\n";
    INFO(all);
    auto has = [&](const std::string& text) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    };
    // Each at the value that names it, on the route_levels line.
    const std::string line = std::to_string(
        1 + std::count(text.begin(),
                       text.begin() + static_cast<std::ptrdiff_t>(text.find("route_levels")),
                       '\n'));
    CHECK(has("x.toml:" + line +
              ":24: error: [invariants] names route 's74' in 'route_levels', "
              "but no [[route]] has that id (did you mean 's47'?)"));
    CHECK(has("x.toml:" + line +
              ":43: error: [invariants] names level 'statutry' in "
              "'route_levels', but no [[level]] has that id (did you mean 'statutory'?)"));
    CHECK(has("[invariants] names level 'targetted' in 'child_in_need_level'"));
    CHECK(has("[invariants] names action 'refer' in 'referral_actions'"));
    CHECK(has("unknown key 'colour'"));
}
