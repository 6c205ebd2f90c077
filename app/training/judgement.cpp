#include "judgement.hpp"

#include <algorithm>

namespace continuum::engine {

Judgement judgement_of(const RuleSet& rules, const Outcome& o) {
    Judgement j;
    j.level = rules.levels[o.level].id;
    for (std::size_t i = 0; i < rules.routes.size(); ++i)
        j.routes[rules.routes[i].id] = to_string(o.routes[i]);
    for (std::uint32_t t : o.triggers)
        j.triggers.push_back(rules.triggers[t].id);
    normalise(j);
    return j;
}

std::vector<std::string> criterion_ids(const RuleSet& rules) {
    std::vector<std::string> ids{"level"};
    for (const auto& r : rules.routes)
        ids.push_back("route:" + r.id);
    ids.push_back("triggers");
    return ids;
}

std::string triggers_category(const std::vector<std::string>& sorted_ids) {
    if (sorted_ids.empty()) return "none";
    std::string out;
    for (const auto& id : sorted_ids)
        out += (out.empty() ? "" : "+") + id;
    return out;
}

std::vector<Criterion> criteria_of(const Judgement& j, const std::vector<std::string>& ids) {
    std::vector<Criterion> out;
    out.reserve(ids.size());
    for (const auto& id : ids) {
        if (id == "level") {
            out.push_back({id, j.level});
        } else if (id == "triggers") {
            out.push_back({id, triggers_category(j.triggers)});
        } else {
            auto it = j.routes.find(id.substr(id.find(':') + 1));
            out.push_back({id, it == j.routes.end() ? "not_given" : it->second});
        }
    }
    return out;
}

void normalise(Judgement& j) {
    std::sort(j.triggers.begin(), j.triggers.end());
    j.triggers.erase(std::unique(j.triggers.begin(), j.triggers.end()), j.triggers.end());
}

}  // namespace continuum::engine
