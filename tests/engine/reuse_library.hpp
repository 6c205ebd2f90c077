// A library whose lines alternate between cases that answer nearly every question (every kind
// of answer: yes/no, number, range, choice, text, unknown, a chronology) and cases that answer
// almost nothing, for tests that read line after line into one reused case: anything left over
// from a full line would show in the sparse line after it.
#pragma once
#include <string>
#include <vector>

#include "chronology_rules.hpp"

namespace reuse {

// Questions added to the chronology fixture's (neglect_now and the chronology).
inline const char* kQuestions = R"TOML(
[[question]]
id = "note"
prompt = "Anything else the referrer said"
type = "text"
domain = "d"
cites = ["src"]

[[question]]
id = "dv"
prompt = "Domestic abuse"
type = "choice"
choices = ["none", "incidents", "persistent"]
domain = "d"
cites = ["src"]

[[question]]
id = "flag"
prompt = "Flag?"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "quiet"
prompt = "Quiet?"
type = "yes_no"
domain = "d"
cites = ["src"]

[[rule]]
id = "persistent_dv"
level = "statutory"
says = "Persistent domestic abuse"
when = """dv == "persistent" and flag"""
cites = ["src"]
)TOML";

// `siblings`'s range, which a candidate may change (so that its answers are read again).
inline std::string siblings_question(const std::string& max = "10") {
    return fixture::number("siblings", "min = 0\nmax = " + max);
}

// A full case: every question answered but `quiet` (listed unknown), two neglect contacts.
inline std::string full(const std::string& ref, const std::string& referred_at) {
    return R"({"ref":")" + ref + R"(","referred_at":")" + referred_at +
           R"(","answers":{"siblings":{"at_least":2,"at_most":5},"dv":"persistent","flag":true,)"
           R"("neglect_now":true,"note":"a note long enough to live outside the string's own )"
           R"(small buffer, written by the referrer"},"unknown":["quiet"],)"
           R"("chronology":{"complete":false,"contacts":[)"
           R"({"date":"2026-03-02","source":"police","categories":["neglect"],"outcome":"nfa"},)"
           R"({"date":"2026-01-20","source":"health","categories":["neglect"],"outcome":"advice"}]}})";
}

// A sparse case: one answer.
inline std::string sparse(const std::string& ref, const std::string& referred_at,
                          const std::string& answer = R"("siblings":3)") {
    return R"({"ref":")" + ref + R"(","referred_at":")" + referred_at + R"(","answers":{)" +
           answer + "}}";
}

// A full case that is refused at its end, after every answer was taken: `quiet` is both
// answered and listed unknown.
inline std::string refused(const std::string& ref, const std::string& referred_at) {
    std::string line = full(ref, referred_at);
    line.replace(line.find(R"("neglect_now")"), 0, R"("quiet":true,)");
    return line;
}

// Lines in the order they are read. "Z" after the time (a time given in UTC) is read by the
// careful reader only; R-5 is refused by both readers, after most of it was read.
inline std::vector<std::string> lines() {
    return {
        full("F-1", "2026-06-15T10:30:00"),
        sparse("S-2", "2026-06-16T11:00:00"),
        full("F-3", "2026-06-15T10:30:00Z"),
        sparse("S-4", "2026-06-16T11:00:00", R"("dv":"none")"),
        refused("R-5", "2026-06-15T10:30:00"),
        sparse("S-6", "2026-06-16T11:00:00Z", R"("note":"short")"),
        full("F-7", "2026-06-15T10:30:00"),
        sparse("S-8", "2026-06-16T11:00:00", R"("flag":false)"),
    };
}

}  // namespace reuse
