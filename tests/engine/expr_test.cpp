// The condition language end to end: parse, compile and evaluate under three-valued logic.
// Every cell of the comparison, `in`, `count` and `known` tables with unknown operands.
#include <catch2/catch.hpp>

#include "engine/evaluate.hpp"
#include "engine/expr/parser.hpp"
#include "engine/ruleset/load.hpp"
#include "fixture.hpp"

#include <filesystem>
#include <functional>

using namespace continuum::engine;

namespace {

// Questions a, b, c (yes/no), n (number), s (choice x|y|z), d (date); fact f = the condition.
struct Harness {
    std::shared_ptr<const RuleSet> rules;
    Case c;

    explicit Harness(const std::string& condition) {
        std::string text = fixture::yes_no("a") + fixture::yes_no("b") + fixture::yes_no("c") +
                           fixture::number("n") +
                           "[[question]]\nid = \"s\"\nprompt = \"s\"\ntype = \"choice\"\nchoices = "
                           "[\"x\", \"y\", \"z\"]\ndomain = \"d\"\ncites = [\"src\"]\n"
                           "[[question]]\nid = \"d\"\nprompt = \"d\"\ntype = \"date\"\ndomain = "
                           "\"d\"\ncites = [\"src\"]\n"
                           "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = '''" +
                           condition + "'''\n";
        auto loaded = fixture::load(text);
        INFO(condition);
        for (const auto& m : fixture::messages(loaded.diagnostics))
            INFO(m);
        REQUIRE(loaded.ok());
        rules = loaded.rules;
        c = blank_case(*rules);
        c.referred_at = {day_number(2026, 11, 23), 9 * 3600};
    }
    Harness& set(const std::string& id, Value v) {
        fixture::answer(*rules, c, id, v);
        return *this;
    }
    Harness& unknown(const std::string& id) {
        fixture::unknown(*rules, c, id);
        return *this;
    }
    Tri result() const {
        Outcome o = evaluate(*rules, c);
        return o.slots[rules->symbol("f")->slot].status;
    }
};

constexpr Tri F = Tri::False, T = Tri::True, U = Tri::Unknown;

Value yes(Tri t) {
    return Value::boolean(t);
}

}  // namespace

TEST_CASE("number comparisons: every operator against below, equal, above and unknown", "[expr]") {
    struct Row {
        const char* op;
        Tri below, equal, above;
    };
    const Row rows[] = {{"<", T, F, F},  {"<=", T, T, F}, {">", F, F, T},
                        {">=", F, T, T}, {"==", F, T, F}, {"!=", T, F, T}};
    for (const Row& r : rows) {
        Harness h(std::string("n ") + r.op + " 13");
        INFO("n " << r.op << " 13");
        CHECK(h.set("n", Value::number(12)).result() == r.below);
        CHECK(h.set("n", Value::number(13)).result() == r.equal);
        CHECK(h.set("n", Value::number(14)).result() == r.above);
        CHECK(h.unknown("n").result() == U);
        Harness not_asked(std::string("n ") + r.op + " 13");
        CHECK(not_asked.result() == U);
    }
}

TEST_CASE("a constant on the left compares the same way", "[expr]") {
    Harness h("13 > n");
    CHECK(h.set("n", Value::number(12)).result() == T);
    CHECK(h.set("n", Value::number(13)).result() == F);
    CHECK(h.unknown("n").result() == U);
}

TEST_CASE("choice equality and inequality with unknown", "[expr]") {
    Harness eq("s == \"y\"");
    CHECK(eq.set("s", Value::option(1)).result() == T);
    CHECK(eq.set("s", Value::option(0)).result() == F);
    CHECK(eq.unknown("s").result() == U);
    Harness ne("s != \"y\"");
    CHECK(ne.set("s", Value::option(1)).result() == F);
    CHECK(ne.set("s", Value::option(2)).result() == T);
    CHECK(ne.unknown("s").result() == U);
}

