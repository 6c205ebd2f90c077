// A loaded rule set: what a folder of TOML files defines, with every condition compiled
// into one Program and every definition placed in one evaluation order.
// The keys of the files are documented for policy officers in rules/README.md.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../date_time.hpp"
#include "../diagnostics.hpp"
#include "../expr/compile.hpp"
#include "../expr/machine.hpp"
#include "../expr/program.hpp"

namespace continuum::engine {

inline constexpr std::uint32_t kNone = UINT32_MAX;

// Where something was written: for messages and for the Rules view.
struct Origin {
    std::string file;  // path as given to the loader, joined with the file's relative path
    SourcePos pos;
};

struct Citation {
    std::string source;    // a Source id
    std::string pinpoint;  // optional part after '#': "para 3.14"
    Origin origin;         // where the citation was written
};

// A condition as written and as compiled.
struct Condition {
    std::string text;
    std::uint32_t root = expr::kNoNode;
    bool present() const { return !text.empty(); }
};

struct Source {
    std::string id, title, publisher, date, url, text;
    std::vector<std::string> sections;  // parts cited by name ("s47(1)(b)"); see pinpoint.hpp
    Origin origin;
};

struct Level {
    std::string id, name, band, colour, description;
    std::vector<std::string> actions;
    std::vector<std::uint32_t> action_indices;  // parallel to actions, into RuleSet::actions
    std::vector<Citation> cites;
    Origin origin;
};

struct Domain {
    std::string id, title, description;
    Origin origin;
};

// Chronology: the one question a [chronology] defines (id "chronology"), answered with the dated
// earlier contacts rather than a value (chronology.hpp).
enum class AnswerType : std::uint8_t { YesNo, Choice, Number, Date, Text, Chronology };

// How a question or a derived fact reads inside an explanation, in the rule set's own words
// (rules/README.md, "Words for explanations"). Clauses in lower case that fit after
// "because" or "it turns on": yes "the harm has been corroborated", no "the harm has not been
// corroborated", open "whether the harm has been corroborated" (read as "... is not known").
// `answer` is for questions answered with a choice, number or date: "the child is {answer}
// old". Empty when the rule set does not say; lint warns.
struct Statement {
    std::string yes, no, open, answer;
};

struct ChoiceOption {
    std::string id, label;
};

struct Question {
    std::string id, prompt, help, domain, subdomain, unit;
    AnswerType type = AnswerType::YesNo;
    std::vector<ChoiceOption> choices;
    std::vector<std::string> choice_ids;  // parallel to choices, for the compiler
    std::optional<double> min, max;
    Statement words;
    bool protected_source = false;  // golden rule 5: the answer can identify who told us
    Condition ask_when;
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
    std::uint32_t domain_index = kNone;
};

// The rule set's [chronology]: the terms earlier contacts are recorded in (who raised each, what
// it was about, how it ended) and the question the triage step shows the chronology under.
inline constexpr const char* kChronologyId = "chronology";

struct ChronologyTerms {
    bool declared = false;
    std::uint32_t question = kNone;                           // index into RuleSet::questions
    std::vector<ChoiceOption> sources, categories, outcomes;  // labels read mid-sentence
    std::vector<std::string> source_ids, category_ids, outcome_ids;  // parallel, for the compiler
    Origin origin;
};

struct Fact {
    std::string id, label;
    Statement words;
    bool guard = false;  // a precondition most cases meet: explanations say it only when false
    Condition when;
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
};

// An indicator: a condition that points to a level, unless a protective factor holds.
struct LevelRule {
    std::string id, level, domain, subdomain, says, unless_says;
    Condition when, unless;
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
    std::uint32_t level_index = kNone;
    std::uint32_t domain_index = kNone;
};

// Several indicators together point higher: at least N of them, across at least D domains.
struct Combination {
    std::string id, level, says, counts_level;
    std::vector<std::string> of;  // explicit rule ids, or empty to count counts_level's rules
    std::uint32_t at_least = 1, across_domains = 1;
    Statement words;  // yes defaults to `says`
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
    std::uint32_t level_index = kNone;
    std::vector<std::uint32_t> counted;  // indices into RuleSet::rules
};

struct Trigger {
    std::string id, title, says, level;
    Condition when;
    std::vector<std::string> actions;
    std::vector<std::uint32_t> action_indices;  // parallel to actions
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
    std::uint32_t level_index = kNone;  // kNone: the trigger sets no minimum level
};

enum class Standard : std::uint8_t { Suspect, Believe, Likely, Appears, CourtSatisfied };

struct Route {
    std::string id, title, section, says, unless_says;
    Standard standard = Standard::Suspect;
    Condition test, unless;
    std::vector<std::string> actions, actions_if_cannot_rule_out;
    std::vector<std::uint32_t> action_indices, if_cannot_rule_out_indices;  // parallel to those
    std::string wording_met, wording_not_met, wording_cannot_rule_out;
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
};

enum class TimeUnit : std::uint8_t { None, WorkingDays, CalendarDays, Hours };

struct Timescale {
    TimeUnit unit = TimeUnit::None;
    std::int32_t amount = 0;
};

struct Action {
    std::string id, title, says, after;  // after: an action id; empty means the referral
    Timescale due;
    Condition when;  // optional: the action is also needed on its own
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;  // only when `when` is present
    std::uint32_t after_index = kNone;
};

enum class ConsentKind : std::uint8_t { Requirement, Position, Prompt };

struct ConsentRule {
    std::string id, says;
    ConsentKind kind = ConsentKind::Prompt;
    Condition when;
    std::vector<Citation> cites;
    Origin origin;
    std::uint32_t slot = kNone;
};

struct RuleSetInfo {
    std::string id, name, version, area, description;
    Origin origin;
};

struct Calendar {
    std::string region;
    std::vector<DayNumber> bank_holidays;      // sorted
    DayNumber covers_from = 0, covers_to = 0;  // 1 Jan of the first year .. 31 Dec of the last
    std::vector<Citation> cites;
    Origin origin;
};

// The family summary's wording: a plain-English letter to the child's parents or carers (and
// one to a young person), its paragraphs chosen by what holds in the case. Never evaluated:
// the summary reads the outcome (rules/README.md, "The family summary").
enum class FamilyPart : std::uint8_t { Concern, Next, Choice };

// Words for the child's parents or carers, and for a young person reading about themselves.
struct FamilyWords {
    std::string parents, young_person;
};

struct FamilyText {
    std::string id;
    FamilyPart part = FamilyPart::Concern;
    std::vector<std::string> if_any;  // ids of which any one must hold; empty: always
    FamilyWords words;                // no young person's words: left out of their summary
    std::vector<Citation> cites;
    Origin origin;
    // Resolved from if_any.
    std::vector<std::uint32_t> slots;    // facts, rules, combinations, triggers, routes, consent
    std::vector<std::uint32_t> levels;   // the suggested level is one of these
    std::vector<std::uint32_t> actions;  // needed now; "{by}" in the words is the first's due date
};

// The letter around the texts. A young person's form left empty: the parents' words serve.
struct FamilyLetter {
    bool present = false;
    FamilyWords title, opening, concern_heading, no_concern, next_heading, nothing_next,
        choice_heading, contact_heading, contact, closing;
    // When any of these holds (e.g. seeking consent would increase the risk), no summary is
    // made: the practitioner is told why instead (`withheld_says`).
    std::vector<std::string> withhold_if;
    std::vector<std::uint32_t> withhold_slots;
    std::string withheld_says;
    std::vector<Citation> cites;
    Origin origin;
};

// What a rule set promises about its own outcomes, written as [invariants] and checked over
// generated cases by `continuum test --invariants` (policy/invariants.hpp).
struct RouteLevelTie {
    std::string route, level;  // the route being met implies at least this level
    Origin origin;
    std::uint32_t route_index = kNone, level_index = kNone;
};

struct InvariantTies {
    bool declared = false;
    Origin origin;
    std::vector<RouteLevelTie> route_levels;
    std::string child_in_need_level;  // s17 not met implies a level below this one
    std::uint32_t child_in_need_level_index = kNone;
    // What "at least a referral" means for a fired always-refer trigger: this level or above,
    // one of these routes met, or one of these actions called for.
    std::string referral_level;
    std::uint32_t referral_level_index = kNone;
    std::vector<std::string> referral_routes, referral_actions;
    std::vector<std::uint32_t> referral_route_indices, referral_action_indices;
};

// One entry of the evaluation order.
enum class ItemKind : std::uint8_t {
    Question,
    Fact,
    Rule,
    Combination,
    Trigger,
    Route,
    Action,
    Consent
};

struct Item {
    ItemKind kind;
    std::uint32_t index;  // into the vector of its kind
    std::uint32_t slot;
};

struct RuleSet {
    std::string root;  // folder as given
    RuleSetInfo info;
    Calendar calendar;
    std::vector<Source> sources;
    std::vector<Level> levels;  // in order, lowest first
    std::vector<Domain> domains;
    std::vector<Question> questions;
    std::vector<Fact> facts;
    std::vector<LevelRule> rules;
    std::vector<Combination> combinations;
    std::vector<Trigger> triggers;
    std::vector<Route> routes;
    std::vector<Action> actions;
    std::vector<ConsentRule> consents;
    FamilyLetter family_letter;
    std::vector<FamilyText> family_texts;
    InvariantTies invariants;
    ChronologyTerms chronology;

