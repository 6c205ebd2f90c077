// The command line: a table of subcommands over the engine, report and audit rooms.
#pragma once

namespace continuum::cli {

// Exit codes shared by every subcommand.
inline constexpr int kOk = 0;
inline constexpr int kFindings = 1;  // lint errors, failed scenario tests, a broken chain
inline constexpr int kUsage = 2;     // bad arguments, or input that cannot be read at all

bool is_subcommand(const char* word);
int run(int argc, char** argv);

}  // namespace continuum::cli
