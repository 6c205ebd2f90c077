// The trace: fired with the values read, not fired with the first failing condition and its
// values, undetermined with the questions that would settle it, each with its citation.
#include <catch2/catch.hpp>

#include "engine/evaluate.hpp"
#include "engine/trace.hpp"
#include "mini_rules.hpp"

using namespace continuum::engine;

namespace {
std::string read(const TraceEntry& e) {
    std::string s;
    for (const auto& v : e.values) s += (s.empty() ? "" : ", ") + v.id + "=" + v.value;
    return s;
}
}  // namespace

TEST_CASE("not fired: the first false part of an `and`, and exactly the values it read", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 30).yes("bruising").choice("dv", "none");
    Outcome o = evaluate(*f.rules, f.c);
    TraceEntry e = trace_entry(*f.rules, f.c, o, f.slot("non_mobile_bruising"));
    CHECK(e.status == Tri::False);
    CHECK(e.failing == "age_months < 24");
    CHECK(read(e) == "age_months=30");
    CHECK(e.condition == "bruising and age_months < 24 and not mobile");
}

TEST_CASE("not fired because of `unless`: the protective factor is named", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 60).choice("dv", "conflict").yes("support");
    Outcome o = evaluate(*f.rules, f.c);
    TraceEntry e = trace_entry(*f.rules, f.c, o, f.slot("dv_conflict"));
    CHECK(e.status == Tri::False);
    CHECK(e.unless_blocked);
    CHECK(e.failing == "unless support");
    CHECK(read(e) == "support=yes");
    CHECK(e.unless_says == "Supportive wider family");
    REQUIRE(e.cites.size() == 1);
    CHECK(e.cites[0].source == "src");
    CHECK(e.cites[0].pinpoint == "para 2");
}

TEST_CASE("fired: the values that made it true", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").no("mobile");
    Outcome o = evaluate(*f.rules, f.c);
    TraceEntry e = trace_entry(*f.rules, f.c, o, f.slot("non_mobile_bruising"));
    CHECK(e.status == Tri::True);
    CHECK(read(e) == "bruising=yes, age_months=5, mobile=no");
}

TEST_CASE("undetermined: the unanswered questions underneath, through facts", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").unknown("mobile");
    Outcome o = evaluate(*f.rules, f.c);
    TraceEntry route = trace_entry(*f.rules, f.c, o, f.slot("s47"));
    CHECK(route.status == Tri::Unknown);
    // dv was never asked and mobile is unknown: both keep s47 open.
    CHECK(route.blocking == std::vector<std::string>{"mobile", "dv"});
}

TEST_CASE("a question that no longer applies is shown as such in the values read", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 60).yes("bruising").no("mobile");
    Outcome o = evaluate(*f.rules, f.c);
    TraceEntry e = trace_entry(*f.rules, f.c, o, f.slot("non_mobile_bruising"));
    CHECK(e.failing == "age_months < 24");
}

TEST_CASE("the full trace lists every definition once, with its status", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").no("mobile").choice("dv", "none");
    Outcome o = evaluate(*f.rules, f.c);
    auto trace = build_trace(*f.rules, f.c, o);
    std::size_t expected = f.rules->facts.size() + f.rules->rules.size() + f.rules->combinations.size() +
                           f.rules->triggers.size() + f.rules->routes.size() + f.rules->consents.size() + 1;  // icpc
    CHECK(trace.size() == expected);
    for (const auto& e : trace) {
        INFO(e.id);
        CHECK_FALSE(e.cites.empty());
        if (e.status == Tri::False && e.kind != ItemKind::Combination) CHECK_FALSE(e.failing.empty());
    }
}

TEST_CASE("level reasons and what points higher", "[trace]") {
    mini::Fixture f;
    f.num("age_months", 5).yes("bruising").unknown("mobile").choice("dv", "conflict").no("support");
    Outcome o = evaluate(*f.rules, f.c);
    auto reasons = level_reasons(*f.rules, o);
    REQUIRE(reasons.size() == 1);
    CHECK(f.rules->symbols[reasons[0]].id == "dv_conflict");
    std::vector<std::string> higher;
    for (auto s : higher_level_candidates(*f.rules, o)) higher.push_back(f.rules->symbols[s].id);
    CHECK(higher == std::vector<std::string>{"bruise_trigger", "targeted_across_domains"});
}
