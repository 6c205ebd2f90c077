// What the Rules view shows: the active rule set as a browsable catalogue, the hot-reload
// status, the impact of the active rules against a base over a case library, and the diff
// against another folder. Built by the session (rules_tools.hpp, impact_job.hpp), never by a
// view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/trace.hpp"
#include "policy/impact.hpp"
#include "policy/rule_diff.hpp"

namespace continuum::ui {

enum class RulesTab { Browse, Diagnostics, Impact, Diff };
enum class RulesGrouping { Level, Domain, Route };

// One definition that decides something, in words.
struct CatalogueEntry {
    std::string kind;  // "rule", "combination", "trigger", "route"
    std::string id;
    std::string level, level_name;     // rules, combinations, triggers (a minimum level)
    std::string domain, domain_title;  // rules
    std::string title;                 // routes and triggers
    std::string says;
    std::string condition;  // readable: operators in words, answers by their labels
    std::string unless, unless_says;
    std::vector<std::string> glossary;  // "born: Has the child been born?" for each name read
    std::string citations;              // in words
    std::string written_at;             // FILE:LINE:COL
};

// A changed case opened from the impact list: what each rule set makes of it.
struct ImpactCase {
    std::size_t change = 0;  // index into ImpactReport::changes
    std::string ref;
    std::string error;  // why it could not be re-read
    std::string base_level, candidate_level;
    std::vector<engine::TraceEntry> base_trace, candidate_trace;  // fired or undetermined only
    std::vector<bool> base_differs, candidate_differs;  // by entry: not so on the other side
};

struct ImpactState {
    bool running = false;
    std::string library;     // the case library file
    std::string base_label;  // "the rules as they were at start (surrey 1.4.0)" or a folder
    std::string error;       // why it could not run (no library, base rules broken, ...)
    std::optional<engine::ImpactReport> report;
    double seconds = 0;  // how long the last run took
    unsigned runs = 0;   // completed runs
    std::optional<ImpactCase> opened;
};

struct DiffState {
    std::string folder;  // the other rule set
    std::string error;
    std::string before_label, after_label;
    std::optional<engine::RuleDiff> diff;
    std::vector<std::string> cites_before, cites_after;  // by entry: the citations in words
};

struct RulesViewState {
    bool open = false;
    RulesTab tab = RulesTab::Browse;
    std::vector<CatalogueEntry> catalogue;  // of the rules in use, rebuilt on each good load
    std::string watch_status;               // "Watching 18 rule files in ..." or a problem
    ImpactState impact;
    DiffState diff;
};

// Buffers the Rules view edits in place.
struct RulesScratch {
    std::string search;
    RulesGrouping grouping = RulesGrouping::Level;
    std::string library;  // "" until first shown: then the rule set's cases/library.jsonl
    bool base_is_start = true;
    std::string base_folder;  // when the base is another folder
    std::string diff_folder;
    bool outcome_only = true;                 // impact: hide cases whose reasoning alone changed
    int group_filter = -1;                    // impact: list only this responsible group's cases
    std::optional<std::pair<int, int>> cell;  // impact: list only this level transition
};

}  // namespace continuum::ui