TEST_CASE("in: member, non-member and unknown, for choices and numbers", "[expr]") {
    Harness choice("s in [\"x\", \"z\"]");
    CHECK(choice.set("s", Value::option(0)).result() == T);
    CHECK(choice.set("s", Value::option(2)).result() == T);
    CHECK(choice.set("s", Value::option(1)).result() == F);
    CHECK(choice.unknown("s").result() == U);
    Harness number("n in [1, 2, 3]");
    CHECK(number.set("n", Value::number(2)).result() == T);
    CHECK(number.set("n", Value::number(4)).result() == F);
    CHECK(number.unknown("n").result() == U);
}

TEST_CASE("yes/no compared with true and false follows the answer or stays unknown", "[expr]") {
    Harness is_true("a == true");
    CHECK(is_true.set("a", yes(T)).result() == T);
    CHECK(is_true.set("a", yes(F)).result() == F);
    CHECK(is_true.unknown("a").result() == U);
    Harness is_false("a != true");
    CHECK(is_false.set("a", yes(F)).result() == T);
    CHECK(is_false.unknown("a").result() == U);
}

TEST_CASE("count(a, b, c) >= 2 over all 27 combinations of true, false and unknown", "[expr]") {
    const Tri values[] = {T, F, U};
    for (Tri a : values)
        for (Tri b : values)
            for (Tri c : values) {
                Harness h("count(a, b, c) >= 2");
                int yes_count = 0, maybe = 0;
                for (auto [id, v] : {std::pair{"a", a}, std::pair{"b", b}, std::pair{"c", c}}) {
                    if (v == U)
                        h.unknown(id);
                    else
                        h.set(id, yes(v));
                    yes_count += v == T;
                    maybe += v == U;
                }
                // true once 2 are true; false once 2 can no longer be reached; else unknown.
                Tri want = yes_count >= 2 ? T : yes_count + maybe < 2 ? F : U;
                INFO(to_string(a) << ", " << to_string(b) << ", " << to_string(c));
                CHECK(h.result() == want);
            }
}

TEST_CASE("count spelled out: the rows a policy officer would check", "[expr]") {
    CHECK(Harness("count(a, b, c) >= 2").set("a", yes(T)).set("b", yes(T)).unknown("c").result() ==
          T);
    CHECK(Harness("count(a, b, c) >= 2").set("a", yes(T)).set("b", yes(F)).unknown("c").result() ==
          U);
    CHECK(Harness("count(a, b, c) >= 2").set("a", yes(F)).set("b", yes(F)).unknown("c").result() ==
          F);
    CHECK(Harness("count(a, b, c) == 0")
              .set("a", yes(F))
              .set("b", yes(F))
              .set("c", yes(F))
              .result() == T);
    CHECK(Harness("count(a, b, c) == 0").set("a", yes(F)).set("b", yes(F)).unknown("c").result() ==
          U);
    CHECK(Harness("count(a, b, c) < 1").set("a", yes(T)).unknown("b").unknown("c").result() == F);
}

TEST_CASE("known(x) is true only for an answer, never unknown itself", "[expr]") {
    CHECK(Harness("known(n)").set("n", Value::number(3)).result() == T);
    CHECK(Harness("known(n)").unknown("n").result() == F);
    CHECK(Harness("known(n)").result() == F);
    CHECK(Harness("not known(a)").result() == T);
}

TEST_CASE("known(fact) follows the fact in the same evaluation, never an earlier one", "[expr]") {
    // g is a fact over a; f = known(g). The evaluator is reused, as the GUI and impact do.
    std::string text =
        fixture::yes_no("a") +
        "[[fact]]\nid = \"g\"\nlabel = \"g\"\ncites = [\"src\"]\nwhen = \"a\"\n"
        "[[fact]]\nid = \"f\"\nlabel = \"f\"\ncites = [\"src\"]\nwhen = \"known(g)\"\n";
    auto loaded = fixture::load(text);
    REQUIRE(loaded.ok());
    const RuleSet& rules = *loaded.rules;
    Evaluator ev(rules);
    Outcome o;
    Case c = blank_case(rules);
    auto f = [&] { return o.slots[rules.symbol("f")->slot].status; };
    fixture::answer(rules, c, "a", Value::boolean(T));
    ev.evaluate(c, o);
    CHECK(f() == T);
    fixture::unknown(rules, c, "a");
    ev.evaluate(c, o);
    CHECK(f() == F);
    fixture::answer(rules, c, "a", Value::boolean(F));
    ev.evaluate(c, o);
    CHECK(f() == T);
}

