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
    if (!f.about.empty()) q.sequences = f.sequences;
    return q;
}

HistoryPage read_history(const audit::Store& store, const HistoryFilter& filter) {
    HistoryPage page;
    page.filter = filter;
    audit::Query q = to_query(filter, page.filter_problem);
    q.newest = kHistoryShown;
    page.records = store.list(q, &page.error);
    page.more_match = static_cast<std::int64_t>(page.records.size()) == kHistoryShown;
    std::reverse(page.records.begin(), page.records.end());
    if (page.error.empty()) {
        page.total = store.count();
        page.practitioners = store.practitioners();
    }
    return page;
}

void show_history(HistoryState& h, HistoryPage page) {
    h.loading = false;
    h.applied = page.filter;
    h.filter_problem = std::move(page.filter_problem);
    ++h.loads;
    if (!page.error.empty()) {
        h.unavailable = fmt::format(
            "{} could not be read: {}. What is listed was read before; it is read again when a "
            "filter changes or you press Try again.",
            h.source, page.error);
        return;
    }
    h.unavailable.clear();
    h.records = std::move(page.records);
    h.more_match = page.more_match;
    h.total = page.total;
    h.practitioners = std::move(page.practitioners);
    bool still_listed = std::any_of(h.records.begin(), h.records.end(),
                                    [&](const auto& r) { return r.sequence == h.selected; });
    if (!still_listed) h.selected = h.records.empty() ? 0 : h.records.front().sequence;
}

std::string chain_status_text(const audit::VerifyReport& r) {
    std::string chain;
    if (r.ok)
        chain = fmt::format("Chain verified: {} record{}, head {}\u2026", r.records,
                            r.records == 1 ? "" : "s", r.head.substr(0, 8));
    else if (r.fault == audit::Fault::unreadable)
        chain = "The audit log could not be checked: " + r.problem;
    else
        chain = fmt::format("Chain broken at record {}: {}. {}", r.first_bad, fault_words(r.fault),
                            r.problem);
    // The team store: what stops records being changed, apart from the chain.
    for (const auto& p : r.protection_problems)
        chain += " Protection damaged: " + p;
    return chain;
}

void show_verify(HistoryState& h, const audit::VerifyReport& r) {
    h.verifying = false;
    h.chain_checked = true;
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
