// Where continuum keeps its local files and how they are created: in the user's data folder,
// private to the user from the first byte. Shared by the audit log and the training results.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace continuum::audit {

// $XDG_DATA_HOME/continuum/<name>, or ~/.local/share/continuum/<name>.
std::filesystem::path data_file(std::string_view name);

// The folder holding `file` ("." for a bare name).
std::filesystem::path folder_of(const std::filesystem::path& file);

bool can_write(const std::filesystem::path& p);

// Creates the missing folders leading to `file` (0700) and the file itself (0600) unless it
// exists. `what` names the file in messages: "audit file", "training results file".
bool create_owner_only(const std::filesystem::path& file, std::string_view what,
                       std::string& error);

}  // namespace continuum::audit
