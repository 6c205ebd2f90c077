#include "location.hpp"

#include <libpq-fe.h>

#include <memory>

namespace continuum::audit {

namespace {

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

struct FreeOptions {
    void operator()(PQconninfoOption* o) const { PQconninfoFree(o); }
};
using Options = std::unique_ptr<PQconninfoOption, FreeOptions>;

Options parse(const std::string& location) {
    char* message = nullptr;
    Options options(PQconninfoParse(location.c_str(), &message));
    PQfreemem(message);
    return options;
}

}  // namespace

bool is_team_location(const std::string& location) {
    if (starts_with(location, "postgresql://") || starts_with(location, "postgres://")) return true;
    if (location.find('=') == std::string::npos) return false;
    return parse(location) != nullptr;
}

bool has_password(const std::string& location) {
    if (!is_team_location(location)) return false;
    Options options = parse(location);
    if (!options) return false;
    for (PQconninfoOption* o = options.get(); o->keyword; ++o)
        if (o->val && std::string(o->keyword) == "password") return true;
    return false;
}

std::string redact(const std::string& location) {
    Options options = parse(location);
    if (!options)
        return is_team_location(location) ? "(an unreadable connection string)" : location;
    const bool uri = starts_with(location, "postgres");
    std::string host, port, dbname, user, rest;
    for (PQconninfoOption* o = options.get(); o->keyword; ++o) {
        if (!o->val) continue;
        std::string key = o->keyword, value = o->val;
        if (key == "password") continue;
        if (key == "host")
            host = value;
        else if (key == "port")
            port = value;
        else if (key == "dbname")
            dbname = value;
        else if (key == "user")
            user = value;
        else
            rest += (rest.empty() ? "" : " ") + key + "=" + value;
    }
    if (uri) {
        std::string out = "postgresql://";
        if (!user.empty()) out += user + "@";
        out += host;
        if (!port.empty()) out += ":" + port;
        out += "/" + dbname;
        if (!rest.empty()) out += " (" + rest + ")";
        return out;
    }
    std::string out;
    auto add = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += " ";
        out += std::string(key) + "=" + value;
    };
    add("host", host);
    add("port", port);
    add("dbname", dbname);
    add("user", user);
    if (!rest.empty()) out += (out.empty() ? "" : " ") + rest;
    return out;
}

}  // namespace continuum::audit
