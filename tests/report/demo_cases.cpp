#include "demo_cases.hpp"

#include <stdexcept>

#include "engine/case_io.hpp"
#include "engine/outcome.hpp"
#include "engine/ruleset/load.hpp"

namespace demo {

using namespace continuum;

const std::shared_ptr<const engine::RuleSet>& surrey() {
    static std::shared_ptr<const engine::RuleSet> rules = [] {
        auto r = engine::load_ruleset(std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey");
        if (!r.ok()) throw std::runtime_error("the Surrey rules do not load");
        return std::shared_ptr<const engine::RuleSet>(r.rules);
    }();
    return rules;
}

const std::vector<std::string>& case_names() {
    static const std::vector<std::string> names = {"bruised-baby", "cumulative-neglect",
                                                   "early-help-refused", "homeless-16"};
    return names;
}

report::Evaluation evaluate(const std::string& name) {
    engine::Diagnostics d;
    auto c = engine::read_case_file(
        *surrey(), std::string(CONTINUUM_SOURCE_DIR) + "/rules/surrey/cases/" + name + ".toml", d);
    if (!c) throw std::runtime_error("cannot read demo case " + name);
    return report::evaluate_fully(*surrey(), *c);
}

report::Evaluation evaluate_blank() {
    engine::Case c = engine::blank_case(*surrey());
    c.ref = "C-2026-0001";
    c.referred_at = {20465, 9 * 3600};
    return report::evaluate_fully(*surrey(), c);
}

audit::DecisionRecord decision(const report::Evaluation& e) {
    const engine::RuleSet& rules = *e.rules;
    audit::DecisionRecord r;
    r.sequence = 7;
    r.recorded_at = "2026-11-23T10:02:00Z";
    r.hash = std::string(64, 'a');
    r.case_ref = e.kase.ref;
    r.practitioner = "Sam Patel";
    r.role = "Social worker";
    r.ruleset_id = rules.info.id;
    r.ruleset_version = rules.info.version;
    r.ruleset_digest = rules.digest;
    r.suggested_level = r.decided_level = rules.levels[e.outcome.level].id;
    for (std::size_t i = 0; i < rules.routes.size(); ++i)
        r.routes.push_back({rules.routes[i].id, engine::to_string(e.outcome.routes[i]),
                            engine::to_string(e.outcome.routes[i])});
    r.agreed = true;
    r.reason = kPrivateNote;
    r.service_consent = "not_sought";
    r.sharing_basis = "public_task_safeguarding";
    r.consent_note = "Consent note: mother not told yet, father is the alleged abuser";
    return r;
}

}  // namespace demo
