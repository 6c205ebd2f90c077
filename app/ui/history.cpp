#include "history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "audit/export.hpp"

namespace continuum::ui {

namespace {

std::optional<std::string> given(const std::string& s) {
    if (s.empty()) return std::nullopt;
    return s;
}

const char* fault_words(audit::Fault f) {
    switch (f) {
        case audit::Fault::changed:
            return "changed";
        case audit::Fault::missing:
            return "missing";
        case audit::Fault::reordered:
            return "reordered";
        case audit::Fault::head_mismatch:
            return "does not match the expected head";
        case audit::Fault::unreadable:
            return "unreadable";
        case audit::Fault::none:
            break;
    }
    return "fault";
}

}  // namespace

audit::Query to_query(const HistoryFilter& f, std::string& problem) {
    problem.clear();
    audit::Query q;
    auto date = [&](const std::string& text, const char* which) -> std::optional<std::string> {
        if (text.empty()) return std::nullopt;
        if (audit::valid_date(text)) return text;
        if (problem.empty())
            problem = fmt::format(
                "{} date '{}' is not a date: write it as YYYY-MM-DD, e.g. "
                "2026-11-24.",
                which, text);
        return std::nullopt;
    };
    q.from = date(f.from, "The 'from'");
    q.to = date(f.to, "The 'to'");
    q.practitioner = given(f.practitioner);
    q.level = given(f.level);
    q.route = given(f.route);
    q.text = given(f.text);
    return q;
}

void load_history(HistoryState& h, const audit::Store& store, const HistoryFilter& filter) {
    h.applied = filter;
    h.records = store.list(to_query(filter, h.filter_problem));
    std::reverse(h.records.begin(), h.records.end());
    h.total = store.count();
    std::set<std::string> people;
    for (const auto& r : store.list())
        people.insert(r.practitioner);
    h.practitioners.assign(people.begin(), people.end());
    bool still_listed = std::any_of(h.records.begin(), h.records.end(),
                                    [&](const auto& r) { return r.sequence == h.selected; });
    if (!still_listed) h.selected = h.records.empty() ? 0 : h.records.front().sequence;
    ++h.loads;
}

std::string chain_status_text(const audit::VerifyReport& r) {
    // The protection is reported apart from the chain: records can still be changed.
    std::string protection;
    for (const auto& p : r.protection_problems)
        protection += " Protection damaged: " + p;
    if (r.ok)
        return fmt::format("Chain verified: {} record{}, head {}\u2026{}", r.records,
                           r.records == 1 ? "" : "s", r.head.substr(0, 8), protection);
    if (r.fault == audit::Fault::unreadable)
        return "The audit log could not be checked: " + r.problem;
    return fmt::format("Chain broken at record {}: {}. {}{}", r.first_bad, fault_words(r.fault),
                       r.problem, protection);
}

void verify_history(HistoryState& h, const audit::Store& store) {
    audit::VerifyReport r = store.verify();
    h.chain_ok = r.ok && r.protection_ok;
    h.chain_status = chain_status_text(r);
    ++h.verifies;
}

void export_history(HistoryState& h, const std::string& path, ExportFormat format) {
    h.export_failed = true;
    if (path.empty()) {
        h.export_message = "Type the file to export to first.";
        return;
    }
    // Oldest first, as the log holds them and as the command line exports them.
    std::vector<audit::DecisionRecord> records(h.records.rbegin(), h.records.rend());
    std::filesystem::path tmp = path;
    tmp += ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (format == ExportFormat::Csv)
            audit::write_csv(out, records);
        else
            audit::write_jsonl(out, records);
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            h.export_message = fmt::format(
                "Could not write {}: check the folder exists and can be written.", path);
            return;
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        h.export_message = fmt::format("Could not write {}: {}", path, ec.message());
        std::filesystem::remove(tmp, ec);
        return;
    }
    h.export_failed = false;
    h.export_message = fmt::format("Exported {} record{} to {}", records.size(),
                                   records.size() == 1 ? "" : "s", path);
}

}  // namespace continuum::ui
