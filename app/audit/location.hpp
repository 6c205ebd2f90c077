// Where a decision log is: an SQLite file, or a PostgreSQL team store named by a libpq
// connection string. One place decides which, so the GUI, the command line and Settings agree.
#pragma once
#include <string>

namespace continuum::audit {

// True for a postgresql:// or postgres:// URI, or a libpq "key=value ..." string whose keys
// libpq knows (so a file that happens to have '=' in its name is still a file).
bool is_team_location(const std::string& location);

// Whether the connection string spells out a password (which Settings will not save in plain
// text: libpq reads it from ~/.pgpass instead).
bool has_password(const std::string& location);

// The connection string with any password removed, safe to show on screen and in messages:
// "postgresql://sam@db.example:5432/continuum", "host=db dbname=continuum user=sam".
std::string redact(const std::string& location);

}  // namespace continuum::audit
