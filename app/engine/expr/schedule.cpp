#include "schedule.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace continuum::engine::expr {

namespace {

// Within a level the kinds run in this order, and in the reverse order in the next level, so
// that the last run of one level and the first of the next are of one kind and join up.
int kind_rank(RunKind kind, std::uint32_t level) {
    int rank = 0;
    switch (kind) {
        case RunKind::NumberTests:
            rank = 0;
            break;
        case RunKind::CountTests:
            rank = 1;
            break;
        case RunKind::Nodes:
            rank = 2;
            break;
        case RunKind::Combinations:
            rank = 3;
            break;
        case RunKind::Questions:
            rank = 4;
            break;
        case RunKind::Steps:
            rank = 5;
            break;
    }
    return level % 2 == 1 ? rank : 5 - rank;
}

// The level of everything written so far, by cell and by register; 0 for what is set before
// the code runs (answers, constants).
class Levels {
  public:
    std::uint32_t& at(std::uint32_t location) {
        auto& v = (location & kRegisterBit) ? registers_ : cells_;
        const std::uint32_t i = location & ~kRegisterBit;
        if (i >= v.size()) v.resize(i + 1, 0);
        return v[i];
    }

  private:
    std::vector<std::uint32_t> cells_, registers_;
};

}  // namespace

void schedule_code(const std::vector<PendingOp>& pending, const Operations& ops, Machine& m) {
    Levels levels;
    std::vector<std::uint32_t> level(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        std::uint32_t l = 0;
        for (std::uint32_t r : pending[i].reads)
            l = std::max(l, levels.at(r));
        level[i] = l + 1;
        for (std::uint32_t w : pending[i].writes)
            levels.at(w) = level[i];
    }
    std::vector<std::size_t> order(pending.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](std::size_t i) {
        const PendingOp& p = pending[i];
        return std::make_tuple(level[i], kind_rank(p.kind, level[i]), static_cast<int>(p.op),
                               p.constant_left, p.inputs, i);
    };
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    m.step_tables = ops.step_tables;
    m.count_tables = ops.count_tables;
    for (std::size_t i : order) {
        const PendingOp& p = pending[i];
        std::uint32_t at = 0;
        switch (p.kind) {
            case RunKind::Steps:
                at = static_cast<std::uint32_t>(m.steps.size());
                m.steps.push_back(ops.steps[p.index]);
                break;
            case RunKind::NumberTests:
                at = static_cast<std::uint32_t>(m.number_tests.size());
                m.number_tests.push_back(ops.number_tests[p.index]);
                break;
            case RunKind::CountTests: {
                at = static_cast<std::uint32_t>(m.count_tests.size());
                CountTest t = ops.count_tests[p.index];
                const auto first = static_cast<std::uint32_t>(m.count_cells.size());
                m.count_cells.insert(m.count_cells.end(), ops.count_cells.begin() + t.first,
                                     ops.count_cells.begin() + t.first + t.count);
                t.first = first;
                m.count_tests.push_back(t);
                break;
            }
            case RunKind::Questions:
                at = static_cast<std::uint32_t>(m.asked.size());
                m.asked.push_back(ops.asked[p.index]);
                break;
            case RunKind::Combinations:
                at = static_cast<std::uint32_t>(m.combination_ops.size());
                m.combination_ops.push_back(ops.combination_ops[p.index]);
                break;
            case RunKind::Nodes:
                at = static_cast<std::uint32_t>(m.node_ops.size());
                m.node_ops.push_back(ops.node_ops[p.index]);
                break;
        }
        Run* last = m.runs.empty() ? nullptr : &m.runs.back();
        if (last && last->kind == p.kind &&
            (p.kind != RunKind::NumberTests ||
             (last->op == p.op && last->constant_left == p.constant_left)) &&
            last->inputs == p.inputs) {
            last->end = at + 1;
            continue;
        }
        m.runs.push_back({p.kind, p.op, p.constant_left, p.inputs, at, at + 1});
    }
}

}  // namespace continuum::engine::expr
