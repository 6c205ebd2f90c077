// Text that came from a user's file (a case reference, a name, a rule's label) on its way to a
// terminal or a text report. A control character could move the cursor, ring the bell, change
// the colours, rewrite the line or reorder it (bidirectional overrides): such characters are
// refused where they are read (find_control) and written as visible escapes where they are
// shown (printable), so what a reader sees is what the file holds.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace continuum::engine {

// A character that has no business in a name, a reference or a label, and where it is.
struct ControlChar {
    std::size_t offset = 0;     // byte offset in the text
    std::uint32_t code = 0;     // the code point (or the byte, for invalid UTF-8)
    bool invalid_utf8 = false;  // a byte that does not begin or continue a UTF-8 character
};

enum class LineBreaks : std::uint8_t { Allowed, Refused };

// The first C0 control character (U+0000-U+001F; tab, line feed and carriage return are
// allowed when `breaks` is Allowed), DEL, C1 control (U+0080-U+009F), bidirectional override
// or isolate (U+202A-U+202E, U+2066-U+2069), or byte of invalid UTF-8; nothing when clean.
std::optional<ControlChar> find_control(std::string_view text,
                                        LineBreaks breaks = LineBreaks::Allowed);

// "U+001B" (or "byte 0x9B" for invalid UTF-8), for messages.
std::string describe(const ControlChar& c);

// `text` with every character find_control would report written as an escape: \x1b for
// bytes below 0x80, \u009b for code points, \xNN for invalid UTF-8; a backslash stays a
// backslash. Tab and line feed are kept when `breaks` is Allowed (carriage return never is:
// it would let the rest of the line overwrite what came before).
std::string printable(std::string_view text, LineBreaks breaks = LineBreaks::Allowed);

// At most `max_chars` characters of `text` (whole UTF-8 characters), with "…" and the full
// length when shortened: a 10 MB name in a message stays one short line.
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

// 19990 as "19,990", for counts in messages.
std::string thousands(std::size_t n);

}  // namespace continuum::engine
