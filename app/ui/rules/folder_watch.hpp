// Whether a rule set folder changed on disk: the paths, sizes and modification times of its
// rule files (engine::is_rule_file), compared with the last look. Cheap enough to call a few
// times a second (a directory walk and a stat per file, no reading); no window needed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>

namespace continuum::ui {

class FolderWatch {
  public:
    explicit FolderWatch(std::filesystem::path folder);  // takes the first look

    // True once for each change since the last call: a rule file added, removed, resized or
    // rewritten. A folder that cannot be read counts as having no files.
    bool changed();
    std::size_t files() const { return last_.size(); }
    const std::filesystem::path& folder() const { return folder_; }

  private:
    using Stamp = std::pair<std::int64_t, std::uintmax_t>;  // mtime (ns), size
    std::map<std::string, Stamp> look() const;

    std::filesystem::path folder_;
    std::map<std::string, Stamp> last_;
};

}  // namespace continuum::ui
