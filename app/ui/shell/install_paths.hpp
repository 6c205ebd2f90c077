// Where continuum finds what it ships besides the executable: the default rule set and the
// assets (theme tables, icons). Installed, both live under PREFIX/share/continuum; in a build
// tree, the rules come from the source tree and the assets from BUILD/share/continuum/assets.
#pragma once
#include <filesystem>
#include <string>

namespace continuum::ui {

// --rules DIR, else PREFIX/share/continuum/rules/surrey beside an installed executable, else
// the source tree's rules/surrey.
std::filesystem::path default_rules_folder(const std::string& given);

// PREFIX/share/continuum/assets when installed, else the build tree's assets folder.
std::filesystem::path assets_folder();

}  // namespace continuum::ui
