// The rule diff: changes in meaning are found field by field; moving, reordering and
// respacing definitions are not changes.
#include <catch2/catch.hpp>

#include "policy/rule_diff.hpp"
#include "policy/rule_diff_render.hpp"
#include "policy_rules.hpp"

using namespace continuum::engine;

namespace {

std::shared_ptr<const RuleSet> load_files(std::vector<RuleFileText> files) {
    files.insert(files.begin(), {"base.toml", fixture::kBase});
    auto loaded = load_ruleset_from_texts("rs", std::move(files));
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    return loaded.rules;
}

const char* kRuleA =
    "[[rule]]\nid = \"a_targeted\"\nlevel = \"targeted\"\ndomain = \"d\"\nsays = \"a\"\n"
    "when = \"a and not b\"\ncites = [\"src#para 1\"]\n\n";
const char* kRuleS =
    "[[rule]]\nid = \"score_high\"\nlevel = \"statutory\"\ndomain = \"d\"\nsays = \"High\"\n"
    "when = \"score >= 8\"\ncites = [\"src\"]\n\n";

}  // namespace

TEST_CASE("reordering, moving between files and respacing are not changes", "[diff]") {
    std::string questions = fixture::yes_no("a") + fixture::yes_no("b") + fixture::number("score");
    auto before = load_files({{"q.toml", questions}, {"r.toml", std::string(kRuleA) + kRuleS}});
    std::string respaced = kRuleA;
    respaced.replace(respaced.find("a and not b"), 11, "a   and\tnot b");
    auto after = load_files({{"all.toml", std::string(kRuleS) + fixture::yes_no("b") + respaced +
                                              fixture::number("score") + fixture::yes_no("a")}});
    RuleDiff d = diff_rulesets(*before, *after);
    for (const auto& e : d.entries)
        INFO(e.kind << " " << e.id);
    CHECK(d.empty());
    CHECK(continuum::report::to_text(d, continuum::report::diff_sides(*before, *after))
              .find("no differences in meaning") != std::string::npos);
}

TEST_CASE("a changed condition and citation are shown old beside new", "[diff]") {
    auto before = policy::load(policy::base_rules("8"));
    std::string edited = policy::base_rules("6");
    edited.replace(edited.find("src#para 1"), 10, "src#para 2");
    auto after = policy::load(edited);
    RuleDiff d = diff_rulesets(*before, *after);
    REQUIRE(d.entries.size() == 1);
    const DiffEntry& e = d.entries[0];
    CHECK(e.kind == "rule");
    CHECK(e.id == "score_high");
    CHECK(e.change == DiffChange::Changed);
    REQUIRE(e.fields.size() == 2);
    CHECK(e.fields[0].field == "when");
    CHECK(e.fields[0].before == "score >= 8");
    CHECK(e.fields[0].after == "score >= 6");
    CHECK(e.fields[1].field == "cites");
    CHECK(e.cites_before == std::vector<std::string>{"src#para 1"});
    CHECK(e.cites_after == std::vector<std::string>{"src#para 2"});
    CHECK(e.before.file == "rs/x.toml");
    CHECK(e.before.pos.line > 0);

    std::string text =
        continuum::report::to_text(d, continuum::report::diff_sides(*before, *after));
    CHECK(text.find("rule score_high (changed)") != std::string::npos);
    CHECK(text.find("  when\n    old: score >= 8\n    new: score >= 6\n") != std::string::npos);
    CHECK(text.find("  cites\n    old: src#para 1\n    new: src#para 2\n") != std::string::npos);
}

TEST_CASE("added and removed definitions of every kind, and a reordering of levels", "[diff]") {
    auto before = policy::load(policy::base_rules());
    std::string edited = policy::base_rules(
        "8", fixture::yes_no("c") +
                 "[[trigger]]\nid = \"t1\"\ntitle = \"T\"\nsays = \"Always refer\"\n"
                 "when = \"c\"\nlevel = \"statutory\"\ncites = [\"src\"]\n");
    // Drop rule a_targeted.
    std::size_t from = edited.find("[[rule]]\nid = \"a_targeted\"");
    edited.erase(from, edited.find("[[rule]]", from + 1) - from);
    std::string swapped_base = fixture::kBase;
    std::size_t u = swapped_base.find("[[level]]\nid = \"universal\"");
    std::size_t t = swapped_base.find("[[level]]\nid = \"targeted\"");
    std::string universal = swapped_base.substr(u, t - u);
    swapped_base.erase(u, t - u);
    swapped_base.insert(swapped_base.find("[[domain]]"), universal);
    auto loaded = load_ruleset_from_texts("rs2", {{"base.toml", swapped_base}, {"x.toml", edited}});
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    RuleDiff d = diff_rulesets(*before, *loaded.rules);
    std::vector<std::string> seen;
    for (const auto& e : d.entries)
        seen.push_back(e.kind + " " + e.id + " " + to_string(e.change));
    CHECK(seen == std::vector<std::string>{"level_order levels changed", "question c new",
                                           "rule a_targeted removed", "trigger t1 new"});
    const DiffEntry* removed = d.find("rule", "a_targeted");
    REQUIRE(removed);
    CHECK(removed->condition_before == "a");
    CHECK(removed->condition_after.empty());
    CHECK(d.find("level_order", "levels")->fields.at(0).after == "targeted, statutory, universal");
    CHECK(d.count(DiffChange::Added) == 2);
    CHECK(d.count(DiffChange::Removed) == 1);

    auto j = continuum::report::to_json(d, continuum::report::diff_sides(*before, *loaded.rules));
    CHECK(j["schema"] == "continuum.diff/1");
    CHECK(j["totals"]["new"] == 2);
    CHECK(j["entries"].size() == 4);
    CHECK(j["entries"][3]["condition"]["after"] == "c");
    CHECK(j["entries"][2]["after"].is_null());
}

TEST_CASE("conditions normalise by token, not by text", "[diff]") {
    CHECK(normalise_condition("a  and(b or\tc)") == "a and ( b or c )");
    CHECK(normalise_condition("x in ['p', \"q\"]") == normalise_condition("x in [\"p\", 'q']"));
    CHECK(normalise_condition("age < 13") != normalise_condition("age <= 13"));
}
