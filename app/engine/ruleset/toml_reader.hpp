// Typed, positioned access to the tables of one TOML file: every wrong type, missing key and
// unknown key becomes a Diagnostic at its line and column, and reading carries on.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "../diagnostics.hpp"
#include "../printable.hpp"
#include "schema.hpp"

namespace continuum::engine {

// One file's text, for turning toml++ regions and offsets inside strings into positions.
class SourceFile {
  public:
    SourceFile(std::string path, std::string text);

    const std::string& path() const { return path_; }
    const std::string& text() const { return text_; }

    SourcePos pos(const toml::source_position& p) const { return {p.line, p.column}; }
    SourcePos pos(const toml::node& n) const { return pos(n.source().begin); }
    Origin origin(const toml::node& n) const { return {path_, pos(n)}; }

    // Position of the byte `offset` of a string value whose node begins at `begin` (its
    // opening quote), following escapes and multi-line strings in the raw text.
    SourcePos position_in_string(const toml::source_position& begin, std::size_t offset) const;

  private:
    std::size_t byte_index(SourcePos p) const;
    SourcePos pos_of_byte(std::size_t index) const;

    std::string path_;
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

// The file parsed as TOML, or nothing with one positioned `toml-syntax` error in `d`.
std::optional<toml::table> parse_toml(const SourceFile& file, Diagnostics& d);

// A condition string with where it was written, compiled later once all ids are known.
// It names its owner by kind and index because the owners' vectors still grow while loading.
struct PendingCondition {
    ItemKind kind = ItemKind::Fact;
    std::uint32_t index = 0;
    bool is_unless = false;  // the owner's `unless` rather than its main condition
    const SourceFile* file = nullptr;
    toml::source_position begin;  // the string's opening quote
    std::string owner;            // "rule 'x'", for messages
    std::string key;              // "when"
};

class TableReader {
  public:
    TableReader(const toml::table& table, const SourceFile& file, Diagnostics& diags,
                std::string what, std::vector<std::string> allowed_keys);

    // Reports keys not in the allowed list, with "did you mean".
    ~TableReader();

    std::string string(std::string_view key, bool required = false);
    // A text that must fit on one line (a reference, a name): tabs and line breaks are
    // refused as well as the other control characters.
    std::string line(std::string_view key, bool required = false);
    std::vector<std::string> strings(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, bool required = false);
    std::optional<double> number(std::string_view key);
    const toml::table* table(std::string_view key);
    const toml::array* array(std::string_view key);
    std::vector<Citation> citations(bool required = true);
    // Reads a condition's text into `target`; returns where it was written so it can be
    // compiled once every id is known, or nothing when absent.
    std::optional<PendingCondition> condition(std::string_view key, Condition& target,
                                              bool required = false);

    const toml::node* node(std::string_view key) const { return table_.get(key); }
    Origin origin() const { return file_.origin(table_); }
    const std::string& what() const { return what_; }
    void set_what(std::string what) { what_ = std::move(what); }

    void error_at(const toml::node& n, std::string code, std::string message);
    // Reports a control character in `text` (the string at node `n`, under `key`), positioned
    // at the character. string() and strings() do this for every text they read.
    void refuse_controls(std::string_view key, const toml::node& n, std::string_view text,
                         LineBreaks breaks = LineBreaks::Allowed);

  private:
    std::string text(std::string_view key, bool required, LineBreaks breaks);
    void missing(std::string_view key);
    void wrong_type(std::string_view key, const toml::node& n, std::string_view expected);

    const toml::table& table_;
    const SourceFile& file_;
    Diagnostics& diags_;
    std::string what_;
    std::vector<std::string> allowed_;
};

std::string_view toml_type_name(const toml::node& n);

}  // namespace continuum::engine
