#include "machine.hpp"

#include "../ruleset/schema.hpp"

namespace continuum::engine::expr {

namespace {

class Builder {
  public:
    Builder(const RuleSet& rs, Machine& m) : rs_(rs), p_(rs.program), m_(m) {}

    void build() {
        const auto nodes = static_cast<std::uint32_t>(p_.nodes.size());
        const std::uint32_t node_base = rs_.slot_count;
        m_.constant_base = node_base + nodes;
        std::uint32_t next = m_.constant_base + static_cast<std::uint32_t>(p_.constants.size());
        m_.node_cells.resize(nodes);
        m_.shapes.reserve(nodes);
        for (std::uint32_t id = 0; id < nodes; ++id) {
            const Node& n = p_.nodes[id];
            m_.shapes.push_back({n.op, n.type, n.slot, n.first, n.count});
            m_.node_cells[id] = n.op == Op::Load    ? n.slot
                                : n.op == Op::Const ? m_.constant_base + n.slot
                                                    : node_base + id;
        }
        m_.option_cells.assign(rs_.questions.size(), kNoCell);
        for (std::size_t q = 0; q < rs_.questions.size(); ++q) {
            if (rs_.questions[q].choice_ids.empty()) continue;
            m_.option_cells[q] = next;
            next += static_cast<std::uint32_t>(rs_.questions[q].choice_ids.size());
        }
        next_cell_ = next;
        for (const Combination& c : rs_.combinations) {
            auto& counted = m_.combinations.emplace_back();
            for (std::uint32_t r : c.counted)
                counted.push_back({rs_.rules[r].slot, rs_.rules[r].domain_index});
        }
        for (const Item& item : rs_.order)
            add(item);
        m_.cell_count = next_cell_;
        // Every cell starts unknown but the constants (and the one "true" cell, if used).
        m_.initial.assign(m_.cell_count, Tri::Unknown);
        for (std::size_t k = 0; k < p_.constants.size(); ++k)
            m_.initial[m_.constant_base + k] = p_.constants[k].truth;
        if (true_cell_ != kNoCell) m_.initial[true_cell_] = Tri::True;
    }

  private:
    void add(const Item& item) {
        switch (item.kind) {
            case ItemKind::Question: {
                const Condition& ask = rs_.questions[item.index].ask_when;
                if (!usable(ask)) {
                    m_.always_asked.push_back(item.index);
                    return;
                }
                std::uint32_t visible = condition(ask);
                m_.code.push_back({Code::Question, item.index, visible, item.slot});
                return;
            }
            case ItemKind::Fact:
                return define(item.slot, kNone, rs_.facts[item.index].when, nullptr);
            case ItemKind::Rule: {
                const LevelRule& r = rs_.rules[item.index];
                return define(item.slot, r.level_index, r.when, &r.unless);
            }
            case ItemKind::Combination:
                m_.code.push_back({Code::Combination, item.index, 0, item.slot});
                m_.definitions.push_back(
                    {item.slot, rs_.combinations[item.index].level_index, kNoCell, kNoCell});
                return;
            case ItemKind::Trigger: {
                const Trigger& t = rs_.triggers[item.index];
                return define(item.slot, t.level_index, t.when, nullptr);
            }
            case ItemKind::Route: {
                const Route& r = rs_.routes[item.index];
                return define(item.slot, kNone, r.test, &r.unless);
            }
            case ItemKind::Action:
                return define(item.slot, kNone, rs_.actions[item.index].when, nullptr);
            case ItemKind::Consent:
                return define(item.slot, kNone, rs_.consents[item.index].when, nullptr);
        }
    }

    static bool usable(const Condition& c) { return c.present() && c.root != kNoNode; }

