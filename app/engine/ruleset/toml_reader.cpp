#include "toml_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "../printable.hpp"

namespace continuum::engine {

// [SECTION] SourceFile: positions inside the raw text

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

namespace {
bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

std::size_t utf8_length(std::uint32_t cp) {
    if (cp < 0x80) return 1;
    if (cp < 0x800) return 2;
    if (cp < 0x10000) return 3;
    return 4;
}
}  // namespace

std::size_t SourceFile::byte_index(SourcePos p) const {
    if (p.line == 0 || p.line > line_starts_.size()) return text_.size();
    std::size_t i = line_starts_[p.line - 1];
    for (std::uint32_t col = 1; col < p.column && i < text_.size() && text_[i] != '\n'; ++col) {
        ++i;
        while (i < text_.size() && is_continuation(static_cast<unsigned char>(text_[i])))
            ++i;
    }
    return i;
}

SourcePos SourceFile::pos_of_byte(std::size_t index) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), index);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    std::size_t start = line_starts_[line - 1];
    std::uint32_t col = 1;
    for (std::size_t i = start; i < index && i < text_.size(); ++i)
        if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++col;
    return {static_cast<std::uint32_t>(line), col};
}

SourcePos SourceFile::position_in_string(const toml::source_position& begin,
                                         std::size_t offset) const {
    std::size_t r = byte_index({begin.line, begin.column});
    if (r >= text_.size()) return {begin.line, begin.column};
    char quote = text_[r];
    bool literal = quote == '\'';
    bool multiline = text_.compare(r, 3, std::string(3, quote)) == 0;
    r += multiline ? 3 : 1;
    if (multiline) {  // a newline straight after the opening delimiter is not part of the value
        if (r < text_.size() && text_[r] == '\n')
            ++r;
        else if (text_.compare(r, 2, "\r\n") == 0)
            r += 2;
    }
    std::size_t v = 0;
    while (r < text_.size() && v < offset) {
        char c = text_[r];
        if (!literal && c == '\\' && r + 1 < text_.size()) {
            char e = text_[r + 1];
            if (e == 'u' || e == 'U') {
                std::size_t digits = e == 'u' ? 4 : 8;
                std::uint32_t cp = 0;
                try {
                    cp = static_cast<std::uint32_t>(
                        std::stoul(text_.substr(r + 2, digits), nullptr, 16));
                } catch (...) {
                }
                v += utf8_length(cp);
                r += 2 + digits;
                continue;
            }
            if (multiline && (e == '\n' || e == ' ' || e == '\t' || e == '\r')) {
                // Line-ending backslash: the backslash and all following whitespace vanish.
                ++r;
                while (r < text_.size() && (text_[r] == ' ' || text_[r] == '\t' ||
                                            text_[r] == '\n' || text_[r] == '\r'))
                    ++r;
                continue;
            }
            v += 1;
            r += 2;
            continue;
        }
        ++v;
        ++r;
    }
    return pos_of_byte(r);
}

// [SECTION] TableReader

std::string_view toml_type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string:
            return "a text";
        case toml::node_type::integer:
            return "a whole number";
        case toml::node_type::floating_point:
            return "a number";
        case toml::node_type::boolean:
            return "true/false";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date and time";
        case toml::node_type::array:
            return "a list";
        case toml::node_type::table:
            return "a table";
        default:
            return "nothing";
    }
}

TableReader::TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diags,
                         std::string what, std::vector<std::string> allowed_keys)
    : table_(table),
      file_(file),
      diags_(diags),
      what_(std::move(what)),
      allowed_(std::move(allowed_keys)) {}

TableReader::~TableReader() {
    for (const auto& [key, value] : table_) {
        std::string k(key.str());
        if (std::find(allowed_.begin(), allowed_.end(), k) != allowed_.end()) continue;
        std::string keys;
        for (const auto& a : allowed_)
            keys += (keys.empty() ? "" : ", ") + a;
        std::string hint = did_you_mean(k, allowed_);
        diags_.error(file_.path(), file_.pos(key.source().begin), "unknown-key",
                     fmt::format("unknown key '{}' in {}{}{}", excerpt(k), what_, hint,
                                 hint.empty() ? fmt::format("; the keys are: {}", keys) : ""));
    }
}

void TableReader::missing(std::string_view key) {
    diags_.error(file_.path(), file_.pos(table_), "missing-key",
                 fmt::format("{} needs '{}'", what_, key));
}

void TableReader::wrong_type(std::string_view key, const toml::node& n, std::string_view expected) {
    diags_.error(
        file_.path(), file_.pos(n), "wrong-type",
        fmt::format("'{}' in {} must be {}, not {}", key, what_, expected, toml_type_name(n)));
}

// A control character (a NUL, an escape sequence, a bidirectional override...) written with a
// TOML escape would be invisible in the file and garble or reorder the text wherever it is
// shown: refused where it stands. Tabs and line breaks are ordinary in longer texts.
void TableReader::refuse_controls(std::string_view key, const toml::node& n, std::string_view text,
                                  LineBreaks breaks) {
    auto c = find_control(text, breaks);
    if (!c) return;
    diags_.error(file_.path(), file_.position_in_string(n.source().begin, c->offset),
                 "control-character",
                 fmt::format("'{}' in {} holds the control character {}, which would be invisible "
                             "or garble the screen where it is shown: remove it",
                             key, what_, describe(*c)));
}