    expr::Program program;
    std::vector<expr::Symbol> symbols;  // by slot
    std::vector<std::string> symbol_names;
    std::map<std::string, std::uint32_t, std::less<>> slot_by_id;
    std::vector<Item> order;       // topological: everything a definition reads comes before it
    std::vector<Item> slot_items;  // by slot: what the slot holds
    std::vector<std::vector<std::uint32_t>> reads;  // by slot: the slots its conditions read
    std::uint32_t slot_count = 0;
    expr::Machine machine;  // the above as evaluation runs it, built once the rules load

    std::vector<std::string> files;  // relative paths of the rule files, sorted
    std::string digest;              // SHA-256 (hex) over the files' paths and bytes

    // Lookups; kNone when absent.
    std::uint32_t level_index(std::string_view id) const;
    std::uint32_t question_index(std::string_view id) const;
    std::uint32_t route_index(std::string_view id) const;
    std::uint32_t trigger_index(std::string_view id) const;
    std::uint32_t action_index(std::string_view id) const;
    std::uint32_t source_index(std::string_view id) const;
    const expr::Symbol* symbol(std::string_view id) const;
    // The id, kind and citations of whatever is defined under this id (for the trace).
    std::string_view id_of_slot(std::uint32_t slot) const { return symbols[slot].id; }
};

const char* to_string(Standard s);     // "suspect"
const char* describe(Standard s);      // "reasonable cause to suspect"
const char* to_string(AnswerType t);   // "yes_no"
const char* to_string(ItemKind k);     // "rule"
const char* to_string(ConsentKind k);  // "requirement"

}  // namespace continuum::engine
