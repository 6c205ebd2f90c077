// Explanations built from what the evaluator wrote: for each definition, whether it fired,
// the first condition that failed and the values it read, or the unknown answers that kept it
// undetermined. One model, rendered as practitioner text, auditor detail and JSON elsewhere.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "case.hpp"
#include "outcome.hpp"
#include "ruleset/schema.hpp"

namespace continuum::engine {

struct ValueRead {
    std::string id;
    std::string value;  // "yes", "14", "Significant harm", "unknown", "not asked"
    bool question = false;
    // `value` is a whole phrase that names what was read ("3 earlier contacts about neglect in
    // the 12 months before the referral"): shown without the id.
    bool phrase = false;
};

struct TraceEntry {
    ItemKind kind = ItemKind::Fact;
    std::uint32_t index = 0;  // into the vector of its kind
    std::uint32_t slot = 0;
    std::string id;
    std::string says;   // the definition's own words (says / label / title)
    std::string level;  // level id for rules, combinations and triggers
    Tri status = Tri::Unknown;
    std::string condition;              // as written
    std::string failing;                // not fired: the first condition that was false
    std::vector<ValueRead> values;      // the values `failing` read (or, when fired, the condition)
    std::vector<std::string> blocking;  // undetermined: questions whose answers would settle it
    bool unless_blocked = false;        // the condition held but `unless` stopped it (or may)
    std::string unless, unless_says;
    std::vector<Citation> cites;
};

// The trace as data, in indices into the rule set and the outcome (no text), built with reused
// buffers so that tracing every case of a library costs little. TraceEntry renders it for people;
// the values a condition read are the leaves of `failing_node` (or of the condition) in the
// outcome.
struct TraceFacts {
    std::uint32_t slot = 0;
    std::uint32_t failing_node = expr::kNoNode;  // not fired: the first false part of the condition
    std::uint32_t blocking_begin = 0;            // undetermined: range of CompactTrace::blocking
    std::uint32_t blocking_count : 31 = 0;
    // not fired: the condition held but `unless` stopped it. A bit beside the count keeps an
    // entry at 16 bytes: a trace writes one for every definition of every case.
    std::uint32_t failed_on_unless : 1 = 0;
};
static_assert(sizeof(TraceFacts) == 16);

struct CompactTrace {
    std::vector<TraceFacts> entries;      // in build_trace's order
    std::vector<std::uint32_t> blocking;  // question slots, sorted within each entry's range
};

class Tracer {
  public:
    static constexpr std::uint32_t kInner = 1u << 31;  // see source_of
    static constexpr std::uint8_t kPending = 0x80;     // see Quick

    // Reads a truth where it is: a cell, or (kInner | i) the machine's i-th inner step.
    struct TruthReader {
        const Tri* t = nullptr;
        const expr::Step* inner = nullptr;
        const Tri* tables = nullptr;
        Tri operator()(std::uint32_t source) const {
            if (!(source & kInner)) [[likely]]
                return t[source];
            return expr::step_result(inner[source & ~kInner], tables, t);
        }
    };

    explicit Tracer(const RuleSet& rules);
    const RuleSet& rules() const { return rules_; }
    // A buffer callers may fill with blocking() instead of allocating their own.
    std::vector<std::uint32_t>& scratch_slots() { return scratch_slots_; }
    // Fills `out` for every fact, rule, combination, trigger, route, consent rule and
    // conditional action, reusing its capacity.
    void trace(const Case& c, const Outcome& o, CompactTrace& out);
    // Appends the question slots, unanswered or unknown, that keep `slot` undetermined (sorted,
    // no repeats).
    void blocking(const Case& c, const Outcome& o, std::uint32_t slot,
                  std::vector<std::uint32_t>& out);
    // One slot's facts; blocking questions are appended to `pool`.
    TraceFacts facts(const Case& c, const Outcome& o, std::uint32_t slot,
                     std::vector<std::uint32_t>& pool);
    // The first false part of a false condition (descending through `and`s).
    std::uint32_t first_false(const Outcome& o, std::uint32_t node) const;