void TableReader::error_at(const toml::node& n, std::string code, std::string message) {
    diags_.error(file_.path(), file_.pos(n), std::move(code), std::move(message));
}

std::string TableReader::text(std::string_view key, bool required, LineBreaks breaks) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) missing(key);
        return {};
    }
    if (auto s = n->value<std::string>(); s && n->is_string()) {
        refuse_controls(key, *n, *s, breaks);
        if (required && s->empty())
            diags_.error(file_.path(), file_.pos(*n), "empty-value",
                         fmt::format("'{}' in {} is empty", key, what_));
        return *s;
    }
    wrong_type(key, *n, "a quoted text");
    return {};
}

std::string TableReader::line(std::string_view key, bool required) {
    return text(key, required, LineBreaks::Refused);
}

std::string TableReader::string(std::string_view key, bool required) {
    return text(key, required, LineBreaks::Allowed);
}

std::vector<std::string> TableReader::strings(std::string_view key, bool required) {
    std::vector<std::string> out;
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) missing(key);
        return out;
    }
    const toml::array* arr = n->as_array();
    if (!arr) {
        if (n->is_string()) {  // a single text where a list was expected is a common slip
            wrong_type(
                key, *n,
                fmt::format("a list of quoted texts, e.g. [\"{}\"]", *n->value<std::string>()));
        } else {
            wrong_type(key, *n, "a list of quoted texts");
        }
        return out;
    }
    for (const auto& item : *arr) {
        if (!item.is_string()) {
            wrong_type(key, item, "a list of quoted texts");
            continue;
        }
        out.push_back(*item.value<std::string>());
        refuse_controls(key, item, out.back());
    }
    if (required && out.empty())
        diags_.error(file_.path(), file_.pos(*n), "empty-value",
                     fmt::format("'{}' in {} is an empty list", key, what_));
    return out;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) missing(key);
        return std::nullopt;
    }
    if (!n->is_integer()) {
        wrong_type(key, *n, "a whole number");
        return std::nullopt;
    }
    return *n->value<std::int64_t>();
}

std::optional<double> TableReader::number(std::string_view key) {
    const toml::node* n = table_.get(key);
    if (!n) return std::nullopt;
    if (!n->is_number()) {
        wrong_type(key, *n, "a number");
        return std::nullopt;
    }
    return *n->value<double>();
}

const toml::table* TableReader::table(std::string_view key) {
    const toml::node* n = table_.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
        wrong_type(key, *n, "a table");
        return nullptr;
    }
    return n->as_table();
}

const toml::array* TableReader::array(std::string_view key) {
    const toml::node* n = table_.get(key);
    if (!n) return nullptr;
    if (!n->is_array()) {
        wrong_type(key, *n, "a list");
        return nullptr;
    }
    return n->as_array();
}

std::vector<Citation> TableReader::citations(bool required) {
    std::vector<Citation> out;
    const toml::node* n = table_.get("cites");
    if (!n) {
        if (required)
            diags_.error(file_.path(), file_.pos(table_), "missing-citation",
                         fmt::format("{} cites no source: add cites = [\"source_id\"]", what_));
        return out;
    }
    strings("cites");  // reports a wrong type once
    const toml::array* arr = n->as_array();
    for (std::size_t i = 0; arr && i < arr->size(); ++i) {
        if (!arr->get(i)->is_string()) continue;
        const std::string c = *arr->get(i)->value<std::string>();
        Citation cit;
        auto hash = c.find('#');
        cit.source = c.substr(0, hash);
        if (hash != std::string::npos) cit.pinpoint = c.substr(hash + 1);
        cit.origin = file_.origin(*arr->get(i));
        out.push_back(std::move(cit));
    }
    if (required && out.empty() && n->is_array())
        diags_.error(file_.path(), file_.pos(*n), "missing-citation",
                     fmt::format("{} cites no source", what_));
    return out;
}

std::optional<PendingCondition> TableReader::condition(std::string_view key, Condition& target,
                                                       bool required) {
    const toml::node* n = table_.get(key);
    if (!n) {
        if (required) missing(key);
        return std::nullopt;
    }
    if (!n->is_string()) {
        wrong_type(key, *n, "a condition in quotes, e.g. \"a and not b\"");
        return std::nullopt;
    }
    target.text = *n->value<std::string>();
    if (target.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags_.error(file_.path(), file_.pos(*n), "empty-value",
                     fmt::format("'{}' in {} is empty", key, what_));
        target.text.clear();
        return std::nullopt;
    }
    PendingCondition pc;
    pc.file = &file_;
    pc.begin = n->source().begin;
    pc.owner = what_;
    pc.key = std::string(key);
    return pc;
}

std::optional<toml::table> parse_toml(const SourceFile& file, Diagnostics& d) {
    try {
        return toml::parse(file.text(), std::string_view(file.path()));
    } catch (const toml::parse_error& e) {
        d.error(file.path(), file.pos(e.source().begin), "toml-syntax",
                fmt::format("this is not valid TOML: {}", e.description()));
        return std::nullopt;
    }
}

}  // namespace continuum::engine
