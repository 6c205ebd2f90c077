// Ordering the machine's operations: each is placed in the level after the latest of the
// operations it reads from, and within a level those of one kind run together (machine.hpp).
#pragma once
#include <cstdint>
#include <vector>

#include "machine.hpp"

namespace continuum::engine::expr {

// A place an operation reads or writes: a cell, or a register (the top bit set).
inline constexpr std::uint32_t kRegisterBit = 1u << 31;
inline std::uint32_t register_location(std::uint32_t reg) {
    return reg | kRegisterBit;
}

// The operations of each kind, in the order they were made.
struct Operations {
    std::vector<Step> steps;
    std::vector<Tri> step_tables;
    std::vector<NumberTest> number_tests;
    std::vector<CountTest> count_tests;
    std::vector<std::uint32_t> count_cells;
    std::vector<Tri> count_tables;
    std::vector<AskedQuestion> asked;
    std::vector<CombinationOp> combination_ops;
    std::vector<std::uint32_t> node_ops;
};

struct PendingOp {
    RunKind kind = RunKind::Steps;
    CmpOp op = CmpOp::Equal;     // NumberTests
    bool constant_left = false;  // NumberTests
    std::uint8_t inputs = 0;     // Steps: how many of its inputs it reads
    std::uint32_t index = 0;     // into the Operations list of its kind
    std::vector<std::uint32_t> reads, writes;
};

// Fills the machine's code (runs and the operations they run) from operations listed in an
// order where each comes after everything it reads.
void schedule_code(const std::vector<PendingOp>& pending, const Operations& ops, Machine& m);

}  // namespace continuum::engine::expr