  private:
    // The questions that keep a slot open are kept as bit sets, one bit per question (in slot
    // order), worked out once per slot and query and reused by every slot that reads it: a
    // whole trace costs one pass over the rule set, not one search per undetermined rule.
    using Word = std::uint64_t;
    // 16 bytes, read once per definition per case: the roots themselves are in main_root_ and
    // unless_root_, read only when a trace needs them.
    struct Traced {
        std::uint32_t slot;
        std::uint32_t main_source;  // where the condition's truth is read (source_of), or kNoCell
        // When the condition is an `and`: its parts, parts_[parts_first, parts_first +
        // parts_count).
        std::uint32_t parts_first = 0, parts_count = 0;

        // On parts_first: at most 32 parts, each read from a cell (none is an `and` or worked
        // out inside a step), so the first false one is found without branching on truths.
        static constexpr std::uint32_t kDirectParts = 1u << 31;
        std::uint32_t first_part() const { return parts_first & ~kDirectParts; }
        bool direct_parts() const { return (parts_first & kDirectParts) != 0; }
    };
    // A part of a traced condition's top `and`, laid out in trace order so that finding the
    // first false part reads one array front to back instead of the program's nodes, children
    // and sources scattered by node number (most of a trace's cache misses).
    static constexpr std::uint32_t kAndPart = 1u << 31;  // on `node`: the part is an `and`
    struct Part {
        std::uint32_t source;  // source_of the part
        std::uint32_t node;    // the part's node, with kAndPart when it is an `and`
    };
    // What the trace's first pass reads of a definition it can settle (trace.cpp,
    // build_quick): the cells its condition is worked out from, at most four, and a table
    // from their base-3 index (as a step computes it) to its first false part, none when it
    // holds, and whether it is undetermined (kPending). A definition the first pass cannot
    // settle reads table 0, pending whatever the truths.
    struct Quick {
        std::uint32_t slot = 0;
        std::uint32_t table = 0;  // in first_false_tables_: 81 entries
        std::uint32_t nodes = 0;  // in quick_nodes_: the parts' nodes, the whole condition, none
        std::array<std::uint32_t, 4> in{};
    };
    void build_quick();
    std::uint32_t pooled(const std::array<std::uint8_t, 81>& table);
    Quick quick(const Traced& d, const std::vector<std::uint32_t>& writer,
                std::vector<Tri>& scratch);
    Traced traced(std::uint32_t slot) const {
        const std::uint32_t main = main_root_[slot];
        return {slot, main == expr::kNoNode ? expr::kNoCell : source_of(main)};
    }
    // Where a yes/no node's truth is read: its cell, or kInner | its inner step (machine.hpp).
    std::uint32_t source_of(std::uint32_t node) const;
    std::uint32_t descend(const Outcome& o, std::uint32_t node) const;
    void begin_query(const Outcome& o);
    const Word* open_questions(const Case& c, const Outcome& o, std::uint32_t slot);
    void add_open_questions(const Case& c, const Outcome& o, std::uint32_t node, Word* into);
    // A whole trace walks conditions' open parts front to back instead (build_open_nodes):
    // every traced condition in preorder, one entry a node, so that a part that is not open
    // is passed over by skipping its subtree's size, with no stack and no node records.
    enum class OpenKind : std::uint8_t {
        Never,      // a constant or known(): never open
        Always,     // count(): open through whichever of its operands are
        IfUnknown,  // a yes/no operator: open while its truth is unknown
        Leaf,       // a load, days_since or contact query: see OpenLeaf
    };
    enum class OpenLeaf : std::uint8_t { Truth, Value, Contacts };  // how to tell it is open
    struct OpenNode {
        OpenKind kind = OpenKind::Never;
        OpenLeaf leaf = OpenLeaf::Truth;
        std::uint32_t size = 1;    // entries of its subtree, itself included
        std::uint32_t source = 0;  // IfUnknown, OpenLeaf::Truth: where its truth is read
        std::uint32_t slot = 0;    // Leaf: the slot it reads
        std::uint32_t node = 0;    // Leaf: its node
    };
    void build_open_nodes();
    void add_open_nodes(std::uint32_t node);
    void walk_open_nodes(const Case& c, const Outcome& o, std::uint32_t node, Word* into);
    void add_open_load(const Case& c, const Outcome& o, std::uint32_t slot, Word* into);
    void append_slots(const Word* set, std::vector<std::uint32_t>& out) const;
    void blocking_in_query(const Case& c, const Outcome& o, std::uint32_t slot,
                           std::vector<std::uint32_t>& out);
    void facts_in_query(const Case& c, const Outcome& o, const Traced& d,
                        std::vector<std::uint32_t>& pool, TraceFacts& into);
    // A condition node's value in `o` (loads and constants are read from where they live).
    Value value(const Outcome& o, std::uint32_t node) const;
    // A yes/no node's truth: read from its cell, or worked out from the cells around it.
    Tri truth(const Outcome& o, std::uint32_t node) const;
    Tri worked_out(const Outcome& o, std::uint32_t node) const;

