// Loads a rule set: finds and reads its TOML files, has each file's definitions read
// (definition_reader.cpp), then the checks that need every file first (ids, references,
// conditions, evaluation order: resolve.cpp), and compiles the conditions.
//
// [SECTION] Files
// [SECTION] Entry points
#include "load.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "definition_reader.hpp"
#include "digest.hpp"
#include "family.hpp"
#include "invariant_ties.hpp"
#include "resolve.hpp"
#include "toml_reader.hpp"

namespace continuum::engine {

// [SECTION] Files

bool is_rule_file(const std::filesystem::path& relative) {
    if (relative.extension() != ".toml") return false;
    auto first = relative.begin();
    if (first == relative.end()) return false;
    std::string top = first->string();
    // Scenario tests, training packs and sample cases sit beside the rules but are not rules.
    return !(std::next(first) != relative.end() &&
             (top == "tests" || top == "training" || top == "cases"));
}

std::string not_a_toml_file(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec.value() == ELOOP)
        return "is a symbolic link that leads round in a loop (it points, in the end, back to "
               "itself), so it cannot be read";
    std::error_code link_ec;
    if (fs::is_symlink(fs::symlink_status(path, link_ec)) && !fs::exists(st))
        return fmt::format("is a symbolic link to {}, which does not exist",
                           fs::read_symlink(path, link_ec).string());
    if (ec) return "cannot be read: " + ec.message();
    if (fs::is_directory(st)) return "is a folder, not a file: it must be a file of TOML text";
    if (!fs::is_regular_file(st)) return "is not an ordinary file (a device, pipe or socket)";
    return {};
}

std::vector<RuleFileText> read_rule_files(const std::filesystem::path& folder, Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::vector<RuleFileText> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        diags.error(folder.string(), {}, "no-ruleset",
                    fs::exists(folder, ec) ? "not a folder: a rule set is a folder of .toml files"
                                           : "no such folder");
        return files;
    }
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        // Lexically: resolving a looping link to find the relative path would itself fail.
        fs::path rel = it->path().lexically_relative(folder);
        if (!is_rule_file(rel)) continue;
        if (std::string why = not_a_toml_file(it->path()); !why.empty()) {
            diags.error((folder / rel).string(), {}, "unreadable-file", why);
            it.disable_recursion_pending();  // a folder named *.toml is not searched either
            continue;
        }
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in.good() && !in.eof()) {
            diags.error((folder / rel).string(), {}, "unreadable-file", "cannot read this file");
            continue;
        }
        files.push_back({rel.generic_string(), text.str()});
    }
    if (ec) diags.error(folder.string(), {}, "unreadable-folder", "cannot list: " + ec.message());
    std::sort(files.begin(), files.end(), [](const RuleFileText& a, const RuleFileText& b) {
        return a.relative_path < b.relative_path;
    });
    return files;
}

namespace {

std::string join_path(const std::string& root, const std::string& rel) {
    if (root.empty()) return rel;
    return (std::filesystem::path(root) / rel).string();
}

}  // namespace

// [SECTION] Entry points

LoadResult load_ruleset_from_texts(const std::string& root, std::vector<RuleFileText> files) {
    LoadResult result;
    Diagnostics& d = result.diagnostics;
    auto rs = std::make_shared<RuleSet>();
    rs->root = root;
    rs->digest = ruleset_digest(files);

    std::vector<std::unique_ptr<SourceFile>> sources;
    std::vector<toml::table> docs;  // kept alive: pending conditions point into their files
    std::vector<PendingCondition> pending;
    bool seen_ruleset = false, seen_calendar = false;
    std::vector<std::string>
        unparsed;  // files with TOML syntax errors: their definitions are missing
    docs.reserve(files.size());
    for (auto& f : files) {
        rs->files.push_back(f.relative_path);
        auto file =
            std::make_unique<SourceFile>(join_path(root, f.relative_path), std::move(f.text));
        std::optional<toml::table> parsed = parse_toml(*file, d);
        if (!parsed) {
            unparsed.push_back(f.relative_path);
            sources.push_back(std::move(file));
            continue;
        }
        docs.push_back(std::move(*parsed));
        read_definitions(docs.back(), *file, *rs, pending, seen_ruleset, seen_calendar, d);
        sources.push_back(std::move(file));
    }
    if (files.empty())
        d.error(root, {}, "no-rule-files", "this folder holds no .toml rule files");
    else if (!seen_ruleset)
        d.error(root, {}, "missing-ruleset",
                "no file defines [ruleset] with its id, name and version (usually ruleset.toml)");
    if (!seen_calendar && !files.empty())
        d.warning(
            root, {}, "missing-calendar",
            "no [calendar] of bank holidays: due dates in working days will skip weekends only");

    resolve_ruleset(*rs, pending, d);
    resolve_family(*rs, d);
    resolve_invariant_ties(*rs, d);
    if (!unparsed.empty()) {
        // What the unreadable file defines looks undefined everywhere else: a cascade of
        // "unknown name" errors that hides the one real fault. Report the fault alone.
        std::size_t hidden =
            d.remove_codes({"unknown-identifier", "unknown-level", "unknown-action", "unknown-rule",
                            "unknown-domain", "unknown-choice", "dangling-citation"});
        if (hidden > 0)
            d.warning(
                root, {}, "references-not-checked",
                fmt::format(
                    "{} reference{} to undefined names not reported: {} could not be read and may "
                    "define them; fix the TOML error first, then lint again",
                    hidden, hidden == 1 ? "" : "s", fmt::join(unparsed, ", ")));
    }

    d.sort();
    d.cap_repeats();
    if (!d.has_errors()) {
        rs->machine = expr::build_machine(*rs);
        result.rules = std::move(rs);
    }
    return result;
}

LoadResult load_ruleset(const std::filesystem::path& folder) {
    Diagnostics read_diags;
    auto files = read_rule_files(folder, read_diags);
    if (read_diags.has_errors()) {
        LoadResult r;
        r.diagnostics = std::move(read_diags);
        return r;
    }
    LoadResult r = load_ruleset_from_texts(folder.string(), std::move(files));
    return r;
}

}  // namespace continuum::engine
