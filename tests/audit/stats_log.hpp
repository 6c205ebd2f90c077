// A hand-worked decision log for the override figures: 18 synthetic decisions (never a real
// person) whose every figure is worked out below by hand, so the tests of `audit stats` (the
// store, the CLI's text, CSV and JSON, the team store, the GUI) can assert each one.
//
// Rule set "fixture" (tests/cli/data/mini): levels universal (U, 0) < targeted (T, 1) <
// statutory (S, 2). Version "1" for records 1-9, version "2" for records 10-18. Version 2's
// records carry the full ladder (`levels`); version 1's only their suggested `level`, so its
// order is learnt from the suggestions (U in 3, T in 1, S in 4).
//
//  #  recorded (UTC)    case    referred          by v  lvl   s17      s47      agr.  reasons
//  1  2024-10-15 10:00  C-100   2024-10-15 09:00  AS 1  T->T  met/met  nm/nm    yes   dvc
//  2  2025-02-14 15:00  C-300   2025-02-14 14:00  CD 1  T->U  met/nm   nm/nm    disc  pa
//  3  2025-03-10 11:00  C-200   2025-03-10 09:30  BC 1  U->U  nm/nm    nm/nm    yes   -
//  4  2025-11-03 09:15  C-400   2025-11-03 08:50  AS 1  S->S  met/met  met/met  yes   dvp
//  5  2025-11-20 14:00  C-100   2025-11-20 13:10  BC 1  T->S  met/met  cro/met  pol   dvc, pa
//  6  2025-11-27 10:30  C-600   2025-11-27 10:00  CD 1  T->T  met/met  nm/nm    yes   dvc
//  7  2025-12-01 11:00  C-500   2025-12-01 10:00  AS 1  S->T  met/met  met/nm   disc  bt
//  8  2025-12-01 16:00  C-500   2025-12-01 10:00  AS 1  S->S  met/met  met/met  yes   bt
//  9  2025-12-05 09:00  C-200   2025-12-05 08:30  BC 1  U->T  nm/nm    nm/nm    disc  -
// 10  2026-02-02 10:00  C-700   2026-02-02 09:00  CD 2  U->U  nm/nm    nm/nm    yes   -
// 11  2026-02-14 12:00  C-300   2026-02-14 11:00  BC 2  T->T  met/met  nm/nm    yes   pa
// 12  2026-02-20 09:30  c-400   2026-02-20 09:00  AS 2  S->T  met/met  cro/nm   pol   tad
// 13  2026-02-26 15:00  C-800   2026-02-26 14:30  CD 2  T->T  met/met  nm/cro   disc  dvc
// 14  2026-03-02 10:00  C-400   2026-03-02 09:45  BC 2  S->S  met/met  met/met  yes   dvp, tad
// 15  2026-03-09 11:30  C-900   2026-03-09 11:00  AS 2  T->U  nm/nm    nm/nm    disc  dvc
// 16  2026-03-16 13:00  C-1000  2026-03-16 12:00  CD 2  U->U  nm/nm    nm/nm    yes   -
// 17  2026-03-23 09:00  C-600   2026-03-23 08:40  BC 2  T->S  met/met  nm/nm    pol   pa
// 18  2026-03-30 17:00  C-1100  2026-03-30 16:00  AS 2  S->S  met/met  met/met  yes   bt
//
// by: AS Amira Shah, BC Ben Carter, CD Chloe Davies. lvl: suggested -> decided. s17, s47:
// suggested/decided finding (nm not met, cro cannot rule out). agr.: yes, or the override's
// category (pol policy, disc discretionary). Reasons: dvc dv_conflict, pa poor_attendance, dvp
// dv_persistent, tad targeted_across_domains (a combination), bt bruise_trigger (a trigger).
//
// Per decision: level raised 5, 9, 17; lowered 2, 7, 12, 15; a route changed 2, 5, 7, 12, 13
// (13 is an override of a route only; 9, 15 and 17 of the level only).
//
// Re-referrals (same case, an earlier referral no more than 12 months before):
//   5  C-100: the earlier referral (2024-10-15) is 13 months back: no.
//   8  C-500: the same referral as 7 (same referral time), decided again: no.
//   9  C-200: 2025-03-10 -> 2025-12-05: yes.
//  11  C-300: 2025-02-14 -> 2026-02-14, exactly 12 months (the time of day is earlier): yes.
//  12  c-400: C-400 of 2025-11-03, the case written in lower case: yes.
//  14  C-400: the latest earlier referral is 12's (2026-02-20): yes.
//  17  C-600: 2025-11-27 -> 2026-03-23: yes.
//  So 9, 11, 12, 14, 17: 5 of 18 (27.8%).
//
// Whole log: 18 decisions, 10 agreed (55.6%), 8 overridden; level raised 3, lowered 4, order
// unknown 0; a route changed 5; re-referrals 5.
//
// --from 2025-11-01 --to 2026-02-28: records 4-13, 10 decisions; agreed 4, 6, 8, 10, 11 = 5
//   (50.0%); raised 5, 9 = 2; lowered 7, 12 = 2; route 5, 7, 12, 13 = 4; re-referrals 9, 11, 12
//   = 3 (30.0%): 9 and 11 only through the look-back to records 3 and 2, before the period.
// --from 2026-03-01: records 14-18, 5 decisions; agreed 14, 16, 18 = 3 (60.0%); raised 17 = 1;
//   lowered 15 = 1; route 0; re-referrals 14, 17 = 2 (40.0%).
// --to 2025-12-31: records 1-9, 9 decisions; agreed 1, 3, 4, 6, 8 = 5 (55.6%); raised 5, 9 = 2;
//   lowered 2, 7 = 2; route 2, 5, 7 = 3; re-referrals 9 = 1 (11.1%).
//
// By suggested level (whole log):
//   Universal  3, 9, 10, 16            4 decisions, agreed 3 (75.0%), raised 1 (9), lowered 0,
//                                       route 0, re-referrals 1 (9)
//   Targeted   1, 2, 5, 6, 11, 13, 15, 17   8, agreed 3 (37.5%), raised 2 (5, 17), lowered 2
//                                       (2, 15), route 3 (2, 5, 13), re-referrals 2 (11, 17)
//   Statutory  4, 7, 8, 12, 14, 18     6, agreed 4 (66.7%), raised 0, lowered 2 (7, 12), route
//                                       2 (7, 12), re-referrals 2 (12, 14)
// Transitions, suggested (rows) -> decided (columns) U, T, S:
//   U: 3 (3, 10, 16)  1 (9)            0
//   T: 2 (2, 15)      4 (1, 6, 11, 13) 2 (5, 17)
//   S: 0              2 (7, 12)        4 (4, 8, 14, 18)
//
// By route (whole log), 18 decisions each:
//   s17: kept 17, raised 0, lowered 1 (2: met -> not met)
//   s47: kept 14, raised 2 (5: cannot rule out -> met; 13: not met -> cannot rule out),
//        lowered 2 (7: met -> not met; 12: cannot rule out -> not met)
//
// By category (whole log):
//   Agreed         10 decisions (all agreed), re-referrals 2 (11, 14)
//   Policy          3 (5, 12, 17): raised 2 (5, 17), lowered 1 (12), route 2 (5, 12),
//                   re-referrals 2 (12, 17)
//   Discretionary   5 (2, 7, 9, 13, 15): raised 1 (9), lowered 3 (2, 7, 15), route 3 (2, 7, 13),
//                   re-referrals 1 (9)
//
// By practitioner (whole log, alphabetical):
//   Amira Shah    1, 4, 7, 8, 12, 15, 18   7, agreed 4 (57.1%), raised 0, lowered 3 (7, 12, 15),
//                                          route 2 (7, 12), re-referrals 1 (12) (14.3%)
//   Ben Carter    3, 5, 9, 11, 14, 17      6, agreed 3 (50.0%), raised 3 (5, 9, 17), lowered 0,
//                                          route 1 (5), re-referrals 4 (9, 11, 14, 17) (66.7%)
//   Chloe Davies  2, 6, 10, 13, 16         5, agreed 3 (60.0%), raised 0, lowered 1 (2),
//                                          route 2 (2, 13), re-referrals 0
//
// By month recorded, --from 2025-11-01 (15 decisions, 4-18):
//   November 2025  4, 5, 6          3, agreed 2 (66.7%), raised 1, lowered 0, route 1, re-ref 0
//   December 2025  7, 8, 9          3, agreed 1 (33.3%), raised 1, lowered 1, route 1, re-ref 1
//   January 2026   -                0
//   February 2026  10, 11, 12, 13   4, agreed 2 (50.0%), raised 0, lowered 1, route 2, re-ref 2
//   March 2026     14-18            5, agreed 3 (60.0%), raised 1, lowered 1, route 0, re-ref 2
// Whole log by month: every month from October 2024 to March 2026 (18 rows), with decisions in
// October 2024 (1), February 2025 (1), March 2025 (1) and the months above.
//
// By rule set version (whole log):
//   1  records 1-9: 9 decisions, agreed 5, raised 2 (5, 9), lowered 2 (2, 7), route 3 (2, 5, 7),
//      re-referrals 1 (9)
//   2  records 10-18: 9 decisions, agreed 5, raised 1 (17), lowered 2 (12, 15), route 2 (12, 13),
//      re-referrals 4 (11, 12, 14, 17)
//
// By rule (whole log), among the reasons of each version's suggestions:
//   version 1 (records 1-9): 9 decisions, 4 overridden (2, 5, 7, 9) (44.4%)
//     poor_attendance  rule       among 2 (2, 5), overridden 2 (100.0%): raised 1, lowered 1,
//                                 route 2
//     dv_conflict      rule       among 3 (1, 5, 6), overridden 1 (5) (33.3%): raised 1, route 1
//     bruise_trigger   trigger    among 2 (7, 8), overridden 1 (7) (50.0%): lowered 1, route 1
//     dv_persistent    rule       among 1 (4), overridden 0
//   version 2 (records 10-18): 9 decisions, 4 overridden (12, 13, 15, 17) (44.4%)
//     dv_conflict      rule       among 2 (13, 15), overridden 2 (100.0%): lowered 1, route 1
//     poor_attendance  rule       among 2 (11, 17), overridden 1 (17) (50.0%): raised 1
//     targeted_across_domains  combination  among 2 (12, 14), overridden 1 (12) (50.0%):
//                                 lowered 1, route 1
//     bruise_trigger   trigger    among 1 (18), overridden 0
//     dv_persistent    rule       among 1 (14), overridden 0
//   (most overridden first, then most often among the reasons, then by id)
#pragma once
#include <string>
#include <vector>

