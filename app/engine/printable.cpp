#include "printable.hpp"

#include <cstring>

#include <fmt/format.h>

namespace continuum::engine {

namespace {

// One UTF-8 character at `i`: its code point and length, or length 0 for an invalid byte
// (a stray continuation byte, an overlong form, a surrogate, or a truncated sequence).
struct Decoded {
    std::uint32_t code = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (n == 0 || b0 > 0xF4 || i + n > s.size()) return {};
    std::uint32_t cp = b0 & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return {};
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kLeast[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, n};
}

bool is_control(std::uint32_t cp, LineBreaks breaks) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return breaks == LineBreaks::Refused;
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Whether none of eight bytes is below 0x20, DEL or above: printable ASCII, which is nearly
// all of a rule set's text, is passed over a word at a time. A false alarm (a borrow from a byte
// that is not printable) only sends the caller to the character-by-character check.
bool printable_ascii(const char* at) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    std::uint64_t w;
    std::memcpy(&w, at, 8);
    const std::uint64_t below_space = (w - 0x20 * kOnes) & ~w;
    const std::uint64_t del = ((w ^ 0x7F * kOnes) - kOnes) & ~(w ^ 0x7F * kOnes);
    return ((below_space | del | w) & kHigh) == 0;
}

}  // namespace

std::optional<ControlChar> find_control(std::string_view text, LineBreaks breaks) {
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && printable_ascii(text.data() + i)) {
            i += 8;
            continue;
        }
        Decoded d = decode(text, i);
        if (d.length == 0) return ControlChar{i, static_cast<unsigned char>(text[i]), true};
        if (is_control(d.code, breaks)) return ControlChar{i, d.code, false};
        i += d.length;
    }
    return std::nullopt;
}

std::string describe(const ControlChar& c) {
    if (c.invalid_utf8) return fmt::format("byte 0x{:02X}, which is not UTF-8", c.code);
    return fmt::format("U+{:04X}", c.code);
}

std::string printable(std::string_view text, LineBreaks breaks) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        Decoded d = decode(text, i);
        if (d.length == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        // A carriage return is escaped even where line breaks are kept: on a terminal it
        // sends the cursor back to overwrite the start of the line.
        bool keep = !is_control(d.code, breaks) && d.code != '\r';
        if (keep)
            out.append(text.substr(i, d.length));
        else if (d.code < 0x80)
            out += fmt::format("\\x{:02x}", d.code);
        else
            out += fmt::format("\\u{:04x}", d.code);
        i += d.length;
    }
    return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::size_t i = 0, chars = 0;
    while (i < text.size() && chars < max_chars) {
        Decoded d = decode(text, i);
        i += d.length == 0 ? 1 : d.length;
        ++chars;
    }
    if (i >= text.size()) return std::string(text);
    std::size_t total = chars;
    for (std::size_t k = i; k < text.size(); ++total) {
        Decoded d = decode(text, k);
        k += d.length == 0 ? 1 : d.length;
    }
    return fmt::format("{}\u2026 ({} characters in all)", text.substr(0, i), thousands(total));
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace continuum::engine