    // `when and not unless` into the slot (a definition without a condition holds).
    void define(std::uint32_t slot, std::uint32_t level, const Condition& when,
                const Condition* unless) {
        Definition d{slot, level, kNoCell, kNoCell};
        if (usable(when)) d.when = condition(when);
        if (unless && usable(*unless)) d.unless = condition(*unless);
        if (d.when == kNoCell) {
            m_.code.push_back({Code::Copy, true_cell(), true_cell(), slot});
        } else if (d.unless == kNoCell) {
            m_.code.push_back({Code::Copy, d.when, d.when, slot});
        } else {
            std::uint32_t not_unless = next_cell_++;
            m_.code.push_back({Code::Not, d.unless, d.unless, not_unless});
            m_.code.push_back({Code::And, d.when, not_unless, slot});
        }
        m_.definitions.push_back(d);
    }

    std::uint32_t true_cell() {
        if (true_cell_ == kNoCell) true_cell_ = next_cell_++;
        return true_cell_;
    }

    // Emits a condition's computing nodes in post-order; returns the cell of its truth.
    std::uint32_t condition(const Condition& c) {
        const Expression& e = p_.expressions[p_.nodes[c.root].expression];
        for (std::uint32_t i = 0; i < e.schedule_count; ++i)
            node(p_.schedule[e.schedule_first + i]);
        return m_.node_cells[c.root];
    }

    std::uint32_t cell(std::uint32_t node) const { return m_.node_cells[node]; }
    std::uint32_t child_cell(const Node& n, std::uint32_t i) const {
        return cell(p_.children[n.first + i]);
    }

    void chain(Code code, const Node& n, std::uint32_t out) {
        if (n.count == 1) {
            std::uint32_t a = child_cell(n, 0);
            m_.code.push_back({Code::Copy, a, a, out});
            return;
        }
        m_.code.push_back({code, child_cell(n, 0), child_cell(n, 1), out});
        for (std::uint32_t i = 2; i < n.count; ++i)
            m_.code.push_back({code, out, child_cell(n, i), out});
    }

    // The question a choice comparison reads, and the option it compares with, if it is
    // `q == "X"` or `q != "X"` (either way round).
    bool choice_option(const Node& n, std::uint32_t& option_cell) const {
        if (n.op != Op::Compare || n.operand_type != ValueType::Choice || n.count != 2)
            return false;
        const Node& a = p_.nodes[p_.children[n.first]];
        const Node& b = p_.nodes[p_.children[n.first + 1]];
        const Node* load = a.op == Op::Load ? &a : b.op == Op::Load ? &b : nullptr;
        const Node* lit = a.op == Op::Const ? &a : b.op == Op::Const ? &b : nullptr;
        if (!load || !lit) return false;
        std::int32_t choice = p_.constants[lit->slot].choice;
        const Item& item = rs_.slot_items[load->slot];
        if (item.kind != ItemKind::Question || choice < 0) return false;
        std::uint32_t first = m_.option_cells[item.index];
        if (first == kNoCell ||
            static_cast<std::size_t>(choice) >= rs_.questions[item.index].choice_ids.size())
            return false;
        option_cell = first + static_cast<std::uint32_t>(choice);
        return true;
    }

    void node(std::uint32_t id) {
        const Node& n = p_.nodes[id];
        const std::uint32_t out = m_.node_cells[id];
        std::uint32_t option = 0;
        switch (n.op) {
            case Op::Not:
                m_.code.push_back({Code::Not, child_cell(n, 0), child_cell(n, 0), out});
                return;
            case Op::And:
                return chain(Code::And, n, out);
            case Op::Or:
                return chain(Code::Or, n, out);
            case Op::Compare:
                if (choice_option(n, option)) {
                    if (n.cmp == CmpOp::Equal)
                        m_.node_cells[id] = option;  // the option's own cell
                    else
                        m_.code.push_back({Code::Not, option, option, out});
                    return;
                }
                break;
            default:
                break;
        }
        m_.code.push_back({Code::Node, id, 0, out});
    }

    const RuleSet& rs_;
    const Program& p_;
    Machine& m_;
    std::uint32_t next_cell_ = 0;
    std::uint32_t true_cell_ = kNoCell;
};

}  // namespace

Machine build_machine(const RuleSet& rules) {
    Machine m;
    Builder(rules, m).build();
    return m;
}

}  // namespace continuum::engine::expr
