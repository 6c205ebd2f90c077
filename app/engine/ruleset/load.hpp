// Loading a rule set: read the folder's TOML files, check them, compile every condition.
// All faults are collected as positioned diagnostics in one pass.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../diagnostics.hpp"
#include "schema.hpp"

namespace continuum::engine {

struct RuleFileText {
    std::string relative_path;  // e.g. "routes/s47.toml"
    std::string text;
};

struct LoadResult {
    std::shared_ptr<const RuleSet> rules;  // null when there are errors
    Diagnostics diagnostics;               // errors and warnings, sorted by position
    bool ok() const { return rules != nullptr; }
};

// Folders under a rule set that hold other things than rules.
bool is_rule_file(const std::filesystem::path& relative);

// Why a path named like a TOML file (a rule file, a scenario test, a training pack) cannot be
// read as one: a folder, a symbolic link that loops or leads nowhere, a device; "" for an
// ordinary file. Skipping it quietly would leave everything it defines undefined.
std::string not_a_toml_file(const std::filesystem::path& path);

// Reads every rule file under `folder` (see is_rule_file).
LoadResult load_ruleset(const std::filesystem::path& folder);

// The same from texts in memory; `root` names the folder in messages.
LoadResult load_ruleset_from_texts(const std::string& root, std::vector<RuleFileText> files);

// Reads the rule files' texts, sorted by path; unreadable files become diagnostics.
std::vector<RuleFileText> read_rule_files(const std::filesystem::path& folder, Diagnostics& diags);

}  // namespace continuum::engine