    const RuleSet& rules_;
    std::size_t words_ = 0;                   // per set
    std::vector<std::uint32_t> bit_of_;       // by slot: its question's bit, or kNone
    std::vector<std::uint32_t> slot_of_bit_;  // by bit: the question's slot
    std::vector<std::uint32_t> main_root_;    // by slot: its condition's root, or kNoNode
    std::vector<std::uint32_t> unless_root_;  // by slot: its `unless` root, or kNoNode
    std::vector<Traced> traced_;              // the slots a trace covers, in its order
    std::vector<Part> parts_;                 // the top `and`s' parts of traced_, in its order
    std::vector<Quick> quick_;                // parallel to traced_
    std::vector<std::uint8_t> first_false_tables_;
    std::vector<std::uint32_t> quick_nodes_;
    std::vector<std::uint32_t> pending_;        // a trace's second pass: indices into traced_
    std::vector<std::uint32_t> child_sources_;  // parallel to Program::children: source_of
    std::vector<std::uint32_t> node_sources_;   // by node: source_of
    TruthReader query_;                         // the outcome of the query under way
    std::vector<std::uint32_t> walk_;           // nodes still to look at, add_open_questions
    std::vector<OpenNode> open_nodes_;          // see build_open_nodes
    std::vector<std::uint32_t> open_at_;        // by node: where its subtree is, or kNone
    std::vector<Word> sets_;                    // by slot, words_ each
    std::vector<std::uint32_t> done_;           // by slot: the query stamp its set belongs to
    std::vector<Word> scratch_;
    std::vector<std::uint32_t> scratch_slots_;
    std::uint32_t stamp_ = 0;
};

// "fired" / "not_fired" / "undetermined"
const char* trace_status(Tri t);

TraceEntry trace_entry(const RuleSet& rules, const Case& c, const Outcome& o, std::uint32_t slot);
// The words for one entry of a compact trace.
TraceEntry render_trace_entry(const RuleSet& rules, const Case& c, const Outcome& o,
                              const TraceFacts& facts,
                              const std::vector<std::uint32_t>& blocking_pool);

// Every fact, rule, combination, trigger, route, consent rule and conditional action, in that
// order and in the order they are written.
std::vector<TraceEntry> build_trace(const RuleSet& rules, const Case& c, const Outcome& o);

// The questions, unanswered or unknown, that keep `slot` undetermined.
std::vector<std::uint32_t> blocking_questions(const RuleSet& rules, const Case& c, const Outcome& o,
                                              std::uint32_t slot);

// The slots that make up the suggested level: everything that fired at that level.
std::vector<std::uint32_t> level_reasons(const RuleSet& rules, const Outcome& o);
// Undetermined rules, combinations and triggers that point above the suggested level.
std::vector<std::uint32_t> higher_level_candidates(const RuleSet& rules, const Outcome& o);

}  // namespace continuum::engine