TEST_CASE("days_since counts from the referral day", "[expr]") {
    Harness h("days_since(d) <= 365");
    CHECK(h.set("d", Value::number(day_number(2025, 11, 23))).result() == T);  // 365 days
    CHECK(h.set("d", Value::number(day_number(2025, 11, 22))).result() == F);  // 366 days
    CHECK(h.unknown("d").result() == U);
}

TEST_CASE("not, and, or inside conditions never turn unknown into false", "[expr]") {
    CHECK(Harness("a and b").set("a", yes(F)).unknown("b").result() == F);
    CHECK(Harness("a and b").set("a", yes(T)).unknown("b").result() == U);
    CHECK(Harness("a or b").set("a", yes(T)).unknown("b").result() == T);
    CHECK(Harness("a or b").set("a", yes(F)).unknown("b").result() == U);
    CHECK(Harness("not a").unknown("a").result() == U);
    CHECK(Harness("not a").result() == U);  // not asked is not "no"
}

TEST_CASE("precedence: not binds tighter than and, and tighter than or", "[expr]") {
    // not a and b == (not a) and b
    CHECK(Harness("not a and b").set("a", yes(F)).set("b", yes(T)).result() == T);
    CHECK(Harness("not a and b").set("a", yes(T)).set("b", yes(T)).result() == F);
    // a or b and c == a or (b and c)
    CHECK(Harness("a or b and c").set("a", yes(T)).set("b", yes(F)).set("c", yes(F)).result() == T);
    CHECK(Harness("(a or b) and c").set("a", yes(T)).set("b", yes(F)).set("c", yes(F)).result() ==
          F);
    // not applies to a comparison as a whole
    CHECK(Harness("not n < 13").set("n", Value::number(20)).result() == T);
}

TEST_CASE("parse errors name the offset of the fault", "[expr][parse]") {
    struct Row {
        const char* text;
        std::uint32_t offset;
        const char* says;
    };
    const Row rows[] = {
        {"a and", 5, "ends too early"},        {"a = b", 2, "write '=='"},
        {"a && b", 2, "write 'and'"},          {"(a or b", 7, "expected ')'"},
        {"a < b < c", 6, "cannot be chained"}, {"s in \"x\"", 5, "expected a list"},
        {"\"open", 0, "unterminated string"},  {"a b", 2, "after a complete condition"},
        {"count(a,", 8, "ends too early"},     {"", 0, "empty"},
        {"3x", 1, "followed by a space"},
    };
    for (const Row& r : rows) {
        INFO(r.text);
        auto p = expr::parse(r.text);
        CHECK_FALSE(p.ok);
        CHECK(p.error_offset == r.offset);
        CHECK_THAT(p.error, Catch::Contains(r.says));
    }
}

TEST_CASE("nesting deeper than the limit is refused, not a stack overflow", "[expr][parse]") {
    std::string deep(2000, '(');
    deep += "a";
    deep += std::string(2000, ')');
    auto p = expr::parse(deep);
    CHECK_FALSE(p.ok);
    CHECK_THAT(p.error, Catch::Contains("nested"));
}

TEST_CASE("compiled conditions are in post-order, so evaluation is one forward pass", "[expr]") {
    // Evaluation relies on every child being evaluated before its parent within its expression.
    auto loaded = continuum::engine::load_ruleset(std::filesystem::path(CONTINUUM_SOURCE_DIR) /
                                                  "rules" / "surrey");
    REQUIRE(loaded.ok());
    const auto& p = loaded.rules->program;
    REQUIRE(p.nodes.size() > 100);
    for (std::uint32_t id = 0; id < p.nodes.size(); ++id) {
        const auto& n = p.nodes[id];
        const auto& e = p.expressions[n.expression];
        CHECK(id >= e.first_node);
        CHECK(id <= e.root);
        using continuum::engine::expr::Op;
        if (n.op == Op::Const || n.op == Op::Load || n.op == Op::Known || n.op == Op::DaysSince)
            continue;
        for (std::uint32_t i = 0; i < n.count; ++i) {
            std::uint32_t child = p.child(n, i);
            CHECK(child < id);
            CHECK(child >= e.first_node);
        }
    }
}

