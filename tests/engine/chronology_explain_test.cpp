// What the aid says about the chronology: the counts in words from the rule set's terms (no
// ids), the chronology as what keeps a finding open while it is partial or missing, and "what
// could change this" naming what checking the missing agencies could find.
#include <catch2/catch.hpp>

#include "chronology_rules.hpp"
#include "engine/chronology_candidates.hpp"
#include "engine/lint.hpp"
#include "engine/trace.hpp"
#include "engine/what_could_change.hpp"

using namespace continuum::engine;
using chronology_fixture::Rules;

namespace {

const TraceEntry& entry(const std::vector<TraceEntry>& trace, const std::string& id) {
    for (const auto& t : trace)
        if (t.id == id) return t;
    FAIL("no trace entry " << id);
    return trace.front();
}

std::vector<std::string> phrases(const TraceEntry& t) {
    std::vector<std::string> out;
    for (const auto& v : t.values)
        if (v.phrase) out.push_back(v.value);
    return out;
}

}  // namespace

TEST_CASE("a count reads in words, saying when the chronology is partial", "[chronology][words]") {
    Rules r;
    Case partial = r.with(Rules::neglect(3, false));
    Outcome o = evaluate(*r.rules, partial);
    auto trace = build_trace(*r.rules, partial, o);
    CHECK(phrases(entry(trace, "neglect_pattern")) ==
          std::vector<std::string>{"3 earlier contacts about neglect in the 12 months before the "
                                   "referral (the chronology is partial)"});
    CHECK(phrases(entry(trace, "police_nfa")) ==
          std::vector<std::string>{
              "3 earlier contacts from police ending in no further action (the chronology is "
              "partial)"});
    CHECK(phrases(entry(trace, "recent")) ==
          std::vector<std::string>{"the last earlier contact recorded was 43 days before the "
                                   "referral (the chronology is partial)"});

    Case complete = r.with(Rules::neglect(1, true));
    o = evaluate(*r.rules, complete);
    trace = build_trace(*r.rules, complete, o);
    CHECK(phrases(entry(trace, "at_least_3")) ==
          std::vector<std::string>{
              "1 earlier contact about neglect in the 12 months before the referral"});
    CHECK(phrases(entry(trace, "not_missing_or_school")) ==
          std::vector<std::string>{"1 earlier contact (not about going missing or from school) "
                                   "in the 2 years before the referral"});

    Case none = r.with(Rules::neglect(0, true));
    o = evaluate(*r.rules, none);
    trace = build_trace(*r.rules, none, o);
    CHECK(phrases(entry(trace, "long_ago")) == std::vector<std::string>{"no earlier contact"});

    Case absent = r.with("");
    o = evaluate(*r.rules, absent);
    trace = build_trace(*r.rules, absent, o);
    CHECK(phrases(entry(trace, "at_least_3")) ==
          std::vector<std::string>{"earlier contacts about neglect in the 12 months before the "
                                   "referral: not known, no chronology recorded"});
}

TEST_CASE("the chronology keeps a finding open while it could still change it",
          "[chronology][trace]") {
    Rules r;
    const std::uint32_t chronology_slot = r.rules->questions[r.rules->chronology.question].slot;
    auto blocked_by_chronology = [&](const Case& c, const char* id) {
        Outcome o = evaluate(*r.rules, c);
        auto open = blocking_questions(*r.rules, c, o, r.rules->symbol(id)->slot);
        return std::find(open.begin(), open.end(), chronology_slot) != open.end();
    };
    CHECK(blocked_by_chronology(r.with(Rules::neglect(2, false)), "neglect_pattern"));
    CHECK(blocked_by_chronology(r.with(""), "neglect_pattern"));
    // Held, or settled by a complete chronology: nothing to check.
    Case three = r.with(Rules::neglect(3, false));
    Outcome o = evaluate(*r.rules, three);
    CHECK(r.status(o, "neglect_pattern") == Tri::True);
    CHECK_FALSE(blocked_by_chronology(three, "neglect_pattern"));
}

TEST_CASE("what could change this: checking the missing agencies", "[chronology][change]") {
    Rules r;
    Case partial = r.with(Rules::neglect(2, false));
    Outcome o = evaluate(*r.rules, partial);
    REQUIRE(o.higher_level_possible);
    auto changes = what_could_change(*r.rules, partial, o);
    const ChangeTarget& level = changes.front();
    REQUIRE(level.is_level);
    bool found = false;
    for (const auto& s : level.sets)
        for (const auto& opt : s.options)
            for (const auto& h : opt.answers)
                if (h.question == r.rules->chronology.question && opt.becomes == "targeted") {
                    found = true;
                    CHECK(h.label ==
                          "checking the agencies not yet checked finds 1 more earlier contact "
                          "from school about neglect, ending in no further action, in the 12 "
                          "months before the referral");
                    // What checking finds keeps what was recorded, and is complete.
                    REQUIRE(h.chronology);
                    CHECK(h.chronology->complete);
                    CHECK(h.chronology->contacts.size() == 3);
                }
    CHECK(found);
}

TEST_CASE("candidate chronologies complete the recorded one, never take a contact away",
          "[chronology][change]") {
    Rules r;
    Case partial = r.with(Rules::neglect(2, false));
    auto options = candidate_chronologies(*r.rules, partial);
    REQUIRE(options.size() > 2);
    CHECK(options.front().label == "checking the agencies not yet checked finds nothing more");
    const auto& recorded = recorded_chronology(*r.rules, partial)->contacts;
    for (const auto& h : options) {
        INFO(h.label);
        REQUIRE(h.chronology);
        CHECK(h.chronology->complete);
        for (const Contact& c : recorded)
            CHECK(std::count(h.chronology->contacts.begin(), h.chronology->contacts.end(), c) >=
                  std::count(recorded.begin(), recorded.end(), c));
    }
    // Nothing to find once every agency has been checked.
    CHECK(candidate_chronologies(*r.rules, r.with(Rules::neglect(2, true))).empty());
    // None recorded yet: what recording it could show.
    auto fresh = candidate_chronologies(*r.rules, r.with(""));
    REQUIRE_FALSE(fresh.empty());
    CHECK(fresh.front().label == "the chronology, once recorded, shows no earlier contacts");
}

TEST_CASE("lint does not call a rule that reads the chronology one that never fires",
          "[chronology][lint]") {
    Rules r;
    Diagnostics d;
    check_unreachable_questions(*r.rules, d);
    for (const auto& m : fixture::messages(d))
        CHECK(m.find("never fire") == std::string::npos);
}
