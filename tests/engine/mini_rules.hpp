// A small rule set shaped like the real ones (a guarded non-mobile bruising fact, graded
// domestic abuse with a protective factor, a combination across domains, a trigger, a route,
// chained actions), for evaluation, trace and what-could-change tests.
#pragma once
#include "fixture.hpp"

namespace mini {

inline const char* kRules = R"TOML(
[[question]]
id = "age_months"
prompt = "Age in months"
type = "number"
domain = "d"
min = 0
max = 216
cites = ["src"]

[[question]]
id = "bruising"
prompt = "Bruising seen?"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "mobile"
prompt = "Independently mobile?"
type = "yes_no"
domain = "d"
ask_when = "age_months < 24"
cites = ["src"]

[[question]]
id = "dv"
prompt = "Domestic abuse"
type = "choice"
choices = ["none", "conflict", "incidents", "persistent"]
domain = "e"
cites = ["src"]

[[question]]
id = "support"
prompt = "Supportive wider family?"
type = "yes_no"
domain = "e"
cites = ["src"]

[[question]]
id = "school"
prompt = "Attendance below 90%?"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "a"
prompt = "a"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "b"
prompt = "b"
type = "yes_no"
domain = "d"
cites = ["src"]

[[question]]
id = "c"
prompt = "c"
type = "yes_no"
domain = "d"
cites = ["src"]

[[fact]]
id = "non_mobile_bruising"
label = "A baby who is not independently mobile has bruising"
when = "bruising and age_months < 24 and not mobile"
cites = ["src"]

[[rule]]
id = "dv_conflict"
level = "targeted"
domain = "e"
says = "Parental conflict"
when = "dv == \"conflict\""
unless = "support"
unless_says = "Supportive wider family"
cites = ["src#para 2"]

[[rule]]
id = "poor_attendance"
level = "targeted"
domain = "d"
says = "Attendance below 90%"
when = "school"
cites = ["src"]

[[rule]]
id = "dv_persistent"
level = "statutory"
domain = "e"
says = "Persistent domestic abuse"
when = "dv == \"persistent\" and age_months < 216"
cites = ["src"]

[[combination]]
id = "targeted_across_domains"
level = "statutory"
says = "Several targeted indicators across domains"
counts_level = "targeted"
at_least = 2
across_domains = 2
cites = ["src"]

[[trigger]]
id = "bruise_trigger"
title = "Bruising in a non-mobile baby"
says = "Always refer"
when = "non_mobile_bruising"
level = "statutory"
actions = ["strategy"]
cites = ["src"]

[[route]]
id = "s47"
title = "s47 enquiry"
section = "s47(1)(b)"
standard = "suspect"
test = "non_mobile_bruising or dv_persistent"
actions = ["decide"]
actions_if_cannot_rule_out = ["gather"]
cites = ["src"]

[[route]]
id = "two_of_three"
title = "Two of three"
section = "x"
standard = "likely"
test = "count(a, b, c) >= 2"
cites = ["src"]

[[action]]
id = "decide"
title = "Decide on the referral"
due = { working_days = 1 }
cites = ["src"]

[[action]]
id = "gather"
title = "Gather the missing information"
due = { hours = 4 }
cites = ["src"]

[[action]]
id = "strategy"
title = "Strategy discussion"
due = { working_days = 1 }
cites = ["src"]

[[action]]
id = "icpc"
title = "Initial child protection conference"
after = "strategy"
due = { working_days = 15 }
when = "bruise_trigger"
cites = ["src"]

[[consent]]
id = "early_help_consent"
kind = "requirement"
says = "Early help needs the family's consent"
when = "dv_conflict or poor_attendance"
cites = ["src"]
)TOML";

struct Fixture {
    std::shared_ptr<const continuum::engine::RuleSet> rules;
    continuum::engine::Case c;

    Fixture() {
        auto loaded = fixture::load(kRules);
        for (const auto& m : fixture::messages(loaded.diagnostics)) INFO(m);
        REQUIRE(loaded.ok());
        rules = loaded.rules;
        c = continuum::engine::blank_case(*rules);
        c.ref = "T-1";
        c.referred_at = {continuum::engine::day_number(2026, 11, 20), 16 * 3600};  // Friday 16:00
    }
    Fixture& yes(const char* id) { return set(id, continuum::engine::Value::boolean(continuum::engine::Tri::True)); }
    Fixture& no(const char* id) { return set(id, continuum::engine::Value::boolean(continuum::engine::Tri::False)); }
    Fixture& num(const char* id, double v) { return set(id, continuum::engine::Value::number(v)); }
    Fixture& choice(const char* id, const char* value) {
        const auto& q = rules->questions[rules->question_index(id)];
        auto it = std::find(q.choice_ids.begin(), q.choice_ids.end(), value);
        REQUIRE(it != q.choice_ids.end());
        return set(id, continuum::engine::Value::option(static_cast<std::int32_t>(it - q.choice_ids.begin())));
    }
    Fixture& unknown(const char* id) {
        fixture::unknown(*rules, c, id);
        return *this;
    }
    Fixture& set(const char* id, continuum::engine::Value v) {
        fixture::answer(*rules, c, id, v);
        return *this;
    }
    std::uint32_t slot(const char* id) const { return rules->symbol(id)->slot; }
};

}  // namespace mini