TEST_CASE(
    "and/or over three operands: every one of the 64 combinations, answered, unknown or not "
    "asked, agrees with the two-operand tables",
    "[expr]") {
    // The evaluator runs n-ary and/or as chains of two-operand steps; the chain must give what
    // folding the strong Kleene tables gives, with "not asked" behaving as unknown.
    const Tri states[4] = {F, T, U, U};  // the last one: not asked
    Harness all("a and b and c"), any("a or b or c"), mixed("not a or b and not c");
    const char* ids[3] = {"a", "b", "c"};
    for (int i = 0; i < 64; ++i) {
        int pick[3] = {i % 4, (i / 4) % 4, i / 16};
        Tri v[3];
        for (Harness* h : {&all, &any, &mixed})
            h->c = blank_case(*h->rules);
        for (int k = 0; k < 3; ++k) {
            v[k] = states[pick[k]];
            for (Harness* h : {&all, &any, &mixed}) {
                if (pick[k] == 2) h->unknown(ids[k]);
                if (pick[k] < 2) h->set(ids[k], yes(v[k]));
            }
        }
        INFO("a=" << to_string(v[0]) << " b=" << to_string(v[1]) << " c=" << to_string(v[2])
                  << " (combination " << i << ")");
        CHECK(all.result() == tri_and(tri_and(v[0], v[1]), v[2]));
        CHECK(any.result() == tri_or(tri_or(v[0], v[1]), v[2]));
        CHECK(mixed.result() == tri_or(tri_not(v[0]), tri_and(v[1], tri_not(v[2]))));
    }
}

TEST_CASE("a choice comparison reads the answer only while its question may apply", "[expr]") {
    // `s == "y"` is read from s's option cells, which must follow the answer being set aside.
    auto loaded = fixture::load(
        fixture::yes_no("gate") +
        "[[question]]\nid = \"s\"\nprompt = \"s\"\ntype = \"choice\"\nchoices = [\"x\", \"y\", "
        "\"z\"]\ndomain = \"d\"\ncites = [\"src\"]\nask_when = \"gate\"\n"
        "[[fact]]\nid = \"is_y\"\nlabel = \"is y\"\ncites = [\"src\"]\nwhen = 's == \"y\"'\n"
        "[[fact]]\nid = \"not_y\"\nlabel = \"not y\"\ncites = [\"src\"]\nwhen = 's != \"y\"'\n"
        "[[fact]]\nid = \"y_or_z\"\nlabel = \"y or z\"\ncites = [\"src\"]\nwhen = 's in [\"y\", "
        "\"z\"]'\n");
    for (const auto& m : fixture::messages(loaded.diagnostics))
        INFO(m);
    REQUIRE(loaded.ok());
    const RuleSet& rs = *loaded.rules;
    auto status = [&](const Case& c, const char* id) {
        return evaluate(rs, c).slots[rs.symbol(id)->slot].status;
    };
    Case c = blank_case(rs);
    fixture::answer(rs, c, "s", Value::option(1));
    fixture::answer(rs, c, "gate", yes(T));
    CHECK(status(c, "is_y") == T);
    CHECK(status(c, "not_y") == F);
    CHECK(status(c, "y_or_z") == T);
    fixture::answer(rs, c, "gate", yes(F));  // s no longer applies: its answer is set aside
    CHECK(status(c, "is_y") == U);
    CHECK(status(c, "not_y") == U);
    CHECK(status(c, "y_or_z") == U);
    fixture::unknown(rs, c, "gate");  // may apply: the answer stands
    CHECK(status(c, "is_y") == T);
    fixture::answer(rs, c, "s", Value::option(0));
    CHECK(status(c, "is_y") == F);
    CHECK(status(c, "not_y") == T);
    CHECK(status(c, "y_or_z") == F);
}

