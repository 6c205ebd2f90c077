#include "folder_watch.hpp"

#include "engine/ruleset/load.hpp"

namespace continuum::ui {

namespace fs = std::filesystem;

FolderWatch::FolderWatch(fs::path folder) : folder_(std::move(folder)), last_(look()) {}

std::map<std::string, FolderWatch::Stamp> FolderWatch::look() const {
    std::map<std::string, Stamp> out;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder_, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::error_code fe;
        if (!it->is_regular_file(fe)) continue;
        fs::path rel = it->path().lexically_relative(folder_);
        if (!engine::is_rule_file(rel)) continue;
        auto mtime = it->last_write_time(fe);
        auto size = it->file_size(fe);
        if (fe) continue;  // removed between the walk and the stat: seen as gone
        out[rel.generic_string()] = {mtime.time_since_epoch().count(), size};
    }
    return out;
}

bool FolderWatch::changed() {
    auto now = look();
    if (now == last_) return false;
    last_ = std::move(now);
    return true;
}

}  // namespace continuum::ui
