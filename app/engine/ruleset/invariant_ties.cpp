#include "invariant_ties.hpp"

#include <fmt/format.h>

namespace continuum::engine {

void read_invariant_ties(const toml::table& t, const SourceFile& file, Diagnostics& d,
                         InvariantTies& out) {
    TableReader r(t, file, d, "[invariants]",
                  {"route_levels", "child_in_need_level", "referral_level", "referral_routes",
                   "referral_actions"});
    if (out.declared) {
        d.error(file.path(), file.pos(t), "duplicate-invariants",
                "[invariants] is defined more than once; keep one");
        return;
    }
    out.declared = true;
    out.origin = r.origin();
    if (const toml::table* levels = r.table("route_levels")) {
        for (const auto& [route, level] : *levels) {
            if (!level.is_string()) {
                r.error_at(level, "wrong-type",
                           fmt::format("route_levels maps a route id to a level id in quotes, "
                                       "e.g. {} = \"statutory\"",
                                       route.str()));
                continue;
            }
            out.route_levels.push_back(
                {std::string(route.str()), *level.value<std::string>(), file.origin(level)});
        }
    }
    out.child_in_need_level = r.string("child_in_need_level");
    out.referral_level = r.string("referral_level");
    out.referral_routes = r.strings("referral_routes");
    out.referral_actions = r.strings("referral_actions");
}

namespace {

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& i : items)
        out.push_back(i.id);
    return out;
}

}  // namespace

void resolve_invariant_ties(RuleSet& rs, Diagnostics& d) {
    InvariantTies& t = rs.invariants;
    if (!t.declared) return;
    auto level = [&](const std::string& id, const Origin& at, const char* key) {
        if (id.empty()) return kNone;
        std::uint32_t i = rs.level_index(id);
        if (i == kNone)
            d.error(at.file, at.pos, "unknown-level",
                    fmt::format("[invariants] names level '{}' in '{}', but no [[level]] has "
                                "that id{}",
                                id, key, did_you_mean(id, ids_of(rs.levels))));
        return i;
    };
    auto route = [&](const std::string& id, const Origin& at, const char* key) {
        std::uint32_t i = rs.route_index(id);
        if (i == kNone)
            d.error(at.file, at.pos, "unknown-route",
                    fmt::format("[invariants] names route '{}' in '{}', but no [[route]] has "
                                "that id{}",
                                id, key, did_you_mean(id, ids_of(rs.routes))));
        return i;
    };
    for (RouteLevelTie& tie : t.route_levels) {
        tie.route_index = route(tie.route, tie.origin, "route_levels");
        tie.level_index = level(tie.level, tie.origin, "route_levels");
    }
    t.child_in_need_level_index = level(t.child_in_need_level, t.origin, "child_in_need_level");
    t.referral_level_index = level(t.referral_level, t.origin, "referral_level");
    t.referral_route_indices.clear();
    for (const std::string& id : t.referral_routes)
        t.referral_route_indices.push_back(route(id, t.origin, "referral_routes"));
    t.referral_action_indices.clear();
    for (const std::string& id : t.referral_actions) {
        std::uint32_t i = rs.action_index(id);
        if (i == kNone)
            d.error(t.origin.file, t.origin.pos, "unknown-action",
                    fmt::format("[invariants] names action '{}' in 'referral_actions', but no "
                                "[[action]] has that id{}",
                                id, did_you_mean(id, ids_of(rs.actions))));
        t.referral_action_indices.push_back(i);
    }
}

}  // namespace continuum::engine
