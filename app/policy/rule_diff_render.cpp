#include "rule_diff_render.hpp"

#include <fmt/format.h>

namespace continuum::report {

using namespace engine;
using nlohmann::json;

DiffSides diff_sides(const RuleSet& before, const RuleSet& after) {
    return {before.root, before.info.id, before.info.version,
            after.root,  after.info.id,  after.info.version};
}

namespace {

std::string where(const Origin& o) {
    if (o.file.empty()) return "";
    return o.pos.line ? fmt::format("{}:{}", o.file, o.pos.line) : o.file;
}

std::string list_text(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : "; ") + s;
    return out.empty() ? "(none)" : out;
}

const char* condition_name(std::string_view kind) {
    if (kind == "route") return "test";
    if (kind == "question") return "ask_when";
    return "when";
}

void old_new(std::string& out, const std::string& name, const std::string& before,
             const std::string& after) {
    out += fmt::format("  {}\n", name);
    out += fmt::format("    old: {}\n", before.empty() ? "(none)" : before);
    out += fmt::format("    new: {}\n", after.empty() ? "(none)" : after);
}

void entry_text(std::string& out, const DiffEntry& e) {
    std::string place;
    if (e.change == DiffChange::Changed && where(e.before) != where(e.after))
        place = where(e.before) + " -> " + where(e.after);
    else
        place = where(e.change == DiffChange::Removed ? e.before : e.after);
    out += fmt::format("{} {} ({}){}\n", e.kind, e.id, to_string(e.change),
                       place.empty() ? "" : "  " + place);
    const bool has_condition = !e.condition_before.empty() || !e.condition_after.empty();
    if (e.change == DiffChange::Added) {
        if (has_condition)
            out += fmt::format("  {}: {}\n", condition_name(e.kind), e.condition_after);
        if (!e.cites_after.empty()) out += fmt::format("  cites: {}\n", list_text(e.cites_after));
        return;
    }
    if (e.change == DiffChange::Removed) {
        if (has_condition)
            out += fmt::format("  {}: {}\n", condition_name(e.kind), e.condition_before);
        if (!e.cites_before.empty()) out += fmt::format("  cites: {}\n", list_text(e.cites_before));
        return;
    }
    // Changed: every changed field old above new; the condition and citations always, so the
    // reader sees what the rule says now even where only its wording changed.
    bool condition_shown = false, cites_shown = false;
    for (const auto& f : e.fields) {
        if (f.field == "cites") {
            old_new(out, "cites", list_text(e.cites_before), list_text(e.cites_after));
            cites_shown = true;
            continue;
        }
        if (f.field == condition_name(e.kind)) condition_shown = true;
        old_new(out, f.field, f.before, f.after);
    }
    if (has_condition && !condition_shown)
        out += fmt::format("  {} (unchanged): {}\n", condition_name(e.kind), e.condition_after);
    if (!cites_shown && !e.cites_after.empty())
        out += fmt::format("  cites (unchanged): {}\n", list_text(e.cites_after));
}

json origin_json(const Origin& o) {
    if (o.file.empty()) return nullptr;
    return json{{"file", o.file}, {"line", o.pos.line}, {"column", o.pos.column}};
}

}  // namespace

std::string to_text(const RuleDiff& diff, const DiffSides& s) {
    std::string out =
        fmt::format("Rule diff: {} ({} {}) -> {} ({} {})\n", s.before_root, s.before_id,
                    s.before_version, s.after_root, s.after_id, s.after_version);
    if (diff.empty()) return out + "no differences in meaning\n";
    out += fmt::format("{} new, {} removed, {} changed\n", diff.count(DiffChange::Added),
                       diff.count(DiffChange::Removed), diff.count(DiffChange::Changed));
    for (const auto& e : diff.entries) {
        out += "\n";
        entry_text(out, e);
    }
    return out;
}

json diff_entries_json(const RuleDiff& diff) {
    json entries = json::array();
    for (const auto& e : diff.entries) {
        json fields = json::array();
        for (const auto& f : e.fields)
            fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
        entries.push_back(
            {{"kind", e.kind},
             {"id", e.id},
             {"change", to_string(e.change)},
             {"fields", fields},
             {"condition", {{"before", e.condition_before}, {"after", e.condition_after}}},
             {"cites", {{"before", e.cites_before}, {"after", e.cites_after}}},
             {"before", origin_json(e.before)},
             {"after", origin_json(e.after)}});
    }
    return entries;
}

json to_json(const RuleDiff& diff, const DiffSides& s) {
    return json{
        {"schema", kDiffSchema},
        {"before", {{"root", s.before_root}, {"id", s.before_id}, {"version", s.before_version}}},
        {"after", {{"root", s.after_root}, {"id", s.after_id}, {"version", s.after_version}}},
        {"totals",
         {{"new", diff.count(DiffChange::Added)},
          {"removed", diff.count(DiffChange::Removed)},
          {"changed", diff.count(DiffChange::Changed)}}},
        {"entries", diff_entries_json(diff)}};
}

}  // namespace continuum::report