TEST_CASE("the evaluation code reads every cell only after it is written", "[expr]") {
    // One forward pass over the runs is the whole evaluation, so each operation must come
    // after whatever it reads: constants and always-asked questions first, then in order.
    using namespace continuum::engine::expr;
    for (const char* set : {"surrey", "london-4"}) {
        INFO(set);
        auto loaded = continuum::engine::load_ruleset(std::filesystem::path(CONTINUUM_SOURCE_DIR) /
                                                      "rules" / set);
        REQUIRE(loaded.ok());
        const RuleSet& rs = *loaded.rules;
        const Machine& m = rs.machine;
        const Program& p = rs.program;
        std::vector<bool> cell(m.cell_count, false), reg(m.register_count, false);
        for (std::uint32_t k = 0; k < p.constants.size(); ++k)
            cell[m.constant_base + k] = true;
        cell[m.false_cell] = true;
        for (std::uint32_t slot = rs.questions.size(); slot < rs.slot_count; ++slot)
            if (m.initial[slot] == Tri::True) cell[slot] = true;  // holds without a condition
        auto set_question = [&](std::uint32_t q) {
            cell[q] = true;
            if (m.slot_registers[q] != kNoCell) reg[m.slot_registers[q]] = true;
            for (std::uint32_t k = 0; k < m.option_counts[q]; ++k)
                cell[m.option_cells[q] + k] = true;
        };
        for (std::uint32_t q : m.yes_no_asked)
            set_question(q);
        for (std::uint32_t q : m.other_asked)
            set_question(q);
        auto read_slot = [&](std::uint32_t slot) {
            const std::uint32_t r = m.slot_registers[slot];
            CHECK((r != kNoCell ? reg[r] : cell[slot]));
        };
        // What a node worked out on its own reads: its operands' cells and registers.
        std::function<void(std::uint32_t)> reads_of = [&](std::uint32_t node) {
            const Node& n = p.nodes[node];
            if (n.op == Op::Known || n.op == Op::DaysSince) return read_slot(n.slot);
            for (std::uint32_t i = 0; i < n.count; ++i) {
                const std::uint32_t k = p.child(n, i);
                const Node& c = p.nodes[k];
                if (c.op == Op::Load)
                    read_slot(c.slot);
                else if (c.type == ValueType::Bool && c.op != Op::Const)
                    CHECK(m.node_cells[k] != kNoCell);
                else if (c.op != Op::Const)
                    reads_of(k);
                if (c.type == ValueType::Bool && m.node_cells[k] != kNoCell)
                    CHECK(cell[m.node_cells[k]]);
            }
        };
        REQUIRE(m.steps.size() > 30);
        for (const Run& run : m.runs) {
            for (std::uint32_t i = run.begin; i < run.end; ++i) {
                switch (run.kind) {
                    case RunKind::Steps:
                        for (std::uint32_t in : m.steps[i].in)
                            CHECK(cell[in]);
                        cell[m.steps[i].out] = true;
                        break;
                    case RunKind::NumberTests:
                        CHECK(reg[m.number_tests[i].reg]);
                        cell[m.number_tests[i].out] = true;
                        break;
                    case RunKind::CountTests: {
                        const CountTest& t = m.count_tests[i];
                        for (std::uint32_t k = 0; k < t.count; ++k)
                            CHECK(cell[m.count_cells[t.first + k]]);
                        cell[t.out] = true;
                        break;
                    }
                    case RunKind::Questions:
                        CHECK(cell[m.asked[i].visible]);
                        set_question(m.asked[i].question);
                        break;
                    case RunKind::Combinations:
                        for (const CountedRule& r :
                             m.combinations[m.combination_ops[i].combination])
                            CHECK(cell[r.slot]);
                        cell[m.combination_ops[i].out] = true;
                        break;
                    case RunKind::Nodes:
                        reads_of(m.node_ops[i]);
                        cell[m.node_cells[m.node_ops[i]]] = true;
                        break;
                }
            }
        }
        for (std::uint32_t slot = 0; slot < rs.slot_count; ++slot)
            CHECK(cell[slot]);
    }
}
