#include "plain_text.hpp"

#include <vector>

namespace continuum::report {

namespace {
bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The byte offset after the first `n` characters of `s`.
std::size_t bytes_for(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < s.size() && chars < n; ++chars) {
        ++i;
        while (i < s.size() && continuation(s[i]))
            ++i;
    }
    return i;
}
}  // namespace

std::size_t text_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if (!continuation(c)) ++n;
    return n;
}

void append_wrapped(std::string& out, std::string_view text, std::size_t indent, std::size_t hang,
                    std::size_t width) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < text.size();) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j;
    }
    std::string line(indent, ' ');
    std::size_t used = indent, margin = indent;
    bool empty = true;
    auto flush = [&] {
        out += line;
        out += '\n';
        line.assign(hang, ' ');
        used = margin = hang;
        empty = true;
    };
    for (std::string_view w : words) {
        std::size_t len = text_length(w);
        if (!empty && used + 1 + len > width) flush();
        while (margin + len > width) {  // longer than a whole line: cut it
            std::size_t room = width - used - (empty ? 0 : 1);
            if (!empty) line += ' ';
            std::size_t cut = bytes_for(w, room);
            line += std::string(w.substr(0, cut));
            w.remove_prefix(cut);
            len = text_length(w);
            flush();
        }
        if (w.empty()) continue;
        if (!empty) {
            line += ' ';
            ++used;
        }
        line += std::string(w);
        used += len;
        empty = false;
    }
    if (!empty || words.empty()) flush();
}

}  // namespace continuum::report