#include "audit/canonical.hpp"
#include "audit/decision_record.hpp"
#include "audit/store.hpp"

namespace stats_log {

using continuum::audit::DecisionRecord;

struct Row {
    const char* recorded_at;
    const char* case_ref;
    const char* referred_at;
    const char* practitioner;
    const char* version;
    const char* suggested;
    const char* decided;
    const char* s17[2];
    const char* s47[2];
    const char* category;  // "" when agreed
    std::vector<const char*> reasons;
};

inline const std::vector<Row>& rows() {
    static const std::vector<Row> r = {
        {"2024-10-15T10:00:00Z",
         "C-100",
         "2024-10-15T09:00:00",
         "Amira Shah",
         "1",
         "targeted",
         "targeted",
         {"met", "met"},
         {"not_met", "not_met"},
         "",
         {"dv_conflict"}},
        {"2025-02-14T15:00:00Z",
         "C-300",
         "2025-02-14T14:00:00",
         "Chloe Davies",
         "1",
         "targeted",
         "universal",
         {"met", "not_met"},
         {"not_met", "not_met"},
         "discretionary",
         {"poor_attendance"}},
        {"2025-03-10T11:00:00Z",
         "C-200",
         "2025-03-10T09:30:00",
         "Ben Carter",
         "1",
         "universal",
         "universal",
         {"not_met", "not_met"},
         {"not_met", "not_met"},
         "",
         {}},
        {"2025-11-03T09:15:00Z",
         "C-400",
         "2025-11-03T08:50:00",
         "Amira Shah",
         "1",
         "statutory",
         "statutory",
         {"met", "met"},
         {"met", "met"},
         "",
         {"dv_persistent"}},
        {"2025-11-20T14:00:00Z",
         "C-100",
         "2025-11-20T13:10:00",
         "Ben Carter",
         "1",
         "targeted",
         "statutory",
         {"met", "met"},
         {"cannot_rule_out", "met"},
         "policy",
         {"dv_conflict", "poor_attendance"}},
        {"2025-11-27T10:30:00Z",
         "C-600",
         "2025-11-27T10:00:00",
         "Chloe Davies",
         "1",
         "targeted",
         "targeted",
         {"met", "met"},
         {"not_met", "not_met"},
         "",
         {"dv_conflict"}},
        {"2025-12-01T11:00:00Z",
         "C-500",
         "2025-12-01T10:00:00",
         "Amira Shah",
         "1",
         "statutory",
         "targeted",
         {"met", "met"},
         {"met", "not_met"},
         "discretionary",
         {"bruise_trigger"}},
        {"2025-12-01T16:00:00Z",
         "C-500",
         "2025-12-01T10:00:00",
         "Amira Shah",
         "1",
         "statutory",
         "statutory",
         {"met", "met"},
         {"met", "met"},
         "",
         {"bruise_trigger"}},
        {"2025-12-05T09:00:00Z",
         "C-200",
         "2025-12-05T08:30:00",
         "Ben Carter",
         "1",
         "universal",
         "targeted",
         {"not_met", "not_met"},
         {"not_met", "not_met"},
         "discretionary",
         {}},
        {"2026-02-02T10:00:00Z",
         "C-700",
         "2026-02-02T09:00:00",
         "Chloe Davies",
         "2",
         "universal",
         "universal",
         {"not_met", "not_met"},
         {"not_met", "not_met"},
         "",
         {}},
        {"2026-02-14T12:00:00Z",
         "C-300",
         "2026-02-14T11:00:00",
         "Ben Carter",
         "2",
         "targeted",
         "targeted",
         {"met", "met"},
         {"not_met", "not_met"},
         "",
         {"poor_attendance"}},
        {"2026-02-20T09:30:00Z",
         "c-400",
         "2026-02-20T09:00:00",
         "Amira Shah",
         "2",
         "statutory",
         "targeted",
         {"met", "met"},
         {"cannot_rule_out", "not_met"},
         "policy",
         {"targeted_across_domains"}},
        {"2026-02-26T15:00:00Z",
         "C-800",
         "2026-02-26T14:30:00",
         "Chloe Davies",
         "2",
         "targeted",
         "targeted",
         {"met", "met"},
         {"not_met", "cannot_rule_out"},
         "discretionary",
         {"dv_conflict"}},
        {"2026-03-02T10:00:00Z",
         "C-400",
         "2026-03-02T09:45:00",
         "Ben Carter",
         "2",
         "statutory",
         "statutory",
         {"met", "met"},
         {"met", "met"},
         "",
         {"dv_persistent", "targeted_across_domains"}},
        {"2026-03-09T11:30:00Z",
         "C-900",
         "2026-03-09T11:00:00",
         "Amira Shah",
         "2",
         "targeted",
         "universal",
         {"not_met", "not_met"},
         {"not_met", "not_met"},
         "discretionary",
         {"dv_conflict"}},
        {"2026-03-16T13:00:00Z",
         "C-1000",
         "2026-03-16T12:00:00",
         "Chloe Davies",
         "2",
         "universal",
         "universal",
         {"not_met", "not_met"},
         {"not_met", "not_met"},
         "",
         {}},
        {"2026-03-23T09:00:00Z",
         "C-600",
         "2026-03-23T08:40:00",
         "Ben Carter",
         "2",
         "targeted",
         "statutory",
         {"met", "met"},
         {"not_met", "not_met"},
         "policy",
         {"poor_attendance"}},
        {"2026-03-30T17:00:00Z",
         "C-1100",
         "2026-03-30T16:00:00",
         "Amira Shah",
         "2",
         "statutory",
         "statutory",
         {"met", "met"},
         {"met", "met"},
         "",
         {"bruise_trigger"}},
    };
    return r;
}

// What the trace of a recorded decision said of each rule (different words from the mini rule
// set's, so a test can tell which were used).
inline nlohmann::json trace_entry(const std::string& id) {
    struct Words {
        const char* id;
        const char* kind;
        const char* level;
        const char* says;
    };
    static const Words words[] = {
        {"dv_conflict", "rule", "targeted", "Parents in conflict"},
        {"poor_attendance", "rule", "targeted", "Attendance under 90%"},
        {"dv_persistent", "rule", "statutory", "Domestic abuse, persistent"},
        {"targeted_across_domains", "combination", "statutory",
         "Targeted indicators in two or more domains"},
        {"bruise_trigger", "trigger", "statutory",
         "Bruising in a baby who is not mobile: always refer"},
    };
    for (const auto& w : words)
        if (id == w.id)
            return {{"kind", w.kind},
                    {"id", w.id},
                    {"says", w.says},
                    {"level", w.level},
                    {"status", "fired"}};
    return {{"kind", "rule"}, {"id", id}, {"says", ""}, {"status", "fired"}};
}

inline int rank_of(const std::string& level) {
    return level == "universal" ? 0 : level == "targeted" ? 1 : 2;
}

inline std::string name_of(const std::string& level) {
    return level == "universal" ? "Universal" : level == "targeted" ? "Targeted" : "Statutory";
}

inline std::vector<DecisionRecord> records() {
    std::vector<DecisionRecord> out;
    std::string previous = continuum::audit::kGenesisHash;
    std::int64_t sequence = 0;
    for (const Row& row : rows()) {
        DecisionRecord r;
        r.sequence = ++sequence;
        r.recorded_at = row.recorded_at;
        r.previous_hash = previous;
        r.case_ref = row.case_ref;
        r.referred_at = row.referred_at;
        r.practitioner = row.practitioner;
        r.role = "Social worker, MASH";
        r.ruleset_id = "fixture";
        r.ruleset_version = row.version;
        r.ruleset_digest = std::string(64, row.version[0] == '1' ? 'a' : 'b');
        r.suggested_level = row.suggested;
        r.decided_level = row.decided;
        r.routes = {{"s17", row.s17[0], row.s17[1]}, {"s47", row.s47[0], row.s47[1]}};
        r.agreed = std::string(row.category).empty();
        r.override_category = row.category;
        r.reason = r.agreed ? "" : "Synthetic reason for the override (test log).";
        r.service_consent = "not_needed";
        r.sharing_basis = "public_task_safeguarding";
        r.answers = {{"answers", nlohmann::json::object()}, {"unknown", nlohmann::json::array()}};
        nlohmann::json because = nlohmann::json::array(), trace = nlohmann::json::array();
        for (const char* id : row.reasons) {
            because.push_back(id);
            trace.push_back(trace_entry(id));
        }
        nlohmann::json e = {
            {"schema", "continuum.eval/1"},
            {"ruleset", {{"id", "fixture"}, {"version", row.version}}},
            {"level",
             {{"id", row.suggested},
              {"name", name_of(row.suggested)},
              {"rank", rank_of(row.suggested)},
              {"because", because}}},
            {"routes",
             {{{"id", "s17"}, {"title", "Child in need"}, {"finding", row.s17[0]}},
              {{"id", "s47"}, {"title", "Enquiries: significant harm"}, {"finding", row.s47[0]}}}},
            {"trace", trace}};
        if (row.version[0] == '2')
            e["levels"] = {{{"id", "universal"}, {"name", "Universal"}, {"rank", 0}},
                           {{"id", "targeted"}, {"name", "Targeted"}, {"rank", 1}},
                           {{"id", "statutory"}, {"name", "Statutory"}, {"rank", 2}}};
        r.evaluation = std::move(e);
        r.hash = continuum::audit::sha256_hex(continuum::audit::canonical_form(r));
        previous = r.hash;
        out.push_back(std::move(r));
    }
    return out;
}

// Copies the log into `store` exactly (times, sequences and hashes kept).
inline void write(continuum::audit::Store& store) {
    std::string error;
    if (!store.import_exact(records(), error))
        throw std::runtime_error("importing the hand-worked log failed: " + error);
}

}  // namespace stats_log
